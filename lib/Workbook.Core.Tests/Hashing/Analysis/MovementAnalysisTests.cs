using Workbook.Core.Hashing.Analysis;

namespace Workbook.Core.Tests.Hashing.Analysis;

public sealed class MovementAnalysisTests
{
    private static readonly IReadOnlyList<string> Keys = SampleNames.RandomKeys(20_000, 42);

    // Binomial check: a fraction measured over K keys lies within 4.5 standard errors √(p(1 − p)/K) of p.
    private static void WithinBinomialError(double expected, KeyMovement m) =>
        Assert.InRange(m.FractionMoved, expected - (4.5 * Math.Sqrt(expected * (1 - expected) / m.Keys)), expected + (4.5 * Math.Sqrt(expected * (1 - expected) / m.Keys)));

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 20)]
    [InlineData(12, 8)]
    [InlineData(6, 9)]
    [InlineData(1, 5)]
    [InlineData(7, 7)]
    public void ModuloExpectedFraction_MatchesAFullPeriodCount(int before, int after)
    {
        // Independent method: count every h in one full period [0, lcm(a, b)) with h mod a != h mod b.
        long lcm = (long)before * after / (long)System.Numerics.BigInteger.GreatestCommonDivisor(before, after);
        long moved = 0;
        for (long h = 0; h < lcm; h++)
        {
            moved += h % before != h % after ? 1 : 0;
        }

        Assert.Equal((double)moved / lcm, MovementAnalysis.ModuloExpectedFractionMoved(before, after), 12);
    }

    [Fact]
    public void ModuloExpectedFraction_HandValues()
    {
        Assert.Equal(10.0 / 11, MovementAnalysis.ModuloExpectedFractionMoved(10, 11), 15);   // n → n + 1: 1 − 1/(n + 1)
        Assert.Equal(0.5, MovementAnalysis.ModuloExpectedFractionMoved(10, 20), 15);         // doubling moves half
        Assert.Equal(2.0 / 3, MovementAnalysis.ModuloExpectedFractionMoved(12, 8), 15);      // gcd 4: 1 − 4/12
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 20)]
    [InlineData(12, 8)]
    public void Modulo_MeasuredOnHashedKeys_MatchesTheFormula(int before, int after)
    {
        var m = MovementAnalysis.Measure(PlacementSchemes.Modulo, SampleNames.Nodes(before), SampleNames.Nodes(after), Keys);
        WithinBinomialError(MovementAnalysis.ModuloExpectedFractionMoved(before, after), m);
    }

    [Fact]
    public void MinimumFraction_HandValues()
    {
        Assert.Equal(2.0 / 12, MovementAnalysis.MinimumFraction(SampleNames.Nodes(10), SampleNames.Nodes(12)), 15);  // k/(n + k)
        Assert.Equal(3.0 / 10, MovementAnalysis.MinimumFraction(SampleNames.Nodes(10), SampleNames.Nodes(7)), 15);   // k/n
        Assert.Equal(0.0, MovementAnalysis.MinimumFraction(["a", "b"], ["b", "a"]));                                  // a reorder
        Assert.Equal(1.0, MovementAnalysis.MinimumFraction(["a", "b"], ["c"]));                                       // nothing kept
        Assert.Equal(0.5, MovementAnalysis.MinimumFraction(["a", "b"], ["a", "c"]), 15);                              // one replaced
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 5)]
    public void JumpAndRendezvous_AddingK_MoveKOverNPlusK(int n, int k)
    {
        // Both move each key to a new node with probability exactly k/(n + k) for uniform hashes.
        foreach (var scheme in new[] { PlacementSchemes.Jump, PlacementSchemes.Rendezvous })
        {
            var m = MovementAnalysis.AfterAdding(scheme, n, k, Keys);
            Assert.Equal((double)k / (n + k), m.MinimumFraction, 15);
            WithinBinomialError((double)k / (n + k), m);
        }
    }

    [Fact]
    public void JumpAndRendezvous_RemovingTheLastK_MoveKOverN()
    {
        foreach (var scheme in new[] { PlacementSchemes.Jump, PlacementSchemes.Rendezvous })
        {
            var m = MovementAnalysis.AfterRemoving(scheme, 10, 3, Keys);
            Assert.Equal(0.3, m.MinimumFraction, 15);
            WithinBinomialError(0.3, m);
        }
    }

    [Fact]
    public void Jump_RemovingAMiddleNode_RenumbersTheBucketsAfterIt()
    {
        // node-3 of 10 removed: buckets 3..8 keep their keys but now name node-4..node-9 (6/10 moved); bucket 9's keys
        // (1/10) jump uniformly to buckets 0..8 and keep node-9 only in bucket 8: 6/10 + (1/10)(8/9) = 0.688889.
        var before = SampleNames.Nodes(10);
        var m = MovementAnalysis.Measure(PlacementSchemes.Jump, before, [.. before.Where(n => n != "node-3")], Keys);
        Assert.Equal(0.1, m.MinimumFraction, 15);
        WithinBinomialError(0.6 + (0.1 * 8 / 9), m);
    }

    [Fact]
    public void KetamaAndMaglev_AddingOne_MoveNearTheMinimum_ModuloNearlyEverything()
    {
        // Ketama: the new node's share has CV ≈ √(10/1761) ≈ 0.075 (V = 160), so ±40 % is more than 5 SDs.
        // Maglev: the paper (section 5.3) and the table tests show a little above 1/n; allow up to 1.6 × minimum.
        double min = 1.0 / 11;
        Assert.InRange(MovementAnalysis.AfterAdding(PlacementSchemes.Ketama, 10, 1, Keys).FractionMoved, 0.6 * min, 1.4 * min);
        var maglev = MovementAnalysis.AfterAdding(PlacementSchemes.Maglev, 10, 1, Keys);
        Assert.InRange(maglev.FractionMoved, min - (4.5 * Math.Sqrt(min * (1 - min) / Keys.Count)), 1.6 * min);
        var modulo = MovementAnalysis.AfterAdding(PlacementSchemes.Modulo, 10, 1, Keys);
        Assert.True(modulo.ExcessFraction > 0.8, $"modulo moved {modulo.FractionMoved}");
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.Rejects(() => MovementAnalysis.AfterAdding(PlacementSchemes.Jump, 0, 1, Keys), "nodes", "an integer > 0");
        BadInput.Rejects(() => MovementAnalysis.AfterAdding(PlacementSchemes.Jump, 3, -1, Keys), "added", "an integer >= 0");
        BadInput.Rejects(() => MovementAnalysis.AfterRemoving(PlacementSchemes.Jump, 1, 0, Keys), "nodes", "an integer >= 2");
        BadInput.Rejects(() => MovementAnalysis.AfterRemoving(PlacementSchemes.Jump, 4, 4, Keys), "removed", "an integer in [0, 3]");
        BadInput.Rejects(() => MovementAnalysis.ModuloExpectedFractionMoved(0, 3), "before", "an integer > 0");
        BadInput.RejectsArgument(() => MovementAnalysis.MinimumFraction([], ["a"]), "before", "at least one node");
    }
}
