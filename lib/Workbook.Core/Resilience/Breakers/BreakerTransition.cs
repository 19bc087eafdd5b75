namespace Workbook.Core.Resilience.Breakers;

/// <summary>A state change of a breaker: from, to, when (from the breaker's <see cref="TimeProvider"/>) and whether by hand.</summary>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">The time of the change, read from the breaker's <see cref="TimeProvider"/>.</param>
/// <param name="Manual">True for <c>Isolate</c> and <c>Reset</c>, false for a change caused by outcomes or time.</param>
public sealed record BreakerTransition(BreakerState From, BreakerState To, DateTimeOffset At, bool Manual);
