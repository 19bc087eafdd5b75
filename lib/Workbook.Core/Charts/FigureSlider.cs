using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Workbook.Core.Charts;

/// <summary>
/// A slider in a figure, read from its plotly.js JSON: the parameter it sets, the values it offers and
/// the one shown first. <see cref="Freeze"/> turns a slider figure into a static one for images.
/// </summary>
/// <param name="Parameter">
/// The short name used in <c>--at</c>, like <c>c</c>: the slider's plotly.js <c>name</c> if it has one,
/// otherwise the last word of its label with any unit in parentheses dropped (<c>"servers c: "</c> gives
/// <c>c</c>, <c>"window n (calls): "</c> gives <c>n</c>, <c>"route stretch: "</c> gives <c>stretch</c>).
/// </param>
/// <param name="Label">What the slider says before its value, like <c>servers c</c>.</param>
/// <param name="Values">The labels of the slider's positions, in order.</param>
/// <param name="Active">The index in <paramref name="Values"/> shown when the figure opens.</param>
/// <remarks>
/// A slider only works where plotly.js runs (the notebook, HTML). A PNG, SVG or PDF of a slider figure
/// would show a slider nobody can drag, so exports draw one position instead and say which in the
/// title. A step shows and hides traces with plotly.js's <c>restyle</c> of <c>visible</c>; as in
/// plotly.js, a <c>visible</c> list shorter than the trace list repeats from its start.
/// </remarks>
public sealed partial record FigureSlider(string Parameter, string Label, IReadOnlyList<string> Values, int Active)
{
    /// <summary>The sliders of a chart, in layout order; empty when it has none.</summary>
    /// <param name="chart">A built chart.</param>
    /// <returns>One entry per slider.</returns>
    public static IReadOnlyList<FigureSlider> Of(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Of(ChartHtml.FigureJson(chart));
    }

    /// <summary>The sliders of a figure given as plotly.js JSON.</summary>
    internal static IReadOnlyList<FigureSlider> Of(string figureJson)
    {
        var layout = FigureJsonNodes.Parse(figureJson)["layout"] as JsonObject;
        return layout?["sliders"] is JsonArray sliders
            ? sliders.OfType<JsonObject>().Select(Describe).ToList()
            : [];
    }

    /// <summary>
    /// The index of a position in <see cref="Values"/>: the label itself, or the same number written
    /// differently (<c>1.50</c> for <c>1.5</c>).
    /// </summary>
    /// <param name="value">The value as the user wrote it.</param>
    /// <returns>The index of the matching position.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No position has that value; the message lists them.</exception>
    public int IndexOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], text, StringComparison.Ordinal)
                || (TryNumber(Values[i], out var label) && TryNumber(text, out var number) && label == number))
            {
                return i;
            }
        }

        throw Guard.OutOfRange(nameof(value), $"one of the positions of '{Parameter}': {string.Join(", ", Values)}", value);
    }

    /// <summary>
    /// The figure as a static image of one slider position: the traces of that position visible, every
    /// slider removed (the plot takes its room; the figure keeps its size), and the position stated in the subtitle.
    /// </summary>
    /// <param name="figureJson">The figure's plotly.js JSON (<see cref="ChartHtml.FigureJson"/>).</param>
    /// <param name="at">The position to show per parameter; a slider not named here shows its <see cref="Active"/> position.</param>
    /// <returns>The figure JSON without sliders; unchanged when it has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value in <paramref name="at"/> is not a position of its slider.</exception>
    public static string Freeze(string figureJson, IReadOnlyDictionary<string, string>? at = null)
    {
        var figure = FigureJsonNodes.Parse(figureJson);
        if (figure["layout"] is not JsonObject layout || layout["sliders"] is not JsonArray sliders || sliders.Count == 0)
        {
            return figureJson;
        }

        var data = figure["data"] as JsonArray ?? [];
        var shown = new List<string>();
        foreach (var sliderObject in sliders.OfType<JsonObject>())
        {
            var slider = Describe(sliderObject);
            var index = at is not null && at.TryGetValue(slider.Parameter, out var wanted) ? slider.IndexOf(wanted) : slider.Active;
            ApplyStep(sliderObject, index, data);
            shown.Add($"{slider.Label} = {slider.Values[index]}");
        }

        layout.Remove("sliders");
        GiveBackSliderRoom(layout);
        StateInTitle(layout, "shown at " + string.Join(", ", shown));
        return FigureJsonNodes.Write(figure);
    }

    /// <summary>The figure, still interactive, opening at the given slider positions instead of its own.</summary>
    /// <param name="figureJson">The figure's plotly.js JSON.</param>
    /// <param name="at">The position to open at per parameter; other sliders keep theirs.</param>
    /// <returns>The figure JSON; unchanged when it has no slider named in <paramref name="at"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value in <paramref name="at"/> is not a position of its slider.</exception>
    public static string MoveTo(string figureJson, IReadOnlyDictionary<string, string> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var figure = FigureJsonNodes.Parse(figureJson);
        if (figure["layout"] is not JsonObject layout || layout["sliders"] is not JsonArray sliders)
        {
            return figureJson;
        }

        var data = figure["data"] as JsonArray ?? [];
        var moved = false;
        foreach (var sliderObject in sliders.OfType<JsonObject>())
        {
            var slider = Describe(sliderObject);
            if (at.TryGetValue(slider.Parameter, out var wanted))
            {
                var index = slider.IndexOf(wanted);
                ApplyStep(sliderObject, index, data);
                sliderObject["active"] = index;
                moved = true;
            }
        }

        return moved ? FigureJsonNodes.Write(figure) : figureJson;
    }

    private static FigureSlider Describe(JsonObject slider)
    {
        var steps = slider["steps"] as JsonArray ?? [];
        var values = steps.Select(s => s?["label"]?.GetValue<string>() ?? string.Empty).ToList();
        var prefix = slider["currentvalue"]?["prefix"]?.GetValue<string>() ?? string.Empty;
        var label = prefix.Trim().TrimEnd(':').Trim();
        var name = slider["name"]?.GetValue<string>();
        var parameter = !string.IsNullOrWhiteSpace(name) ? name : LastWord(label);
        var active = slider["active"] is JsonValue a && a.TryGetValue<int>(out var i) && i >= 0 && i < values.Count ? i : 0;
        return new FigureSlider(parameter, label.Length > 0 ? label : parameter, values, active);
    }

    private static string LastWord(string label)
    {
        var words = Unit().Replace(label, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 ? words[^1] : "slider";
    }

    private static void ApplyStep(JsonObject slider, int index, JsonArray data)
    {
        var step = (slider["steps"] as JsonArray)?[index] as JsonObject;
        if (step?["args"] is not JsonArray args || args.Count == 0 || args[0]?["visible"] is not JsonArray visible || visible.Count == 0)
        {
            return;
        }

        for (var trace = 0; trace < data.Count; trace++)
        {
            if (data[trace] is JsonObject traceObject)
            {
                traceObject["visible"] = visible[trace % visible.Count]?.DeepClone();
            }
        }
    }

    /// <summary>
    /// Sets the bottom margin back to plotly.js's default (80 px), so the plot takes the room the slider
    /// had; the figure keeps its size, which exports and the notes preset promise.
    /// </summary>
    private static void GiveBackSliderRoom(JsonObject layout)
    {
        const double DefaultBottomMargin = 80;
        if (layout["margin"] is JsonObject margin && margin["b"] is JsonValue b && b.TryGetValue<double>(out var bottom) && bottom > DefaultBottomMargin)
        {
            margin["b"] = DefaultBottomMargin;
        }
    }

    private static void StateInTitle(JsonObject layout, string position)
    {
        var title = layout["title"] as JsonObject ?? new JsonObject();
        layout["title"] = title;
        var text = title["text"]?.GetValue<string>() ?? string.Empty;
        const string spanEnd = "</span>";
        title["text"] = text.EndsWith(spanEnd, StringComparison.Ordinal)
            ? text[..^spanEnd.Length] + "; " + position + spanEnd
            : text + "<br><span style=\"font-size:75%\">" + position + spanEnd;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex(@"\([^()]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Unit();
}
