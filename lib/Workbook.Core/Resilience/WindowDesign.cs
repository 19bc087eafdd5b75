namespace Workbook.Core.Resilience;

/// <summary>
/// A window size and critical failure count that meet a false-trip budget and a detection target;
/// the answer of <see cref="TripThreshold.SmallestWindow"/>.
/// </summary>
/// <param name="WindowSize">The number of calls n in the evaluated window.</param>
/// <param name="CriticalFailureCount">The critical count k: the breaker trips when more than k of the n calls fail.</param>
/// <param name="FalseTripProbability">The actual size of the test, P(X &gt; k | p₀); at most α, usually below it,
/// because a count cannot be split.</param>
/// <param name="Power">P(X &gt; k | p₁), the probability of tripping when the failure rate has risen to p₁.</param>
public sealed record WindowDesign(int WindowSize, int CriticalFailureCount, double FalseTripProbability, double Power);
