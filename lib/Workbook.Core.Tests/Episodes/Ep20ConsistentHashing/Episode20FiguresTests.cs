using System.Globalization;
using Workbook.Core.Charts;
using Workbook.Core.Episodes.Ep20ConsistentHashing;
using Workbook.Core.Hashing.Analysis;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep20ConsistentHashing;

/// <summary>
/// Episode 20's figures state numbers that are recomputed here from the series the figures draw (read back from
/// the exported JSON), against closed forms written out by hand: the key-noise floor √((n − 1)/K), the minimum
/// a/(n + a), modulo's 1 − 1/11, the bound 1 + ε, Zipf's top-key share and ½·log₂ n.
/// </summary>
public class Episode20FiguresTests
{
    [Fact]
    public void Episode20_HasItsFiveFigures_EachWithCaptionAltTextAndEpisode()
    {
        var figures = FigureCatalog.ForEpisode(20);
        Assert.Equal(
            ["ep20.bounded-loads", "ep20.chord-hops", "ep20.keys-moved", "ep20.load-cv", "ep20.maglev-disruption"],
            figures.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.All(figures, f =>
        {
            Assert.Equal(20, f.Episode);
            Assert.False(string.IsNullOrWhiteSpace(f.Caption));
            Assert.False(string.IsNullOrWhiteSpace(f.AltText));
            Assert.StartsWith(f.Title, FigureData.Get(f.Id).Headline, StringComparison.Ordinal);
        });
    }

    [Fact]
    [Trait("Category", "Slow")] // the load-cv data: about 4 s of CPU (100,000 keys × 3 seeds × 10 rings and 5 other schemes)
    public void LoadCv_RingNeedsHundredsOfPointsToComeWithinTwiceTheKeyNoise_JumpSitsOnIt()
    {
        var figure = FigureData.Get("ep20.load-cv");
        Assert.Equal(("points per node V (count, log scale)", "CV of keys per node (ratio, log scale)"), (figure.XTitle, figure.YTitle));
        Assert.StartsWith("Rings reach 2× the key noise only at hundreds of points per node; jump needs none", figure.Title, StringComparison.Ordinal);
        // "Hundreds": the closed form crosses twice the floor between V = 300 and 400 (99/(100V + 1) + 99/10^5 = 4 × 99/10^5 at V ≈ 333).
        double TwiceFloorGap(int points) => ShareAnalysis.ExpectedCountCv(ShareAnalysis.ExpectedShareCv(100, points), 100, 100_000) - (2 * Math.Sqrt(99 / 1e5));
        Assert.True(TwiceFloorGap(300) > 0 && TwiceFloorGap(400) < 0);

        // The key-noise floor for n = 100 and K = 100,000, by hand: √(99/100000) = 0.0314643.
        double floor = Math.Sqrt(99.0 / 100_000);
        Assert.Equal(0.0314643, floor, 1e-7);
        Assert.Contains("key-noise floor √((n − 1)/K) = 0.0315", figure.Title, StringComparison.Ordinal);

        var v = figure.X("ring (95 % interval)");
        var cv = figure.Y("ring (95 % interval)");
        Assert.Equal([1.0, 2, 5, 10, 20, 50, 100, 200, 500, 1000], v);
        int firstWithin = Enumerable.Range(0, v.Length).First(i => cv[i] <= 2 * floor);
        Assert.Equal(500, v[firstWithin]);
        Assert.All(cv.Skip(firstWithin), c => Assert.True(c <= 2 * floor));

        // The measured ring follows the closed form CV² = (n − 1)/(nV + 1)·(1 − 1/K) + (n − 1)/K, written out here.
        for (int i = 0; i < v.Length; i++)
        {
            double expected = Math.Sqrt((99 / ((100 * v[i]) + 1) * (1 - 1e-5)) + (99.0 / 100_000));
            Assert.True(Math.Abs(cv[i] - expected) <= 0.12 * expected, $"V = {v[i]}: measured {cv[i]:G4}, closed form {expected:G4}");
        }

        // "jump needs none": its line lies within 10 % of the floor; so do rendezvous and Maglev. Multi-probe (21 probes) does not.
        double Level(string prefix) => figure.Y(figure.TraceNames.Single(n => n.StartsWith(prefix + ":", StringComparison.Ordinal)))[0];
        Assert.All(new[] { "jump", "rendezvous", "maglev" }, s => Assert.InRange(Level(s) / floor, 0.9, 1.1));
        Assert.InRange(Level("multi-probe"), 0.1, 0.3);
    }

    [Fact]
    [Trait("Category", "Slow")] // the load-cv data: about 4 s of CPU (100,000 keys × 3 seeds × 10 rings and 5 other schemes)
    public void LoadCv_RingShortcut_IsLoadAnalysisSpreadOfTheRingScheme()
    {
        // The figure hashes each seed's keys once and reuses them for every V; LoadAnalysis.Spread places the
        // same seeds' keys through PlacementSchemes.RingWithPoints. Both must give the same CVs.
        var row = Episode20Figures.LoadCv().Ring.Single(r => r.PointsPerNode == 10);
        var spread = LoadAnalysis.Spread(PlacementSchemes.RingWithPoints(10), new LoadSpreadOptions(100, 100_000, Episode20Figures.LoadCv().Seeds, 20));
        Assert.Equal(spread.CoefficientOfVariation.Mean, row.CoefficientOfVariation.Mean, 1e-12);
        Assert.Equal(spread.CoefficientOfVariation.HalfWidth, row.CoefficientOfVariation.HalfWidth, 1e-12);
    }

    [Fact]
    public void KeysMoved_ModuloMoves91Percent_OthersWithin112PercentOfTheMinimum()
    {
        var figure = FigureData.Get("ep20.keys-moved");
        Assert.Equal(("nodes after growing from 10 (count)", "keys moved (% of keys, log scale)"), (figure.XTitle, figure.YTitle));
        Assert.Equal(["modulo", "ring", "ketama", "jump", "rendezvous", "multi-probe", "maglev", "minimum a/(n + a)"], figure.TraceNames);
        Assert.Equal([11.0, 12, 15, 20], figure.X("minimum a/(n + a)"));
        Assert.Equal([100.0 / 11, 200.0 / 12, 500.0 / 15, 1000.0 / 20], figure.Y("minimum a/(n + a)"), new DoubleTolerance(1e-9));

        // Modulo, 10 → 11: 1 − gcd(10, 11)/11 = 90.91 % expected; 100,000 keys give a binomial SD of 0.09 points.
        double modulo = figure.Y("modulo")[0];
        Assert.InRange(modulo, 100 * 10.0 / 11 - 0.3, 100 * 10.0 / 11 + 0.3);
        string ratio = (Math.Ceiling(figure.TraceNames.Skip(1).Take(6).Max(s => figure.Y(s)[0]) / (100.0 / 11) * 100) / 100).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.StartsWith(
            $"10 → 11 nodes: modulo moves {Math.Round(modulo).ToString(CultureInfo.InvariantCulture)} % of keys; the others ≤ {ratio}× the {100.0 / 11:0.0} % minimum",
            figure.Title, StringComparison.Ordinal);
        Assert.Equal("1.12", ratio);
    }

    [Fact]
    public void BoundedLoads_NeverPassOnePlusEpsilon_ThePlainRingTakes476TimesTheMean()
    {
        var figure = FigureData.Get("ep20.bounded-loads");
        Assert.Equal(("slack ε (ratio, log scale)", "hottest node's load / mean load (ratio)"), (figure.XTitle, figure.YTitle));
        var eps = figure.X("bounded loads");
        var bounded = figure.Y("bounded loads");
        Assert.Equal([0.05, 0.1, 0.25, 0.5, 1, 2], eps);
        for (int i = 0; i < eps.Length; i++)
        {
            Assert.True(bounded[i] <= 1 + eps[i] + 1e-12, $"ε = {eps[i]}: max/mean {bounded[i]}");
            Assert.True(bounded[i] >= 1 + eps[i] - 0.01, $"ε = {eps[i]}: the hot key fills its node to the cap ({bounded[i]})");
        }

        string plainName = figure.TraceNames.Single(n => n.StartsWith("plain ring:", StringComparison.Ordinal));
        double plain = figure.Y(plainName)[0];
        Assert.Contains($"the plain ring's takes {plain.ToString("0.00", CultureInfo.InvariantCulture)}×", figure.Title, StringComparison.Ordinal);
        Assert.Contains("4.76×", figure.Title, StringComparison.Ordinal);

        // Independent floor: the hottest of 1,000 Zipf(1.1) keys alone draws 1/H(1000, 1.1) of the requests, so its
        // node carries at least 20/H times the mean (less sampling noise); H summed here.
        double h = Enumerable.Range(1, 1000).Sum(k => Math.Pow(k, -1.1));
        Assert.True(plain >= 0.9 * 20 / h, $"plain {plain}, top key alone {20 / h}");

        // Forwarding falls as the slack grows.
        var forwarded = figure.Y("requests forwarded (right axis)");
        Assert.All(Enumerable.Range(1, forwarded.Length - 1), i => Assert.True(forwarded[i] <= forwarded[i - 1]));
        Assert.Equal("y2", figure.Trace("requests forwarded (right axis)")["yaxis"]!.GetValue<string>());
    }

    [Fact]
    public void ChordHops_MeanIsHalfLog2N_588At4096()
    {
        var figure = FigureData.Get("ep20.chord-hops");
        Assert.Equal(("nodes n (count, log scale)", "hops per lookup (count)"), (figure.XTitle, figure.YTitle));
        const string name = "mean hops (bars: 1st to 99th percentile)";
        var n = figure.X(name);
        var mean = figure.Y(name);
        Assert.Equal(Enumerable.Range(3, 10).Select(k => Math.Pow(2, k)), n);
        // One random network per size: its ids shift the mean by up to about 0.2 hops (n = 32 gives 2.30, not 2.5).
        for (int i = 0; i < n.Length; i++)
        {
            Assert.True(Math.Abs(mean[i] - (0.5 * Math.Log2(n[i]))) <= 0.25, $"n = {n[i]}: mean {mean[i]}, ½·log₂ n = {0.5 * Math.Log2(n[i])}");
        }

        Assert.StartsWith(
            $"Chord lookups take about ½·log₂ n hops: {mean[^1].ToString("0.00", CultureInfo.InvariantCulture)} on average at 4,096 nodes",
            figure.Title, StringComparison.Ordinal);

        // The bars reach from the 1st to the 99th percentile of the hop counts: whole numbers around the mean.
        var up = figure.ErrorY(name);
        var down = FigureData.Numbers(figure.Trace(name)["error_y"]!["arrayminus"]);
        for (int i = 0; i < n.Length; i++)
        {
            double p99 = mean[i] + up[i], p01 = mean[i] - down[i];
            Assert.True(p01 >= 0 && p01 <= mean[i] && mean[i] <= p99 && p99 <= Math.Log2(n[i]) + 2, $"n = {n[i]}: [{p01}, {p99}]");
            Assert.Equal(Math.Round(p99), p99, 1e-9);
        }
    }

    [Fact]
    public void MaglevDisruption_OneBackendOfAThousand_Moves67TimesTheMinimum_ATenTimesTable43()
    {
        var figure = FigureData.Get("ep20.maglev-disruption");
        const string minimum = "minimum: the removed backends' entries";
        Assert.Equal(0.1, figure.X(minimum)[0], 1e-12);

        // Maglev's population gives each of N backends ⌊M/N⌋ or ⌈M/N⌉ entries: one backend of 1,000 owns 65 or 66 of 65,537.
        Assert.InRange(figure.Y(minimum)[0], (100 * 65.0 / 65_537) - 1e-12, (100 * 66.0 / 65_537) + 1e-12);
        double small = figure.Y("Maglev, M = 65,537")[0] / figure.Y(minimum)[0];
        double large = figure.Y("Maglev, M = 655,373")[0] / (100.0 * Episode20Figures.MaglevDisruption().First(p => p.TableSize == 655_373).MinimumFraction);
        Assert.StartsWith(
            string.Create(CultureInfo.InvariantCulture, $"Maglev moves {small:0.0}× the minimum when 1 of 1,000 backends goes; a 10× larger table {large:0.0}×"),
            figure.Title, StringComparison.Ordinal);
        Assert.True(large < small);
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
