using MathNet.Numerics.Distributions;
using Workbook.Benchmarks.Harness;
using Workbook.Core.Resilience;

namespace Workbook.Benchmarks;

/// <summary>
/// Power-curve sweeps of the episode 13 trip threshold: for each window size n, the critical count
/// at p₀ = 5 %, α = 1 % and the trip probability at 100 failure rates from 0.5 % to 50 %.
/// </summary>
/// <remarks>
/// The baseline is the textbook implementation learners write first: the same sweep with
/// 1 − MathNet's <see cref="Binomial.CDF(double, int, double)"/>, critical count by a linear scan.
/// It is also the less accurate one (the complement cancels in the far tail), so the ratio shows what
/// the accurate tail costs or saves. The goal in issue 4 is a sweep with n up to 1,000 and 100 rates
/// in under 50 ms; both the 100-window sweep and the every-window sweep are measured.
/// </remarks>
internal static class BreakerBenchmarks
{
    private const double BaselineFailureRate = 0.05;
    private const double Alpha = 0.01;

    private static readonly double[] Rates = Enumerable.Range(1, 100).Select(i => i * 0.005).ToArray();
    private static readonly int[] HundredWindows = Enumerable.Range(1, 100).Select(i => i * 10).ToArray();
    private static readonly int[] EveryWindow = Enumerable.Range(1, 1000).ToArray();

    public static BenchmarkGroup Group { get; } = new(
        "breakers",
        new Benchmark("textbook 1 − CDF: n = 10, 20 … 1000 × 100 rates", 1, "sweep", () => TextbookSweep(HundredWindows)),
        new Benchmark("library: n = 10, 20 … 1000 × 100 rates", 1, "sweep", () => LibrarySweep(HundredWindows)),
        new Benchmark("library: every n = 1 … 1000 × 100 rates", 1, "sweep", () => LibrarySweep(EveryWindow)));

    private static double LibrarySweep(int[] windows)
    {
        var sum = 0.0;
        foreach (var n in windows)
        {
            var k = TripThreshold.CriticalFailureCount(n, BaselineFailureRate, Alpha);
            foreach (var point in TripThreshold.PowerCurve(n, k, Rates))
            {
                sum += point.TripProbability;
            }
        }

        return sum;
    }

    private static double TextbookSweep(int[] windows)
    {
        var sum = 0.0;
        foreach (var n in windows)
        {
            var k = 0;
            while (k < n && 1 - Binomial.CDF(BaselineFailureRate, n, k) > Alpha)
            {
                k++;
            }

            foreach (var p in Rates)
            {
                sum += 1 - Binomial.CDF(p, n, k);
            }
        }

        return sum;
    }
}
