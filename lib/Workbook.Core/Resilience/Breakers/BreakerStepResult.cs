namespace Workbook.Core.Resilience.Breakers;

/// <summary>What happened at one step when a breaker (ours or Polly's) ran a <see cref="BreakerScenario"/>.</summary>
/// <param name="AtMilliseconds">The step's time, in milliseconds since the start of the scenario.</param>
/// <param name="Kind">A call or a clock advance.</param>
/// <param name="Outcome">The outcome the call returns if it runs.</param>
/// <param name="Executed">True if the call ran; false if it was rejected, and for an advance.</param>
/// <param name="StateAfter">The state the breaker reported right after the step.</param>
/// <param name="TransitionsSoFar">How many transitions had been reported when the step ended.</param>
public sealed record BreakerStepResult(long AtMilliseconds, BreakerStepKind Kind, CallOutcome Outcome, bool Executed, BreakerState StateAfter, int TransitionsSoFar);
