using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Reliability.Leaks;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's figures for the leak: retained memory against events, from the committed measurement.</summary>
/// <remarks>
/// Drawn from <c>data/reliability/leak-memory.csv</c> (<see cref="LeakMemoryData.Measured"/>), never from a live
/// reading, so the export is the same on every run; the notebook measures live beside it.
/// </remarks>
public static class Episode23LeakFigures
{
    /// <summary>The series of the memory figure: structure in the file, legend name, colour, marker.</summary>
    internal static readonly IReadOnlyList<(string Structure, string Name, string Colour, string Symbol)> MemorySeries =
    [
        ("seed-tracker", "seed's tracker (stack trace per event)", Palette.Vermillion, "circle-open"),
        ("unbounded-cache", "ConcurrentDictionary cache (no eviction)", Palette.Orange, "square-open"),
        ("lru-cache", "LRU cache, 10,000 entries", Palette.ReddishPurple, "diamond-open"),
        ("ring-buffer", "ring buffer, 10,000 events", Palette.Blue, "triangle-up-open"),
        ("time-buckets", "time buckets, 1 s × 60", Palette.BluishGreen, "x-thin-open"),
    ];

    private static LeakMemoryMeasurements Data => LeakMemoryData.Measured;

    private static LeakMemoryRow Last(string structure) => Data.Series(structure)[^1];

    /// <summary>The headline: the seed's tracker's growth per event (the slope) and the ring buffer's size at its last point.</summary>
    internal static string MemoryTitle => string.Create(CultureInfo.InvariantCulture,
        $"The seed's tracker grows {PerEvent("seed-tracker"):N0} B per event; the ring buffer stays at {Kilobytes(Last("ring-buffer").RetainedBytes)} to 10 M");

    /// <summary>The caption's sentence on which per-event number is meant: the slope, against the ratios that include the start-up cost.</summary>
    internal static string PerEventSentence =>
        string.Create(CultureInfo.InvariantCulture, $"Bytes per event in the title is the slope between the readings at 10,000 and 100,000 events ({PerEvent("seed-tracker"):N0} B); ") +
        string.Create(CultureInfo.InvariantCulture, $"the reading divided by the events is larger, {Ratio("seed-tracker", 100_000):N0} B at 100,000 and {Ratio("seed-tracker", 1_000):N0} B at 1,000, ") +
        "because it also spreads a one-off start-up cost over the events.";

    /// <summary>The reading at <paramref name="events"/> divided by the events (includes one-off costs).</summary>
    internal static double Ratio(string structure, long events) =>
        Data.Series(structure).Single(r => r.Events == events).RetainedBytes / (double)events;

    /// <summary>
    /// Bytes per event: the growth from the reading at 10,000 events to the last one, divided by the events between.
    /// Measuring from 10,000 leaves out the one-off costs of the first events (the runtime's stack-trace metadata
    /// for the seed's tracker, about 0.2 MB), which a ratio from zero would spread over the events.
    /// </summary>
    internal static double PerEvent(string structure)
    {
        var from = Data.Series(structure).Single(r => r.Events == 10_000);
        var to = Last(structure);
        return (to.RetainedBytes - from.RetainedBytes) / (double)(to.Events - from.Events);
    }

    private static string Kilobytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1000.0:N0} kB");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N2} MB");

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:N2} GB");

    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep23.leak-memory", 23, MemoryTitle,
            "Managed heap kept alive (GC.GetTotalMemory after a full collection, minus the heap before the structure existed) as events or requests " +
            "with distinct keys flow, both axes logarithmic. Measured once with the benchmark command leak-memory (Release, .NET 10, 2-vCPU virtual " +
            "machine, 2026-11-29) and committed as data/reliability/leak-memory.csv; the seed's tracker was fed 100,000 events with a console app's " +
            "shallow stack (357 chars per trace), so a web server's would keep several times more per event. " + PerEventSentence,
            string.Create(CultureInfo.InvariantCulture,
                $"Log-log line chart with markers of retained memory in bytes (y axis) against events or requests (x axis, 1,000 to 10 million). " +
                $"The seed's tracker and the ConcurrentDictionary cache rise as straight lines of slope one: {Megabytes(Last("seed-tracker").RetainedBytes)} " +
                $"after 100,000 events and {Gigabytes(Last("unbounded-cache").RetainedBytes)} after 10 million requests. The LRU cache rises until its " +
                $"10,000 entries are full and stays at {Megabytes(Last("lru-cache").RetainedBytes)}; the ring buffer is flat at " +
                $"{Kilobytes(Last("ring-buffer").RetainedBytes)} and the time buckets at {Kilobytes(Last("time-buckets").RetainedBytes)} from start to end."),
            MemoryChart),
    ];

    private static GenericChart MemoryChart()
    {
        var traces = new List<GenericChart>();
        foreach (var (structure, name, colour, symbol) in MemorySeries)
        {
            var rows = Data.Series(structure);
            if (rows.Any(r => r.RetainedBytes <= 0))
            {
                throw new InvalidOperationException($"{LeakMemoryData.Resource}: '{structure}' has a reading ≤ 0 bytes, which a log axis cannot show; measure again.");
            }

            traces.Add(PointsWithErrors(rows.Select(r => (double)r.Events), rows.Select(r => (double)r.RetainedBytes), null, name, colour, lines: true, symbol: symbol));
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"Measured; ConcurrentDictionary cache {PerEvent("unbounded-cache"):N0} B per distinct request ({Gigabytes(Last("unbounded-cache").RetainedBytes)} at 10 M), LRU {Megabytes(Last("lru-cache").RetainedBytes)}");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(MemoryTitle, subtitle),
            "events tracked, or requests with distinct keys (log scale)", "retained managed heap (bytes, log scale)");
        styled = LogAxis(styled, "xaxis", 1_000, 10_000_000);
        return LogAxis(styled, "yaxis", 1_000, 1e10);
    }
}
