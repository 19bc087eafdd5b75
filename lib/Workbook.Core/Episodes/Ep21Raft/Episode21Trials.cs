using System.Globalization;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Kv;
using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Consensus.Scenarios;
using Workbook.Core.Exercises;
using Workbook.Core.Simulation;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>
/// The trials of episode 21's exercises: a learner's rule plugged into the real Raft core (through
/// <see cref="RaftRules"/>) and run through scenarios of the suite and a fuzz of seeded fault runs, every
/// Figure 3 invariant checked after every step.
/// </summary>
/// <remarks>
/// A trial stops at the first failing run and reports the scenario and seed, the broken invariant (or the
/// missing progress) and a short history, so a learner can replay exactly that run. Every run is a pure
/// function of the rules and the seed.
/// </remarks>
public static class Episode21Trials
{
    /// <summary>How many seeded fault runs a rule trial makes after the scenarios.</summary>
    public const int FuzzRuns = 12;

    /// <summary>How long each fault run lasts, in ticks.</summary>
    public const int FuzzTicks = 400;

    /// <summary>Runs <paramref name="scenarioIds"/> on seeds 1 and 2, then <see cref="FuzzRuns"/> fault runs, all with <paramref name="rules"/>.</summary>
    /// <param name="rules">The rules to try (the standard ones with the learner's piece plugged in).</param>
    /// <param name="scenarioIds">Ids from <see cref="RaftScenarios.All"/>.</param>
    /// <returns>Passed, or the first failing run.</returns>
    public static TrialOutcome RunRules(RaftRules rules, params string[] scenarioIds) => RunRules(rules, replayFigure8: false, scenarioIds);

    /// <summary>As <see cref="RunRules(RaftRules, string[])"/>, first replaying the paper's Figure 8 (<see cref="Figure8Replay"/>) when asked.</summary>
    /// <param name="rules">The rules to try.</param>
    /// <param name="replayFigure8">Whether to replay Figure 8 first: the one history that shows a commit rule counting earlier terms.</param>
    /// <param name="scenarioIds">Ids from <see cref="RaftScenarios.All"/>.</param>
    /// <returns>Passed, or the first failing run.</returns>
    public static TrialOutcome RunRules(RaftRules rules, bool replayFigure8, params string[] scenarioIds)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(scenarioIds);
        if (replayFigure8)
        {
            const string replay = "the paper's Figure 8, replayed with five real nodes";
            IReadOnlyList<Figure8Stage> stages;
            try
            {
                stages = Figure8Replay.Play(rules);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Threw(replay, e);
            }

            if (stages.FirstOrDefault(stage => !stage.Safety.Holds) is { } broken)
            {
                var details = string.Join('\n', stages.TakeWhile(stage => stage != broken).Append(broken)
                    .Select(stage => $"({stage.Label}) {stage.WhatHappened}"));
                return TrialOutcome.Fail($"{replay}, step ({broken.Label})", broken.Safety.Invariant!.Value.ToString(), broken.Safety.Reason, details);
            }
        }

        foreach (var id in scenarioIds)
        {
            var scenario = RaftScenarios.Get(id);
            for (var seed = 1L; seed <= 2; seed++)
            {
                var run = $"scenario {scenario.Id} ({scenario.Mirrors}), seed {seed}";
                ScenarioOutcome outcome;
                try
                {
                    outcome = scenario.Run(scenario.DefaultOptions with { Rules = rules }, seed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return Threw(run, e);
                }

                if (!outcome.Passed)
                {
                    return outcome.Violation is { } violation
                        ? Violated(run, violation)
                        : TrialOutcome.Fail(run, "no progress", outcome.Reason, Timeline(outcome.Cluster, 12), ProgressHint);
                }
            }
        }

        for (var seed = 1L; seed <= FuzzRuns; seed++)
        {
            var run = $"fault run (5 nodes, {FuzzTicks} ticks of crashes, partitions and 5 % loss), seed {seed}";
            RaftCluster cluster;
            try
            {
                cluster = FaultRun(rules, seed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Threw(run, e);
            }

            if (cluster.Violation is { } violation)
            {
                return Violated(run, violation);
            }
        }

        var figure8 = replayFigure8 ? "Figure 8 replayed, " : "";
        return TrialOutcome.Pass($"{figure8}{scenarioIds.Length} scenarios × 2 seeds and {FuzzRuns} seeded fault runs, every invariant checked after every step");
    }

    /// <summary>One seeded fault run: 5 nodes, crashes and partitions every 25 ticks, 5 % loss, a command every 4 ticks.</summary>
    /// <param name="rules">The rules of every node.</param>
    /// <param name="seed">The seed of the faults and of the cluster.</param>
    /// <returns>The finished (or stopped) cluster.</returns>
    public static RaftCluster FaultRun(RaftRules rules, long seed)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var options = new RaftClusterOptions(5, new NetworkOptions(lossProbability: 0.05, duplicationProbability: 0.02, reorderProbability: 0.05)) { Rules = rules };
        var steps = new List<ScenarioStep>(KvFaultSchedule.Random(5, FuzzTicks, seed, periodTicks: 25));
        for (var tick = 10; tick < FuzzTicks; tick += 4)
        {
            steps.Add(new ScenarioStep(tick, new ClusterAction.ProposeToLeader(string.Create(CultureInfo.InvariantCulture, $"c{tick}"))));
        }

        var cluster = new RaftCluster(options, seed, steps);
        cluster.RunUntil(c => c.HasViolation, FuzzTicks + 60);
        return cluster;
    }

    /// <summary>
    /// Compares a learner's linearizability check with the library's (<see cref="LinearizabilityChecker.CheckKeyValue"/>,
    /// itself checked against brute force) on <paramref name="histories"/> random small histories of one key.
    /// </summary>
    /// <param name="answer">The learner's check.</param>
    /// <param name="histories">How many histories.</param>
    /// <returns>Passed, or the first history where the two disagree.</returns>
    public static TrialOutcome CompareLinearizability(Func<IReadOnlyList<Operation<KvInput, KvOutput>>, bool> answer, int histories = 300)
    {
        ArgumentNullException.ThrowIfNull(answer);
        for (var seed = 1L; seed <= histories; seed++)
        {
            var history = RandomHistory(seed);
            var expected = LinearizabilityChecker.CheckKeyValue(history).Verdict == LinearizabilityVerdict.Linearizable;
            var run = $"random history {seed} of {histories}";
            bool actual;
            try
            {
                actual = answer(history);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Threw(run, e);
            }

            if (actual != expected)
            {
                var details = string.Join('\n', history.Select(o => o.ToString()));
                return TrialOutcome.Fail(
                    run,
                    expected ? "false alarm" : "missed violation",
                    expected ? "you said not linearizable, but an order exists that respects real time and the register" : "you said linearizable, but no order respects both real time and the register",
                    details);
            }
        }

        return TrialOutcome.Pass($"{histories} random histories agree with the library's checker");
    }

    /// <summary>A random history of up to 5 operations on one key from 3 clients, each client one at a time: puts of distinct values (some pending), gets of a written value or absent.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The history, which may or may not be linearizable.</returns>
    public static IReadOnlyList<Operation<KvInput, KvOutput>> RandomHistory(long seed)
    {
        var random = new Xoshiro256StarStar(seed);
        int Below(int n) => (int)Math.BigMul(random.NextUInt64(), (ulong)n, out _);
        var count = 2 + Below(4);
        var history = new List<Operation<KvInput, KvOutput>>(count);
        var written = new List<string>();
        var clientFree = new long[4];                  // a client invokes after its previous operation responded
        var clientWaiting = new bool[4];               // a client whose operation is pending never invokes again
        for (var i = 0; i < count; i++)
        {
            var client = 1 + Below(3);
            if (clientWaiting[client])
            {
                continue;
            }

            long start = clientFree[client] + Below(5);
            long end = start + 1 + Below(6);
            clientFree[client] = end + 1;
            var pending = Below(8) == 0;
            if (Below(2) == 0)
            {
                var value = (i + 1).ToString(CultureInfo.InvariantCulture);
                written.Add(value);
                clientWaiting[client] = pending;
                history.Add(pending
                    ? KvOperation.Pending(client, KvInput.Put("x", value), start)
                    : KvOperation.Put(client, "x", value, start, end));
            }
            else
            {
                var pick = Below(written.Count + 2);
                history.Add(pick < written.Count
                    ? KvOperation.Get(client, "x", written[pick], start, end)
                    : KvOperation.GetAbsent(client, "x", start, end));
            }
        }

        if (history.Count == 0)
        {
            history.Add(KvOperation.GetAbsent(1, "x", 0, 1));
        }

        return history;
    }

    private const string ProgressHint =
        "Safety held, but the cluster stopped making progress: look for a rule that refuses forever " +
        "(a vote never granted, a consistency check that never matches, a commit index that never moves).";

    private static TrialOutcome Violated(string run, InvariantViolation violation) =>
        TrialOutcome.Fail(run, violation.Invariant.ToString(), violation.ToString(), violation.Report(12));

    private static TrialOutcome Threw(string run, Exception e) =>
        TrialOutcome.Fail(run, "threw", $"the run stopped: {e.GetType().Name}: {FirstLine(e.Message)}");

    private static string Timeline(RaftCluster cluster, int lines)
    {
        var roles = string.Join('\n', cluster.Trace.OfType<RoleChanged>().TakeLast(lines));
        return roles.Length == 0 ? "no node changed role" : roles;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
