namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>One step of a scenario replayed on a logical clock, with what the breaker must do.</summary>
/// <param name="Time">Logical time of the step, in the scenario's unit.</param>
/// <param name="Outcome">The call's outcome if it goes ahead, or <see cref="StepOutcome.None"/>.</param>
/// <param name="Admitted">Expected: whether the call went ahead (false for <see cref="StepOutcome.None"/>).</param>
/// <param name="State">Expected: the state read right after the step.</param>
public sealed record ScenarioStep(double Time, StepOutcome Outcome, bool Admitted, BreakerState State);
