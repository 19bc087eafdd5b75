using System.Globalization;
using Workbook.Core.Numerics;

namespace Workbook.Core.Resilience;

/// <summary>
/// The trip threshold of a circuit breaker as a one-sided hypothesis test on a window of n calls:
/// the critical failure count for a false-trip budget α, the power curve, and the smallest window
/// that meets a detection target.
/// </summary>
/// <remarks>
/// <para>
/// <b>The test.</b> Let each of n calls fail independently with probability p, so the failure count
/// is X ~ Binomial(n, p). The null hypothesis H₀: p = p₀ says the dependency is healthy at its
/// baseline rate; the alternative H₁: p &gt; p₀ says it has degraded. The breaker trips (rejects H₀)
/// when X &gt; k. A false trip is a type I error, with probability
/// P(X &gt; k | p₀) = Σᵢ₌ₖ₊₁ⁿ C(n, i) p₀ⁱ (1 − p₀)ⁿ⁻ⁱ, which falls as k grows. The critical count is
/// the smallest k with P(X &gt; k | p₀) ≤ α: the most sensitive breaker that stays within the budget.
/// </para>
/// <para>
/// <b>The exact inequality and the off-by-one.</b> P(X &gt; k) ≤ α is the same as F(k) ≥ 1 − α for
/// the distribution function F, so k is the (1 − α)-quantile, F⁻¹(1 − α) = min{k : F(k) ≥ 1 − α},
/// which is what <c>scipy.stats.binom.ppf(1 − α, n, p₀)</c> returns. Three things follow. The bound
/// is "≤ α", not "&lt; α". The achieved false-trip probability is usually well below α, because X
/// is discrete and the tail jumps from above α (at k − 1) to below it (at k): report the achieved
/// value, not α. And the rule is strict: trip on <i>more than</i> k failures. Circuit-breaker
/// libraries trip on a failure <i>ratio at or above</i> a threshold, so configuring one with the
/// ratio k / n trips at X ≥ k, one failure early, with false-trip probability P(X &gt; k − 1) &gt; α
/// by the very choice of k. The matching library threshold is (k + 1) / n.
/// </para>
/// <para>
/// <b>Power.</b> P(X &gt; k | p) grows with p (the binomial family is stochastically ordered in p),
/// from the false-trip probability at p₀ to 1 at p = 1. At p = p₀ the curve shows the size of the
/// test, not its power.
/// </para>
/// <para>
/// Independence is an assumption: failures of real calls cluster (a bad host, a slow garbage
/// collection), which makes the true false-trip rate higher than the binomial one.
/// </para>
/// <para>
/// Source: any text on hypothesis testing for a binomial proportion, e.g. G. Casella and
/// R. L. Berger, Statistical Inference, 2nd ed. (2002), section 8.3 (error probabilities, size and power; the
/// randomisation needed to hit α exactly with discrete data, which a breaker does not do).
/// </para>
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
    /// Power is not monotone in n. Each time n grows by one call, k either stays (power rises) or
    /// steps up by one (power drops), so the power against n is a rising saw-tooth, and the false-trip
    /// probability saw-tooths below α the same way. The search therefore scans n = 1, 2, 3, ... and
    /// returns the first n that qualifies; a slightly larger n may fall short again.
    /// </remarks>
    /// <param name="baselineFailureRate">p₀, in [0, 1).</param>
    /// <param name="degradedFailureRate">p₁, in (p₀, 1].</param>
    /// <param name="alpha">The false-trip budget per window, in (0, 1).</param>
    /// <param name="targetPower">The detection probability wanted, in (0, 1).</param>
    /// <param name="maxWindowSize">Where to give up; in [1, <see cref="MaximumWindowSize"/>]. Default 100,000 calls.</param>
    /// <returns>The design, or null if no n up to <paramref name="maxWindowSize"/> qualifies.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or p₁ ≤ p₀.</exception>
    public static WindowDesign? SmallestWindow(
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
                return new WindowDesign(n, k, BinomialTail.Upper(n, k, baselineFailureRate), power);
            }
        }

        return null;
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
