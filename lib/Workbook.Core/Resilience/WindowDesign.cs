using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Resilience;

/// <summary>
/// The answer of <see cref="TripThreshold.SmallestWindow"/>: the smallest window and its critical
/// failure count that meet a false-trip budget and a detection target, or the statement that no
/// window up to the search limit does, with the reason.
/// </summary>
public sealed record WindowDesign
{
    internal WindowDesign(int? windowSize, int? criticalFailureCount, double? falseTripProbability, double? power, string reason)
    {
        WindowSize = windowSize;
        CriticalFailureCount = criticalFailureCount;
        FalseTripProbability = falseTripProbability;
        Power = power;
        Reason = reason;
    }

    /// <summary>Whether some window up to the search limit meets both targets. When false, see <see cref="Reason"/>.</summary>
    [MemberNotNullWhen(true, nameof(WindowSize), nameof(CriticalFailureCount), nameof(FalseTripProbability), nameof(Power))]
    public bool IsFeasible => WindowSize is not null;

    /// <summary>The number of calls n in the evaluated window; null when no window qualifies.</summary>
    public int? WindowSize { get; }

    /// <summary>The critical count k: the breaker trips when more than k of the n calls fail; null when no window qualifies.</summary>
    public int? CriticalFailureCount { get; }

    /// <summary>
    /// The actual size of the test, P(X &gt; k | p₀): at most α, usually below it, because a count
    /// cannot be split; null when no window qualifies.
    /// </summary>
    public double? FalseTripProbability { get; }

    /// <summary>P(X &gt; k | p₁), the probability of tripping when the failure rate has risen to p₁; null when no window qualifies.</summary>
    public double? Power { get; }

    /// <summary>Why this is the answer: what the window achieves, or how far the search went.</summary>
    public string Reason { get; }
}
