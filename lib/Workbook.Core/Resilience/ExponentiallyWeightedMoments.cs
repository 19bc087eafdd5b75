namespace Workbook.Core.Resilience;

/// <summary>
/// An online, exponentially weighted estimate of a signal's mean and of its variance σ² (the variance
/// of one observation), with the bias of the weighted variance removed exactly.
/// </summary>
/// <remarks>
/// With d = x_t − m_{t−1}: m_t = m_{t−1} + λd (the EWMA) and S_t = (1 − λ)(S_{t−1} + λd²), the
/// exponentially weighted variance (T. Finch, "Incremental calculation of weighted mean and variance",
/// University of Cambridge Computing Service, 2009). For independent x_t with variance σ², started at
/// the true mean, E[S_t] = c_t·σ² with c₀ = 0 and c_t = (1 − λ)(c_{t−1} + λ(1 + v_{t−1})), v the exact
/// EWMA variance factor of <see cref="EwmaMath.VarianceFactor"/>; in the steady state c = 2(1 − λ)/(2 − λ).
/// <see cref="Variance"/> divides by c_t, so it is unbiased at every step. λ = 1 is excluded (S_t ≡ 0).
/// </remarks>
public sealed class ExponentiallyWeightedMoments
{
    private readonly double lambda;
    private double weightedVariance;
    private double biasFactor;
    private double meanVarianceFactor;

    /// <summary>Starts the estimator at a known mean, with no variance information yet.</summary>
    /// <param name="lambda">λ, in (0, 1).</param>
    /// <param name="initialMean">m₀, a finite number: the expected mean (for a failure rate, the baseline).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public ExponentiallyWeightedMoments(double lambda, double initialMean)
    {
        this.lambda = Guard.InRangeExclusive(lambda, 0, 1, nameof(lambda));
        Mean = Guard.Finite(initialMean, nameof(initialMean));
    }

    /// <summary>The number of observations so far.</summary>
    public int Count { get; private set; }

    /// <summary>The exponentially weighted mean m_t (the EWMA).</summary>
    public double Mean { get; private set; }

    /// <summary>The raw exponentially weighted variance S_t, biased low by the factor c_t described in the remarks.</summary>
    public double WeightedVariance => weightedVariance;

    /// <summary>S_t / c_t: an unbiased estimate of σ².</summary>
    /// <exception cref="InvalidOperationException">No observation yet (<see cref="Count"/> is 0): there is nothing to estimate from.</exception>
    public double Variance => Count == 0
        ? throw new InvalidOperationException("Variance needs at least one observation; call Observe first (Count is 0).")
        : weightedVariance / biasFactor;

    /// <summary>Adds one observation.</summary>
    /// <param name="observation">x_t, a finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observation"/> is NaN or infinite.</exception>
    public void Observe(double observation)
    {
        Guard.Finite(observation, nameof(observation));
        double d = observation - Mean;
        Mean += lambda * d;
        weightedVariance = (1 - lambda) * (weightedVariance + (lambda * d * d));
        biasFactor = (1 - lambda) * (biasFactor + (lambda * (1 + meanVarianceFactor)));

        // Implementation note: v_t = (1 − λ)² v_{t−1} + λ², the recursive form of λ/(2−λ)·[1 − (1−λ)^{2t}].
        meanVarianceFactor = ((1 - lambda) * (1 - lambda) * meanVarianceFactor) + (lambda * lambda);
        Count++;
    }
}
