using System.Text.Json.Nodes;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

/// <summary>How one series of a figure is drawn, read back from its plotly.js trace.</summary>
/// <param name="Index">The trace's position in the figure's data.</param>
/// <param name="Name">The legend name.</param>
/// <param name="Colour">The series colour as written (<c>line.color</c>, else <c>marker.color</c>).</param>
/// <param name="Kind">"bar", "lines", "markers" or "lines+markers".</param>
/// <param name="Dash">The line dash ("solid" when not set); null for a series without a line.</param>
/// <param name="Symbol">The marker symbol ("circle" when not set); null for a series without markers.</param>
/// <param name="Pattern">A bar's fill pattern ("" when none); null for a series that is not a bar.</param>
/// <param name="DirectlyLabelled">Whether the series writes its own text on the chart (mode with "text", or bar text).</param>
internal sealed record SeriesStyle(int Index, string Name, string Colour, string Kind, string? Dash, string? Symbol, string? Pattern, bool DirectlyLabelled);

/// <summary>
/// The rule that colour is never the only cue, for any figure: every two series shown together must be told
/// apart by a cue that survives colour blindness, and, when they differ in colour, by colours that stay far apart for it.
/// </summary>
/// <remarks>
/// <para>Non-colour cues (<see cref="NonColourCue"/>), required for every pair: a different kind (bars, lines, words only,
/// markers, lines with markers); for two series with lines, a different dash; for two with markers, a different
/// symbol; for two bar series, a different fill pattern; or both series directly labelled on the chart.</para>
/// <para>Colour, required as well for every pair of different colours: at least <see cref="MinimumDeltaE00"/>
/// (CIEDE2000) under normal vision and under simulated deuteranopia and protanopia (<see cref="ColourVision"/>).
/// Two series of one colour (an exact line and its simulated markers) are grouped by colour on purpose and need
/// only the non-colour cue.</para>
/// </remarks>
internal static class SeriesStyles
{
    /// <summary>
    /// The smallest CIEDE2000 difference accepted between two series told apart by colour alone. An engineering
    /// choice, not a standard: about 1 is just noticeable between large patches, and thin lines and small markers
    /// need several times more. Every pair of Okabe–Ito colours (greys excluded) is at least 11.6 apart for all
    /// three visions; the old default red and green (#d62728, #2ca02c) are 4.6 apart under deuteranopia.
    /// </summary>
    public const double MinimumDeltaE00 = 10;

    public static readonly ColourVisionDeficiency[] Visions =
        [ColourVisionDeficiency.None, ColourVisionDeficiency.Deuteranopia, ColourVisionDeficiency.Protanopia];

    public static IReadOnlyList<SeriesStyle> Read(JsonNode figure) =>
        figure["data"]!.AsArray().Select((t, i) => Read(t!, i)).ToList();

    private static SeriesStyle Read(JsonNode trace, int index)
    {
        var type = trace["type"]?.GetValue<string>() ?? "scatter";
        var name = trace["name"]?.GetValue<string>() ?? "";
        if (type == "bar")
        {
            return new SeriesStyle(index, name, ColourOf(trace["marker"]?["color"], name), "bar", null, null,
                trace["marker"]?["pattern"]?["shape"]?.GetValue<string>() ?? "", trace["text"] is not null);
        }

        var mode = trace["mode"]?.GetValue<string>() ?? "lines+markers";
        var parts = mode.Split('+');
        var lines = parts.Contains("lines");
        var markers = parts.Contains("markers");
        var kind = lines && markers ? "lines+markers" : lines ? "lines" : markers || !parts.Contains("text") ? "markers" : "text"; // mode "text" draws words only
        var colour = ColourOf(lines ? trace["line"]?["color"] ?? trace["marker"]?["color"] : trace["marker"]?["color"], name);
        return new SeriesStyle(index, name, colour, kind,
            lines ? trace["line"]?["dash"]?.GetValue<string>() ?? "solid" : null,
            markers ? SymbolOf(trace["marker"]?["symbol"]) : null,
            null,
            parts.Contains("text"));
    }

    private static string ColourOf(JsonNode? node, string name) =>
        node is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidOperationException($"series '{name}' has no single colour; give it one Palette colour");

    private static string SymbolOf(JsonNode? node) =>
        node is null ? "circle" : node is JsonValue v && v.TryGetValue<string>(out var text) ? text : node.ToJsonString();

    /// <summary>
    /// The groups of series a reader sees at once: without a slider, every trace not hidden; with a slider, for
    /// each step the traces its "visible" array shows (a trace beyond the array keeps its own visibility).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<SeriesStyle>> ShownTogether(JsonNode figure)
    {
        var series = Read(figure);
        var traces = figure["data"]!.AsArray();
        bool OwnVisible(int i) => traces[i]!["visible"] is not JsonValue v || (v.TryGetValue<bool>(out var b) ? b : v.GetValue<string>() == "true");
        var steps = figure["layout"]?["sliders"]?[0]?["steps"]?.AsArray();
        if (steps is null)
        {
            return [series.Where(s => OwnVisible(s.Index)).ToList()];
        }

        return steps.Select(step =>
        {
            var visible = step!["args"]![0]!["visible"]!.AsArray().Select(v => v!.GetValue<bool>()).ToArray();
            return (IReadOnlyList<SeriesStyle>)series.Where(s => s.Index < visible.Length ? visible[s.Index] : OwnVisible(s.Index)).ToList();
        }).ToList();
    }

    /// <summary>The non-colour cue that tells two series apart, or null when only colour could.</summary>
    public static string? NonColourCue(SeriesStyle a, SeriesStyle b) =>
        a.Kind != b.Kind ? "kind"
        : a.Dash is not null && b.Dash is not null && a.Dash != b.Dash ? "dash"
        : a.Symbol is not null && b.Symbol is not null && a.Symbol != b.Symbol ? "marker symbol"
        : a.Pattern is not null && b.Pattern is not null && a.Pattern != b.Pattern ? "fill pattern"
        : a.DirectlyLabelled && b.DirectlyLabelled ? "direct labels"
        : null;

    /// <summary>The smallest ΔE₀₀ between the two colours over normal vision, deuteranopia and protanopia.</summary>
    public static double WorstColourDifference(string a, string b) =>
        Visions.Min(v => ColourVision.Difference(a, b, v));

    /// <summary>
    /// Every pair shown together with no non-colour cue, and every pair of different colours that a reader with
    /// normal vision, deuteranopia or protanopia sees less than <see cref="MinimumDeltaE00"/> apart.
    /// </summary>
    public static IReadOnlyList<string> Problems(JsonNode figure)
    {
        var problems = new List<string>();
        void Add(string problem)
        {
            if (!problems.Contains(problem))
            {
                problems.Add(problem);
            }
        }

        foreach (var group in ShownTogether(figure))
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    var (a, b) = (group[i], group[j]);
                    if (NonColourCue(a, b) is null)
                    {
                        Add($"'{a.Name}' and '{b.Name}': colour is the only cue (same kind, dash, symbol and pattern, not both labelled)");
                    }

                    if (!string.Equals(a.Colour, b.Colour, StringComparison.OrdinalIgnoreCase))
                    {
                        var worst = WorstColourDifference(a.Colour, b.Colour);
                        if (worst < MinimumDeltaE00)
                        {
                            Add($"'{a.Name}' ({a.Colour}) and '{b.Name}' ({b.Colour}): worst ΔE00 {worst:0.0} < {MinimumDeltaE00}");
                        }
                    }
                }
            }
        }

        return problems;
    }
}
