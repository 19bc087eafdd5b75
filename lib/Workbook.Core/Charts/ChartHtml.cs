using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace Workbook.Core.Charts;

/// <summary>Turns a chart into HTML that renders with no network: a standalone page or a notebook fragment.</summary>
/// <remarks>
/// Plotly.NET's own HTML pulls plotly.js and require.js from CDNs and names its div with a fresh GUID,
/// so it is blank offline and differs from run to run. This HTML inlines <see cref="PlotlyJs.Source"/>,
/// takes the element id from the caller and draws the figure JSON (<see cref="FigureJson"/>) with
/// <c>Plotly.newPlot</c>: the same chart always gives the same bytes. Text in the JSON is escaped so a
/// title containing <c>&lt;/script&gt;</c> cannot end the script early.
/// </remarks>
public static partial class ChartHtml
{
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

    private static string JsString(string value) => JsonSerializer.Serialize(value);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ElementIdPattern();
}
