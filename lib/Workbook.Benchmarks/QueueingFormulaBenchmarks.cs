using Workbook.Benchmarks.Harness;
using Workbook.Core.Queueing;

namespace Workbook.Benchmarks;

/// <summary>
/// Erlang C and the capacity planner at large scale. The baseline is one pass of a loop doing the
/// same number of divisions as the Erlang B recurrence at c = 100,000, so the ratio shows what the
/// library adds to the bare arithmetic.
/// </summary>
internal static class QueueingFormulaBenchmarks
{
    private const int Repeats = 200;

    public static BenchmarkGroup Group { get; } = new(
        "formulas",
        new Benchmark("bare loop: 100,000 multiply-divide steps", Repeats, "evaluation", BareLoop),
        new Benchmark("Erlang C, c = 100,000, ρ = 0.99", Repeats, "evaluation", () => Repeat(() => ErlangFormulas.ErlangC(100_000, 99_000))),
        new Benchmark("M/M/c analysis + p99 response, c = 100,000, ρ = 0.999", Repeats, "evaluation",
            () => Repeat(() => ((MMcSteadyState)new MMcQueue(99_900, 1, 100_000).Analyze()).ResponseTime.PercentileSeconds(0.99))),
        new Benchmark("planner: 10,000 erlangs, p99 wait ≤ 0.05 S", Repeats, "plan",
            () => Repeat(() => CapacityPlanner.MinimumServers(10_000, 1, CapacityTarget.WaitingTimePercentileAtMost(0.99, 0.05)).Servers!.Value)),
        new Benchmark("planner: 100,000 erlangs, p99 wait ≤ 0.05 S", 20, "plan",
            () => Repeat(() => CapacityPlanner.MinimumServers(100_000, 1, CapacityTarget.WaitingTimePercentileAtMost(0.99, 0.05)).Servers!.Value, 20)));

    private static double Repeat(Func<double> body, int times = Repeats)
    {
        var sum = 0.0;
        for (var i = 0; i < times; i++)
        {
            sum += body();
        }

        return sum;
    }

    private static double BareLoop()
    {
        var sum = 0.0;
        for (var r = 0; r < Repeats; r++)
        {
            var b = 1.0;
            for (var k = 1; k <= 100_000; k++)
            {
                b = 99_000 * b / (k + 99_000 * b);
            }

            sum += b;
        }

        return sum;
    }
}
