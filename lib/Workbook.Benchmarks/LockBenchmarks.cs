using Workbook.Benchmarks.Harness;
using Workbook.Core.Episodes.Ep23SpotTheBug;
using Workbook.Core.Reliability.Locks;

namespace Workbook.Benchmarks;

/// <summary>
/// The lock simulation (issue 14's goal: 10,000 seeded runs in under 10 s): 10,000 runs of each strategy in episode 23's
/// faulty setting (3 clients × 5 rounds, delays 0.5–5 ms, 5 pauses/s of mean 40 ms, ±1 % drift). The baseline is 10,000
/// runs of the same setting with no faults (no pauses, no drift, fixed 1 ms delays, owner-checked release): the ratio is
/// the cost of the faults, retries and event log against a quiet run. Each body returns the events simulated, so the
/// per-unit time is the time per simulated event.
/// </summary>
internal static class LockBenchmarks
{
    private const int Runs = 10_000;

    private static readonly LockSimulationOptions Quiet = new(LockStrategy.OwnerCheckedRelease, clientCount: 3, roundsPerClient: 5);

    public static BenchmarkGroup Group { get; } = new(
        "lock-simulations",
        new Benchmark("10,000 quiet runs (no pauses, no drift, 1 ms delays)", Runs, "run", () => RunAll(Quiet)),
        [.. Enum.GetValues<LockStrategy>().Select(s =>
            new Benchmark($"10,000 faulty runs, {LockOutcomes.Label(s)}", Runs, "run", () => RunAll(Episode23LockTrials.FaultySetting(s))))]);

    private static double RunAll(LockSimulationOptions options)
    {
        long events = 0;
        for (long seed = 1; seed <= Runs; seed++)
        {
            events += LockSimulation.Run(options, seed).Events.Count;
        }

        return events;
    }
}
