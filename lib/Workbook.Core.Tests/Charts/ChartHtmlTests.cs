using System.Text.Json;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class ChartHtmlTests
{
    private static string WithoutPlotlyJs(string html) => html.Replace(PlotlyJs.Source, "<plotly.js>", StringComparison.Ordinal);

    [Fact]
    public void FigureJson_HasDataLayoutAndConfig()
    {
        var root = JsonDocument.Parse(ChartHtml.FigureJson(SampleFigures.LatencyChart())).RootElement;

        Assert.Equal(JsonValueKind.Array, root.GetProperty("data").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("layout").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("config").ValueKind);
    }

    [Fact]
    public void Standalone_InlinesPlotlyJsFigureJsonAndElementId()
    {
        var chart = SampleFigures.LatencyChart();

        var html = ChartHtml.Standalone(chart, "ep01.sample-latency", "Latency & distance");

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<script>\n" + PlotlyJs.Source + "\n</script>", html, StringComparison.Ordinal);
        Assert.Contains("plotly.js v2.28.0", html, StringComparison.Ordinal);
        Assert.Contains(ChartHtml.FigureJson(chart), html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"ep01.sample-latency\"></div>", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(\"ep01.sample-latency\", ", html, StringComparison.Ordinal);
        Assert.Contains("<title>Latency &amp; distance</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Standalone_LoadsNothingFromTheNetwork()
    {
        var page = WithoutPlotlyJs(ChartHtml.Standalone(SampleFigures.LatencyChart(), "chart", "t"));

        Assert.DoesNotContain("cdn", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require.js", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Standalone_IsByteIdenticalAcrossRendersAndRebuildsOfTheChart()
    {
        var chart = SampleFigures.LatencyChart();

        var first = ChartHtml.Standalone(chart, "chart", "t");
        var second = ChartHtml.Standalone(chart, "chart", "t");
        var rebuilt = ChartHtml.Standalone(SampleFigures.LatencyChart(), "chart", "t");

        Assert.Equal(first, second);
        Assert.Equal(first, rebuilt);
    }

    [Fact]
    public void Standalone_EscapesTextThatWouldCloseTheScript()
    {
        var html = ChartHtml.Standalone(SampleFigures.LatencyChart("</script><b>x</b>"), "chart", "t");

        Assert.DoesNotContain("</script><b>", html, StringComparison.Ordinal);
        Assert.Contains("\\u003c/script>\\u003cb>x\\u003c/b>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1chart")]
    [InlineData("chart\" onload=\"x")]
    [InlineData("chart id")]
    public void Standalone_RejectsElementIdsThatAreNotPlainIds(string elementId)
    {
        var error = Assert.Throws<ArgumentException>(() => ChartHtml.Standalone(SampleFigures.LatencyChart(), elementId, "t"));

        Assert.Equal("elementId", error.ParamName);
    }

    [Fact]
    public void NotebookFragment_WithPlotlyJs_CarriesTheLibraryShieldedFromAmdLoaders()
    {
        var chart = SampleFigures.LatencyChart();

        var fragment = ChartHtml.NotebookFragment(chart, "wb-1", includePlotlyJs: true);

        Assert.StartsWith("<div id=\"wb-1\"></div>\n", fragment, StringComparison.Ordinal);
        Assert.Contains("var define, module, exports;", fragment, StringComparison.Ordinal);
        Assert.Contains(PlotlyJs.Source, fragment, StringComparison.Ordinal);
        Assert.Contains(ChartHtml.FigureJson(chart), fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn", WithoutPlotlyJs(fragment), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require.js", WithoutPlotlyJs(fragment), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NotebookFragment_WithoutPlotlyJs_IsSmallAndWaitsForPlotlyThenExplains()
    {
        var chart = SampleFigures.LatencyChart();

        var fragment = ChartHtml.NotebookFragment(chart, "wb-2", includePlotlyJs: false);

        Assert.True(fragment.Length < 10_000, $"fragment has {fragment.Length} characters");
        Assert.DoesNotContain("plotly.js v", fragment, StringComparison.Ordinal);
        Assert.Contains(ChartHtml.FigureJson(chart), fragment, StringComparison.Ordinal);
        Assert.Contains("window.Plotly", fragment, StringComparison.Ordinal);
        Assert.Contains("setTimeout(draw, 100)", fragment, StringComparison.Ordinal);
        Assert.Contains("var attemptsLeft = 100;", fragment, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize(ChartHtml.PlotlyMissingMessage), fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn", fragment, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("require.js", fragment, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NotebookFragment_IsByteIdenticalAcrossRenders()
    {
        Assert.Equal(
            ChartHtml.NotebookFragment(SampleFigures.LatencyChart(), "wb-3", includePlotlyJs: false),
            ChartHtml.NotebookFragment(SampleFigures.LatencyChart(), "wb-3", includePlotlyJs: false));
    }
}
