using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Analysis;

namespace Workbook.Core.Tests.Hashing.Analysis;

public sealed class ShareAnalysisTests
{
    private static void WithinStandardErrors(double expected, Workbook.Core.Simulation.Estimate estimate, double errors) =>
        Assert.InRange(expected, estimate.Mean - (errors * estimate.StandardError), estimate.Mean + (errors * estimate.StandardError));

    [Fact]
    public void ExpectedShareCv_HandValues()
    {
        Assert.Equal(Math.Sqrt(1.0 / 3), ShareAnalysis.ExpectedShareCv(2, 1), 15);      // Beta(1, 1): var 1/12 over mean² 1/4
        Assert.Equal(0.0, ShareAnalysis.ExpectedShareCv(1, 50));                        // one node owns everything
        Assert.Equal(0.0749766, ShareAnalysis.ExpectedShareCv(10, 160), 6);             // √(9/1601)
        Assert.Equal(1 / Math.Sqrt(160), ShareAnalysis.ExpectedShareCv(100_000, 160), 5);   // → 1/√V for large n
    }

    [Theory]
    [InlineData(2, 1, 4000)]
    [InlineData(5, 4, 2000)]
    [InlineData(10, 160, 250)]
    public void ExpectedShareCv_MatchesRandomPoints(int n, int v, int rings)
    {
        // The mean over rings of the population CV² is unbiased for (n − 1)/(nV + 1) (the mean share 1/n is exact).
        // Tolerance: 4 standard errors of that mean, estimated from the rings' own spread.
        var spread = ShareAnalysis.Simulate(n, v, rings, seed: 2026);
        double cv = ShareAnalysis.ExpectedShareCv(n, v);
        WithinStandardErrors(cv * cv, spread.CoefficientOfVariationSquared, 4);
    }

    [Fact]
    public void RandomPoints_RejectTheNaiveOneOverV()
    {
        // The same 4-SE test has the power to tell the exact form from the approximation 1/√V at small nV:
        // n = 5, V = 4: exact CV² = 4/21 = 0.1905, naive 1/V = 0.25.
        var cv2 = ShareAnalysis.Simulate(5, 4, 2000, seed: 2026).CoefficientOfVariationSquared;
        Assert.True(Math.Abs(cv2.Mean - 0.25) > 4 * cv2.StandardError, $"1/V not rejected: {cv2}");
        Assert.Equal(4.0 / 21, Math.Pow(ShareAnalysis.ExpectedShareCv(5, 4), 2), 15);
    }

    [Fact]
    public void ExpectedMaxOverMean_TwoNodesOnePointEach_IsOneAndAHalf()
    {
        // Two points: one node's share U is uniform, so max/mean = 2·E[max(U, 1 − U)] = 2·(3/4) = 1.5 exactly.
        WithinStandardErrors(1.5, ShareAnalysis.Simulate(2, 1, 4000, seed: 3).MaxOverMean, 4);
    }

    [Fact]
    public void ExpectedMaxOverMean_FallsWithMorePoints()
    {
        double few = ShareAnalysis.Simulate(10, 10, 200, seed: 1).MaxOverMean.Upper;
        double many = ShareAnalysis.Simulate(10, 160, 200, seed: 1).MaxOverMean.Lower;
        Assert.True(many < few, $"V = 160 upper {many} not below V = 10 lower {few}");
        Assert.True(many > 1);
    }

    [Fact]
    public void KetamaShares_HaveTheCvOfRandomPoints()
    {
        // Ketama's 160 MD5 points per server behave as uniform random points: over 150 rings of random server
        // names, the mean CV² lies within 4 SE of 9/1601 (n = 10, V = 160).
        double sum = 0, squares = 0;
        const int Rings = 150;
        for (int seed = 0; seed < Rings; seed++)
        {
            var ring = new KetamaRing(SampleNames.RandomNodes(10, seed).Select(n => new KetamaServer(n)));
            double c = ShareAnalysis.OfRing(ring).CoefficientOfVariation;
            (sum, squares) = (sum + (c * c), squares + (c * c * c * c));
        }

        double mean = sum / Rings, se = Math.Sqrt((squares - (sum * mean)) / (Rings - 1) / Rings);
        Assert.InRange(9.0 / 1601, mean - (4 * se), mean + (4 * se));
    }

    [Fact]
    public void OfRing_SharesSumToOne_AndMatchTheFractionOfHashesEachServerGets()
    {
        var ring = new KetamaRing(SampleNames.Nodes(5).Select(n => new KetamaServer(n)));
        var shares = ShareAnalysis.OfRing(ring);
        Assert.Equal(1.0, shares.Shares.Sum(), 12);
        // Independent: 200,000 evenly spaced hashes over [0, 2³²), each located on the ring (at most 1 in 40,000 off per arc end).
        const int Probes = 200_000;
        var counts = new int[5];
        for (int i = 0; i < Probes; i++)
        {
            counts[int.Parse(ring.LocateHash((uint)((ulong)i * 4294967296UL / Probes)).Server[5..], System.Globalization.CultureInfo.InvariantCulture)]++;
        }

        for (int s = 0; s < 5; s++)
        {
            Assert.Equal(shares.Shares[s], (double)counts[s] / Probes, 2);
        }
    }

    [Fact]
    public void RandomPoints_IsReproducible_AndSumsToOne()
    {
        var a = ShareAnalysis.RandomPoints(4, 3, 11);
        Assert.Equal(a.Shares, ShareAnalysis.RandomPoints(4, 3, 11).Shares);
        Assert.Equal(1.0, a.Shares.Sum(), 12);
    }

    [Fact]
    public void ExpectedCountCv_HandValues()
    {
        Assert.Equal(Math.Sqrt(9.0 / 1000), ShareAnalysis.ExpectedCountCv(0, 10, 1000), 15);           // equal shares: multinomial only
        Assert.Equal(Math.Sqrt((0.01 * 0.999) + 0.009), ShareAnalysis.ExpectedCountCv(0.1, 10, 1000), 15);
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.Rejects(() => ShareAnalysis.ExpectedShareCv(0, 1), "nodes", "an integer > 0");
        BadInput.Rejects(() => ShareAnalysis.ExpectedShareCv(2, 0), "pointsPerNode", "an integer > 0");
        BadInput.Rejects(() => ShareAnalysis.ExpectedCountCv(double.NaN, 2, 1), "shareCv", "a finite number >= 0");
        BadInput.Rejects(() => ShareAnalysis.ExpectedCountCv(0.1, 2, 0), "keys", "an integer > 0");
        BadInput.Rejects(() => ShareAnalysis.Simulate(2, 2, 1, 0), "rings", "an integer >= 2");
        BadInput.Rejects(() => ShareAnalysis.RandomPoints(100_000, 100_000, 0), "pointsPerNode", "nodes × pointsPerNode <= 100000000");
    }
}
