using System.Globalization;

namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>Replays a scenario's steps through an <see cref="IReplayableBreaker"/> and stops at the first step that does not match.</summary>
/// <remarks>
/// Per step: a call is offered with <see cref="IReplayableBreaker.TryCall"/>; if it goes ahead its outcome is
/// reported with <see cref="IReplayableBreaker.Record"/> at the same time; then the state is read with
/// <see cref="IReplayableBreaker.StateAt"/>. A step without a call only reads the state. Whatever the breaker
/// throws propagates to the caller.
/// </remarks>
public static class ScenarioReplay
{
    /// <summary>Replays <paramref name="steps"/> through <paramref name="breaker"/>.</summary>
    /// <param name="breaker">A new breaker, built with the scenario's settings.</param>
    /// <param name="steps">The scenario's steps.</param>
    /// <param name="timeUnit">The unit of the times, for the reason text ("s" or "ms").</param>
    /// <returns>Matched, or the trace up to the first mismatch.</returns>
    public static ReplayResult Run(IReplayableBreaker breaker, IReadOnlyList<ScenarioStep> steps, string timeUnit = "s")
    {
        ArgumentNullException.ThrowIfNull(breaker);
        ArgumentNullException.ThrowIfNull(steps);
        var trace = new List<ReplayedStep>(steps.Count);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            bool admitted = false;
            if (step.Outcome != StepOutcome.None)
            {
                admitted = breaker.TryCall(step.Time);
                if (admitted)
                {
                    breaker.Record(step.Outcome == StepOutcome.Success, step.Time);
                }
            }

            var replayed = new ReplayedStep(i, step, admitted, breaker.StateAt(step.Time));
            trace.Add(replayed);
            if (!replayed.Matches)
            {
                return new ReplayResult(false, trace, Describe(replayed, timeUnit));
            }
        }

        return new ReplayResult(true, trace, "");
    }

    /// <summary>A step as text: "t = 12 s, a call that succeeds".</summary>
    /// <param name="step">The step.</param>
    /// <param name="timeUnit">The unit of its time.</param>
    /// <returns>The text.</returns>
    public static string Describe(ScenarioStep step, string timeUnit)
    {
        ArgumentNullException.ThrowIfNull(step);
        string what = step.Outcome switch
        {
            StepOutcome.Success => "a call that succeeds",
            StepOutcome.Failure => "a call that fails",
            _ => "no call (the state is read)",
        };
        return string.Create(CultureInfo.InvariantCulture, $"t = {step.Time} {timeUnit}, {what}");
    }

    /// <summary>Admitted and state as text: "admitted, open".</summary>
    /// <param name="admitted">Whether the call went ahead.</param>
    /// <param name="state">The state after the step.</param>
    /// <param name="outcome">The step's outcome (a step without a call shows only the state).</param>
    /// <returns>The text.</returns>
    public static string Describe(bool admitted, BreakerState state, StepOutcome outcome) =>
        outcome == StepOutcome.None ? $"state {BreakerScenarioJson.StateName(state)}" : $"{(admitted ? "admitted" : "rejected")}, state {BreakerScenarioJson.StateName(state)}";

    private static string Describe(ReplayedStep replayed, string timeUnit) =>
        $"step {replayed.Index + 1} ({Describe(replayed.Step, timeUnit)}): expected {Describe(replayed.Step.Admitted, replayed.Step.State, replayed.Step.Outcome)}; " +
        $"the breaker gave {Describe(replayed.Admitted, replayed.State, replayed.Step.Outcome)}.";
}
