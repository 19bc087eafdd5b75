using System.Globalization;
using Workbook.Core.Consensus.Scenarios;

namespace Workbook.Core.Consensus;

/// <summary>
/// Proves the checks are not vacuous: runs random fault runs and the scenario suite with a planted bug's rules
/// and reports the first failing seed, what caught it and how many runs it took.
/// </summary>
/// <remarks>
/// Three searches, each stopping at its first failure: random fault runs (<see cref="FaultRun"/>: the five
/// safety invariants after every step, the liveness bound after every tick) over seeds 1..n, clusters taken
/// in turn; quiet runs from a cold start, each longer than the liveness bound (<see cref="LivenessBound"/>);
/// and the scenario suite (<see cref="RaftScenarios.All"/>) over its seeds. A node that
/// refuses a rule's impossible result (<see cref="RaftRules"/>) counts as caught by a rule check. Run it with
/// <see cref="RaftRules.Standard"/> to see that the same runs pass.
/// </remarks>
public static class MutationHunt
{
    /// <summary>Hunts a planted bug.</summary>
    /// <param name="bug">The bug.</param>
    /// <param name="options">How many runs; null for the defaults.</param>
    public static MutationHuntResult Run(PlantedBug bug, MutationHuntOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bug);
        return Run(bug.Rules, options);
    }

    /// <summary>Hunts a mistake in any rules (or checks that the standard rules pass the same runs).</summary>
    /// <param name="rules">The rules every node follows.</param>
    /// <param name="options">How many runs; null for the defaults.</param>
    public static MutationHuntResult Run(RaftRules rules, MutationHuntOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        options ??= new MutationHuntOptions();
        return new MutationHuntResult(rules.Name, FaultRuns(rules, options), LivenessRuns(rules, options), Scenarios(rules, options));
    }

    /// <summary>The liveness bound of the fault runs: <see cref="LivenessBound.For"/> with the schedule's quiet delay, plus its faulty delay (messages sent before the network turned quiet).</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="schedule">The schedule.</param>
    public static int LivenessBoundTicks(RaftClusterOptions cluster, FaultScheduleOptions schedule)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(schedule);
        var bound = LivenessBound.For(cluster, schedule.QuietMaxDelayTicks);
        return checked(bound.BoundTicks + schedule.MaxDelayTicks);
    }

    private static MutationFinding FaultRuns(RaftRules rules, MutationHuntOptions options)
    {
        const string search = "random faults";
        for (int seed = 1; seed <= options.FaultSeeds; seed++)
        {
            var cluster = options.Clusters[(seed - 1) % options.Clusters.Count];
            var schedule = options.Schedule.WithNodeCount(cluster.NodeIds.Count);
            FaultRun run;
            try
            {
                run = FaultRun.Run(OnNetwork(cluster, schedule.FaultyNetwork, rules), schedule, seed, LivenessBoundTicks(cluster, schedule));
            }
            catch (InvalidOperationException e)
            {
                return new MutationFinding(search, true, seed, seed, "rule check", e.Message, e.Message);
            }

            if (run.HasSafetyViolation)
            {
                var violation = run.SafetyViolation;
                return new MutationFinding(search, true, seed, seed, $"invariant {violation.Invariant}", violation.ToString(), violation.Report());
            }

            if (run.Liveness.HasViolation)
            {
                return new MutationFinding(search, true, seed, seed, "liveness", run.Liveness.Violation, run.Liveness.Violation);
            }
        }

        return new MutationFinding(
            search,
            false,
            0,
            options.FaultSeeds,
            "",
            string.Create(CultureInfo.InvariantCulture, $"all {options.FaultSeeds} random fault runs kept every invariant and the liveness bound."),
            "");
    }

    private static MutationFinding LivenessRuns(RaftRules rules, MutationHuntOptions options)
    {
        const string search = "liveness runs";
        for (int seed = 1; seed <= options.LivenessSeeds; seed++)
        {
            var cluster = options.Clusters[(seed - 1) % options.Clusters.Count];
            int bound = LivenessBound.For(cluster, options.Schedule.QuietMaxDelayTicks).BoundTicks;
            int ticks = checked(bound + (2 * (cluster.Node.ElectionTimeoutMaxTicks + options.Schedule.QuietMaxDelayTicks)));

            // A quiet run from a cold start: every node starts its first timeout at tick 0.
            var schedule = new FaultScheduleOptions(
                cluster.NodeIds.Count, ticks, proposalProbability: options.Schedule.ProposalProbability, maxDelayTicks: options.Schedule.MaxDelayTicks,
                quietMaxDelayTicks: options.Schedule.QuietMaxDelayTicks, quietEveryTicks: ticks + 1, quietWindowTicks: ticks);
            FaultRun run;
            try
            {
                run = FaultRun.Run(OnNetwork(cluster, schedule.QuietNetwork, rules), schedule, seed, bound);
            }
            catch (InvalidOperationException e)
            {
                return new MutationFinding(search, true, seed, seed, "rule check", e.Message, e.Message);
            }

            if (!run.Passed)
            {
                var caughtBy = run.HasSafetyViolation ? $"invariant {run.SafetyViolation.Invariant}" : "liveness";
                return new MutationFinding(search, true, seed, seed, caughtBy, run.Reason, run.HasSafetyViolation ? run.SafetyViolation.Report() : run.Reason);
            }
        }

        return new MutationFinding(
            search,
            false,
            0,
            options.LivenessSeeds,
            "",
            string.Create(CultureInfo.InvariantCulture, $"all {options.LivenessSeeds} quiet runs from a cold start elected a leader within the liveness bound and kept every invariant."),
            "");
    }

    private static RaftClusterOptions OnNetwork(RaftClusterOptions c, NetworkOptions network, RaftRules rules) =>
        new(c.NodeIds.Count, network, c.Node.ElectionTimeoutMinTicks, c.Node.ElectionTimeoutMaxTicks, c.Node.HeartbeatIntervalTicks, c.Node.AppendNoOpOnElection)
        {
            Rules = rules,
        };

    private static MutationFinding Scenarios(RaftRules rules, MutationHuntOptions options)
    {
        const string search = "scenario suite";
        int runs = 0;
        for (int seed = 1; seed <= options.ScenarioSeeds; seed++)
        {
            foreach (var scenario in RaftScenarios.All)
            {
                runs++;
                ScenarioOutcome outcome;
                try
                {
                    outcome = scenario.Run(scenario.DefaultOptions with { Rules = rules }, seed);
                }
                catch (InvalidOperationException e)
                {
                    return new MutationFinding(search, true, seed, runs, $"rule check in {scenario.Id}", e.Message, e.Message);
                }

                if (outcome.HasViolation)
                {
                    var violation = outcome.Violation;
                    return new MutationFinding(search, true, seed, runs, $"invariant {violation.Invariant} in {scenario.Id}", violation.ToString(), violation.Report());
                }

                if (!outcome.Passed)
                {
                    return new MutationFinding(search, true, seed, runs, $"scenario {scenario.Id}", outcome.Reason, outcome.Reason);
                }
            }
        }

        return new MutationFinding(
            search,
            false,
            0,
            runs,
            "",
            string.Create(CultureInfo.InvariantCulture, $"all {runs} scenario runs passed."),
            "");
    }
}
