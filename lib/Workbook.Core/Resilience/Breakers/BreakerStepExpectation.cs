namespace Workbook.Core.Resilience.Breakers;

/// <summary>What should happen at one step of a scenario: whether the call ran, and the state the breaker reports after it.</summary>
/// <param name="Executed">True if the call ran (false if it was rejected); always false for an advance.</param>
/// <param name="StateAfter">The state the breaker reports right after the step.</param>
public sealed record BreakerStepExpectation(bool Executed, BreakerState StateAfter);
