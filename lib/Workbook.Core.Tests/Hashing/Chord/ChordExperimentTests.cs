using Workbook.Core.Hashing.Chord;

namespace Workbook.Core.Tests.Hashing.Chord;

public sealed class ChordExperimentTests
{
    [Fact]
    public void MeanHops_IsAboutHalfLog2N_AsInTheChordPapersPathLengthFigure()
    {
        // Stoica et al. (SIGCOMM 2001 / ToN 2003, Fig. 10(a) and §V-D): mean path length ≈ ½·log₂ N, since the
        // fingers followed are the 1-bits among the top log₂ N bits of the distance to the key. Bound:
        // within ±0.15·log₂ N (1.2 hops at N = 256), far wider than the mean's standard error (≈ 0.02).
        // Measured (seed 1, 10,000 lookups): N = 256 → 3.84, 1024 → 4.87, 4096 → 5.83 (½·log₂ N = 4, 5, 6).
        var rows = ChordExperiment.HopCounts(new ChordExperimentOptions([256, 1024, 4096], lookupsPerSize: 4000));
        foreach (var row in rows)
        {
            double half = 0.5 * Math.Log2(row.Nodes);
            Assert.InRange(row.MeanHops.Mean, half - 0.15 * Math.Log2(row.Nodes), half + 0.15 * Math.Log2(row.Nodes));
            Assert.Equal(Math.Log2(row.Nodes), row.Log2Nodes, 12);
            Assert.True(row.P01Hops <= row.MeanHops.Mean && row.MeanHops.Mean <= row.P99Hops);
        }

        Assert.True(rows[0].MeanHops.Mean < rows[1].MeanHops.Mean && rows[1].MeanHops.Mean < rows[2].MeanHops.Mean);
    }

    [Fact]
    public void MaxHops_AtN1024_IsWithinTwiceLog2N()
    {
        // Each forward at least halves the distance to the key, so after log₂ N forwards it is below 2^m / N, an
        // arc holding O(log N) nodes w.h.p. (SIGCOMM 2001, Theorem 2). 2·log₂ N + 1 = 21 is generous:
        // measured max 10 over 10,000 lookups (seed 1), and always at most m = 32.
        var row = ChordExperiment.HopCounts(new ChordExperimentOptions([1024], lookupsPerSize: 10_000)).Single();
        Assert.InRange(row.MaxHops, 1, 2 * 10 + 1);
    }

    [Fact]
    public void JoinCosts_AreMeasured_AndEveryJoinKeepsTablesCorrect()
    {
        // Messages of a §4.4 join: m finger lookups at most plus m find_predecessor calls, each ≈ ½·log₂ N hops,
        // so about m·log₂ N — O(log² N) only when m grows like log₂ N. Measured (m = 32, seed 1, 20 joins):
        // N = 256 → 310 messages, 1024 → 382, 4096 → 458 (log₂² N = 64, 100, 144). Asserted here: only the
        // loose structure (at least one message per lookup, at most m + 2 pointer messages besides the routes).
        var rows = ChordExperiment.JoinCosts(new ChordExperimentOptions([256, 1024], identifierBits: 16, joinsPerSize: 10));
        foreach (var row in rows)
        {
            Assert.Equal(Math.Log2(row.Nodes) * Math.Log2(row.Nodes), row.Log2NodesSquared, 12);
            Assert.True(row.Messages.Mean >= 16, $"{row.Messages.Mean}");
            Assert.True(row.MaxMessages >= row.Messages.Mean);
            Assert.True(row.MeanFingerUpdates >= 1);
        }
    }

    [Fact]
    public void SameSeed_SameNumbers()
    {
        var options = new ChordExperimentOptions([64, 128], lookupsPerSize: 500, seed: 42);
        Assert.Equal(ChordExperiment.HopCounts(options), ChordExperiment.HopCounts(options));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.RejectsArgument(() => _ = new ChordExperimentOptions([]), "nodeCounts", "at least one network size");
        BadInput.Rejects(() => _ = new ChordExperimentOptions([8], identifierBits: 3, joinsPerSize: 2), "nodeCounts", "a list of sizes in [1, 2^3 - joinsPerSize]");
        BadInput.Rejects(() => _ = new ChordExperimentOptions([0]), "nodeCounts", "a list of sizes");
        BadInput.Rejects(() => _ = new ChordExperimentOptions([8], identifierBits: 70), "identifierBits", "an integer in [3, 62]");
        BadInput.Rejects(() => _ = new ChordExperimentOptions([8], lookupsPerSize: 1), "lookupsPerSize", "an integer >= 2");
        BadInput.Rejects(() => _ = new ChordExperimentOptions([8], joinsPerSize: 1), "joinsPerSize", "an integer >= 2");
    }
}
