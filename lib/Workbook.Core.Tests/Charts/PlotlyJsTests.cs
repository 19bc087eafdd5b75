using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class PlotlyJsTests
{
    [Fact]
    public void Version_Is2280_ForPlotlyNet600()
    {
        Assert.Equal("2.28.0", PlotlyJs.Version);
    }

    [Fact]
    public void Source_StartsWithTheBannerOfItsVersion_AndIsTheMinifiedLibrary()
    {
        var source = PlotlyJs.Source;

        Assert.StartsWith("/**\n* plotly.js v" + PlotlyJs.Version + "\n", source, StringComparison.Ordinal);
        Assert.True(source.Length > 3_000_000, $"plotly.min.js is about 3.6 MB; got {source.Length} characters");
        Assert.Same(source, PlotlyJs.Source);
    }
}
