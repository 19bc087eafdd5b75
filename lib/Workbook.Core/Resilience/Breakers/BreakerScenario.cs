namespace Workbook.Core.Resilience.Breakers;

/// <summary>A named run of a breaker: its options, timed steps, and (optionally) what should happen at each step.</summary>
/// <remarks>
/// The same scenario drives every breaker of the workbook (C#, F#, Go, Rust) and Polly, so their runs
/// can be compared step by step and transition by transition. Files under
/// <c>data/resilience/breaker-scenarios/</c> are read with <see cref="BreakerScenarioJson"/>.
/// A scenario either has no expectations (a generated one) or one per step plus the expected
/// transitions (<see cref="HasExpectations"/>).
/// </remarks>
public sealed record BreakerScenario
{
    /// <summary>Creates and validates a scenario.</summary>
    /// <param name="name">A short name; not blank.</param>
    /// <param name="description">What the scenario shows and where its expectations come from.</param>
    /// <param name="options">The breaker configuration.</param>
    /// <param name="steps">The steps, at non-decreasing times; at least one.</param>
    /// <param name="expectedSteps">Empty, or one expectation per step.</param>
    /// <param name="expectedTransitions">The transitions a correct run makes, in order (empty if none are expected or none are given).</param>
    /// <exception cref="ArgumentException">A rule between the arguments is broken.</exception>
    public BreakerScenario(
        string name,
        string description,
        BreakerScenarioOptions options,
        IReadOnlyList<BreakerStep> steps,
        IReadOnlyList<BreakerStepExpectation>? expectedSteps = null,
        IReadOnlyList<ScenarioTransition>? expectedTransitions = null)
    {
        Name = Guard.NotBlank(name, nameof(name));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new ArgumentException("A scenario needs at least one step.", nameof(steps));
        }

        for (int i = 1; i < steps.Count; i++)
        {
            if (steps[i].AtMilliseconds < steps[i - 1].AtMilliseconds)
            {
                throw new ArgumentException(
                    $"Step times must not decrease: step {i} is at {steps[i].AtMilliseconds} ms, before step {i - 1} at {steps[i - 1].AtMilliseconds} ms.",
                    nameof(steps));
            }
        }

        expectedSteps ??= [];
        if (expectedSteps.Count != 0 && expectedSteps.Count != steps.Count)
        {
            throw new ArgumentException(
                $"Give no step expectations or one per step ({steps.Count}), not {expectedSteps.Count}.", nameof(expectedSteps));
        }

        Steps = [.. steps];
        ExpectedSteps = [.. expectedSteps];
        ExpectedTransitions = [.. expectedTransitions ?? []];
    }

    /// <summary>The short name.</summary>
    public string Name { get; }

    /// <summary>What the scenario shows and where its expectations come from.</summary>
    public string Description { get; }

    /// <summary>The breaker configuration.</summary>
    public BreakerScenarioOptions Options { get; }

    /// <summary>The steps, at non-decreasing times.</summary>
    public IReadOnlyList<BreakerStep> Steps { get; }

    /// <summary>One expectation per step, or empty.</summary>
    public IReadOnlyList<BreakerStepExpectation> ExpectedSteps { get; }

    /// <summary>The transitions a correct run makes, in order.</summary>
    public IReadOnlyList<ScenarioTransition> ExpectedTransitions { get; }

    /// <summary>True if the scenario says what should happen at each step.</summary>
    public bool HasExpectations => ExpectedSteps.Count != 0;
}
