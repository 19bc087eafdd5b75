namespace Workbook.Core.Resilience;

/// <summary>
/// The exponentially weighted moving average (EWMA) of a failure-rate signal: its recursion, its exact
/// variance at every step, and the control limits of an EWMA chart built on it.
/// </summary>
/// <remarks>
/// <para>
/// <b>The recursion.</b> z_t = λ·x_t + (1 − λ)·z_{t−1}, with smoothing factor λ in (0, 1] and a
/// starting value z₀ (the target mean μ₀ of a chart). Unrolled,
/// z_t = λ Σᵢ₌₀^{t−1} (1 − λ)ⁱ x_{t−i} + (1 − λ)ᵗ z₀: a weighted average whose weights fall
/// geometrically with age. λ = 1 is no smoothing at all; a small λ remembers about 1/λ observations.
/// </para>
/// <para>
/// <b>The exact variance.</b> If the x_t are independent with variance σ² and z₀ is a fixed number,
/// Var(z_t) = λ²σ² Σᵢ₌₀^{t−1} (1 − λ)²ⁱ = λ²σ² (1 − (1 − λ)^{2t}) / (1 − (1 − λ)²), and since
/// 1 − (1 − λ)² = λ(2 − λ),
/// Var(z_t) = σ² · λ/(2 − λ) · [1 − (1 − λ)^{2t}], rising from 0 at t = 0 to the steady state
/// σ² · λ/(2 − λ). The EWMA does not converge to the mean: it keeps fluctuating around it with that
/// variance forever, which is why a chart needs limits at all.
/// </para>
/// <para>
/// <b>What x_t is.</b> For a signal that is 1 when a call fails and 0 when it succeeds (a Bernoulli
/// variable with rate p), σ² = p(1 − p). For the failure fraction of b calls per observation (a
/// batch, or a time bucket with b calls), σ² = p(1 − p)/b. Smoothing single calls is fragile: at
/// p₀ = 1 %, λ = 0.1 and L = 3 one failure lifts z by about 0.1 and crosses the steady-state limit
/// p₀ + 3σ_z ≈ 0.079 at once, so the chart is no better than "trip on any failure". Batches, or a
/// much smaller λ, are what make an EWMA chart of failures work.
/// </para>
/// <para>
/// <b>Control limits.</b> μ₀ ± L·σ_z(t), with σ_z(t) the square root of the variance above. The
/// exact, time-varying limits are narrow at the start (σ_z(1) = λσ) and make a chart sensitive from
/// its first observation; the steady-state limits μ₀ ± L·σ·√(λ/(2 − λ)) are what the classical
/// average-run-length tables assume. A breaker only cares about the upper limit.
/// </para>
/// <para>
/// Sources: S. W. Roberts, "Control Chart Tests Based on Geometric Moving Averages", Technometrics
/// 1(3), 1959 (the chart and its variance); J. M. Lucas and M. S. Saccucci, "Exponentially Weighted
/// Moving Average Control Schemes: Properties and Enhancements", Technometrics 32(1), 1990 (run
/// lengths by a Markov chain); D. C. Montgomery, Introduction to Statistical Quality Control, chapter
/// on EWMA charts (exact and steady-state limits, choice of λ and L).
/// </para>
/// </remarks>
public static class EwmaMath
{
    /// <summary>One step of the recursion: λ·x + (1 − λ)·previous.</summary>
    /// <param name="previous">z_{t−1}; a finite number.</param>
    /// <param name="observation">x_t; a finite number.</param>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double Next(double previous, double observation, double lambda)
    {
        Guard.Finite(previous, nameof(previous));
        Guard.Finite(observation, nameof(observation));
        Guard.InRangeExclusiveInclusive(lambda, 0, 1, nameof(lambda));
        return (lambda * observation) + ((1 - lambda) * previous);
    }

    /// <summary>Var(z_t) / σ² = λ/(2 − λ) · [1 − (1 − λ)^{2t}]: the exact variance factor after t observations.</summary>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <param name="observations">t, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double VarianceFactor(double lambda, int observations)
    {
        Guard.InRangeExclusiveInclusive(lambda, 0, 1, nameof(lambda));
        Guard.NonNegative(observations, nameof(observations));
        return lambda / (2 - lambda) * (1 - Math.Pow(1 - lambda, 2.0 * observations));
    }

    /// <summary>The steady-state variance factor λ/(2 − λ), the limit of <see cref="VarianceFactor"/> as t grows.</summary>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">λ is outside (0, 1].</exception>
    public static double SteadyStateVarianceFactor(double lambda)
    {
        Guard.InRangeExclusiveInclusive(lambda, 0, 1, nameof(lambda));
        return lambda / (2 - lambda);
    }

    /// <summary>
    /// The standard deviation of the observed failure fraction when each observation covers
    /// <paramref name="callsPerObservation"/> independent calls failing at rate p: √(p(1 − p)/b).
    /// </summary>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="callsPerObservation">b, &gt;= 1. Default 1 (one call per observation, a Bernoulli signal).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double FailureFractionStandardDeviation(double failureRate, int callsPerObservation = 1)
    {
        Guard.Probability(failureRate, nameof(failureRate));
        Guard.AtLeast(callsPerObservation, 1, nameof(callsPerObservation));
        return Math.Sqrt(failureRate * (1 - failureRate) / callsPerObservation);
    }

    /// <summary>The exact control limits μ₀ ± L·σ·√(VarianceFactor(λ, t)) after t observations.</summary>
    /// <param name="targetMean">μ₀, the in-control mean (the baseline failure rate); a finite number.</param>
    /// <param name="sigma">σ, the standard deviation of one observation; a finite number &gt;= 0.</param>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <param name="limitWidth">L, a finite number &gt; 0.</param>
    /// <param name="observations">t, &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static (double Lower, double Upper) ControlLimits(double targetMean, double sigma, double lambda, double limitWidth, int observations)
    {
        Guard.Finite(targetMean, nameof(targetMean));
        Guard.NonNegativeFinite(sigma, nameof(sigma));
        Guard.PositiveFinite(limitWidth, nameof(limitWidth));
        double half = limitWidth * sigma * Math.Sqrt(VarianceFactor(lambda, observations));
        return (targetMean - half, targetMean + half);
    }

    /// <summary>The steady-state control limits μ₀ ± L·σ·√(λ/(2 − λ)).</summary>
    /// <param name="targetMean">μ₀; a finite number.</param>
    /// <param name="sigma">σ; a finite number &gt;= 0.</param>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <param name="limitWidth">L, a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static (double Lower, double Upper) SteadyStateControlLimits(double targetMean, double sigma, double lambda, double limitWidth)
    {
        Guard.Finite(targetMean, nameof(targetMean));
        Guard.NonNegativeFinite(sigma, nameof(sigma));
        Guard.PositiveFinite(limitWidth, nameof(limitWidth));
        double half = limitWidth * sigma * Math.Sqrt(SteadyStateVarianceFactor(lambda));
        return (targetMean - half, targetMean + half);
    }
}
