using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class ChartHtmlShowNotesTests
{
    private static readonly FigureText Text = new(
        "ep01.sample-latency",
        "Round trips grow with distance",
        "one way, in fibre",
        "Light in fibre covers about 200 km per ms (illustrative).",
        SampleFigures.AltText);

    private static FigureRendering Rendering(string title = SampleFigures.Title) =>
        FigureLayout.Default.Render(SampleFigures.LatencyChart(title));

    [Fact]
    public void ShowNotesPage_WithoutAScriptUrl_InlinesPlotlyJsOnce()
    {
        var page = ChartHtml.ShowNotesPage(Rendering(), Text, plotlyJsSource: null);

        Assert.Contains("<script>\n" + PlotlyJs.Source + "\n</script>", page, StringComparison.Ordinal);
        Assert.Equal(page.IndexOf(PlotlyJs.Source, StringComparison.Ordinal), page.LastIndexOf(PlotlyJs.Source, StringComparison.Ordinal));
        Assert.DoesNotContain("<script src=", page, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowNotesPage_AndEmbed_AreByteIdenticalForTheSameInputs()
    {
        Assert.Equal(ChartHtml.ShowNotesPage(Rendering(), Text, "../x.js"), ChartHtml.ShowNotesPage(Rendering(), Text, "../x.js"));
        Assert.Equal(ChartHtml.Embed(Rendering(), Text, "x.js"), ChartHtml.Embed(Rendering(), Text, "x.js"));
    }

    [Fact]
    public void DrawScripts_EscapeTextThatWouldCloseTheScript()
    {
        var rendering = Rendering("</script><b>x</b>");

        foreach (var html in new[] { ChartHtml.ShowNotesPage(rendering, Text, "x.js"), ChartHtml.Embed(rendering, Text, "x.js"), ChartHtml.ThumbnailDrawScript(rendering, "t") })
        {
            Assert.DoesNotContain("</script><b>", html, StringComparison.Ordinal);
            Assert.Contains("\\u003c/script>\\u003cb>x\\u003c/b>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ShowNotesPage_DarkFigure_GetsADarkPage()
    {
        var dark = new FigureLayout(theme: FigureTheme.Dark).Render(SampleFigures.LatencyChart());

        var page = ChartHtml.ShowNotesPage(dark, Text, "x.js");

        Assert.Contains("html { background: #111111; color: #e6e6e6; }", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Embed_RejectsAnEmptyScriptUrl(string source)
    {
        var error = Assert.Throws<ArgumentException>(() => ChartHtml.Embed(Rendering(), Text, source));

        Assert.Equal("plotlyJsSource", error.ParamName);
    }

    [Fact]
    public void FigureText_SplitsTheChartTitleIntoHeadlineAndSubtitle()
    {
        var figure = new WorkbookFigure("ep01.sample-latency", 1, "Round trips grow with distance", "Caption.", SampleFigures.AltText,
            () => SampleFigures.LatencyChart(ChartParts.Headline("Round trips grow with distance", "one way &amp; in fibre")));

        var text = FigureText.Of(figure, ChartHtml.FigureJson(figure.Build()));

        Assert.Equal("Round trips grow with distance", text.Headline);
        Assert.Equal("one way & in fibre", text.Subtitle);
        Assert.Equal("Round trips grow with distance — one way & in fibre", text.FullTitle);
    }
}
