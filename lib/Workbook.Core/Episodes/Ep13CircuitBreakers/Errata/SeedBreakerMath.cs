using Workbook.Core.Resilience;

namespace Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;

/// <summary>
/// The seed notebook's Episode 13 circuit-breaker math, reproduced as written — wrong on purpose — so
/// the episode's Errata section can show its numbers beside the corrected ones. Do not use it for anything else.
/// </summary>
/// <remarks>
/// What is wrong with each method, and the derivation of the right answer, is in the notebook's Errata
/// section (notebooks/ep13-circuit-breakers.ipynb): the EWMA "variance" is one scaled squared residual,
/// not an estimate (correct: <see cref="EwmaMath.VarianceFactor"/>, <see cref="ExponentiallyWeightedMoments"/>);
/// the recovery-time formula has no derivation (correct: <see cref="HalfOpenRecovery"/>); the threshold
/// report states α instead of the achieved size and k / n instead of the library ratio (k + 1) / n
/// (correct: <see cref="TripThreshold"/>). The seed's "production parameters" are rows of
/// <c>data/resilience/circuit-breaker-defaults.csv</c>, each with its source status.
/// </remarks>
public static class SeedBreakerMath
{
    /// <summary>The seed's timeout per probe round, in seconds.</summary>
    public const double SeedTimeoutSeconds = 30;

    /// <summary>
    /// The seed's <c>EWMA</c> class fed with <paramref name="observations"/>: after each update, its
    /// value and its "variance". Reproduces the seed exactly, including the first observation replacing
    /// the initial value with the variance left at 0.
    /// </summary>
    /// <param name="observations">The observations, each a finite number.</param>
    /// <param name="alpha">The seed's α (the smoothing factor), in (0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyList<(double Value, double Variance)> SeedEwmaTrace(IReadOnlyList<double> observations, double alpha)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Guard.InRangeExclusiveInclusive(alpha, 0, 1, nameof(alpha));
        var trace = new (double, double)[observations.Count];
        double value = 0, variance = 0;
        for (int n = 0; n < observations.Count; n++)
        {
            double x = Guard.Finite(observations[n], nameof(observations));
            if (n == 0)
            {
                value = x;
            }
            else
            {
                value = (alpha * x) + ((1 - alpha) * value);
                double deviation = x - value;
                variance = alpha / (2 - alpha) * deviation * deviation;
            }

            trace[n] = (value, variance);
        }

        return trace;
    }

    /// <summary>
    /// The seed's probe sequence: <c>int(current)</c> for current = initial, initial·g, initial·g², ...
    /// while current ≤ maxProbes. With the seed's defaults (1, 10, 1.5) it is 1, 1, 2, 3, 5, 7.
    /// </summary>
    /// <param name="initialProbes">A finite number &gt; 0. Default 1.</param>
    /// <param name="maxProbes">A finite number &gt;= <paramref name="initialProbes"/>. Default 10.</param>
    /// <param name="growthFactor">A finite number &gt; 1. Default 1.5.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyList<int> SeedProbeSequence(double initialProbes = 1, double maxProbes = 10, double growthFactor = 1.5)
    {
        Guard.PositiveFinite(initialProbes, nameof(initialProbes));
        Guard.AtLeastFinite(maxProbes, initialProbes, nameof(maxProbes));
        if (!double.IsFinite(growthFactor) || growthFactor <= 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(growthFactor), $"{nameof(growthFactor)} must be a finite number > 1; got {Guard.Format(growthFactor)}.");
        }

        var sequence = new List<int>();
        for (double current = initialProbes; current <= maxProbes; current *= growthFactor)
        {
            sequence.Add((int)current);
        }

        return sequence;
    }

    /// <summary>
    /// The seed's <c>expected_recovery_time(failure_duration, recovery_prob)</c>:
    /// failure_duration + (1/recovery_prob)·Σ(1/n)·30 over the probe counts n. With the seed's example
    /// (300, 0.7) and default sequence it gives about 436 s. It has no derivation; see the remarks.
    /// </summary>
    /// <param name="failureDurationSeconds">The seed's failure_duration; a finite number &gt;= 0.</param>
    /// <param name="recoveryProbability">The seed's recovery_prob, in (0, 1].</param>
    /// <param name="probeSequence">Probe counts, each &gt;= 1; null for <see cref="SeedProbeSequence"/> with its defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double SeedExpectedRecoveryTime(double failureDurationSeconds, double recoveryProbability, IReadOnlyList<int>? probeSequence = null)
    {
        Guard.NonNegativeFinite(failureDurationSeconds, nameof(failureDurationSeconds));
        Guard.InRangeExclusiveInclusive(recoveryProbability, 0, 1, nameof(recoveryProbability));
        var sequence = probeSequence ?? SeedProbeSequence();
        double reciprocalSum = 0;
        foreach (int n in sequence)
        {
            reciprocalSum += 1.0 / Guard.AtLeast(n, 1, nameof(probeSequence));
        }

        double expectedRounds = 1 / recoveryProbability;
        return failureDurationSeconds + (expectedRounds * reciprocalSum * SeedTimeoutSeconds);
    }

    /// <summary>
    /// The seed's <c>optimal_threshold(n, p0, alpha)</c> report: its critical count (binom.ppf(1 − α)),
    /// its "optimal threshold" k / n, the type I error it reports (α itself), and its power curve over
    /// <c>np.arange(p0, 1.0, 0.05)</c> (P(X &gt; k | p) at p = p₀ + 0.05·i while below 1).
    /// </summary>
    /// <param name="windowSize">n, &gt;= 1.</param>
    /// <param name="baselineFailureRate">p₀, in [0, 1).</param>
    /// <param name="alpha">α, in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static (int CriticalFailures, double OptimalThreshold, double ReportedTypeIError, IReadOnlyList<PowerPoint> PowerCurve)
        SeedOptimalThreshold(int windowSize, double baselineFailureRate, double alpha)
    {
        Guard.InRangeInclusive(baselineFailureRate, 0, 1, nameof(baselineFailureRate));
        int k = TripThreshold.CriticalFailureCount(windowSize, baselineFailureRate, alpha);

        // numpy.arange(start, stop, step) has ceil((stop − start) / step) elements start + i·step.
        int count = (int)Math.Ceiling((1.0 - baselineFailureRate) / 0.05);
        var rates = Enumerable.Range(0, Math.Max(0, count)).Select(i => baselineFailureRate + (i * 0.05)).ToArray();
        return (k, (double)k / windowSize, alpha, TripThreshold.PowerCurve(windowSize, k, rates));
    }
}
