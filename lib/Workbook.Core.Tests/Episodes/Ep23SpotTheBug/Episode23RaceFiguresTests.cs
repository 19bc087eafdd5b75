using Workbook.Core.Episodes.Ep23SpotTheBug;
using Workbook.Core.Reliability.Races.Interleavings;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>
/// The race figure's numbers against counts made independently: 2 threads by hand (see InterleavingExplorerTests:
/// 20 interleavings, 12 double checkouts), 3 and 4 threads by a separate memoised enumeration written in Python for
/// this check (state = each thread's position, the free list, the ids read, the ids handed out), which gave 1,512 of
/// 1,680 and 362,880 of 369,600. The totals are (3n)! / (3!)^n.
/// </summary>
public sealed class Episode23RaceFiguresTests
{
    [Fact]
    public void RaceInterleavings_DrawsTheExactShares()
    {
        var figure = FigureData.Get("ep23.race-interleavings");
        Assert.Equal(["the seed's pool (check, then act)", "the locked pool"], figure.TraceNames);
        Assert.Equal([2.0, 3, 4], figure.X("the seed's pool (check, then act)"));
        var seed = figure.Y("the seed's pool (check, then act)");
        Assert.Equal(100.0 * 12 / 20, seed[0], 9);
        Assert.Equal(100.0 * 1_512 / 1_680, seed[1], 9);
        Assert.Equal(100.0 * 362_880 / 369_600, seed[2], 9);
        Assert.All(figure.Y("the locked pool"), y => Assert.Equal(0, y));
        Assert.Contains("(%)", figure.YTitle, StringComparison.Ordinal);
        Assert.Contains("(count)", figure.XTitle, StringComparison.Ordinal);
    }

    [Fact]
    public void RaceInterleavings_TitleStatesTheTwoAndThreeThreadShares()
    {
        var figure = FigureData.Get("ep23.race-interleavings");
        Assert.Contains("60 % of 2-thread interleavings, 90 % of 3-thread", figure.Headline, StringComparison.Ordinal);   // 12/20, 1,512/1,680
        Assert.Contains("362,880 of 369,600 (98.2 %)", figure.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]          // 3! / 3! = 1
    [InlineData(2, 20)]         // 6! / 3!^2 = 20
    [InlineData(3, 1_680)]      // 9! / 3!^3 = 362,880 / 216
    public void SeedPool_InterleavingTotals_AreTheMultinomial(int threads, int total)
    {
        var count = PoolRaces.CountDoubleCheckouts((free, _) => new SeedSimPool(free), threads);
        Assert.Equal(total, count.Schedules);
    }

    [Fact]
    public void CountDoubleCheckouts_RejectsTooManyThreads() =>
        BadInput.Rejects(() => PoolRaces.CountDoubleCheckouts((free, _) => new SeedSimPool(free), 5), "threads", "an integer from 1 to 4");

    [Fact]
    public void Figure_IsListedOnce() => Assert.Single(Episode23RaceFigures.All, f => f.Id == "ep23.race-interleavings");
}
