using System.Globalization;
using System.Reflection;
using System.Text;
using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>
/// The trials of episode 22's breaker exercises: the learner's factory builds a new breaker for every scenario of a
/// shared scenario file (<see cref="BreakerScenarioFiles"/>), <see cref="ScenarioReplay"/> drives it, and the first
/// step that differs is reported with the scenario, the step, what was expected and what the breaker did, and a hint.
/// </summary>
/// <remarks>
/// The failure's kind names the place (scenario, step, expected and actual), so a learner's breaker that goes wrong
/// where a known mistake does gets that mistake's hint; elsewhere the hint is read from the situation (a reading that
/// should be half-open, a call after a failed probe, ...). A <see cref="NotImplementedException"/> propagates (the
/// starter cell: not attempted); anything else the breaker throws is reported with the scenario and the time.
/// </remarks>
public static class Episode22Replays
{
    /// <summary>Replays every scenario of <paramref name="scenarios"/> through breakers built by <paramref name="factory"/>.</summary>
    /// <typeparam name="TSettings">The scenarios' settings type.</typeparam>
    /// <param name="factory">The learner's factory (a delegate); it receives <paramref name="arguments"/>(settings).</param>
    /// <param name="scenarios">The scenarios of one file.</param>
    /// <param name="arguments">The factory's arguments for a scenario's settings.</param>
    /// <param name="describe">The settings as text for messages; null for their <c>ToString()</c>.</param>
    /// <returns>Passed, or the first mismatching step.</returns>
    public static TrialOutcome Replay<TSettings>(
        Delegate factory, IReadOnlyList<StepScenario<TSettings>> scenarios, Func<TSettings, object?[]> arguments, Func<TSettings, string>? describe = null)
        where TSettings : notnull
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(arguments);
        int steps = 0;
        foreach (var scenario in scenarios)
        {
            string run = $"{scenario.File}, scenario \"{scenario.Name}\" ({describe?.Invoke(scenario.Settings) ?? scenario.Settings.ToString()})";
            var watched = new WatchedBreaker(Build(factory, arguments(scenario.Settings)), scenario.TimeUnit);
            ReplayResult result;
            try
            {
                result = ScenarioReplay.Run(watched, scenario.Steps, scenario.TimeUnit);
            }
            catch (Exception e) when (e is not (NotImplementedException or OutOfMemoryException))
            {
                return TrialOutcome.Fail(run, "threw",
                    $"your breaker threw {e.GetType().Name} in {watched.LastCall}: {e.Message}",
                    hint: "Every method must return normally for any time that does not go backwards; a call rejected by TryCall is never recorded.");
            }

            steps += scenario.Steps.Count;
            if (!result.Matched)
            {
                var bad = result.Mismatch;
                string expected = ScenarioReplay.Describe(bad.Step.Admitted, bad.Step.State, bad.Step.Outcome);
                string actual = ScenarioReplay.Describe(bad.Admitted, bad.State, bad.Step.Outcome);
                return TrialOutcome.Fail(
                    $"{run}, step {bad.Index + 1} of {scenario.Steps.Count}",
                    $"{scenario.Name} / step {bad.Index + 1} / expected {expected} / got {actual}",
                    $"at {ScenarioReplay.Describe(bad.Step, scenario.TimeUnit)}, expected {expected}; your breaker gave {actual}.",
                    Trace(result, scenario.TimeUnit),
                    HintFor(result.Trace));
            }
        }

        return TrialOutcome.Pass($"{scenarios.Count} scenarios of {scenarios[0].File}, {steps} steps, every step as expected");
    }

    private static IReplayableBreaker Build(Delegate factory, object?[] arguments)
    {
        object? built;
        try
        {
            built = factory.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        return built as IReplayableBreaker
            ?? throw new InvalidOperationException($"The factory returned {built?.GetType().Name ?? "null"}, not a new breaker implementing IReplayableBreaker.");
    }

    private static string Trace(ReplayResult result, string unit)
    {
        var text = new StringBuilder();
        foreach (var r in result.Trace)
        {
            string got = ScenarioReplay.Describe(r.Admitted, r.State, r.Step.Outcome);
            text.Append(CultureInfo.InvariantCulture, $"step {r.Index + 1,2}: {ScenarioReplay.Describe(r.Step, unit),-42} → {got}");
            text.Append(r.Matches ? "\n" : $"   ✗ expected {ScenarioReplay.Describe(r.Step.Admitted, r.Step.State, r.Step.Outcome)}\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A hint read from where the replay went wrong: the expected state just before and at the mismatch.</summary>
    /// <param name="trace">The replayed steps; the last one is the mismatch.</param>
    /// <returns>The hint.</returns>
    internal static string HintFor(IReadOnlyList<ReplayedStep> trace)
    {
        var bad = trace[^1];
        var step = bad.Step;
        var before = trace.Count > 1 ? trace[^2].Step.State : BreakerState.Closed;
        bool reopenedByProbe = LastOpeningWasAFailedProbe(trace);

        if (step.State == BreakerState.HalfOpen && bad.State == BreakerState.Open && step.Outcome == StepOutcome.None)
        {
            return "Half-open too late: the timeout has passed when elapsed ≥ timeout (not >), elapsed being measured from the time the breaker opened" +
                   (reopenedByProbe ? " — or, after a failed probe, from that probe." : ".");
        }

        if (step.State == BreakerState.Open && bad.State == BreakerState.HalfOpen && step.Outcome == StepOutcome.None && before == BreakerState.Open)
        {
            return reopenedByProbe
                ? "Half-open too early after a failed probe: the probe's failure opens the breaker again, and the timeout starts again from the probe."
                : "Half-open too early: measure the timeout from the moment the breaker opened (the failure that tripped it), not from an earlier failure. " +
                  "(On the production track, Polly reports open until a call arrives after the break: reading the state does not move it.)";
        }

        if (!step.Admitted && bad.Admitted && before == BreakerState.Open)
        {
            return reopenedByProbe
                ? "A call got through too early after a failed probe: the failed probe opens the breaker again and the timeout restarts from the probe, not from the first opening."
                : "A call got through while the breaker should still be open: the timeout (≥) counts from the moment it opened.";
        }

        if (step.Admitted && !bad.Admitted && before == BreakerState.Open)
        {
            return "The call was rejected but the timeout had passed (elapsed ≥ timeout, from the opening): this call is the probe and goes through.";
        }

        if (step.State == BreakerState.HalfOpen && bad.State == BreakerState.Closed && step.Outcome == StepOutcome.Success)
        {
            return "Closed too early: every half-open probe must succeed before the breaker closes; count the successful probes.";
        }

        if (step.State == BreakerState.Open && before is BreakerState.HalfOpen or BreakerState.Open && step.Outcome == StepOutcome.Failure && bad.Admitted)
        {
            return "A failing probe must open the breaker again at once (and restart the timeout from the probe).";
        }

        if (step.State == BreakerState.Closed && bad.State == BreakerState.Open && step.Outcome == StepOutcome.Success)
        {
            return "A success never opens the breaker: judge the failures only after a failure.";
        }

        if (step.State == BreakerState.Closed && bad.State == BreakerState.Open && step.Outcome == StepOutcome.Failure)
        {
            return "Opened too early. Consecutive failures: does a success reset the count? A window: does it hold only the last calls, has it reached the " +
                   "minimum number of calls, was it emptied when the breaker last closed? Time buckets: is each bucket dropped once now − start ≥ the sampling duration?";
        }

        if (step.State == BreakerState.Open && bad.State == BreakerState.Closed && step.Outcome == StepOutcome.Failure)
        {
            return "Did not open: the threshold is reached when the count (or the failure ratio) is at least the setting (≥, not >). " +
                   "Time buckets: a bucket starts at its first call, not on a grid, and old buckets leave the window whole.";
        }

        return "Replay the scenario by hand from the README's rules (data/resilience/breaker-scenarios/README.md) up to this step and compare with your breaker's fields.";
    }

    // The last opening before the mismatch: an admitted failure after which the breaker reads open. It was a probe
    // when the breaker did not read closed just before it (it read open, and the call went through as the probe).
    private static bool LastOpeningWasAFailedProbe(IReadOnlyList<ReplayedStep> trace)
    {
        for (int i = trace.Count - 2; i >= 0; i--)
        {
            var s = trace[i].Step;
            if (s.State == BreakerState.Open && s.Admitted && s.Outcome == StepOutcome.Failure)
            {
                return i > 0 && trace[i - 1].Step.State != BreakerState.Closed;
            }
        }

        return false;
    }

    /// <summary>Remembers the last method called and its time, to say where a breaker threw.</summary>
    private sealed class WatchedBreaker(IReplayableBreaker inner, string unit) : IReplayableBreaker
    {
        public string LastCall { get; private set; } = "the factory";

        public bool TryCall(double time)
        {
            LastCall = Where("TryCall", time);
            return inner.TryCall(time);
        }

        public void Record(bool success, double time)
        {
            LastCall = Where($"Record({(success ? "true" : "false")}, …)", time);
            inner.Record(success, time);
        }

        public BreakerState StateAt(double time)
        {
            LastCall = Where("StateAt", time);
            return inner.StateAt(time);
        }

        private string Where(string method, double time) => string.Create(CultureInfo.InvariantCulture, $"{method} at t = {time} {unit}");
    }
}
