namespace Workbook.Benchmarks.Harness;

/// <summary>The median of several timed runs of one benchmark.</summary>
/// <param name="Benchmark">What was run.</param>
/// <param name="MedianSeconds">The median wall-clock time of one call.</param>
/// <param name="AllocatedBytes">Bytes allocated on the calling thread during the median-time call.</param>
internal sealed record Measurement(Benchmark Benchmark, double MedianSeconds, long AllocatedBytes)
{
    public double SecondsPerOperation => MedianSeconds / Benchmark.Operations;

    public double OperationsPerSecond => Benchmark.Operations / MedianSeconds;

    public double BytesPerOperation => (double)AllocatedBytes / Benchmark.Operations;
}
