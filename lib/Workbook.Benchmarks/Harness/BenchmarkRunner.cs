using System.Diagnostics;
using System.Globalization;

namespace Workbook.Benchmarks.Harness;

/// <summary>
/// A small benchmark harness: for each benchmark, runs it and its group's baseline alternately,
/// several times each, and prints the median time, the throughput, the allocations, and the ratio
/// of its time per operation to the baseline's.
/// </summary>
/// <remarks>
/// <para>
/// Wall-clock times are noisy (other processes, frequency scaling, garbage collection). Three
/// defences: the median of several runs is reported; a full garbage collection precedes each run;
/// and the baseline is run alternately with each benchmark, so the ratio compares runs made seconds
/// apart under the same conditions. On a shared machine whose load drifts, the ratio is the number
/// to trust; absolute rates are only as good as the machine was quiet.
/// </para>
/// <para>
/// Allocations are counted with <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which is exact
/// and unaffected by noise.
/// </para>
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

            output.WriteLine(
                $"== {group.Name}: medians of {runs} runs, each alternating with a baseline run; ratio = time per operation / baseline's");
            output.WriteLine(
                $"{"benchmark",-52} {"median",10} {"per second",16} {"ratio",7} {"bytes/op",10} {"bytes/run",12}");
            Warm(group.Baseline);
            var baselineSamples = new List<Sample>();
            var rows = new List<(Measurement Case, double Ratio)>();
            foreach (var benchmark in cases)
            {
                Warm(benchmark);
                var baselineRuns = new List<Sample>();
                var caseRuns = new List<Sample>();
                for (var i = 0; i < runs; i++)
                {
                    baselineRuns.Add(Time(group.Baseline));
                    caseRuns.Add(Time(benchmark));
                }

                baselineSamples.AddRange(baselineRuns);
                var measured = Median(benchmark, caseRuns);
                var baseline = Median(group.Baseline, baselineRuns);
                rows.Add((measured, measured.SecondsPerOperation / baseline.SecondsPerOperation));
            }

            if (cases.Count == 0)
            {
                Warm(group.Baseline);
                for (var i = 0; i < runs; i++)
                {
                    baselineSamples.Add(Time(group.Baseline));
                }
            }

            Print("[baseline] ", Median(group.Baseline, baselineSamples), 1.0);
            foreach (var (measured, ratio) in rows)
            {
                Print("", measured, ratio);
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

    private static Measurement Median(Benchmark benchmark, List<Sample> samples)
    {
        var sorted = samples.OrderBy(s => s.Seconds).ToList();
        var median = sorted[sorted.Count / 2];
        return new Measurement(benchmark, median.Seconds, median.Bytes);
    }

    // JIT compilation, tiering and caches: the first call is not measured.
    private void Warm(Benchmark benchmark) => sink += benchmark.Body();

    private Sample Time(Benchmark benchmark)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        sink += benchmark.Body();
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Sample(seconds, GC.GetAllocatedBytesForCurrentThread() - bytesBefore);
    }

    private void Print(string prefix, Measurement measurement, double ratio)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix + measurement.Benchmark.Name,-52} {FormatTime(measurement.MedianSeconds),10} {FormatRate(measurement.OperationsPerSecond, measurement.Benchmark.Unit),16} {ratio,7:F2} {measurement.BytesPerOperation,10:G3} {measurement.AllocatedBytes,12:N0}"));
    }

    private static string FormatTime(double seconds) => seconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F1} ms");

    private static string FormatRate(double perSecond, string unit) => perSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:F1} M {unit}/s"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:F1} k {unit}/s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:G3} {unit}/s"),
    };

    private readonly record struct Sample(double Seconds, long Bytes);
}
