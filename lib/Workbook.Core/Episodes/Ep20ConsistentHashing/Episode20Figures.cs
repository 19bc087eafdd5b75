using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Analysis;
using Workbook.Core.Hashing.Chord;
using Workbook.Core.Simulation;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep20ConsistentHashing;

/// <summary>The figures of episode 20 — consistent hashing.</summary>
/// <remarks>
/// Every figure is computed from the library's hashing schemes with fixed seeds and xxHash64 (or MD5 for
/// ketama), so it is the same every time it is built. All numbers are simulated, none measured on a real system.
/// </remarks>
public static class Episode20Figures
{
    private const string LoadCvTitle = "Rings reach 2× the key noise only at hundreds of points per node; jump needs none";
    private const string KeysMovedTitle = "10 → 11 nodes: modulo moves 91 % of keys; the others ≤ 1.12× the 9.1 % minimum";
    private const string BoundedLoadsTitle = "Bounded loads cap the hottest node at (1 + ε)× the mean; the plain ring's takes 4.76×";
    private const string ChordHopsTitle = "Chord lookups take about ½·log₂ n hops: 5.88 on average at 4,096 nodes";
    private const string MaglevDisruptionTitle = "Maglev moves 6.7× the minimum when 1 of 1,000 backends goes; a 10× larger table 4.3×";

    /// <summary>The figures of episode 20, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep20.load-cv", 20, LoadCvTitle,
            "Coefficient of variation (SD over mean) of the keys per node for a HashRing (xxHash64) with V points per node, n = 100 nodes, K = 100,000 keys, " +
            "against the closed forms (docs/hashing-derivation.md), and the same measure for jump, rendezvous, multi-probe (21 probes), Maglev (M = 65,537) and ketama (V = 160). " +
            "Each seed draws new random node names and keys; markers and lines are means over 3 seeds (20, 21, 22), the ring's with 95 % t intervals. Simulated.",
            "Scatter chart with lines, both axes on log scales: the coefficient of variation of keys per node (y axis, 0.01 to 2) against the points per node V of a ring (x axis, 1 to 1,000). " +
            "The ring's measured markers with interval bars fall from about 1 at V = 1 towards 0.03 at V = 1,000 and sit on the solid closed-form line; a dashed line, the shares-only closed form, keeps falling below it. " +
            "Horizontal lines in different dash styles: jump, rendezvous and Maglev lie together near 0.03, the key-noise floor; multi-probe lies near 0.2, level with a ring of about 20 points. A single diamond marker is ketama at V = 160, near 0.09.",
            LoadCvChart),
        new("ep20.keys-moved", 20, KeysMovedTitle,
            "Fraction of 100,000 random keys (seed 20) whose node changes when nodes node-10, node-11, … are added after node-0 … node-9, for each placement scheme of " +
            "PlacementSchemes.All (ring: HashRing with V = 160; ketama: MD5, 160 points; multi-probe: 21 probes; Maglev: M = 65,537), against the minimum a/(n + a). Simulated.",
            "Line chart with markers, the y axis on a log scale: keys moved as a percentage of all keys (y axis, 5 % to 100 %) against the nodes after growing from 10 (x axis, 11 to 20). " +
            "A dotted line is the minimum, 9.1 % at 11 nodes rising to 50 % at 20. The modulo line, with its own marker shape, starts near 91 % and falls to 50 % at 20 nodes; " +
            "the six consistent schemes, each with its own marker shape, lie on or just above the minimum.",
            KeysMovedChart),
        new("ep20.bounded-loads", 20, BoundedLoadsTitle,
            "Consistent hashing with bounded loads (Mirrokni, Thorup & Zadimoghaddam 2018; BoundedLoadBalancer, ceiling rule) over a HashRing with n = 20 nodes and V = 100 points each. " +
            "20,000 requests, each a key drawn from a Zipf law (s = 1.1) over 1,000 distinct keys (seed 20), are assigned one after another and never released, so a node's load is the requests it took. Simulated.",
            "Line chart with markers and two y axes, the x axis on a log scale: the hottest node's load over the mean load (left y axis, ratio) against the slack ε (x axis, 0.05 to 2). " +
            "The bounded-loads markers lie on the dotted line 1 + ε; a solid horizontal line far above them is the plain ring's hottest node. " +
            "A dashed line with square markers on the right y axis is the percentage of requests forwarded past their first node, falling as ε grows.",
            BoundedLoadsChart),
        new("ep20.chord-hops", 20, ChordHopsTitle,
            "Chord lookups in ideal networks (every finger table correct; m = 32-bit identifiers): for each size, random node ids and 10,000 lookups of random keys from random nodes (seed 20). " +
            "Markers are the mean hops with bars from the 1st to the 99th percentile, as in the Chord paper's path-length figure (Stoica et al. 2001/2003). Simulated.",
            "Scatter chart with lines, the x axis on a log scale in powers of two: hops per lookup (y axis) against the number of nodes n (x axis, 8 to 4,096). " +
            "The mean-hop markers, with bars from the 1st to the 99th percentile, lie on the dashed line ½·log₂ n; a dotted line log₂ n runs above them, near the top of the bars.",
            ChordHopsChart),
        new("ep20.maglev-disruption", 20, MaglevDisruptionTitle,
            "Maglev lookup tables (Envoy's construction, xxHash64) for 1,000 backends named 10.x.y.z:80; a seeded random k of them are removed (seed 20) and the table rebuilt. " +
            "Entries changed against the minimum, the removed backends' own entries. The experiment mirrors the Maglev paper's (Eisenbud et al. 2016, section 5.3); the numbers are this library's. Simulated.",
            "Line chart with markers, both axes on log scales: table entries that changed owner, as a percentage of the table (y axis, 0.1 % to 100 %), against the percentage of 1,000 backends removed (x axis, 0.1 % to 20 %). " +
            "Three lines: the minimum (the removed backends' own entries, dotted), Maglev with table size M = 65,537 (circles) and with M = 655,373 (squares). Both Maglev lines lie above the minimum, several times it when 0.1 % of backends go and close to it at 20 %; the larger table is closer to it throughout.",
            MaglevDisruptionChart),
    ];

    private static readonly Lazy<IReadOnlyList<MaglevDisruptionPoint>> MaglevPoints = new(ComputeMaglevDisruption);

    /// <summary>The backends removed (out of 1,000) in <c>ep20.maglev-disruption</c>.</summary>
    public static IReadOnlyList<int> MaglevRemovals { get; } = [1, 2, 5, 10, 20, 50, 100, 200];

    /// <summary>The data of <c>ep20.maglev-disruption</c>, computed once per process.</summary>
    public static IReadOnlyList<MaglevDisruptionPoint> MaglevDisruption() => MaglevPoints.Value;

    private static IReadOnlyList<MaglevDisruptionPoint> ComputeMaglevDisruption()
    {
        const int backends = 1000;
        MaglevBackend[] all = [.. Enumerable.Range(0, backends).Select(i => new MaglevBackend($"10.{i / 250}.{i % 250}.1:80"))];
        int[] order = Shuffled(backends, seed: 20);
        var points = new List<MaglevDisruptionPoint>();
        foreach (int tableSize in new[] { MaglevTable.DefaultTableSize, 655_373 })
        {
            var before = new MaglevTable(all, SeededHashes.XxHash64, tableSize);
            foreach (int removed in MaglevRemovals)
            {
                var gone = order.Take(removed).ToHashSet();
                var after = new MaglevTable([.. all.Where((_, i) => !gone.Contains(i))], SeededHashes.XxHash64, tableSize);
                int ownEntries = gone.Sum(i => before.EntriesPerBackend[i]);
                points.Add(new MaglevDisruptionPoint(tableSize, backends, removed, before.CountChangedEntries(after), ownEntries));
            }
        }

        return points;
    }

    /// <summary>The points per node V of the ring in <c>ep20.load-cv</c>.</summary>
    public static IReadOnlyList<int> LoadCvPointsPerNode { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>The nodes added to 10 in <c>ep20.keys-moved</c>.</summary>
    public static IReadOnlyList<int> KeysMovedAdded { get; } = [1, 2, 5, 10];

    /// <summary>The slack values ε of <c>ep20.bounded-loads</c>.</summary>
    public static IReadOnlyList<double> BoundedLoadEpsilons { get; } = [0.05, 0.1, 0.25, 0.5, 1, 2];

    /// <summary>The network sizes of <c>ep20.chord-hops</c>: 8, 16, …, 4,096.</summary>
    public static IReadOnlyList<int> ChordSizes { get; } = [.. Enumerable.Range(3, 10).Select(k => 1 << k)];

    private static readonly Lazy<LoadCvData> LoadCvValue = new(ComputeLoadCv);
    private static readonly Lazy<IReadOnlyList<KeyMovement>> KeysMovedValue = new(ComputeKeysMoved);
    private static readonly Lazy<BoundedLoadsData> BoundedLoadsValue = new(ComputeBoundedLoads);
    private static readonly Lazy<IReadOnlyList<ChordHopStatistics>> ChordHopsValue = new(() =>
        ChordExperiment.HopCounts(new ChordExperimentOptions(ChordSizes, identifierBits: 32, lookupsPerSize: 10_000, seed: 20)));

    /// <summary>The data of <c>ep20.load-cv</c>, computed once per process.</summary>
    public static LoadCvData LoadCv() => LoadCvValue.Value;

    /// <summary>The data of <c>ep20.keys-moved</c>: one row per scheme and growth, in <see cref="PlacementSchemes.All"/> order.</summary>
    public static IReadOnlyList<KeyMovement> KeysMoved() => KeysMovedValue.Value;

    /// <summary>The data of <c>ep20.bounded-loads</c>, computed once per process.</summary>
    public static BoundedLoadsData BoundedLoads() => BoundedLoadsValue.Value;

    /// <summary>The data of <c>ep20.chord-hops</c>: one row per size in <see cref="ChordSizes"/>.</summary>
    public static IReadOnlyList<ChordHopStatistics> ChordHops() => ChordHopsValue.Value;

    private static LoadCvData ComputeLoadCv()
    {
        // The ring: each seed draws node names and keys as LoadAnalysis.Spread does (one generator, nodes
        // first), hashes the keys once and places them on the ring of every V (NodeIndexForHash), which is
        // the ring placement without re-hashing each key ten times. The other schemes go through
        // LoadAnalysis.Spread with the same seeds (rendezvous hashes each key 100 times).
        const int nodes = 100, keys = 100_000, seeds = 3, referenceSeeds = 3;
        const long firstSeed = 20;
        var sums = new double[LoadCvPointsPerNode.Count];
        var squares = new double[LoadCvPointsPerNode.Count];
        for (int s = 0; s < seeds; s++)
        {
            var random = new Xoshiro256StarStar(firstSeed + s);
            string[] names = SampleNames.RandomNodes(nodes, ref random);
            ulong[] hashes = [.. SampleNames.RandomKeys(keys, ref random).Select(PlacementSchemes.KeyHash)];
            for (int i = 0; i < LoadCvPointsPerNode.Count; i++)
            {
                var ring = new HashRing(names.Select(n => new RingNode(n)), LoadCvPointsPerNode[i], SeededHashes.XxHash64);
                var counts = new int[nodes];
                foreach (ulong h in hashes)
                {
                    counts[ring.NodeIndexForHash(h)]++;
                }

                double cv = new LoadStatistics(names, counts).CoefficientOfVariation;
                (sums[i], squares[i]) = (sums[i] + cv, squares[i] + (cv * cv));
            }
        }

        var rows = LoadCvPointsPerNode.Select((v, i) =>
        {
            double share = ShareAnalysis.ExpectedShareCv(nodes, v);
            return new RingLoadCv(v, Estimate.FromSums(sums[i], squares[i], seeds), ShareAnalysis.ExpectedCountCv(share, nodes, keys), share);
        }).ToList();
        var options = new LoadSpreadOptions(nodes, keys, referenceSeeds, firstSeed, LoadVariation.Both);
        var others = new[] { PlacementSchemes.Jump, PlacementSchemes.Rendezvous, PlacementSchemes.MultiProbe, PlacementSchemes.Maglev, PlacementSchemes.Ketama }
            .Select(scheme => new SchemeLoadCv(scheme.Name, LoadAnalysis.Spread(scheme, options).CoefficientOfVariation))
            .ToList();
        return new LoadCvData(nodes, keys, seeds, referenceSeeds, ShareAnalysis.ExpectedCountCv(0, nodes, keys), rows, others);
    }

    private static IReadOnlyList<KeyMovement> ComputeKeysMoved()
    {
        var keys = SampleNames.RandomKeys(100_000, seed: 20);
        return [.. PlacementSchemes.All.SelectMany(scheme => KeysMovedAdded.Select(a => MovementAnalysis.AfterAdding(scheme, 10, a, keys)))];
    }

    private static BoundedLoadsData ComputeBoundedLoads()
    {
        const int nodes = 20, points = 100, distinct = 1000, requests = 20_000;
        const double exponent = 1.1;
        var ring = new HashRing(SampleNames.Nodes(nodes).Select(n => new RingNode(n)), points);
        var zipf = new ZipfSampler(distinct, exponent);
        var random = new Xoshiro256StarStar(20);
        ulong[] keyHashes = [.. Enumerable.Range(1, distinct).Select(rank => ring.HashKey(string.Create(CultureInfo.InvariantCulture, $"key-{rank}")))];
        ulong[] stream = [.. Enumerable.Range(0, requests).Select(_ => keyHashes[zipf.Next(ref random) - 1])];
        var plain = new int[nodes];
        foreach (ulong h in stream)
        {
            plain[ring.NodeIndexForHash(h)]++;
        }

        var rows = BoundedLoadEpsilons.Select(epsilon =>
        {
            var balancer = new BoundedLoadBalancer(ring, epsilon);
            foreach (ulong h in stream)
            {
                balancer.AssignHash(h);
            }

            var report = balancer.Report();
            return new BoundedLoadPoint(epsilon, report.MaxOverMean, report.ForwardedFraction);
        }).ToList();
        double mean = (double)requests / nodes;
        return new BoundedLoadsData(nodes, points, distinct, exponent, requests, plain.Max() / mean, rows);
    }

    private static GenericChart LoadCvChart()
    {
        var data = LoadCv();
        double[] v = [.. data.Ring.Select(r => (double)r.PointsPerNode)];
        double[] fine = [.. Enumerable.Range(0, 61).Select(i => Math.Pow(10, 3.0 * i / 60))];
        double Share(double x) => Math.Sqrt((data.Nodes - 1) / ((data.Nodes * x) + 1));
        double Count(double x) => Math.Sqrt((Share(x) * Share(x) * (1 - (1.0 / data.Keys))) + ((data.Nodes - 1.0) / data.Keys));
        (string Name, string Colour, StyleParam.DrawingStyle Dash)[] references =
        [
            ("jump", Palette.Orange, StyleParam.DrawingStyle.Dot),
            ("rendezvous", Palette.BluishGreen, StyleParam.DrawingStyle.DashDot),
            ("multi-probe", Palette.ReddishPurple, StyleParam.DrawingStyle.LongDash),
            ("maglev", Palette.SkyBlue, StyleParam.DrawingStyle.LongDashDot),
        ];
        var ketama = data.Others.First(o => o.Scheme == "ketama");
        var traces = new List<GenericChart>
        {
            Line(fine, fine.Select(Count), "closed form", Palette.Black, 2),
            Line(fine, fine.Select(Share), "shares only (closed form)", Palette.Black, 2, StyleParam.DrawingStyle.Dash),
        };
        traces.AddRange(references.Select(r =>
        {
            double cv = data.Others.First(o => o.Scheme == r.Name).CoefficientOfVariation.Mean;
            return Line([1, 1000], [cv, cv], string.Create(CultureInfo.InvariantCulture, $"{r.Name}: {cv:0.000}"), r.Colour, 2, r.Dash);
        }));
        traces.Add(PointsWithErrors(v, data.Ring.Select(r => r.CoefficientOfVariation.Mean), data.Ring.Select(r => r.CoefficientOfVariation.HalfWidth), "ring (95 % interval)", Palette.Blue));
        traces.Add(PointsWithErrors([160], [ketama.CoefficientOfVariation.Mean], [ketama.CoefficientOfVariation.HalfWidth], "ketama, V = 160", Palette.Vermillion, symbol: "diamond-open"));
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces),
            Headline(LoadCvTitle, string.Create(CultureInfo.InvariantCulture,
                $"n = {data.Nodes}, K = {data.Keys:N0}, {data.Seeds} seeds per point; key-noise floor √((n − 1)/K) = {data.KeyNoiseFloor:0.0000}")),
            "points per node V (count, log scale)", "CV of keys per node (ratio, log scale)");
        return LogAxis(LogAxis(styled, "xaxis", 0.8, 1250), "yaxis", 0.01, 2);
    }

    private static GenericChart KeysMovedChart()
    {
        var data = KeysMoved();
        (string Colour, string Symbol)[] styles =
        [
            (Palette.Vermillion, "x-open"), (Palette.Blue, "circle-open"), (Palette.SkyBlue, "diamond-open"), (Palette.Orange, "square-open"),
            (Palette.BluishGreen, "triangle-up-open"), (Palette.ReddishPurple, "triangle-down-open"), (Palette.Yellow, "star-open"),
        ];
        var first = data.Where(m => m.Scheme == data[0].Scheme).ToList();
        double[] x = [.. first.Select(m => (double)m.NodesAfter)];
        var traces = data.GroupBy(m => m.Scheme).Select((g, i) =>
            PointsWithErrors(x, g.Select(m => 100 * m.FractionMoved), null, g.Key, styles[i].Colour, lines: true, symbol: styles[i].Symbol)).ToList();
        traces.Add(Line(x, first.Select(m => 100 * m.MinimumFraction), "minimum a/(n + a)", Palette.Black, 3, StyleParam.DrawingStyle.Dot));
        var modulo = data.First(m => m.Scheme == "modulo" && m.NodesAfter == 11);
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces),
            Headline(KeysMovedTitle, string.Create(CultureInfo.InvariantCulture,
                $"100,000 random keys; 10 nodes grown to 11, 12, 15, 20; modulo at 10 → 11: {100 * modulo.FractionMoved:0.0} %, expected 1 − 1/11 = 90.9 %")),
            "nodes after growing from 10 (count)", "keys moved (% of keys, log scale)");
        var xAxis = (DynamicObj.DynamicObj)GenericChart.getLayout(styled).TryGetPropertyValue("xaxis").Value;
        xAxis.SetProperty("tickmode", "array");
        xAxis.SetProperty("tickvals", x);
        xAxis.SetProperty("range", new[] { 10.5, 20.5 });
        return LogAxis(styled, "yaxis", 5, 100);
    }

    private static GenericChart BoundedLoadsChart()
    {
        var data = BoundedLoads();
        double[] eps = [.. data.Points.Select(p => p.Epsilon)];
        var forwarded = new Trace("scatter");
        forwarded.SetProperty("x", eps);
        forwarded.SetProperty("y", data.Points.Select(p => 100 * p.ForwardedFraction).ToArray());
        forwarded.SetProperty("name", "requests forwarded (right axis)");
        forwarded.SetProperty("mode", "lines+markers");
        forwarded.SetProperty("yaxis", "y2");
        forwarded.SetProperty("marker", new { color = Palette.Orange, size = 9, symbol = "square-open", line = new { width = 2 } });
        forwarded.SetProperty("line", new { color = Palette.Orange, width = 2, dash = "dash" });
        var chart = CSharpChart.Combine(
        [
            Line([0.04, 2.5], [data.PlainMaxOverMean, data.PlainMaxOverMean], string.Create(CultureInfo.InvariantCulture, $"plain ring: {data.PlainMaxOverMean:0.00}"), Palette.Vermillion, 2.5),
            Line(eps, eps.Select(e => 1 + e), "bound 1 + ε", Palette.Black, 2.5, StyleParam.DrawingStyle.Dot),
            PointsWithErrors(eps, data.Points.Select(p => p.MaxOverMean), null, "bounded loads", Palette.Blue, lines: true),
            GenericChart.ofTraceObject(true, forwarded),
        ]);
        var styled = ChartStyle.Apply(chart,
            Headline(BoundedLoadsTitle, string.Create(CultureInfo.InvariantCulture,
                $"n = {data.Nodes}, V = {data.PointsPerNode}; {data.Requests:N0} requests for {data.DistinctKeys:N0} keys, Zipf s = {data.ZipfExponent}, held (never released)")),
            "slack ε (ratio, log scale)", "hottest node's load / mean load (ratio)");
        var layout = GenericChart.getLayout(styled);
        var y = (DynamicObj.DynamicObj)layout.TryGetPropertyValue("yaxis").Value;
        // Left 0 … 6.5 and right 0 … 65 % share the grid; the band above the plain ring's line holds the legend.
        double top = Math.Max(6.5, Math.Ceiling(data.PlainMaxOverMean) + 1.5);
        y.SetProperty("range", new[] { 0.0, top });
        y.SetProperty("dtick", 1);
        layout.SetProperty("yaxis2", new
        {
            title = new { text = "requests forwarded (% of requests)" },
            overlaying = "y",
            side = "right",
            range = new[] { 0.0, 10 * top },
            dtick = 10,
            showgrid = false,
            zeroline = false,
        });
        layout.SetProperty("legend", new { orientation = "h", x = 0.01, y = 0.99, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" });
        return LogAxis(styled, "xaxis", 0.04, 2.5);
    }

    private static GenericChart ChordHopsChart()
    {
        var data = ChordHops();
        double[] n = [.. data.Select(r => (double)r.Nodes)];
        var mean = new Trace("scatter");
        mean.SetProperty("x", n);
        mean.SetProperty("y", data.Select(r => r.MeanHops.Mean).ToArray());
        mean.SetProperty("name", "mean hops (bars: 1st to 99th percentile)");
        mean.SetProperty("mode", "markers");
        mean.SetProperty("marker", new { color = Palette.Blue, size = 9, symbol = "circle-open", line = new { width = 2 } });
        mean.SetProperty("error_y", new
        {
            type = "data",
            symmetric = false,
            array = data.Select(r => r.P99Hops - r.MeanHops.Mean).ToArray(),
            arrayminus = data.Select(r => r.MeanHops.Mean - r.P01Hops).ToArray(),
            visible = true,
            color = Palette.Blue,
            thickness = 1.5,
            width = 4,
        });
        var chart = CSharpChart.Combine(
        [
            Line(n, data.Select(r => 0.5 * r.Log2Nodes), "½·log₂ n", Palette.Black, 2, StyleParam.DrawingStyle.Dash),
            Line(n, data.Select(r => r.Log2Nodes), "log₂ n", Palette.Black, 2, StyleParam.DrawingStyle.Dot),
            GenericChart.ofTraceObject(true, mean),
        ]);
        var last = data[^1];
        var styled = ChartStyle.Apply(chart,
            Headline(ChordHopsTitle, string.Create(CultureInfo.InvariantCulture,
                $"ideal finger tables, m = 32; 10,000 random lookups per size; at {last.Nodes:N0} nodes: mean {last.MeanHops.Mean:0.00} hops, p1 {last.P01Hops}, p99 {last.P99Hops}")),
            "nodes n (count, log scale)", "hops per lookup (count)");
        var layout = GenericChart.getLayout(styled);
        var x = (DynamicObj.DynamicObj)layout.TryGetPropertyValue("xaxis").Value;
        x.SetProperty("type", "log");
        x.SetProperty("autorange", false);
        x.SetProperty("range", new[] { Math.Log10(6), Math.Log10(5500) });
        x.SetProperty("tickmode", "array");
        x.SetProperty("tickvals", n);
        x.SetProperty("ticktext", data.Select(r => r.Nodes.ToString("#,##0", CultureInfo.InvariantCulture)).ToArray());
        return styled;
    }

    private static int[] Shuffled(int count, long seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        int[] order = [.. Enumerable.Range(0, count)];
        for (int i = count - 1; i > 0; i--)
        {
            int j = (int)(rng.NextUInt64() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private static GenericChart MaglevDisruptionChart()
    {
        var data = MaglevDisruption();
        var small = data.Where(p => p.TableSize == MaglevTable.DefaultTableSize).ToList();
        var large = data.Where(p => p.TableSize != MaglevTable.DefaultTableSize).ToList();
        double[] x = [.. small.Select(p => 100.0 * p.Removed / p.Backends)];
        var chart = CSharpChart.Combine(
        [
            Line(x, small.Select(p => 100 * p.MinimumFraction), "minimum: the removed backends' entries", Palette.Grey, 2.5, StyleParam.DrawingStyle.Dot),
            PointsWithErrors(x, small.Select(p => 100 * p.ChangedFraction), null, "Maglev, M = 65,537", Palette.Vermillion, lines: true),
            PointsWithErrors(x, large.Select(p => 100 * p.ChangedFraction), null, "Maglev, M = 655,373", Palette.Blue, lines: true, symbol: "square-open"),
        ]);
        var one = small.First(p => p.Removed == 10);
        var oneLarge = large.First(p => p.Removed == 10);
        var styled = ChartStyle.Apply(chart,
            Headline(MaglevDisruptionTitle, string.Create(CultureInfo.InvariantCulture,
                $"1,000 backends, 1 % removed: {100 * one.ChangedFraction:0.00} % of entries change at M = 65,537, {100 * oneLarge.ChangedFraction:0.00} % at 655,373; the minimum is {100 * one.MinimumFraction:0.00} %")),
            "backends removed (% of 1,000, log scale)", "entries changed (% of table, log scale)");
        return LogAxis(LogAxis(styled, "xaxis", 0.08, 25), "yaxis", 0.08, 40);
    }
}

/// <summary>One point of <c>ep20.maglev-disruption</c>: a Maglev table before and after removing some backends.</summary>
/// <param name="TableSize">The table size M.</param>
/// <param name="Backends">The backends before the removal.</param>
/// <param name="Removed">How many backends were removed.</param>
/// <param name="ChangedEntries">Entries whose backend changed.</param>
/// <param name="RemovedEntries">Entries the removed backends owned before: the fewest that must change.</param>
public sealed record MaglevDisruptionPoint(int TableSize, int Backends, int Removed, int ChangedEntries, int RemovedEntries)
{
    /// <summary>The fraction of the table that changed.</summary>
    public double ChangedFraction => (double)ChangedEntries / TableSize;

    /// <summary>The fewest entries that must change, as a fraction of the table.</summary>
    public double MinimumFraction => (double)RemovedEntries / TableSize;
}

/// <summary>The ring's row of <c>ep20.load-cv</c>: measured CV of key counts against the closed forms.</summary>
/// <param name="PointsPerNode">V, points per node.</param>
/// <param name="CoefficientOfVariation">The measured CV: mean over seeds with its 95 % t interval.</param>
/// <param name="ExpectedCountCv">The closed form with key noise, ShareAnalysis.ExpectedCountCv.</param>
/// <param name="ExpectedShareCv">The closed form of the shares alone, √((n − 1)/(nV + 1)).</param>
public sealed record RingLoadCv(int PointsPerNode, Estimate CoefficientOfVariation, double ExpectedCountCv, double ExpectedShareCv);

/// <summary>A reference scheme's CV of key counts in <c>ep20.load-cv</c>.</summary>
/// <param name="Scheme">The scheme's name (PlacementSchemes).</param>
/// <param name="CoefficientOfVariation">The measured CV: mean over seeds with its 95 % t interval.</param>
public sealed record SchemeLoadCv(string Scheme, Estimate CoefficientOfVariation);

/// <summary>The data of <c>ep20.load-cv</c>.</summary>
/// <param name="Nodes">n.</param>
/// <param name="Keys">K per seed.</param>
/// <param name="Seeds">Independent runs per ring point.</param>
/// <param name="ReferenceSeeds">Independent runs per reference scheme (the first of the ring's seeds).</param>
/// <param name="KeyNoiseFloor">√((n − 1)/K): the CV of perfectly even shares, from the keys' sampling alone.</param>
/// <param name="Ring">The ring's rows, by V.</param>
/// <param name="Others">Jump, rendezvous, multi-probe, Maglev and ketama, in that order.</param>
public sealed record LoadCvData(int Nodes, int Keys, int Seeds, int ReferenceSeeds, double KeyNoiseFloor, IReadOnlyList<RingLoadCv> Ring, IReadOnlyList<SchemeLoadCv> Others);

/// <summary>One ε of <c>ep20.bounded-loads</c>.</summary>
/// <param name="Epsilon">ε.</param>
/// <param name="MaxOverMean">The hottest node's load over the mean load after every request.</param>
/// <param name="ForwardedFraction">Requests that went past their first node, over all requests.</param>
public sealed record BoundedLoadPoint(double Epsilon, double MaxOverMean, double ForwardedFraction);

/// <summary>The data of <c>ep20.bounded-loads</c>.</summary>
/// <param name="Nodes">n.</param>
/// <param name="PointsPerNode">V of the ring.</param>
/// <param name="DistinctKeys">The Zipf law's number of keys.</param>
/// <param name="ZipfExponent">s.</param>
/// <param name="Requests">Requests assigned (never released).</param>
/// <param name="PlainMaxOverMean">The plain ring's hottest node over the mean, same requests.</param>
/// <param name="Points">One row per ε.</param>
public sealed record BoundedLoadsData(int Nodes, int PointsPerNode, int DistinctKeys, double ZipfExponent, int Requests, double PlainMaxOverMean, IReadOnlyList<BoundedLoadPoint> Points);
