using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class FigureCatalogTests
{
    [Fact]
    public void All_HasUniqueIdsAndEpisodeOrder()
    {
        var all = FigureCatalog.All;

        Assert.Equal(all.Count, all.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.OrderBy(f => f.Episode).Select(f => f.Id), all.Select(f => f.Id));
    }

    [Fact]
    public void Get_UnknownId_ThrowsKeyNotFoundListingKnownIds()
    {
        var figures = new[] { SampleFigures.Latency(), SampleFigures.Bars() };

        var error = Assert.Throws<KeyNotFoundException>(() => FigureCatalog.Find(figures, "ep01.nope"));

        Assert.Equal("No figure has the id 'ep01.nope'; known ids: ep01.sample-latency, ep02.sample-bars.", error.Message);
    }

    [Fact]
    public void Get_UnknownIdInCatalog_ThrowsKeyNotFound()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => FigureCatalog.Get("ep01.certainly-not-a-figure"));

        Assert.Contains("known ids:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ReturnsTheFigureWithThatId()
    {
        var bars = SampleFigures.Bars();

        Assert.Same(bars, FigureCatalog.Find([SampleFigures.Latency(), bars], "ep02.sample-bars"));
    }

    [Fact]
    public void OfEpisode_ReturnsThatEpisodesFiguresInOrder_AndEmptyForOthers()
    {
        var a = SampleFigures.Latency("ep01.a");
        var b = SampleFigures.Latency("ep01.b");
        var figures = FigureCatalog.Gather([[a, b], [SampleFigures.Bars()]]);

        Assert.Equal(["ep01.a", "ep01.b"], FigureCatalog.OfEpisode(figures, 1).Select(f => f.Id));
        Assert.Empty(FigureCatalog.OfEpisode(figures, 3));
        Assert.Empty(FigureCatalog.ForEpisode(98));
    }

    [Fact]
    public void ForEpisode_RejectsEpisodeOutsideRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FigureCatalog.ForEpisode(0));

        Assert.Equal("episode", error.ParamName);
    }

    [Fact]
    public void Gather_OrdersByEpisode_AndRejectsDuplicateIds()
    {
        var ordered = FigureCatalog.Gather([[SampleFigures.Bars()], [SampleFigures.Latency()]]);
        Assert.Equal([1, 2], ordered.Select(f => f.Episode));

        var error = Assert.Throws<InvalidOperationException>(() =>
            FigureCatalog.Gather([[SampleFigures.Latency()], [SampleFigures.Latency()]]));
        Assert.Contains("ep01.sample-latency", error.Message, StringComparison.Ordinal);
    }
}
