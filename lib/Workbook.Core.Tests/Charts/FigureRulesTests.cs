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

    /// <summary>
    /// The catalog title (the HTML title, the contact sheet, a slide) is the chart's headline, and it states a
    /// finding rather than restating the axes (<see cref="FigureRules.TitleFindingProblem"/>); the conditions and
    /// the computed numbers go to the subtitle on the chart's second line.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_TitleStatesAFinding_AndIsTheChartsHeadline(string id)
    {
        var figure = FigureData.Get(id);
        var catalogTitle = Workbook.Core.Charts.FigureCatalog.Get(id).Title;

        Assert.Equal(catalogTitle, figure.Headline);
        Assert.Null(FigureRules.TitleFindingProblem(catalogTitle, figure.XTitle, figure.YTitle));
    }

    [Theory]
    [InlineData("Mean response time against utilisation", "utilisation ρ (ratio)", "mean response time (service times)")]
    [InlineData("Round-trip time vs distance", "great-circle distance (km)", "round-trip time (ms)")]
    [InlineData("Probability of tripping by true failure rate", "true failure rate p (ratio)", "probability of tripping (ratio)")]
    [InlineData("Waiting and response time distributions of an M/M/c queue", "time t (s)", "probability of exceeding t (ratio)")]
    [InlineData("Latency against utilisation", "utilisation ρ (ratio)", "mean response time (service times)")]
    [InlineData("A headline far too long for one line of a figure, let alone a slide, because it keeps on going", "x (s)", "y (s)")]
    public void TitleRule_RejectsLabelsThatOnlyNameTheAxes(string title, string x, string y) =>
        Assert.NotNull(FigureRules.TitleFindingProblem(title, x, y));

    [Theory]
    [InlineData("Latency explodes past 80 % utilisation", "utilisation ρ (ratio)", "mean response time (service times)")]
    [InlineData("Response time never falls below the service time", "utilisation ρ (ratio)", "response time (ms)")]
    public void TitleRule_AcceptsFindings(string title, string x, string y) =>
        Assert.Null(FigureRules.TitleFindingProblem(title, x, y));
}
