using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Hashing;
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
    private const string MaglevDisruptionTitle = "Maglev changes several times the minimum when few backends go; a 10× larger table comes closer";

    /// <summary>The figures of episode 20, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep20.maglev-disruption", 20, MaglevDisruptionTitle,
            "Maglev lookup tables (Envoy's construction, xxHash64) for 1,000 backends named 10.x.y.z:80; a seeded random k of them are removed (seed 20) and the table rebuilt. " +
            "Entries changed against the minimum, the removed backends' own entries. The experiment mirrors the Maglev paper's (Eisenbud et al. 2016, section 5.3); the numbers are this library's. Simulated.",
            "Line chart with markers, both axes on log scales: table entries that changed owner, as a percentage of the table (y axis, 0.1 % to 100 %), against the percentage of 1,000 backends removed (x axis, 0.1 % to 20 %). " +
            "Three lines: the minimum (the removed backends' own entries, dotted), Maglev with table size M = 65,537 (circles) and with M = 655,373 (squares). Both Maglev lines run just above the minimum; the larger table is closer to it.",
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
