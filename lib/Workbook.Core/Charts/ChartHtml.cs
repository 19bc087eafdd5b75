using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Workbook.Core.Charts;

/// <summary>Turns a chart into HTML that renders with no network: a standalone page, a show-notes page, an embeddable fragment or a notebook fragment.</summary>
/// <remarks>
/// Plotly.NET's own HTML pulls plotly.js and require.js from CDNs and names its div with a fresh GUID,
/// so it is blank offline and differs from run to run. This HTML inlines <see cref="PlotlyJs.Source"/>,
/// takes the element id from the caller and draws the figure JSON (<see cref="FigureJson"/>) with
/// <c>Plotly.newPlot</c>: the same chart always gives the same bytes. Text in the JSON is escaped so a
/// title containing <c>&lt;/script&gt;</c> cannot end the script early.
/// </remarks>
public static partial class ChartHtml
{
    /// <summary>Below this container width, in CSS pixels, a show-notes chart is drawn 4:5 with its legend below (a phone).</summary>
    public const int NarrowPixels = 600;

    /// <summary>The message a notebook fragment shows when plotly.js never appears in the page.</summary>
    public const string PlotlyMissingMessage =
        "plotly.js is not loaded in this page: run the notebook's setup cell again (or Run All)";

    /// <summary>How often, in milliseconds, a notebook fragment looks for <c>window.Plotly</c>.</summary>
    public const int PollIntervalMilliseconds = 100;

    /// <summary>How many times a notebook fragment looks before it shows <see cref="PlotlyMissingMessage"/> (about 10 s).</summary>
    public const int PollAttempts = 100;

    /// <summary>The chart as plotly.js figure JSON: <c>{"data":[…],"layout":{…},"config":{…}}</c>.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>One line of JSON; the same chart always gives the same text.</returns>
    /// <remarks>
    /// This is the object that <c>Plotly.newPlot(element, figure)</c> and
    /// <c>Plotly.toImage(figure, options)</c> accept. Plotly.NET writes properties in the order the
    /// chart set them and numbers in invariant culture, so the text is stable.
    /// </remarks>
    public static string FigureJson(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toJson(chart);
    }

    /// <summary>A complete HTML page with plotly.js inlined that draws the chart into a div.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="elementId">The id of the div the chart is drawn into; letters, digits, <c>-</c>, <c>_</c>, <c>.</c>, starting with a letter.</param>
    /// <param name="pageTitle">The page's title (the browser tab's text); HTML-escaped here.</param>
    /// <returns>The page, about 3.6 MB because plotly.js is inside; byte-identical for the same inputs.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is not a plain id, or <paramref name="pageTitle"/> is empty.</exception>
    public static string Standalone(GenericChart chart, string elementId, string pageTitle)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Standalone(ScriptSafeJson(chart), elementId, pageTitle);
    }

    /// <summary>A complete HTML page, as <see cref="Standalone(GenericChart, string, string)"/>, for a chart with a <see cref="FigureLayout"/> applied.</summary>
    /// <param name="rendering">The chart's figure JSON and size from <see cref="FigureLayout.Render(GenericChart)"/>; the page draws it at its canvas size.</param>
    /// <param name="elementId">The id of the div the chart is drawn into.</param>
    /// <param name="pageTitle">The page's title; HTML-escaped here.</param>
    /// <returns>The page; byte-identical for the same inputs.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is not a plain id, or <paramref name="pageTitle"/> is empty.</exception>
    public static string Standalone(FigureRendering rendering, string elementId, string pageTitle)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        return Standalone(rendering.FigureJson.Replace("<", "\\u003c", StringComparison.Ordinal), elementId, pageTitle);
    }

    private static string Standalone(string scriptSafeJson, string elementId, string pageTitle)
    {
        RequireElementId(elementId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pageTitle);

        var html = new StringBuilder(PlotlyJs.Source.Length + 4096);
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"en\">\n")
            .Append("<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(pageTitle)).Append("</title>\n")
            .Append("<!-- plotly.js ").Append(PlotlyJs.Version).Append(", inlined so that the page renders with no network -->\n")
            .Append("<script>\n").Append(PlotlyJs.Source).Append("\n</script>\n")
            .Append("</head>\n")
            .Append("<body>\n")
            .Append("<div id=\"").Append(elementId).Append("\"></div>\n")
            .Append("<script>\n")
            .Append("Plotly.newPlot(").Append(JsString(elementId)).Append(", ").Append(scriptSafeJson).Append(");\n")
            .Append("</script>\n")
            .Append("</body>\n")
            .Append("</html>\n");
        return html.ToString();
    }

    /// <summary>A show-notes page: responsive, with the figure's words as title, description and alt text.</summary>
    /// <param name="rendering">The chart's figure JSON and canvas size from <see cref="FigureLayout.Render(GenericChart)"/>.</param>
    /// <param name="text">The figure's words; <see cref="FigureText.Id"/> is the chart div's id.</param>
    /// <param name="plotlyJsSource">
    /// The relative URL of the shared plotly.js (for example <c>../plotly-2.28.0.min.js</c>), or
    /// <see langword="null"/> to inline plotly.js and make a self-contained page (about 3.6 MB).
    /// </param>
    /// <returns>The page; byte-identical for the same inputs.</returns>
    /// <remarks>
    /// The page has a mobile viewport; the headline and subtitle are HTML text above the chart, so they
    /// wrap on a phone, and the chart fills the page width up to its canvas width at the canvas's aspect
    /// ratio (plotly.js <c>responsive</c>). The chart div has <c>role="img"</c> and the alt text as its
    /// <c>aria-label</c>; the caption is the <c>&lt;figcaption&gt;</c> and the page's description.
    /// </remarks>
    /// <exception cref="ArgumentException">The id is not a plain id, or <paramref name="plotlyJsSource"/> is empty.</exception>
    public static string ShowNotesPage(FigureRendering rendering, FigureText text, string? plotlyJsSource)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        ArgumentNullException.ThrowIfNull(text);
        RequireElementId(text.Id);
        if (plotlyJsSource is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(plotlyJsSource);
        }

        var colours = PageColours.Of(rendering.FigureJson);
        var html = new StringBuilder((plotlyJsSource is null ? PlotlyJs.Source.Length : 0) + rendering.FigureJson.Length + 8192);
        html.Append("<!DOCTYPE html>\n")
            .Append("<html lang=\"en\">\n")
            .Append("<head>\n")
            .Append("<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(text.Headline)).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(WebUtility.HtmlEncode(text.Caption)).Append("\">\n")
            .Append("<style>\n")
            .Append("html { background: ").Append(colours.Paper).Append("; color: ").Append(colours.Text).Append("; }\n")
            .Append("body { margin: 0; padding: 12px; font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; }\n")
            .Append(".workbook-figure { margin: 0 auto; max-width: ").Append(Css(rendering.CanvasWidth)).Append("px; }\n")
            .Append(".workbook-figure h1 { font-size: 1.3rem; line-height: 1.25; margin: 0 0 0.2rem; }\n")
            .Append(".workbook-subtitle { margin: 0 0 0.4rem; opacity: 0.8; }\n")
            .Append(".workbook-chart { width: 100%; aspect-ratio: ").Append(Css(rendering.CanvasWidth)).Append(" / ").Append(Css(rendering.CanvasHeight)).Append("; }\n")
            .Append(".workbook-figure figcaption { font-size: 0.9rem; line-height: 1.4; margin-top: 0.4rem; opacity: 0.85; }\n")
            .Append("</style>\n");
        AppendPlotlyJs(html, plotlyJsSource);
        html.Append("</head>\n")
            .Append("<body>\n")
            .Append("<figure class=\"workbook-figure\">\n")
            .Append("<h1>").Append(WebUtility.HtmlEncode(text.Headline)).Append("</h1>\n");
        if (text.Subtitle.Length > 0)
        {
            html.Append("<p class=\"workbook-subtitle\">").Append(WebUtility.HtmlEncode(text.Subtitle)).Append("</p>\n");
        }

        html.Append("<div id=\"").Append(text.Id).Append("\" class=\"workbook-chart\" role=\"img\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(text.AltText)).Append("\"></div>\n")
            .Append("<figcaption>").Append(WebUtility.HtmlEncode(text.Caption)).Append("</figcaption>\n")
            .Append("</figure>\n");
        AppendResponsiveDraw(html, rendering, text.Id);
        html.Append("</body>\n")
            .Append("</html>\n");
        return html.ToString();
    }

    /// <summary>An embeddable fragment for show notes: a <c>&lt;figure&gt;</c> with the chart, a caption and the shared plotly.js.</summary>
    /// <param name="rendering">The chart's figure JSON and canvas size.</param>
    /// <param name="text">The figure's words; <see cref="FigureText.Id"/> is the chart div's id.</param>
    /// <param name="plotlyJsSource">The URL of plotly.js as the host page will see it, for example <c>plotly-2.28.0.min.js</c> beside the page.</param>
    /// <returns>The fragment; byte-identical for the same inputs.</returns>
    /// <remarks>
    /// Styles are inline attributes, so a host's stylesheet cannot break the layout. Several fragments
    /// may share one page: each loads the same plotly.js URL (the browser fetches it once) and draws
    /// its own div.
    /// </remarks>
    /// <exception cref="ArgumentException">The id is not a plain id, or <paramref name="plotlyJsSource"/> is empty.</exception>
    public static string Embed(FigureRendering rendering, FigureText text, string plotlyJsSource)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        ArgumentNullException.ThrowIfNull(text);
        RequireElementId(text.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(plotlyJsSource);

        var html = new StringBuilder(rendering.FigureJson.Length + 4096);
        html.Append("<!-- ").Append(text.Id).Append(": paste into a page; put ").Append(PlotlyJs.FileName)
            .Append(" (from the export folder) where the script src points -->\n")
            .Append("<figure style=\"margin: 1em auto; max-width: ").Append(Css(rendering.CanvasWidth)).Append("px;\">\n")
            .Append("<div id=\"").Append(text.Id).Append("\" role=\"img\" aria-label=\"").Append(WebUtility.HtmlEncode(text.AltText))
            .Append("\" style=\"width: 100%; aspect-ratio: ").Append(Css(rendering.CanvasWidth)).Append(" / ").Append(Css(rendering.CanvasHeight)).Append(";\"></div>\n")
            .Append("<figcaption style=\"font-size: 0.9em; line-height: 1.4;\"><strong>").Append(WebUtility.HtmlEncode(text.Headline)).Append("</strong>");
        if (text.Subtitle.Length > 0)
        {
            html.Append(" (").Append(WebUtility.HtmlEncode(text.Subtitle)).Append(')');
        }

        html.Append(". ").Append(WebUtility.HtmlEncode(text.Caption)).Append("</figcaption>\n")
            .Append("</figure>\n");
        AppendPlotlyJs(html, plotlyJsSource);
        AppendResponsiveDraw(html, rendering, text.Id);
        return html.ToString();
    }

    private static void AppendPlotlyJs(StringBuilder html, string? plotlyJsSource)
    {
        if (plotlyJsSource is null)
        {
            html.Append("<!-- plotly.js ").Append(PlotlyJs.Version).Append(", inlined so that the page renders with no network -->\n")
                .Append("<script>\n").Append(PlotlyJs.Source).Append("\n</script>\n");
        }
        else
        {
            html.Append("<script src=\"").Append(WebUtility.HtmlEncode(plotlyJsSource)).Append("\" charset=\"utf-8\"></script>\n");
        }
    }

    // Implementation note: the chart's own title is drawn by the page as text (it wraps on a phone,
    // an SVG title does not), so the figure is drawn without it; the fixed width and height give way
    // to the container's size and plotly.js follows it when the window is resized. A container
    // narrower than NarrowPixels (a phone) gets a 4:5 box with the legend below the plot, as the
    // portrait preset does: at the figure's own aspect ratio the plot would be a thin strip.
    private static void AppendResponsiveDraw(StringBuilder html, FigureRendering rendering, string elementId) =>
        html.Append(ResponsiveDrawScript(rendering, elementId));

    /// <summary>A script element that draws the figure into the div <paramref name="elementId"/>, filling the div's width, without the chart's own title.</summary>
    /// <param name="rendering">The chart's figure JSON.</param>
    /// <param name="elementId">The id of a div already in the page, sized by CSS (give it an <c>aspect-ratio</c>).</param>
    /// <returns>The script element, ending in a newline; it expects <c>window.Plotly</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is not a plain id.</exception>
    public static string ResponsiveDrawScript(FigureRendering rendering, string elementId)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        RequireElementId(elementId);
        return new StringBuilder(rendering.FigureJson.Length + 1024).Append("<script>\n")
            .Append("(function () {\n")
            .Append("  var figure = ").Append(rendering.FigureJson.Replace("<", "\\u003c", StringComparison.Ordinal)).Append(";\n")
            .Append("  var layout = figure.layout || {};\n")
            .Append("  delete layout.width;\n")
            .Append("  delete layout.height;\n")
            .Append("  layout.autosize = true;\n")
            .Append("  if (layout.title) {\n")
            .Append("    delete layout.title;\n")
            .Append("    layout.margin = Object.assign({}, layout.margin, {t: 16});\n")
            .Append("  }\n")
            .Append("  var element = document.getElementById(").Append(JsString(elementId)).Append(");\n")
            .Append("  var narrow = element.clientWidth < ").Append(NarrowPixels).Append(";\n")
            .Append("  if (narrow) {\n")
            .Append("    element.style.aspectRatio = \"4 / 5\";\n")
            .Append("    layout.legend = Object.assign({}, layout.legend, {orientation: \"h\", xref: \"paper\", x: 0, xanchor: \"left\", yref: \"container\", y: 0, yanchor: \"bottom\"});\n")
            .Append("    layout.xaxis = Object.assign({}, layout.xaxis, {automargin: true});\n")
            .Append("    layout.yaxis = Object.assign({}, layout.yaxis, {automargin: true});\n")
            .Append("    layout.margin = Object.assign({}, layout.margin, {l: 8, r: 12});\n")
            .Append("  }\n")
            .Append("  figure.layout = layout;\n")
            .Append("  figure.config = Object.assign({}, figure.config, {responsive: true, displaylogo: false, displayModeBar: narrow ? false : \"hover\"});\n")
            .Append("  Plotly.newPlot(").Append(JsString(elementId)).Append(", figure);\n")
            .Append("})();\n")
            .Append("</script>\n")
            .ToString();
    }

    /// <summary>A script element that draws a static thumbnail into the div <paramref name="elementId"/>: the figure as exported (title, legend), scaled down to the div's width.</summary>
    /// <param name="rendering">The chart's figure JSON.</param>
    /// <param name="elementId">The id of a div already in the page, sized by CSS.</param>
    /// <returns>The script element, ending in a newline; it expects <c>window.Plotly</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is not a plain id.</exception>
    public static string ThumbnailDrawScript(FigureRendering rendering, string elementId)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        RequireElementId(elementId);

        // Implementation note: the figure is drawn at its canvas size, as in the PNG, into an inner
        // div that CSS scales down to the box's width; drawn small instead, 16 px text would crowd it.
        return new StringBuilder(rendering.FigureJson.Length + 1024).Append("<script>\n")
            .Append("(function () {\n")
            .Append("  var figure = ").Append(rendering.FigureJson.Replace("<", "\\u003c", StringComparison.Ordinal)).Append(";\n")
            .Append("  var box = document.getElementById(").Append(JsString(elementId)).Append(");\n")
            .Append("  var width = ").Append(Css(rendering.CanvasWidth)).Append(", height = ").Append(Css(rendering.CanvasHeight)).Append(";\n")
            .Append("  var inner = document.createElement(\"div\");\n")
            .Append("  inner.style.width = width + \"px\";\n")
            .Append("  inner.style.height = height + \"px\";\n")
            .Append("  inner.style.transformOrigin = \"0 0\";\n")
            .Append("  box.style.overflow = \"hidden\";\n")
            .Append("  box.appendChild(inner);\n")
            .Append("  function fit() { inner.style.transform = \"scale(\" + (box.clientWidth / width) + \")\"; }\n")
            .Append("  fit();\n")
            .Append("  window.addEventListener(\"resize\", fit);\n")
            .Append("  figure.layout = Object.assign({}, figure.layout, {width: width, height: height});\n")
            .Append("  figure.config = Object.assign({}, figure.config, {staticPlot: true});\n")
            .Append("  Plotly.newPlot(inner, figure);\n")
            .Append("})();\n")
            .Append("</script>\n")
            .ToString();
    }

    private static string Css(double pixels) => Math.Round(pixels, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An HTML fragment for notebook output that draws the chart into a div.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="elementId">The id of the div; unique within the notebook page (see <see cref="Standalone(GenericChart, string, string)"/> for the allowed characters).</param>
    /// <param name="includePlotlyJs">
    /// <see langword="true"/> for the first chart of a kernel session: the fragment carries plotly.js
    /// and defines <c>window.Plotly</c> for the charts after it. <see langword="false"/> for later
    /// charts: a small fragment that waits for <c>window.Plotly</c>.
    /// </param>
    /// <returns>The fragment; byte-identical for the same inputs.</returns>
    /// <remarks>
    /// A fragment without plotly.js looks for <c>window.Plotly</c> every <see cref="PollIntervalMilliseconds"/>
    /// ms, up to <see cref="PollAttempts"/> times, then draws; if plotly.js never appears (a reloaded page,
    /// an output opened apart from the cell that carried plotly.js) it writes
    /// <see cref="PlotlyMissingMessage"/> into the div instead of staying blank.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="elementId"/> is not a plain id.</exception>
    public static string NotebookFragment(GenericChart chart, string elementId, bool includePlotlyJs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        RequireElementId(elementId);

        var html = new StringBuilder(includePlotlyJs ? PlotlyJs.Source.Length + 4096 : 4096);
        html.Append("<div id=\"").Append(elementId).Append("\"></div>\n");
        if (includePlotlyJs)
        {
            // Implementation note: classic Jupyter pages load require.js, and plotly.js's loader header
            // then registers an AMD module instead of setting window.Plotly. Running the library inside a
            // function whose local define, module and exports are undefined forces the browser-global path.
            html.Append("<script>\n")
                .Append("(function () {\n")
                .Append("var define, module, exports; // hide AMD/CommonJS loaders so plotly.js ")
                .Append(PlotlyJs.Version).Append(" sets window.Plotly\n")
                .Append(PlotlyJs.Source)
                .Append("\n}).call(window);\n")
                .Append("</script>\n");
        }

        html.Append("<script>\n")
            .Append("(function () {\n")
            .Append("  var figure = ").Append(ScriptSafeJson(chart)).Append(";\n")
            .Append("  var elementId = ").Append(JsString(elementId)).Append(";\n")
            .Append("  var attemptsLeft = ").Append(PollAttempts).Append(";\n")
            .Append("  function draw() {\n")
            .Append("    var element = document.getElementById(elementId);\n")
            .Append("    if (element && window.Plotly) {\n")
            .Append("      window.Plotly.newPlot(element, figure);\n")
            .Append("    } else if (--attemptsLeft > 0) {\n")
            .Append("      setTimeout(draw, ").Append(PollIntervalMilliseconds).Append(");\n")
            .Append("    } else if (element) {\n")
            .Append("      element.style.color = \"#b00020\";\n")
            .Append("      element.style.fontFamily = \"sans-serif\";\n")
            .Append("      element.textContent = ").Append(JsString(PlotlyMissingMessage)).Append(";\n")
            .Append("    }\n")
            .Append("  }\n")
            .Append("  draw();\n")
            .Append("})();\n")
            .Append("</script>\n");
        return html.ToString();
    }

    /// <summary>The figure JSON, with every <c>&lt;</c> written as <c>\u003c</c> so no text in it can close the script element.</summary>
    /// <remarks>
    /// In JSON a <c>&lt;</c> can only occur inside a string, where <c>\u003c</c> means the same character.
    /// </remarks>
    internal static string ScriptSafeJson(GenericChart chart) =>
        FigureJson(chart).Replace("<", "\\u003c", StringComparison.Ordinal);

    /// <summary>Checks that an element id is safe in an HTML attribute and a script string, and meaningful as an id.</summary>
    internal static void RequireElementId(string elementId)
    {
        ArgumentNullException.ThrowIfNull(elementId);
        if (!ElementIdPattern().IsMatch(elementId))
        {
            throw new ArgumentException(
                $"elementId must start with a letter and contain only letters, digits, '-', '_' and '.'; it was '{elementId}'.",
                nameof(elementId));
        }
    }

    /// <summary>The page background and text colour of a figure (its paper and font colours), so a dark figure gets a dark page.</summary>
    private sealed record PageColours(string Paper, string Text)
    {
        public static PageColours Of(string figureJson)
        {
            var layout = System.Text.Json.Nodes.JsonNode.Parse(figureJson)?["layout"];
            return new PageColours(
                CssColour(layout?["paper_bgcolor"], "#ffffff"),
                CssColour(layout?["font"]?["color"], "#222222"));
        }

        private static string CssColour(System.Text.Json.Nodes.JsonNode? node, string fallback) =>
            node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var colour) && CssColourPattern().IsMatch(colour)
                ? colour
                : fallback;
    }

    [GeneratedRegex(@"^(#[0-9A-Fa-f]{3,8}|[a-z]+|rgba?\([0-9., ]+\))$", RegexOptions.CultureInvariant)]
    private static partial Regex CssColourPattern();

    private static string JsString(string value) => JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ElementIdPattern();
}
