using Workbook.Cli.Figures;
using Workbook.Core.Charts;
using Workbook.Core.Tests.Cli;

namespace Workbook.Core.Tests.Charts;

/// <summary>Loads the HTML that <see cref="ChartHtml"/> makes into headless Chromium, offline, and reads the DOM back.</summary>
/// <remarks>
/// Chromium's virtual time fast-forwards timers, so the fragment's ten-second wait for plotly.js
/// costs no real time here.
/// </remarks>
[Trait("Category", "Slow")]
[Collection(ChromiumCollection.Name)]
public class ChartHtmlInBrowserTests
{
    private static string Render(string browser, string html)
    {
        using var folder = new TempFolder();
        var page = folder.Combine("page.html");
        File.WriteAllText(page, html);
        var profile = Directory.CreateDirectory(folder.Combine("profile")).FullName;
        var dom = HeadlessChromium.DumpDom(browser, page, profile, TimeSpan.FromSeconds(60));
        return dom.Replace(PlotlyJs.Source, "<plotly.js>", StringComparison.Ordinal);
    }

    private static string DivContent(string dom, string id)
    {
        var start = dom.IndexOf($"<div id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no div {id} in the DOM");
        var next = dom.IndexOf("<script", start, StringComparison.Ordinal);
        return next < 0 ? dom[start..] : dom[start..next];
    }

    [Fact]
    public void Standalone_DrawsTheChartWithNoNetwork()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);

        var dom = Render(browser!, ChartHtml.Standalone(SampleFigures.LatencyChart(), "chart", "t"));

        var chart = DivContent(dom, "chart");
        Assert.Contains("class=\"main-svg\"", chart, StringComparison.Ordinal);
        Assert.Contains(SampleFigures.Title, chart, StringComparison.Ordinal);
    }

    [Fact]
    public void NotebookFragments_DrawInAPageWithRequireJs_FirstCarryingPlotlyThenWaiting()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);

        // A stand-in for require.js: an AMD define that would swallow plotly.js if it were visible to it.
        const string amdLoader = "<script>window.define = function () { window.amdDefineCalled = true; }; window.define.amd = {};</script>\n";
        var later = ChartHtml.NotebookFragment(SampleFigures.LatencyChart("second chart"), "later", includePlotlyJs: false);
        var first = ChartHtml.NotebookFragment(SampleFigures.LatencyChart("first chart"), "first", includePlotlyJs: true);
        const string probe = "<script>setTimeout(function () { document.body.setAttribute('data-amd', String(!!window.amdDefineCalled)); }, 50);</script>\n";

        // The waiting fragment comes first in the page, as when cells run out of order.
        var dom = Render(browser!, "<!DOCTYPE html><html><head>" + amdLoader + "</head><body>\n" + later + first + probe + "</body></html>");

        Assert.Contains("first chart", DivContent(dom, "first"), StringComparison.Ordinal);
        Assert.Contains("second chart", DivContent(dom, "later"), StringComparison.Ordinal);
        Assert.Contains("data-amd=\"false\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void NotebookFragment_WithoutPlotlyInThePage_ShowsWhatToDo()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);

        var fragment = ChartHtml.NotebookFragment(SampleFigures.LatencyChart(), "lonely", includePlotlyJs: false);

        var dom = Render(browser!, "<!DOCTYPE html><html><body>\n" + fragment + "</body></html>");

        Assert.Contains(ChartHtml.PlotlyMissingMessage, DivContent(dom, "lonely"), StringComparison.Ordinal);
    }
}
