using System.Globalization;
using Workbook.Core.Charts;
using Workbook.Core.Episodes.Ep23SpotTheBug;
using Workbook.Core.Reliability.Locks;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>
/// Episode 23's lock figures: the timelines' titles recomputed from the hand timelines of LockSimulationTests (not from
/// the run), their series read back from the figure, and the outcome figure's numbers recomputed seed by seed with
/// overlap and staleness judged here from the sections and writes.
/// </summary>
public sealed class Episode23LockFiguresTests
{
    public static TheoryData<string> Ids() => [.. Episode23LockFigures.All.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryFigure_HasUnitsOnBothAxes_NamedSeries_AndAFindingTitle(string id)
    {
        var figure = FigureData.Get(id);
        FigureRules.AssertAxesCarryUnits(figure);
        FigureRules.AssertEveryTraceNamed(figure);
        Assert.Null(FigureRules.TitleFindingProblem(figure.Headline, figure.XTitle, figure.YTitle));
        Assert.Equal(FigureCatalog.Get(id).Title, figure.Headline);
    }

    [Fact]
    public void Naive_BothClientsHold_FromTheHandTimeline()
    {
        // Hand: c0 holds [4, 17], c1 [5, 18]: together from 5 to 17.
        var figure = FigureData.Get("ep23.lock-naive");
        Assert.Equal([4.0, 17.0], figure.X("c0 holds token 1: 4–17 ms"));
        Assert.Equal([5.0, 18.0], figure.X("c1 holds token 2: 5–18 ms"));
        Assert.Equal($"GET then SET lets both clients in: they hold the lock together for {17 - 5} ms", figure.Headline);
    }

    [Fact]
    public void UncheckedDelete_ThreeForeignDeletes_SharedTimeFromTheHandTimeline()
    {
        // Hand sections: c0 [2, 65], c1 [63, 76], c0 [67, 80], c1 [78, 91] -> shared 2 + 9 + 2 ms; 3 foreign deletes.
        var figure = FigureData.Get("ep23.lock-unchecked-delete");
        var shared = (65 - 63) + (76 - 67) + (80 - 78);
        Assert.Equal($"A plain DEL frees the next owner's lock {3} times: {shared} ms with two holders", figure.Headline);
        Assert.Equal([67.0, 80.0], figure.X("c0 holds token 3: 67–80 ms"));
        Assert.Equal([2.0, 65.0], figure.X("c0 holds token 1: 2–65 ms"));
        Assert.Equal([5.0, 65.0], figure.X("c0 paused 5–65 ms"));
        Assert.Equal([75.0, 79.0, 90.0], figure.X("write accepted (tokens 2, 3, 4)"));
        Assert.Equal(shared, Episode23LockFigures.SharedMs(LockScenarios.Get("unchecked-delete").Run()), 9);
    }

    [Fact]
    public void OwnerCheckedAndFencing_LateWrite_AcceptedThenRejected()
    {
        // Hand: c0's late write (token 1) reaches the storage at 113.5 ms; c1's token 2 at 75 ms.
        var owner = FigureData.Get("ep23.lock-owner-checked");
        Assert.Equal([75.0, 113.5], owner.X("write accepted (tokens 2, 1)"));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Owner-checked release: the paused client's token-1 write lands at {113.5} ms, accepted"), owner.Headline);

        var fencing = FigureData.Get("ep23.lock-fencing");
        Assert.Equal([113.5], fencing.X("write rejected (token 1)"));
        Assert.Equal([75.0], fencing.X("write accepted (token 2)"));
        Assert.Equal("x", fencing.Trace("write rejected (token 1)")["marker"]!["symbol"]!.GetValue<string>());
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Fencing: the storage rejects token 1 at {113.5} ms, after token 2 at {75} ms"), fencing.Headline);
    }

    [Theory]
    // Hand timelines (golden transcripts): naive: token 1 granted at 3, c1's SET overwrites it at 4; token 2 granted at 4,
    // c0's DEL removes it at 18. Plain DEL: token 1 granted at 1 lapses at 51; token 2 (62) deleted by c0 at 66; token 3
    // (66) by c1 at 77; token 4 (77) by c0 at 81. Owner-checked and fencing: token 1 (1) lapses at 51; token 2 (62)
    // released by c1 at 77.
    [InlineData("ep23.lock-naive", "token 1's lease overwritten by c1's SET at 4 ms", 3.0, 4.0)]
    [InlineData("ep23.lock-naive", "token 2's lease deleted by c0's DEL at 18 ms", 4.0, 18.0)]
    [InlineData("ep23.lock-unchecked-delete", "token 1's lease lapsed at 51 ms", 1.0, 51.0)]
    [InlineData("ep23.lock-unchecked-delete", "token 2's lease deleted by c0's DEL at 66 ms", 62.0, 66.0)]
    [InlineData("ep23.lock-unchecked-delete", "token 3's lease deleted by c1's DEL at 77 ms", 66.0, 77.0)]
    [InlineData("ep23.lock-unchecked-delete", "token 4's lease deleted by c0's DEL at 81 ms", 77.0, 81.0)]
    [InlineData("ep23.lock-owner-checked", "token 1's lease lapsed at 51 ms", 1.0, 51.0)]
    [InlineData("ep23.lock-owner-checked", "token 2's lease released at 77 ms", 62.0, 77.0)]
    [InlineData("ep23.lock-fencing", "token 2's lease released at 77 ms", 62.0, 77.0)]
    public void LeaseLines_EndAtTheFirstOfLapseOverwriteDeleteRelease_SaidInLegendCaptionAndAltText(string id, string legend, double from, double to)
    {
        var figure = FigureData.Get(id);
        Assert.Equal([from, to], figure.X(legend));
        var catalog = FigureCatalog.Get(id);
        Assert.Contains(legend, catalog.Caption, StringComparison.Ordinal);
        Assert.Contains(legend, catalog.AltText, StringComparison.Ordinal);
    }

    [Fact]
    public void Subtitles_CountWritesWithoutALease()
    {
        // Hand: naive, c0's write at 16 ms (c1 holds the key); plain DEL, the writes at 75, 79 and 90 ms; owner-checked and
        // fencing, c0's token-1 write at 113.5 ms (accepted, then rejected: the fenced one is not counted).
        Assert.Contains("writes without a lease: 1 ·", FigureData.Get("ep23.lock-naive").RawTitle, StringComparison.Ordinal);
        Assert.Contains("writes without a lease: 3 ·", FigureData.Get("ep23.lock-unchecked-delete").RawTitle, StringComparison.Ordinal);
        Assert.Contains("writes without a lease: 1 ·", FigureData.Get("ep23.lock-owner-checked").RawTitle, StringComparison.Ordinal);
        Assert.Contains("writes without a lease: 0 ·", FigureData.Get("ep23.lock-fencing").RawTitle, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_TitleAndBars_RecomputedSeedBySeed()
    {
        int Stale(LockStrategy strategy)
        {
            var options = Episode23LockTrials.FaultySetting(strategy);
            int count = 0;
            for (long seed = 1; seed <= 10_000; seed++)
            {
                var writes = LockSimulation.Run(options, seed).Writes.Where(w => w.Accepted).Select(w => w.Token).ToList();
                count += writes.Where((t, i) => writes.Take(i).Any(earlier => earlier > t)).Any() ? 1 : 0;
            }

            return count;
        }

        var owner = Stale(LockStrategy.OwnerCheckedRelease);
        var fencing = Stale(LockStrategy.FencingTokens);
        var figure = FigureData.Get("ep23.lock-outcomes");
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Only fencing stops stale writes: {fencing} of 10,000 runs, against {owner} with owner checks"), figure.Headline);
        var staleTrace = figure.Trace("runs with a stale write accepted (hatched)");
        Assert.Equal(owner.ToString("N0", CultureInfo.InvariantCulture), staleTrace["text"]![2]!.GetValue<string>());
        Assert.Equal(100.0 * owner / 10_000, FigureData.Numbers(staleTrace["y"])[2], 12);
        Assert.Equal("/", staleTrace["marker"]!["pattern"]!["shape"]!.GetValue<string>());

        // Overlap judged here, pairwise: fencing changes only the storage, so its overlap count equals the owner-checked one.
        var overlapTrace = figure.Trace("runs with overlapping critical sections");
        var rows = Episode23LockFigures.OutcomeTable;
        Assert.Equal(rows[2].OverlapRuns, rows[3].OverlapRuns);
        Assert.Equal(FigureData.Numbers(overlapTrace["y"]), rows.Select(r => 100.0 * r.OverlapRuns / 10_000));
        Assert.True(rows[0].OverlapRuns > rows[1].OverlapRuns && rows[1].OverlapRuns > rows[2].OverlapRuns, "each fix should lower the overlaps");
    }
}
