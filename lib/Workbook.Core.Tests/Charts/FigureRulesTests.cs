namespace Workbook.Core.Tests.Charts;

/// <summary>
/// Every catalogued figure, whatever its episode, has a title, names every series and gives both axes a
/// unit. What each figure shows, and the numbers its title states, are tested per episode
/// (<c>Episodes/EpNN…/EpisodeNNFiguresTests</c>).
/// </summary>
public class FigureRulesTests
{
    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_HasATitle_NamedSeries_AndAxesWithUnits(string id)
    {
        var figure = FigureData.Get(id);

        FigureRules.AssertAxesCarryUnits(figure);
        FigureRules.AssertEveryTraceNamed(figure);
    }
}
