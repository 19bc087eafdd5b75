using System.Diagnostics;
using System.Globalization;
using Workbook.Benchmarks.Harness;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Scenarios;

namespace Workbook.Benchmarks;

/// <summary>
/// The simulated Raft cluster (issue 11's goals): 1,000 seeded fault runs of a 5-node cluster for 1,000 ticks
/// (10 s simulated at 10 ms a tick) with partitions, crashes and 10 % loss, within 20 s; the whole scenario
/// suite within 10 s; and the 1,000-operation linearizability check (measured by the linearizability group,
/// repeated here). The baseline is one 1,000-tick run of a healthy 5-node cluster: the ratio is the cost of a
/// simulated tick under faults against a quiet one.
/// </summary>
/// <remarks>
/// Two modes outside the harness: <c>--runs-faulty N</c> runs N short seeded fault runs on both cores and
/// counts violations (issue 11's reliability goal), and <c>--mutation-table</c> hunts every planted bug and
/// prints the table of docs/raft-mutations.md.
/// </remarks>
internal static class RaftBenchmarks
{
    private const int Runs = 1000;
    private static readonly FaultScheduleOptions Schedule = new();
    private static RunStats lastFaultRuns;

    public static BenchmarkGroup Group { get; } = new(
        "raft",
        new Benchmark("healthy 5-node cluster, 1,000 ticks", 1000, "tick", HealthyRun),
        new Benchmark("1,000 fault runs, 5 nodes × 1,000 ticks", Runs * 1000L, "tick", FaultRuns),
        new Benchmark($"scenario suite ({RaftScenarios.All.Count} scenarios), seed 1", 1, "suite", Suite),
        new Benchmark("linearizability: 1,000 ops, 5 clients, 10 keys", 1, "check", LinearizabilityBenchmarks.Group.Baseline.Body));

    /// <summary>What the last 1,000 fault runs did, measured inside the timed body.</summary>
    public static void PrintSummary(TextWriter output)
    {
        var s = lastFaultRuns;
        if (s.Runs == 0)
        {
            return;
        }

        double simulated = s.Ticks * FailoverExperimentOptions.MillisecondsPerTick / 1000;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"raft summary (last timed call): {s.Runs:N0} runs, {s.Seconds:F2} s wall, {simulated / s.Seconds:N0} simulated s per wall s, {s.Events / s.Seconds / 1e6:F2} M events/s ({s.Events:N0} events), {s.Violations} violations, longest leaderless stretch {s.LongestLeaderless} ticks (liveness bound {MutationHunt.LivenessBoundTicks(Schedule.Cluster(), Schedule)})."));
        output.WriteLine();
    }

    /// <summary>Runs N short seeded fault runs in parallel and reports the violations (the reliability goal).</summary>
    public static void Reliability(int runs, TextWriter output)
    {
        // Short runs: 300 ticks (3 s simulated), faults for 200 ticks, then a 100-tick quiet window.
        var schedule = new FaultScheduleOptions(durationTicks: 300, quietEveryTicks: 1000, quietWindowTicks: 100);
        var clusters = new MutationHuntOptions().Clusters;
        long violations = 0, events = 0, longest = 0;
        string? first = null;
        var lockObject = new object();
        var watch = Stopwatch.StartNew();
        Parallel.For(1, runs + 1, () => new RunStats(), (seed, _, local) =>
        {
            var cluster = clusters[(int)((seed - 1) % clusters.Count)];
            var sized = schedule.WithNodeCount(cluster.NodeIds.Count);
            var network = new RaftClusterOptions(cluster.NodeIds.Count, sized.FaultyNetwork, appendNoOpOnElection: cluster.Node.AppendNoOpOnElection);
            var run = FaultRun.Run(network, sized, seed, MutationHunt.LivenessBoundTicks(cluster, sized));
            if (!run.Passed)
            {
                lock (lockObject)
                {
                    first ??= run.Reason;
                }
            }

            return local with
            {
                Runs = local.Runs + 1,
                Violations = local.Violations + (run.Passed ? 0 : 1),
                Events = local.Events + run.Cluster.Trace.Count,
                LongestLeaderless = Math.Max(local.LongestLeaderless, run.Liveness.LongestLeaderlessTicks),
            };
        },
        local =>
        {
            Interlocked.Add(ref violations, local.Violations);
            Interlocked.Add(ref events, local.Events);
            lock (lockObject)
            {
                longest = Math.Max(longest, local.LongestLeaderless);
            }
        });

        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"== raft reliability: {runs:N0} seeded fault runs (300 ticks each: 200 of faults, then 100 quiet; 5, 4 and 5 nodes without no-op in turn), {Environment.ProcessorCount} threads"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{violations} violations (safety or liveness); {seconds:F1} s wall, {runs / seconds:N0} runs/s, {events:N0} events; longest leaderless stretch {longest} ticks."));
        if (first is not null)
        {
            output.WriteLine("first violation: " + first);
        }
    }

    /// <summary>Hunts every planted bug and prints the markdown table of docs/raft-mutations.md.</summary>
    public static void MutationTable(int faultSeeds, TextWriter output)
    {
        var options = new MutationHuntOptions(faultSeeds: faultSeeds, livenessSeeds: 1, scenarioSeeds: 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Bug | Random fault runs (seeds 1..{faultSeeds}) | Liveness run (cold start, seed 1) | Scenario suite (seed 1, {RaftScenarios.All.Count} scenarios) |"));
        output.WriteLine("|---|---|---|---|");
        foreach (var bug in PlantedBugs.All)
        {
            var result = MutationHunt.Run(bug, options);
            output.WriteLine($"| `{bug.Id}` | {Cell(result.FaultRuns, "seed")} | {Cell(result.LivenessRuns, "seed")} | {Cell(result.Scenarios, "run")} |");
        }

        var standard = MutationHunt.Run(RaftRules.Standard, options);
        output.WriteLine($"| standard rules | {Cell(standard.FaultRuns, "seed")} | {Cell(standard.LivenessRuns, "seed")} | {Cell(standard.Scenarios, "run")} |");
    }

    private static string Cell(MutationFinding finding, string unit) =>
        finding.IsCaught
            ? string.Create(CultureInfo.InvariantCulture, $"{finding.CaughtBy} at {unit} {(unit == "run" ? finding.Runs : finding.Seed)}")
            : string.Create(CultureInfo.InvariantCulture, $"not caught ({finding.Runs} run{(finding.Runs == 1 ? "" : "s")} passed)");

    private static double HealthyRun() => RaftCluster.Run(new RaftClusterOptions(5), [], 1, 1000).Trace.Count;

    private static double FaultRuns()
    {
        var watch = Stopwatch.StartNew();
        var stats = new RunStats();
        int bound = MutationHunt.LivenessBoundTicks(Schedule.Cluster(), Schedule);
        for (int seed = 1; seed <= Runs; seed++)
        {
            var run = FaultRun.Run(Schedule.Cluster(), Schedule, seed, bound);
            stats = stats with
            {
                Runs = stats.Runs + 1,
                Ticks = stats.Ticks + run.Cluster.Now,
                Events = stats.Events + run.Cluster.Trace.Count,
                Violations = stats.Violations + (run.Passed ? 0 : 1),
                LongestLeaderless = Math.Max(stats.LongestLeaderless, run.Liveness.LongestLeaderlessTicks),
            };
        }

        lastFaultRuns = stats with { Seconds = watch.Elapsed.TotalSeconds };
        if (stats.Violations > 0)
        {
            throw new InvalidOperationException($"{stats.Violations} of {Runs} fault runs of the standard rules failed.");
        }

        return stats.Events;
    }

    private static double Suite()
    {
        int passed = 0;
        foreach (var scenario in RaftScenarios.All)
        {
            var outcome = scenario.Run(1);
            passed += outcome.Passed ? 1 : throw new InvalidOperationException(outcome.Reason);
        }

        return passed;
    }

    private readonly record struct RunStats(long Runs, long Ticks, long Events, long Violations, long LongestLeaderless, double Seconds);
}
