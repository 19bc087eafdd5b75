using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Workbook.Core.Charts;

/// <summary>How an exported figure is sized and coloured: image size, PNG pixel density, theme.</summary>
/// <remarks>
/// <para>
/// Applied to a built chart at export time (<see cref="Render(GenericChart)"/>), so every figure of every
/// episode inherits it and no figure definition changes. Text scales with the image through one
/// <em>text zoom</em>: an explicit size draws the figure on a canvas of the image size divided by
/// <c>zoom = max(1, min(shorter side / 540, width / 720))</c> and lets plotly.js render that canvas <c>zoom</c>
/// times larger (the 720 keeps square and portrait canvases wide enough for figures designed 900 px wide;
/// titles are wrapped to the canvas and fixed side margins narrowed with it).
/// Fonts, margins, lines and markers grow together, so a figure keeps the proportions it was designed
/// with at 900 × 520; on a 1920 × 1080 slide the 16 px base font becomes 32 px (16 pt on a 13.33-inch
/// slide, the shorter side / 34) and the title 44 px. <see cref="FigureTheme.Talk"/> multiplies the
/// zoom by <see cref="TalkTextFactor"/>. An image whose width is at most <see cref="LegendBelowAspect"/>
/// times its height (square, portrait) gets a horizontal legend below the plot.
/// </para>
/// </remarks>
public sealed record FigureLayout
{
    /// <summary>The smallest width or height, in pixels.</summary>
    public const int MinPixels = 200;

    /// <summary>The largest width or height, in pixels.</summary>
    public const int MaxPixels = 8000;

    /// <summary>The smallest PNG pixel density.</summary>
    public const double MinScale = 0.5;

    /// <summary>The largest PNG pixel density.</summary>
    public const double MaxScale = 4;

    /// <summary>The longest side, in pixels, of a PNG Chromium can draw (its canvas limit): width × scale and height × scale stay at or below it.</summary>
    public const int MaxPngSide = 16384;

    /// <summary>The shorter side, in pixels, at which text is drawn at its notebook size; larger images zoom text in proportion.</summary>
    public const int TextReferencePixels = 540;

    /// <summary>How much larger the <see cref="FigureTheme.Talk"/> theme draws text, lines and markers.</summary>
    public const double TalkTextFactor = 1.25;

    /// <summary>Images with width / height at or below this ratio put the legend below the plot.</summary>
    public const double LegendBelowAspect = 1.25;

    /// <summary>The names <see cref="FigurePreset"/> values are written with on the command line.</summary>
    public static readonly IReadOnlyList<string> PresetNames = ["notes", "slide", "square", "portrait"];

    /// <summary>The names <see cref="FigureTheme"/> values are written with on the command line.</summary>
    public static readonly IReadOnlyList<string> ThemeNames = ["light", "dark", "transparent", "talk"];

    /// <summary>The narrowest canvas, in pixels, the text zoom may leave: figures are designed 900 px wide, with margins for long labels.</summary>
    public const int MinCanvasWidth = 720;

    private const double AverageCharacterWidth = 0.55;
    private const double SubtitleScale = 0.75;
    private const double LineHeight = 1.3;
    private const double TitleSidePadding = 10;
    private const double TitleTopPadding = 12;
    private const double TitleGap = 24;
    private const double DefaultTopMargin = 100;

    private static readonly Regex SubtitleSpan = new(@"^(?<open><span[^>]*>)(?<text>[^<]*)</span>$", RegexOptions.CultureInvariant);

    private const string DarkPaper = "#111111";
    private const string DarkText = "#e6e6e6";
    private const string DarkGrid = "#3a3a3a";
    private const string DarkAxisLine = "#bbbbbb";
    private const string NoFill = "rgba(0,0,0,0)";

    /// <summary>Creates a layout; every value is checked here.</summary>
    /// <param name="width">Image width in pixels, <see cref="MinPixels"/> to <see cref="MaxPixels"/>; <see langword="null"/> keeps the figure's own width.</param>
    /// <param name="height">Image height in pixels, <see cref="MinPixels"/> to <see cref="MaxPixels"/>; <see langword="null"/> keeps the figure's own height.</param>
    /// <param name="scale">PNG pixel density, <see cref="MinScale"/> to <see cref="MaxScale"/>: a PNG has width × scale by height × scale pixels.</param>
    /// <param name="theme">The colours and text size.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range; the message states the range.</exception>
    public FigureLayout(int? width = null, int? height = null, double scale = 1, FigureTheme theme = FigureTheme.Light)
    {
        Width = width is { } w ? Pixels(w, nameof(width)) : null;
        Height = height is { } h ? Pixels(h, nameof(height)) : null;
        Scale = Guard.InRangeInclusive(scale, MinScale, MaxScale, nameof(scale));
        if (Math.Max(Width ?? 0, Height ?? 0) * Scale > MaxPngSide)
        {
            throw Guard.OutOfRange(
                nameof(scale),
                $"at most {MaxPngSide} / {Math.Max(Width ?? 0, Height ?? 0)} px = {(Math.Floor(100.0 * MaxPngSide / Math.Max(Width ?? 0, Height ?? 0)) / 100).ToString("0.##", CultureInfo.InvariantCulture)}, so no PNG side exceeds {MaxPngSide} px",
                scale.ToString(CultureInfo.InvariantCulture));
        }

        Theme = Enum.IsDefined(theme)
            ? theme
            : throw Guard.OutOfRange(nameof(theme), "one of " + string.Join(", ", ThemeNames), theme.ToString());
    }

    /// <summary>The workbook's published look: each figure's own size, PNG at scale 1, light theme.</summary>
    public static FigureLayout Default { get; } = new();

    /// <summary>Image width in pixels, or <see langword="null"/> for the figure's own width.</summary>
    /// <value>The default is <see langword="null"/> (the figure's own width, usually <see cref="ChartStyle.Width"/>).</value>
    public int? Width { get; }

    /// <summary>Image height in pixels, or <see langword="null"/> for the figure's own height.</summary>
    /// <value>The default is <see langword="null"/> (the figure's own height, usually <see cref="ChartStyle.Height"/>).</value>
    public int? Height { get; }

    /// <summary>PNG pixel density; SVG and HTML are not affected.</summary>
    /// <value>The default is 1.</value>
    public double Scale { get; }

    /// <summary>The colours and text size.</summary>
    /// <value>The default is <see cref="FigureTheme.Light"/>, the notebook's look.</value>
    public FigureTheme Theme { get; }

    /// <summary>Whether this is <see cref="Default"/>: the exporter then writes the figure exactly as built.</summary>
    public bool IsDefault => Equals(Default);

    /// <summary>The layout of a named preset, with any of its values overridden.</summary>
    /// <param name="preset">The preset.</param>
    /// <param name="width">Overrides the preset's width.</param>
    /// <param name="height">Overrides the preset's height.</param>
    /// <param name="scale">PNG pixel density.</param>
    /// <param name="theme">The theme.</param>
    /// <returns>The validated layout.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The preset is unknown or a value is outside its range.</exception>
    public static FigureLayout FromPreset(FigurePreset preset, int? width = null, int? height = null, double scale = 1, FigureTheme theme = FigureTheme.Light)
    {
        var (presetWidth, presetHeight) = preset switch
        {
            FigurePreset.Notes => ((int?)null, (int?)null),
            FigurePreset.Slide => (1920, 1080),
            FigurePreset.Square => (1080, 1080),
            FigurePreset.Portrait => (1080, 1350),
            _ => throw Guard.OutOfRange(nameof(preset), "one of " + string.Join(", ", PresetNames), preset.ToString()),
        };
        return new FigureLayout(width ?? presetWidth, height ?? presetHeight, scale, theme);
    }

    /// <summary>Applies the layout to a built chart.</summary>
    /// <param name="chart">A figure's chart, as its <see cref="WorkbookFigure.Build"/> returns it.</param>
    /// <returns>The figure JSON to draw and the image size and zoom to render it at.</returns>
    public FigureRendering Render(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Render(ChartHtml.FigureJson(chart));
    }

    /// <summary>Applies the layout to figure JSON (<see cref="ChartHtml.FigureJson"/>).</summary>
    /// <remarks>
    /// Implementation note: the layout is applied to the JSON rather than through Plotly.NET's
    /// <c>Chart.withLayout</c> because figures set <c>legend</c> and <c>margin</c> as plain objects,
    /// which Plotly.NET replaces instead of merging, and its <c>withSize</c> takes whole pixels while
    /// the zoomed canvas may need fractions.
    /// </remarks>
    /// <param name="figureJson">The figure's plotly.js JSON.</param>
    /// <returns>The figure JSON to draw and the image size and zoom to render it at.</returns>
    public FigureRendering Render(string figureJson)
    {
        var figure = FigureJsonNodes.Parse(figureJson);
        var layout = figure["layout"] as JsonObject ?? new JsonObject();
        figure["layout"] = layout;
        var ownWidth = NumberOr(layout["width"], ChartStyle.Width);
        var ownHeight = NumberOr(layout["height"], ChartStyle.Height);
        if (IsDefault)
        {
            return new FigureRendering(figureJson, (int)ownWidth, (int)ownHeight, ownWidth, ownHeight, 1);
        }

        var width = Width ?? (int)Math.Round(ownWidth);
        var height = Height ?? (int)Math.Round(ownHeight);
        var zoom = Width is null && Height is null ? 1 : TextZoom(width, height);
        if (Theme == FigureTheme.Talk)
        {
            zoom *= TalkTextFactor;
        }

        // Implementation note: plotly.js sizes the PNG canvas as trunc(canvas size × scale), so the
        // canvas size is nudged up until that product reaches the whole number of pixels wanted.
        var canvasWidth = CanvasSize(width, zoom, Scale);
        var canvasHeight = CanvasSize(height, zoom, Scale);
        layout["width"] = canvasWidth;
        layout["height"] = canvasHeight;
        // Only a new size or text zoom changes the composition: --scale alone, or a colour theme, keeps the
        // figure exactly as designed (so SVG and HTML do not depend on the PNG's pixel density).
        if (Width is not null || Height is not null || zoom != 1)
        {
            if (width <= LegendBelowAspect * height || HasLegendBelowThePlot(layout))
            {
                PutLegendBelow(layout);
            }

            NarrowSideMargins(layout, canvasWidth / ownWidth);
            FitTitle(layout, canvasWidth, canvasHeight);
        }

        ApplyTheme(figure, layout);
        return new FigureRendering(FigureJsonNodes.Write(figure), width, height, canvasWidth, canvasHeight, zoom);
    }

    /// <summary>
    /// The text zoom of an explicit size: shorter side / <see cref="TextReferencePixels"/>, but never so large that
    /// the canvas gets narrower than <see cref="MinCanvasWidth"/>, at least 1.
    /// </summary>
    internal static double TextZoom(int width, int height) =>
        Math.Max(1, Math.Min(Math.Min(width, height) / (double)TextReferencePixels, width / (double)MinCanvasWidth));

    /// <summary>
    /// Wraps the title's headline and its smaller subtitle (<see cref="ChartParts.Headline"/>) into lines that fit
    /// the canvas width, and makes the top margin tall enough for them, so no title is cut off on a narrow image.
    /// </summary>
    /// <remarks>
    /// Implementation note: plotly.js neither wraps nor shrinks titles, so the line length is estimated from the
    /// font size: <see cref="AverageCharacterWidth"/> em per character is a generous average for Liberation Sans
    /// (Arial widths) text, so an estimated line is never longer than a real one.
    /// </remarks>
    private static void FitTitle(JsonObject layout, double canvasWidth, double canvasHeight)
    {
        if (layout["title"] is not JsonObject title || title["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return;
        }

        var size = NumberOr(title["font"]?["size"], ChartStyle.TitleFontSize);
        var available = canvasWidth - 2 * TitleSidePadding;
        var parts = text.Split("<br>", 2, StringSplitOptions.None);
        var headline = Wrap(parts[0], available / (AverageCharacterWidth * size));
        var subtitleLines = new List<string>();
        if (parts.Length == 2)
        {
            var match = SubtitleSpan.Match(parts[1]);
            subtitleLines = match.Success
                ? Wrap(match.Groups["text"].Value, available / (AverageCharacterWidth * size * SubtitleScale))
                    .Select(line => $"{match.Groups["open"].Value}{line}</span>").ToList()
                : [parts[1]];
        }

        title["text"] = string.Join("<br>", headline.Concat(subtitleLines));
        title["x"] = 0.5;
        title["xanchor"] = "center";
        // Implementation note: plotly.js anchors a multi-line title by its first line's baseline, not its top, so
        // the first line is moved down by its own height rather than with title.pad.
        title["yref"] = "container";
        title["yanchor"] = "top";
        title["y"] = 1 - (TitleTopPadding + size) / canvasHeight;
        var textHeight = LineHeight * size * (headline.Count + SubtitleScale * subtitleLines.Count);
        var margin = Child(layout, "margin");
        var needed = Math.Ceiling(TitleTopPadding + textHeight + TitleGap);
        margin["t"] = Math.Max(NumberOr(margin["t"], DefaultTopMargin), needed);
    }

    /// <summary>
    /// On a canvas narrower than the figure was designed for, shrinks the figure's own fixed left and right margins
    /// in proportion, so the plot keeps its share of the width; axes with automargin grow them back as far as their
    /// labels need.
    /// </summary>
    private static void NarrowSideMargins(JsonObject layout, double ratio)
    {
        if (ratio >= 1 || layout["margin"] is not JsonObject margin)
        {
            return;
        }

        foreach (var side in new[] { "l", "r" })
        {
            if (margin[side] is JsonValue value && value.TryGetValue<double>(out var pixels))
            {
                margin[side] = Math.Round(pixels * ratio);
            }
        }

        Child(layout, "yaxis")["automargin"] = true;
    }

    /// <summary>
    /// Breaks text into as few lines as fit <paramref name="maxCharacters"/>, with the lines as even as possible,
    /// so a wrapped title does not end in an orphaned word or number.
    /// </summary>
    private static List<string> Wrap(string text, double maxCharacters)
    {
        var greedy = WrapGreedy(text, maxCharacters);
        if (greedy.Count < 2)
        {
            return greedy;
        }

        // The narrowest width that still needs no more lines than the greedy wrap at full width.
        for (var width = Math.Ceiling((double)text.Length / greedy.Count); width < maxCharacters; width++)
        {
            var even = WrapGreedy(text, width);
            if (even.Count == greedy.Count)
            {
                return even;
            }
        }

        return greedy;
    }

    private static List<string> WrapGreedy(string text, double maxCharacters)
    {
        var lines = new List<string>();
        var line = "";
        // A lone "%" stays with its number ("0.2 %").
        var words = new List<string>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "%" && words.Count > 0)
            {
                words[^1] += " %";
            }
            else
            {
                words.Add(token);
            }
        }

        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxCharacters)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static int Pixels(int value, string paramName) =>
        value is >= MinPixels and <= MaxPixels
            ? value
            : throw Guard.OutOfRange(paramName, $"a whole number of pixels from {MinPixels} to {MaxPixels}", value.ToString(CultureInfo.InvariantCulture));

    private static double NumberOr(JsonNode? node, double fallback) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number : fallback;

    private static double CanvasSize(int pixels, double zoom, double scale)
    {
        var size = pixels / zoom;
        var target = Math.Round(pixels * scale);
        while (Math.Truncate(size * (zoom * scale)) < target)
        {
            size = Math.BitIncrement(size);
        }

        return size;
    }

    /// <summary>
    /// Whether the figure places its own horizontal legend below the plot in plot-relative units (<c>y &lt; 0</c>);
    /// on a canvas of another shape that offset no longer clears the axis title, so such a legend is
    /// anchored to the bottom of the image instead (see <see cref="PutLegendBelow"/>).
    /// </summary>
    private static bool HasLegendBelowThePlot(JsonObject layout) =>
        layout["legend"] is JsonObject legend
        && legend["orientation"] is JsonValue orientation && orientation.TryGetValue<string>(out var o) && o == "h"
        && legend["y"] is JsonValue y && y.TryGetValue<double>(out var offset) && offset < 0
        && legend["yref"] is null;

    private static void PutLegendBelow(JsonObject layout)
    {
        var legend = layout["legend"] as JsonObject ?? new JsonObject();
        legend["orientation"] = "h";
        legend["xref"] = "paper";
        legend["x"] = 0;
        legend["xanchor"] = "left";
        legend["yref"] = "container";
        legend["y"] = 0;
        legend["yanchor"] = "bottom";
        layout["legend"] = legend;

        // Implementation note: plotly.js counts a bottom margin as already holding a container-anchored
        // legend; with automargin the x axis pushes its own room (ticks, title) so the two stack.
        Child(layout, "xaxis")["automargin"] = true;
    }

    private void ApplyTheme(JsonObject figure, JsonObject layout)
    {
        switch (Theme)
        {
            case FigureTheme.Transparent:
                layout["paper_bgcolor"] = NoFill;
                layout["plot_bgcolor"] = NoFill;
                Child(layout, "legend")["bgcolor"] = NoFill;
                break;
            case FigureTheme.Dark:
                var template = layout["template"];
                layout.Remove("template");
                LightenNeutralColours(figure);
                if (template is not null)
                {
                    layout["template"] = template;
                }

                layout["paper_bgcolor"] = DarkPaper;
                layout["plot_bgcolor"] = DarkPaper;
                Child(layout, "legend")["bgcolor"] = NoFill;

                Child(layout, "font")["color"] = DarkText;
                Child(Child(layout, "title"), "font")["color"] = DarkText;
                foreach (var axis in layout.Where(p => p.Key.StartsWith("xaxis", StringComparison.Ordinal) || p.Key.StartsWith("yaxis", StringComparison.Ordinal)).Select(p => p.Value).OfType<JsonObject>().ToList())
                {
                    axis["gridcolor"] = DarkGrid;
                    axis["linecolor"] = DarkAxisLine;
                    axis["tickcolor"] = DarkAxisLine;
                    axis["zerolinecolor"] = DarkGrid;
                }

                break;
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>Turns black and dark grey colours (text, reference lines, markers) into light grey, so they stay visible on a dark background.</summary>
    private static void LightenNeutralColours(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key.EndsWith("color", StringComparison.OrdinalIgnoreCase) && value is JsonValue v && v.TryGetValue<string>(out var text) && IsDarkNeutral(text))
                    {
                        obj[key] = DarkText;
                    }
                    else
                    {
                        LightenNeutralColours(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    LightenNeutralColours(item);
                }

                break;
        }
    }

    private static bool IsDarkNeutral(string colour)
    {
        if (colour.Length != 7 || colour[0] != '#'
            || !int.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return colour is "black";
        }

        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) <= 16 && Math.Max(r, Math.Max(g, b)) <= 0x66;
    }
}
