using System.Globalization;
using Workbook.Core.Numerics;

namespace Workbook.Core.Resilience;

/// <summary>
/// The trip threshold of a circuit breaker as a one-sided hypothesis test on a window of n calls:
/// the critical failure count for a false-trip budget α, the power curve, and the smallest window
/// that meets a detection target.
/// </summary>
/// <remarks>
/// Each of n calls fails independently with probability p, so X ~ Binomial(n, p). The breaker tests
/// H₀: p = p₀ against H₁: p &gt; p₀ and trips when X &gt; k; k is the smallest count with
/// P(X &gt; k | p₀) ≤ α, the (1 − α)-quantile (<c>scipy.stats.binom.ppf(1 − α, n, p₀)</c>). Report the
/// achieved size, usually well below α because X is discrete. Libraries trip at a ratio <i>at or
/// above</i> a threshold, so the matching library threshold is (k + 1) / n, not k / n. Independence
/// is an assumption (real failures cluster). Derivation: episode 13, sections 1 and 2; G. Casella and
/// R. L. Berger, Statistical Inference, 2nd ed. (2002), section 8.3.
/// </remarks>
public static class TripThreshold
{
    /// <summary>The largest window accepted, 10⁹ calls.</summary>
    /// <value>1,000,000,000: far beyond any real breaker's window, and small enough that the search for k stays within int range.</value>
    public const int MaximumWindowSize = 1_000_000_000;

    /// <summary>
    /// The critical failure count k: the smallest k with P(X &gt; k | p₀) ≤ α for X ~ Binomial(n, p₀).
    /// Trip when more than k of the n calls fail.
    /// </summary>
    /// <param name="windowSize">The number of calls n in the window; in [1, <see cref="MaximumWindowSize"/>].</param>
    /// <param name="baselineFailureRate">The healthy failure probability p₀, in [0, 1].</param>
    /// <param name="alpha">The false-trip budget α per evaluated window, in (0, 1).</param>
    /// <returns>
    /// k in [0, n]. k = n means no count can trip the breaker within the budget: the window is too
    /// small for this p₀ and α (for example, P(all 5 calls fail) = 0.2⁵ ≈ 3 × 10⁻⁴ exceeds α = 10⁻⁴).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static int CriticalFailureCount(int windowSize, double baselineFailureRate, double alpha)
    {
        WindowSize(windowSize, nameof(windowSize));
        Guard.Probability(baselineFailureRate, nameof(baselineFailureRate));
        Guard.InRangeExclusive(alpha, 0, 1, nameof(alpha));
        return Critical(windowSize, baselineFailureRate, alpha);
    }

    /// <summary>
    /// P(X &gt; k | p) for X ~ Binomial(n, p): the probability that a window trips on the rule
    /// "more than k failures".
    /// </summary>
    /// <param name="windowSize">The number of calls n; at least 1.</param>
    /// <param name="failureRate">The per-call failure probability p, in [0, 1].</param>
    /// <param name="criticalFailureCount">k; any integer (k &lt; 0 gives 1, k ≥ n gives 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double ExceedanceProbability(int windowSize, double failureRate, int criticalFailureCount)
    {
        Guard.AtLeast(windowSize, 1, nameof(windowSize));
        Guard.Probability(failureRate, nameof(failureRate));
        return BinomialTail.Upper(windowSize, criticalFailureCount, failureRate);
    }

    /// <summary>The power curve: P(X &gt; k | p) for each failure rate p, in the order given.</summary>
    /// <param name="windowSize">The number of calls n; at least 1.</param>
    /// <param name="criticalFailureCount">k, usually from <see cref="CriticalFailureCount"/>.</param>
    /// <param name="failureRates">The rates p to evaluate, each in [0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="failureRates"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyList<PowerPoint> PowerCurve(int windowSize, int criticalFailureCount, IReadOnlyList<double> failureRates)
    {
        Guard.AtLeast(windowSize, 1, nameof(windowSize));
        ArgumentNullException.ThrowIfNull(failureRates);
        var curve = new PowerPoint[failureRates.Count];
        for (int i = 0; i < curve.Length; i++)
        {
            double p = Guard.Probability(failureRates[i], nameof(failureRates));
            curve[i] = new PowerPoint(p, BinomialTail.Upper(windowSize, criticalFailureCount, p));
        }

        return curve;
    }

    /// <summary>
    /// The smallest window n for which the critical count at (p₀, α) detects the degraded rate p₁
    /// with probability at least <paramref name="targetPower"/>.
    /// </summary>
    /// <remarks>
    /// Power is not monotone in n: each time k steps up by one the power drops, so power against n is a
    /// rising saw-tooth. The search therefore scans n = 1, 2, 3, ... and returns the first n that
    /// qualifies; a slightly larger n may fall short again.
    /// </remarks>
    /// <param name="baselineFailureRate">p₀, in [0, 1).</param>
    /// <param name="degradedFailureRate">p₁, in (p₀, 1].</param>
    /// <param name="alpha">The false-trip budget per window, in (0, 1).</param>
    /// <param name="targetPower">The detection probability wanted, in (0, 1).</param>
    /// <param name="maxWindowSize">Where to give up; in [1, <see cref="MaximumWindowSize"/>]. Default 100,000 calls.</param>
    /// <returns>The design, or <see cref="WindowDesign.IsFeasible"/> false with the reason when no n up to <paramref name="maxWindowSize"/> qualifies.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or p₁ ≤ p₀.</exception>
    public static WindowDesign SmallestWindow(
        double baselineFailureRate, double degradedFailureRate, double alpha, double targetPower, int maxWindowSize = 100_000)
    {
        Guard.Probability(baselineFailureRate, nameof(baselineFailureRate));
        Guard.Probability(degradedFailureRate, nameof(degradedFailureRate));
        if (degradedFailureRate <= baselineFailureRate)
        {
            throw new ArgumentOutOfRangeException(
                nameof(degradedFailureRate),
                $"{nameof(degradedFailureRate)} must be a finite number in ({Guard.Format(baselineFailureRate)}, 1] (above {nameof(baselineFailureRate)}); got {Guard.Format(degradedFailureRate)}.");
        }

        Guard.InRangeExclusive(alpha, 0, 1, nameof(alpha));
        Guard.InRangeExclusive(targetPower, 0, 1, nameof(targetPower));
        WindowSize(maxWindowSize, nameof(maxWindowSize));

        for (int n = 1; n <= maxWindowSize; n++)
        {
            int k = Critical(n, baselineFailureRate, alpha);
            double power = BinomialTail.Upper(n, k, degradedFailureRate);
            if (power >= targetPower)
            {
                double falseTrip = BinomialTail.Upper(n, k, baselineFailureRate);
                return new WindowDesign(
                    n, k, falseTrip, power,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{n} calls, trip on more than {k} failures: false-trip probability {falseTrip:G4} <= {alpha:G4}, power {power:G4} >= {targetPower:G4}; no smaller window meets both."));
            }
        }

        return new WindowDesign(
            null, null, null, null,
            string.Create(
                CultureInfo.InvariantCulture,
                $"No window of 1 to {maxWindowSize} calls reaches power {targetPower:G4} at p1 = {degradedFailureRate:G4} within a false-trip budget of {alpha:G4} at p0 = {baselineFailureRate:G4}."));
    }

    // The lower bound keeps Guard's message ("an integer >= 1"); the upper one states the whole range.
    private static void WindowSize(int value, string paramName)
    {
        Guard.AtLeast(value, 1, paramName);
        if (value > MaximumWindowSize)
        {
            throw Guard.OutOfRange(
                paramName,
                string.Create(CultureInfo.InvariantCulture, $"an integer in [1, {MaximumWindowSize}]"),
                value.ToString(CultureInfo.InvariantCulture));
        }
    }

    // Implementation note: P(X > k) falls as k rises, P(X > −1) = 1 > α and P(X > n) = 0 ≤ α, so a
    // bisection on (−1, n] finds the smallest qualifying k in about log2(n) tail evaluations. A tail
    // that equals α exactly (n = 1: P(X > 0) = p₀ = α) comes out a rounding error either side of it,
    // so values within a relative 1e-12 of α count as meeting the budget.
    private static int Critical(int n, double p0, double alpha)
    {
        double budget = alpha * (1 + 1e-12);
        int tooSmall = -1, largeEnough = n;
        while (largeEnough - tooSmall > 1)
        {
            int mid = tooSmall + ((largeEnough - tooSmall) / 2);
            if (BinomialTail.Upper(n, mid, p0) <= budget)
            {
                largeEnough = mid;
            }
            else
            {
                tooSmall = mid;
            }
        }

        return largeEnough;
    }
}
