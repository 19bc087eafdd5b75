using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Reliability.Races.Interleavings;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's figures for the race: how many interleavings of the seed's pool hand out a connection twice.</summary>
/// <remarks>Exact counts by exhaustive enumeration with the interleaving explorer; nothing is sampled or timed.</remarks>
public static class Episode23RaceFigures
{
    /// <summary>The thread counts drawn (each thread checks out once; the pool has one connection per thread).</summary>
    public static IReadOnlyList<int> ThreadCounts { get; } = [2, 3, 4];

    private const string Title = "The seed's pool double-checks out in 60 % of 2-thread interleavings, 90 % of 3-thread";

    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep23.race-interleavings", 23, Title,
            "Every interleaving of m threads that each check out one connection from a pool of m, enumerated by the workbook's interleaving explorer " +
            "(each thread: read the count, read the last id, remove it — three scheduling points; the locked pool enters its lock first). " +
            "Exact counts, no sampling: (3m)! / (3!)^m interleavings for the seed's pool; the lock leaves only the m! orders of whole critical sections.",
            "Bar chart of the share of interleavings with a double checkout in percent (y axis, 0 to 100) against the number of threads, 2, 3 and 4 " +
            "(x axis). The seed's pool (bars labelled with their counts) double-checks out in 12 of 20 interleavings with 2 threads (60 %), " +
            "1,512 of 1,680 with 3 (90 %) and 362,880 of 369,600 with 4 (98.2 %). The locked pool (diamond markers on the axis, labelled 0 of 2, 0 of 6, " +
            "0 of 24) does so in none: it has only the m! orders of whole critical sections.",
            RaceChart),
    ];

    private static GenericChart RaceChart()
    {
        var seed = ThreadCounts.Select(n => PoolRaces.CountDoubleCheckouts((free, _) => new SeedSimPool(free), n)).ToList();
        var locked = ThreadCounts.Select(n => PoolRaces.CountDoubleCheckouts((free, gate) => new LockedSimPool(free, gate), n)).ToList();
        var x = ThreadCounts.Select(n => (double)n).ToArray();

        var bars = new Trace("bar");
        bars.SetProperty("x", x);
        bars.SetProperty("y", seed.Select(c => 100 * c.Fraction).ToArray());
        bars.SetProperty("name", "the seed's pool (check, then act)");
        bars.SetProperty("width", 0.5);
        bars.SetProperty("text", seed.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.DoubleCheckouts:N0} of {c.Schedules:N0}")).ToArray());
        bars.SetProperty("textposition", "outside");
        bars.SetProperty("marker", new { color = Palette.Vermillion, line = new { color = Palette.Black, width = 1 } });

        var markers = new Trace("scatter");
        markers.SetProperty("x", x);
        markers.SetProperty("y", locked.Select(c => 100 * c.Fraction).ToArray());
        markers.SetProperty("name", "the locked pool");
        markers.SetProperty("mode", "markers+text");
        markers.SetProperty("text", locked.Select(c => string.Create(CultureInfo.InvariantCulture, $"0 of {c.Schedules:N0}")).ToArray());
        markers.SetProperty("textposition", "top center");
        markers.SetProperty("marker", new { color = Palette.Blue, size = 12, symbol = "diamond" });

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"every interleaving enumerated; 4 threads: {seed[^1].DoubleCheckouts:N0} of {seed[^1].Schedules:N0} ({100 * seed[^1].Fraction:0.0} %); the locked pool: none");
        var styled = ChartStyle.Apply(
            CSharpChart.Combine([GenericChart.ofTraceObject(true, bars), GenericChart.ofTraceObject(true, markers)]),
            Headline(Title, subtitle), "threads, each checking out once (count)", "interleavings with a double checkout (%)");
        return WithLayout(styled,
            new Dictionary<string, object> { ["legend"] = new { orientation = "h", x = 0.01, y = 0.99, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" } },
            xaxis: new { dtick = 1 },
            yaxis: new { range = new[] { -5.0, 115 } });
    }
}
