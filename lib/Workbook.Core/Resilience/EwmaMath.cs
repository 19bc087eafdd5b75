namespace Workbook.Core.Resilience;

/// <summary>
/// The exponentially weighted moving average (EWMA) of a failure-rate signal: its recursion, its exact
/// variance at every step, and the control limits of an EWMA chart built on it.
/// </summary>
/// <remarks>
/// z_t = λ·x_t + (1 − λ)·z_{t−1} from z₀ = μ₀. For independent x_t with variance σ² (p(1 − p)/b for the
/// failure fraction of b calls), Var(z_t) = σ²·λ/(2 − λ)·[1 − (1 − λ)^{2t}]: the EWMA never converges,
/// it fluctuates around the mean forever, which is why a chart needs limits μ₀ ± L·σ_z(t). Smoothing
/// single calls is fragile (at p₀ = 1 %, λ = 0.1, L = 3 one failure crosses the limit); batches or a
/// much smaller λ make it work. Derivation: episode 13, section 5. Sources: S. W. Roberts, Technometrics
/// 1(3), 1959; J. M. Lucas and M. S. Saccucci, Technometrics 32(1), 1990; D. C. Montgomery, Introduction
/// to Statistical Quality Control, EWMA chapter.
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
    public static ControlLimits ControlLimits(double targetMean, double sigma, double lambda, double limitWidth, int observations)
    {
        Guard.Finite(targetMean, nameof(targetMean));
        Guard.NonNegativeFinite(sigma, nameof(sigma));
        Guard.PositiveFinite(limitWidth, nameof(limitWidth));
        double half = limitWidth * sigma * Math.Sqrt(VarianceFactor(lambda, observations));
        return new ControlLimits(targetMean - half, targetMean + half);
    }

    /// <summary>The steady-state control limits μ₀ ± L·σ·√(λ/(2 − λ)).</summary>
    /// <param name="targetMean">μ₀; a finite number.</param>
    /// <param name="sigma">σ; a finite number &gt;= 0.</param>
    /// <param name="lambda">λ, in (0, 1].</param>
    /// <param name="limitWidth">L, a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static ControlLimits SteadyStateControlLimits(double targetMean, double sigma, double lambda, double limitWidth)
    {
        Guard.Finite(targetMean, nameof(targetMean));
        Guard.NonNegativeFinite(sigma, nameof(sigma));
        Guard.PositiveFinite(limitWidth, nameof(limitWidth));
        double half = limitWidth * sigma * Math.Sqrt(SteadyStateVarianceFactor(lambda));
        return new ControlLimits(targetMean - half, targetMean + half);
    }
}
