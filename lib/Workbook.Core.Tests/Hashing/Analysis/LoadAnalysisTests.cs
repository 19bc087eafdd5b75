using Workbook.Core.Hashing.Analysis;

namespace Workbook.Core.Tests.Hashing.Analysis;

public sealed class LoadAnalysisTests
{
    [Fact]
    public void Measure_CountsKeysPerNode_WithPopulationCv()
    {
        // Keys starting with 'a' go to node a: counts [3, 1]; mean 2, max 3, max/mean 1.5;
        // population SD = √(((3−2)² + (1−2)²)/2) = 1, so CV = 1/2 (the sample SD would give √2/2).
        var placer = new KeyPlacer(["a", "b"], key => key[0] == 'a' ? "a" : "b");
        var stats = LoadAnalysis.Measure(placer, ["a1", "a2", "a3", "b1"]);
        Assert.Equal([3, 1], stats.Counts);
        Assert.Equal(4, stats.Keys);
        Assert.Equal(2.0, stats.Mean);
        Assert.Equal((3, 1), (stats.Max, stats.Min));
        Assert.Equal(1.5, stats.MaxOverMean);
        Assert.Equal(0.5, stats.CoefficientOfVariation, 15);
    }

    [Fact]
    public void Measure_NoKeys_GivesZeroSpread()
    {
        var stats = LoadAnalysis.Measure(new KeyPlacer(["a", "b"], _ => "a"), []);
        Assert.Equal((0, 0.0, 0.0), (stats.Keys, stats.MaxOverMean, stats.CoefficientOfVariation));
    }

    [Fact]
    public void Measure_RejectsAPlacerThatNamesAForeignNode()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LoadAnalysis.Measure(new KeyPlacer(["a"], _ => "z"), ["k"]));
        Assert.Contains("not in its node list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendezvous_CountCvSquared_IsTheMultinomialValue()
    {
        // Each key goes to a uniformly random node independently, so counts are multinomial(K, 1/n) and
        // E[population CV²] = n²·Var(count)/K² = n²·K(1/n)(1 − 1/n)/K² = (n − 1)/K = 9/2000 = 0.0045.
        // Tolerance: 4 standard errors of the mean over 40 seeds (a false alarm below 1 in 1000 for a t with 39 df).
        var spread = LoadAnalysis.Spread(PlacementSchemes.Rendezvous, new LoadSpreadOptions(10, 2000, seeds: 40));
        Assert.InRange(spread.CoefficientOfVariationSquared.Mean, 0.0045 - (4 * spread.CoefficientOfVariationSquared.StandardError), 0.0045 + (4 * spread.CoefficientOfVariationSquared.StandardError));
        Assert.Equal(40, spread.Runs.Count);
    }

    [Fact]
    public void Ketama_CountCvSquared_IsShareVariancePlusKeyNoise()
    {
        // Law of total variance: E[CV²_count] = c²(1 − 1/K) + (n − 1)/K with c² = (n − 1)/(nV + 1) = 9/1601,
        // hand-computed: 0.0056215·(1 − 1/1000) + 9/1000 = 0.0146159. The shares alone (0.0056215) must be
        // rejected by the same 4-SE test: it shows the key noise term matters at K = 1000.
        var spread = LoadAnalysis.Spread(PlacementSchemes.Ketama, new LoadSpreadOptions(10, 1000, seeds: 50, firstSeed: 100));
        var cv2 = spread.CoefficientOfVariationSquared;
        double expected = (9.0 / 1601 * (1 - (1 / 1000.0))) + (9 / 1000.0);
        Assert.Equal(0.0146159, expected, 6);
        Assert.InRange(cv2.Mean, expected - (4 * cv2.StandardError), expected + (4 * cv2.StandardError));
        Assert.True(Math.Abs(cv2.Mean - (9.0 / 1601)) > 4 * cv2.StandardError, $"shares alone not rejected: {cv2}");
        Assert.Equal(ShareAnalysis.ExpectedCountCv(ShareAnalysis.ExpectedShareCv(10, 160), 10, 1000), Math.Sqrt(expected), 12);
    }

    [Fact]
    public void Spread_IsReproducibleFromTheSeed_AndVariesWhatItSays()
    {
        var options = new LoadSpreadOptions(5, 300, seeds: 3, firstSeed: 7, variation: LoadVariation.NodeNames);
        var a = LoadAnalysis.Spread(PlacementSchemes.Jump, options);
        var b = LoadAnalysis.Spread(PlacementSchemes.Jump, options);
        Assert.Equal(a.MaxOverMean.Mean, b.MaxOverMean.Mean);
        Assert.Equal(a.Runs.Select(r => r.Counts.ToArray()), b.Runs.Select(r => r.Counts.ToArray()));
        // Jump places by bucket index, so with the keys fixed, new node NAMES change nothing.
        Assert.All(a.Runs, r => Assert.Equal(a.Runs[0].Counts, r.Counts));
        var keysVary = LoadAnalysis.Spread(PlacementSchemes.Jump, new LoadSpreadOptions(5, 300, seeds: 3, variation: LoadVariation.Keys));
        Assert.All(keysVary.Runs, r => Assert.Equal(SampleNames.Nodes(5), r.Nodes));
        Assert.NotEqual(keysVary.Runs[0].Counts, keysVary.Runs[1].Counts);
    }

    [Fact]
    public void Options_BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.Rejects(() => _ = new LoadSpreadOptions(0, 10), "nodeCount", "an integer > 0");
        BadInput.Rejects(() => _ = new LoadSpreadOptions(3, 0), "keyCount", "an integer > 0");
        BadInput.Rejects(() => _ = new LoadSpreadOptions(3, 10, seeds: 1), "seeds", "an integer >= 2");
        BadInput.Rejects(() => _ = new LoadSpreadOptions(3, 10, seeds: 2, firstSeed: long.MaxValue), "firstSeed", "so that every seed fits");
        BadInput.Rejects(() => _ = new LoadSpreadOptions(3, 10, variation: (LoadVariation)9), "variation", "NodeNames, Keys or Both");
    }
}
