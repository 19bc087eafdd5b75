using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Simulation;

public sealed class ZipfSamplerTests
{
    // The closed form, written out here: P(k) = k^(−s) / Σ_{j ≤ K} j^(−s).
    private static double[] Pmf(int ranks, double s)
    {
        double[] weights = [.. Enumerable.Range(1, ranks).Select(k => Math.Pow(k, -s))];
        double total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    [Theory]
    [InlineData(20, 1.1, 1)]
    [InlineData(20, 0.0, 2)]
    [InlineData(30, 0.8, 3)]
    public void Frequencies_MatchTheClosedFormPmf(int ranks, double s, long seed)
    {
        // 200,000 draws. Each rank's count is binomial: within 5 SE (false alarm < 6e-7 per rank).
        // Pearson's χ² over all ranks stays below its 1 − 1e-6 quantile: 63.68 for 19 degrees of
        // freedom, 80.44 for 29 (regularised upper incomplete gamma, solved by bisection).
        const int draws = 200_000;
        var sampler = new ZipfSampler(ranks, s);
        var rng = new Xoshiro256StarStar(seed);
        var counts = new int[ranks + 1];
        for (int i = 0; i < draws; i++)
        {
            counts[sampler.Next(ref rng)]++;
        }

        Assert.Equal(0, counts[0]);
        double[] p = Pmf(ranks, s);
        double chiSquare = 0;
        for (int k = 1; k <= ranks; k++)
        {
            double expected = draws * p[k - 1];
            double se = Math.Sqrt(draws * p[k - 1] * (1 - p[k - 1]));
            Assert.InRange(counts[k], expected - 5 * se, expected + 5 * se);
            chiSquare += (counts[k] - expected) * (counts[k] - expected) / expected;
        }

        Assert.True(chiSquare < (ranks == 20 ? 63.68 : 80.44), $"χ² = {chiSquare}");
    }

    [Fact]
    public void SmallCases_ByHand()
    {
        // K = 2, s = 1: P(1) = 1/(1 + 1/2) = 2/3. 60,000 draws: SE = √(60000·2/9) = 115.5; 5 SE = 577.
        var sampler = new ZipfSampler(2, 1);
        var rng = new Xoshiro256StarStar(7);
        int ones = 0;
        for (int i = 0; i < 60_000; i++)
        {
            ones += sampler.Next(ref rng) == 1 ? 1 : 0;
        }

        Assert.InRange(ones, 40_000 - 577, 40_000 + 577);
        var single = new ZipfSampler(1, 3);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(1, single.Next(ref rng)));
    }

    [Fact]
    public void SameSeed_SameSequence()
    {
        var sampler = new ZipfSampler(1000, 1.2);
        var a = new Xoshiro256StarStar(99);
        var b = new Xoshiro256StarStar(99);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(sampler.Next(ref a), sampler.Next(ref b)));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.Rejects(() => _ = new ZipfSampler(0, 1), "ranks", "an integer in [1, 16777216]");
        BadInput.Rejects(() => _ = new ZipfSampler((1 << 24) + 1, 1), "ranks", "an integer in [1, 16777216]");
        BadInput.Rejects(() => _ = new ZipfSampler(10, -0.5), "exponent", "a finite number >= 0");
        BadInput.Rejects(() => _ = new ZipfSampler(10, double.NaN), "exponent", "a finite number >= 0");
    }
}
