using System.Text.Json;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Tests.Charts;

public class ChartStyleTests
{
    private static JsonElement Layout(GenericChart chart) =>
        JsonDocument.Parse(ChartHtml.FigureJson(chart)).RootElement.GetProperty("layout");

    [Fact]
    public void Apply_SetsTitleAxisTitlesLegendSizeFontAndWhiteBackground()
    {
        var layout = Layout(SampleFigures.LatencyChart("A title"));

        Assert.Equal("A title", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("distance (km)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("delay (ms)", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.True(layout.GetProperty("showlegend").GetBoolean());
        Assert.Equal(ChartStyle.Width, layout.GetProperty("width").GetInt32());
        Assert.Equal(ChartStyle.Height, layout.GetProperty("height").GetInt32());
        Assert.Equal(ChartStyle.FontFamily, layout.GetProperty("font").GetProperty("family").GetString());
        Assert.Equal(ChartStyle.FontSize, layout.GetProperty("font").GetProperty("size").GetDouble());
        Assert.Equal(ChartStyle.TitleFontSize, layout.GetProperty("title").GetProperty("font").GetProperty("size").GetDouble());
        var template = layout.GetProperty("template").GetProperty("layout");
        Assert.Equal("white", template.GetProperty("paper_bgcolor").GetString());
        Assert.Equal("white", template.GetProperty("plot_bgcolor").GetString());
    }

    [Fact]
    public void Apply_KeepsAxisSettingsMadeBefore()
    {
        var chart = CSharpChart.Point<double, double, string>(x: [1.0, 10, 100], y: [1.0, 2, 3])
            .WithXAxisStyle<double, double, string>(AxisType: StyleParam.AxisType.Log);

        var layout = Layout(ChartStyle.Apply(chart, "t", "size (bytes)", "time [s]"));

        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("size (bytes)", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("distance")]
    [InlineData("(km)")]
    [InlineData("distance (km) of fibre")]
    [InlineData("distance ()")]
    public void Apply_RejectsAxisTitleWithoutUnitAtTheEnd(string axisTitle)
    {
        var chart = CSharpChart.Point<double, double, string>(x: [1.0], y: [1.0]);

        var error = Assert.Throws<ArgumentException>(() => ChartStyle.Apply(chart, "t", axisTitle, "delay (ms)"));

        Assert.Equal("xAxisTitle", error.ParamName);
        Assert.Contains("must end with its unit in parentheses or brackets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RejectsEmptyTitle()
    {
        var chart = CSharpChart.Point<double, double, string>(x: [1.0], y: [1.0]);

        Assert.Equal("title", Assert.Throws<ArgumentException>(() => ChartStyle.Apply(chart, "", "x (s)", "y (s)")).ParamName);
    }
}
