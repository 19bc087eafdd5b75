using System.Globalization;
using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Locks;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// The trials of episode 23's lock exercises: the learner's rule is plugged into the seeded lock simulation
/// (<see cref="LockHooks"/>), first on a hand-timed scenario, then on seeds 1, 2, 3, … of a faulty setting in that
/// order; the first run that breaks the rule's promise is reported with its seed and a transcript excerpt.
/// </summary>
public static class Episode23LockTrials
{
    /// <summary>Seeds each trial searches, in order, after its hand-timed scenario.</summary>
    public const int Seeds = 400;

    /// <summary>The seeded setting of the release and fencing trials (<see cref="LockOutcomes.FaultySetting"/>).</summary>
    /// <param name="strategy">The strategy whose rules the hooks replace.</param>
    /// <returns>The options.</returns>
    public static LockSimulationOptions FaultySetting(LockStrategy strategy) => LockOutcomes.FaultySetting(strategy);

    /// <summary>The lease-check trial's setting: ±5 % client drift, a service clock 5 % fast, work 30 ms, 10 pauses/s of mean 15 ms.</summary>
    public static LockSimulationOptions DriftSetting { get; } = new(LockStrategy.OwnerCheckedRelease, clientCount: 3, roundsPerClient: 3,
        workMs: 30, messageDelayMinMs: 0.5, messageDelayMaxMs: 5, pauseRatePerSecond: 10, pauseMeanMs: 15, maxClientClockDrift: 0.05,
        serviceClockDrift: 0.05);

    /// <summary>
    /// A hand-timed fencing scenario with three clients and two late writers: c0 (token 1) paused 12.5–212.5 ms and c2 (token 2,
    /// granted at 53 ms) paused 64.5–224.5 ms, both after their checks; c1 gets token 3 at 104 ms and writes at 117 ms. The storage
    /// then receives token 1 (213.5 ms) and token 2 (225.5 ms): both stale.
    /// </summary>
    public static LockSimulationOptions TwoLateWriters { get; } = new(LockStrategy.FencingTokens, clientCount: 3,
        pauses: [new ProcessPause(0, 12.5, 200), new ProcessPause(2, 64.5, 160)]);

    /// <summary>Trial of <c>ep23.owner-checked-release</c>: no release may delete another client's lock, and every release must remove its own live lock.</summary>
    /// <param name="answer">The learner's <c>Func&lt;LockService, string, string, double, bool&gt;</c>.</param>
    /// <returns>Passed, or the first failing run.</returns>
    public static TrialOutcome Release(Delegate answer)
    {
        var release = (Func<LockService, string, string, double, bool>)answer;
        string? wrongReturn = null;
        var hooks = new LockHooks
        {
            Release = (service, key, owner, now) =>
            {
                var ownBefore = service.Holds(key, owner, now);
                var said = release(service, key, owner, now);
                var removedOwn = ownBefore && !service.TryGet(key, now, out _);
                if (said != removedOwn && wrongReturn is null)
                {
                    wrongReturn = string.Create(CultureInfo.InvariantCulture,
                        $"at {now:0.000} ms your release of {owner} returned {said}, but it {(removedOwn ? "did" : "did not")} remove {owner}'s lock");
                }

                return said;
            },
        };
        return Search(
            [LockScenarios.Get("unchecked-delete").Options],
            FaultySetting(LockStrategy.OwnerCheckedRelease),
            hooks,
            run =>
            {
                if (run.Events.FirstOrDefault(e => e.Kind is LockEventKind.ForeignDelete or LockEventKind.OwnLockKept) is { } bad)
                {
                    return bad.Kind == LockEventKind.ForeignDelete
                        ? new Finding("foreign delete", $"your release deleted another client's lock ({bad.Detail}) at {Ms(bad.TimeMs)} ms", bad.TimeMs,
                            "Check the owner first: delete only if the key still holds YOUR value (GET, compare, DEL, as one step — Redis runs it as a Lua script).")
                        : new Finding("own lock kept", $"your release left {bad.Detail}'s own live lock in place at {Ms(bad.TimeMs)} ms", bad.TimeMs,
                            "When the key holds your value, delete it: otherwise every other client waits for the lease to run out.");
                }

                if (wrongReturn is { } message)
                {
                    wrongReturn = null;
                    return new Finding("wrong return value", message, double.NaN, "Return true exactly when your release removed your own lock.");
                }

                return null;
            });
    }

    /// <summary>Trial of <c>ep23.fencing-check</c>: no write with a token below one already accepted is accepted, and no write with the highest token so far is rejected.</summary>
    /// <param name="answer">The learner's <c>Func&lt;long, long[], bool&gt;</c>.</param>
    /// <returns>Passed, or the first failing run.</returns>
    public static TrialOutcome Fencing(Delegate answer)
    {
        var accept = (Func<long, long[], bool>)answer;
        return Search(
            [LockScenarios.Get("fencing-rejects-stale-write").Options, TwoLateWriters],
            FaultySetting(LockStrategy.FencingTokens),
            new LockHooks { AcceptWrite = (token, earlier) => accept(token, earlier) },
            run =>
            {
                long highestAccepted = 0, highestSeen = 0;
                foreach (var w in run.Writes)
                {
                    if (w.Accepted && w.Token < highestAccepted)
                    {
                        return new Finding("stale write accepted",
                            $"your storage accepted token {w.Token} at {Ms(w.AppliedAtMs)} ms after it had accepted token {highestAccepted}", w.AppliedAtMs,
                            "Compare with the HIGHEST token the storage has seen, not with the last write: a rejected stale write must not lower the bar.");
                    }

                    if (!w.Accepted && w.Token >= highestSeen)
                    {
                        return new Finding("fresh write rejected",
                            $"your storage rejected token {w.Token} at {Ms(w.AppliedAtMs)} ms, the highest it had seen (before it: {highestSeen})", w.AppliedAtMs,
                            "Tokens need not arrive one by one: a client that skipped its write leaves a gap. Accept any token at or above the highest seen.");
                    }

                    highestAccepted = w.Accepted ? Math.Max(highestAccepted, w.Token) : highestAccepted;
                    highestSeen = Math.Max(highestSeen, w.Token);
                }

                return null;
            });
    }

    /// <summary>Trial of <c>ep23.lease-check</c>: no client's check may pass after the service let its lease lapse, with clocks within the drift bound.</summary>
    /// <param name="answer">The learner's <c>Func&lt;double, double, double, double, double, bool&gt;</c>.</param>
    /// <returns>Passed, or the first failing run.</returns>
    public static TrialOutcome LeaseCheck(Delegate answer)
    {
        var check = (Func<double, double, double, double, double, bool>)answer;
        int passedChecks = 0;
        var outcome = Search(
            [],
            DriftSetting,
            new LockHooks { LeaseCheck = (sent, reply, now, lease, drift) => check(sent, reply, now, lease, drift) },
            run =>
            {
                passedChecks += run.Sections.Count(s => s.HasWrite);
                return run.Sections.FirstOrDefault(s => s.CheckPassedAfterLeaseLapsed) is { } s
                    ? new Finding("check passed after the lapse",
                        $"c{s.ClientIndex}'s check passed at {Ms(s.CheckedAtMs)} ms, but the service let its lease (token {s.Token}) lapse at {Ms(s.LeaseExpiresAtMs)} ms",
                        s.CheckedAtMs,
                        "Measure from when the request was SENT (the lease may start as soon as it arrives), and shrink the lease by the drift of both clocks.")
                    : null;
            });
        return outcome.Passed && passedChecks == 0
            ? TrialOutcome.Fail(outcome.Run, "never valid", "your check never let a client write", hint: "A lease just granted is valid: the check must pass early in the lease.")
            : outcome;
    }

    private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture);

    private sealed record Finding(string Kind, string Failure, double AtMs, string Hint);

    private static TrialOutcome Search(IReadOnlyList<LockSimulationOptions> scenarios, LockSimulationOptions seeded, LockHooks hooks, Func<LockRun, Finding?> judge)
    {
        foreach (var scenario in scenarios)
        {
            var run = LockSimulation.Run(scenario, LockScenario.Seed, hooks);
            if (judge(run) is { } finding)
            {
                return Fail($"the hand-timed scenario ({scenario.ClientCount} clients, 1 ms messages, {scenario.Pauses.Count} injected pause{(scenario.Pauses.Count == 1 ? "" : "s")})", run, finding);
            }
        }

        for (long seed = 1; seed <= Seeds; seed++)
        {
            var run = LockSimulation.Run(seeded, seed, hooks);
            if (judge(run) is { } finding)
            {
                return Fail($"seed {seed} of the faulty setting ({seeded.ClientCount} clients × {seeded.RoundsPerClient} rounds)", run, finding);
            }
        }

        return TrialOutcome.Pass($"{(scenarios.Count == 0 ? string.Empty : $"{scenarios.Count} hand-timed scenario{(scenarios.Count == 1 ? "" : "s")} and ")}seeds 1–{Seeds} of the faulty setting");
    }

    private static TrialOutcome Fail(string run, LockRun lockRun, Finding finding)
    {
        var lines = double.IsNaN(finding.AtMs) ? [] : lockRun.Events.Where(e => e.TimeMs <= finding.AtMs).TakeLast(10).Select(e => e.ToLine()).ToList();
        return TrialOutcome.Fail(run, finding.Kind, finding.Failure, lines.Count == 0 ? null : string.Join('\n', lines), finding.Hint);
    }
}
