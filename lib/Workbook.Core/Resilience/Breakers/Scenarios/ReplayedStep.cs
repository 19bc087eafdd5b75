namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>One replayed step: what the scenario expected and what the breaker did.</summary>
/// <param name="Index">0-based position of the step in its scenario.</param>
/// <param name="Step">The step, with its expectations.</param>
/// <param name="Admitted">Whether the breaker let the call through (false for a step without a call).</param>
/// <param name="State">The state the breaker reported after the step.</param>
public sealed record ReplayedStep(int Index, ScenarioStep Step, bool Admitted, BreakerState State)
{
    /// <summary>Whether the breaker did what the step expected.</summary>
    public bool Matches => Admitted == Step.Admitted && State == Step.State;
}
