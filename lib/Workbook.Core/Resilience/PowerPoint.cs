namespace Workbook.Core.Resilience;

/// <summary>One point of a power curve: the probability that a breaker trips when calls fail at a given rate.</summary>
/// <param name="FailureRate">The true per-call failure probability p, in [0, 1].</param>
/// <param name="TripProbability">P(the evaluated window trips | p): the false-trip probability when p is the healthy
/// baseline, the detection probability (power) when p is a degraded rate.</param>
public readonly record struct PowerPoint(double FailureRate, double TripProbability);
