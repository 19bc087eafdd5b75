using System.Text;

namespace Workbook.Core.Resilience.Breakers;

/// <summary>A breaker's run of a <see cref="BreakerScenario"/>: every step's result and every transition, at scenario times.</summary>
/// <remarks>
/// <see cref="BreakerScenarioRunner"/> makes one for <see cref="ProductionBreaker"/>; the tests' Polly driver makes one
/// for Polly.Core, so the two compare with <see cref="FirstMismatch(BreakerRun, string, string)"/>.
/// </remarks>
/// <param name="Steps">One result per scenario step.</param>
/// <param name="Transitions">The transitions in the order they were reported.</param>
public sealed record BreakerRun(IReadOnlyList<BreakerStepResult> Steps, IReadOnlyList<ScenarioTransition> Transitions)
{
    /// <summary>Compares the run with the scenario's expectations (executed and state after each step, then the transitions).</summary>
    /// <param name="scenario">The scenario this run ran; it must have expectations.</param>
    /// <returns>Agreement, or the first step or transition that differs and why.</returns>
    /// <exception cref="ArgumentException">The scenario has no expectations, or a different number of steps.</exception>
    public BreakerRunComparison FirstMismatch(BreakerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!scenario.HasExpectations)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no expectations to compare with.", nameof(scenario));
        }

        CheckStepCount(scenario.Steps.Count, nameof(scenario));
        for (int i = 0; i < Steps.Count; i++)
        {
            var expected = scenario.ExpectedSteps[i];
            var actual = Steps[i];
            if (expected.Executed != actual.Executed || expected.StateAfter != actual.StateAfter)
            {
                return new BreakerRunComparison(false, i,
                    $"step {i} ({Describe(actual)}): expected executed={expected.Executed}, {expected.StateAfter}; got executed={actual.Executed}, {actual.StateAfter}");
            }
        }

        return CompareTransitions(scenario.ExpectedTransitions, Transitions, "expected", "got");
    }

    /// <summary>Compares two runs of the same scenario step by step (executed, state after, transitions made), then transition by transition.</summary>
    /// <param name="other">The other run.</param>
    /// <param name="thisName">How to call this run in the reason, e.g. "ours".</param>
    /// <param name="otherName">How to call the other run, e.g. "Polly".</param>
    /// <returns>Agreement, or the first difference and why.</returns>
    /// <exception cref="ArgumentException">The runs have different numbers of steps.</exception>
    public BreakerRunComparison FirstMismatch(BreakerRun other, string thisName = "this", string otherName = "other")
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckStepCount(other.Steps.Count, nameof(other));
        for (int i = 0; i < Steps.Count; i++)
        {
            var a = Steps[i];
            var b = other.Steps[i];
            if (a.Executed != b.Executed || a.StateAfter != b.StateAfter || a.TransitionsSoFar != b.TransitionsSoFar)
            {
                return new BreakerRunComparison(false, i,
                    $"step {i} ({Describe(a)}): {thisName} executed={a.Executed}, {a.StateAfter}, {a.TransitionsSoFar} transitions so far; "
                    + $"{otherName} executed={b.Executed}, {b.StateAfter}, {b.TransitionsSoFar} transitions so far");
            }
        }

        return CompareTransitions(Transitions, other.Transitions, thisName, otherName);
    }

    /// <summary>The run as readable lines: one per step, with the transitions it made.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        int made = 0;
        foreach (var step in Steps)
        {
            text.Append(Describe(step)).Append(step.Kind == BreakerStepKind.Call ? (step.Executed ? " ran" : " rejected") : "")
                .Append(" -> ").Append(step.StateAfter);
            for (; made < step.TransitionsSoFar; made++)
            {
                text.Append("; ").Append(Transitions[made]);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Describe(BreakerStepResult step) =>
        step.Kind == BreakerStepKind.Call ? $"{step.AtMilliseconds} ms call {step.Outcome}" : $"{step.AtMilliseconds} ms advance";

    private static BreakerRunComparison CompareTransitions(IReadOnlyList<ScenarioTransition> a, IReadOnlyList<ScenarioTransition> b, string aName, string bName)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            if (a[i] != b[i])
            {
                return new BreakerRunComparison(false, -1, $"transition {i}: {aName} {a[i]}; {bName} {b[i]}");
            }
        }

        return a.Count == b.Count
            ? BreakerRunComparison.Agreement
            : new BreakerRunComparison(false, -1, $"{aName} has {a.Count} transitions, {bName} {b.Count}");
    }

    private void CheckStepCount(int count, string paramName)
    {
        if (count != Steps.Count)
        {
            throw new ArgumentException($"The run has {Steps.Count} steps, the other side {count}.", paramName);
        }
    }
}
