using System.Diagnostics;
using System.Globalization;

namespace Workbook.Benchmarks.Harness;

/// <summary>
/// A small benchmark harness: runs each benchmark once to warm it up, then several times, and prints
/// the median time, the throughput, the allocations, and the ratio of its time per operation to its
/// group's baseline.
/// </summary>
/// <remarks>
/// Wall-clock times are noisy (other processes, frequency scaling, garbage collection), so the
/// median of several runs is reported, a full garbage collection precedes each run, and every
/// number is also given relative to a baseline measured minutes apart on the same machine.
/// Allocations are counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact
/// and unaffected by noise.
/// </remarks>
internal sealed class BenchmarkRunner(int runs, TextWriter output)
{
    private double sink;

    /// <summary>Runs the groups that match <paramref name="filter"/> (a substring of "group/benchmark", any case; null for all).</summary>
    public void Run(IEnumerable<BenchmarkGroup> groups, string? filter)
    {
        foreach (var group in groups)
        {
            var cases = group.Cases.Where(c => Matches(group, c, filter)).ToList();
            if (cases.Count == 0 && !Matches(group, group.Baseline, filter))
            {
                continue;
            }

            output.WriteLine($"== {group.Name} (median of {runs} runs; ratio = time per operation / baseline's)");
            output.WriteLine(
                $"{"benchmark",-52} {"median",10} {"per second",14} {"ratio",7} {"bytes/op",10} {"bytes/run",12}");
            var baseline = Measure(group.Baseline);
            Print(baseline, baseline, isBaseline: true);
            foreach (var benchmark in cases)
            {
                Print(Measure(benchmark), baseline, isBaseline: false);
            }

            output.WriteLine();
        }

        // Keep the results observable so no benchmark body can be optimised away.
        if (double.IsNaN(sink))
        {
            output.WriteLine("(a benchmark returned NaN)");
        }
    }

    private static bool Matches(BenchmarkGroup group, Benchmark benchmark, string? filter) =>
        filter is null || $"{group.Name}/{benchmark.Name}".Contains(filter, StringComparison.OrdinalIgnoreCase);

    private Measurement Measure(Benchmark benchmark)
    {
        sink += benchmark.Body(); // warm-up: JIT compilation, tiering, caches
        var times = new (double Seconds, long Bytes)[runs];
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            sink += benchmark.Body();
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            times[i] = (seconds, GC.GetAllocatedBytesForCurrentThread() - bytesBefore);
        }

        Array.Sort(times, (a, b) => a.Seconds.CompareTo(b.Seconds));
        var median = times[runs / 2];
        return new Measurement(benchmark, median.Seconds, median.Bytes);
    }

    private void Print(Measurement measurement, Measurement baseline, bool isBaseline)
    {
        var name = (isBaseline ? "[baseline] " : "") + measurement.Benchmark.Name;
        var ratio = measurement.SecondsPerOperation / baseline.SecondsPerOperation;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-52} {FormatTime(measurement.MedianSeconds),10} {FormatRate(measurement.OperationsPerSecond, measurement.Benchmark.Unit),14} {ratio,7:F2} {measurement.BytesPerOperation,10:G3} {measurement.AllocatedBytes,12:N0}"));
    }

    private static string FormatTime(double seconds) => seconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F1} ms");

    private static string FormatRate(double perSecond, string unit) => perSecond >= 1e6
        ? string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:F1} M {unit}")
        : string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:F1} k {unit}");
}
