namespace Workbook.Core.Resilience;

/// <summary>
/// An upper EWMA chart on a failure-rate signal: the smoothing factor λ, the limit width L, and
/// whether the limits are the exact time-varying ones or the steady-state ones.
/// </summary>
/// <remarks>
/// The defaults λ = 0.2 and L = 3 follow D. C. Montgomery, Introduction to Statistical Quality Control
/// (EWMA chapter): λ between 0.05 and 0.25, smaller for smaller shifts, and L = 3 with the larger λ
/// (about 2.6 to 2.8 for λ ≤ 0.1). They are a starting point, not a recommendation for a service.
/// Steady-state limits are the default because run-length tables and the Markov-chain method of
/// <see cref="EwmaRunLength"/> assume them. Every value is checked here, in the constructor.
/// </remarks>
public sealed record EwmaChartOptions
{
    /// <summary>Creates and validates chart options.</summary>
    /// <param name="lambda">The smoothing factor λ; a finite number in (0, 1].</param>
    /// <param name="limitWidth">The limit width L in standard deviations of z; a finite number &gt; 0.</param>
    /// <param name="timeVaryingLimits">Whether to use the exact limits μ₀ + L·σ_z(t) instead of the steady-state μ₀ + L·σ_z(∞).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public EwmaChartOptions(double lambda = 0.2, double limitWidth = 3, bool timeVaryingLimits = false)
    {
        Lambda = Guard.InRangeExclusiveInclusive(lambda, 0, 1, nameof(lambda));
        LimitWidth = Guard.PositiveFinite(limitWidth, nameof(limitWidth));
        TimeVaryingLimits = timeVaryingLimits;
    }

    /// <summary>The smoothing factor λ: the weight of the newest observation.</summary>
    /// <value>The default is 0.2.</value>
    public double Lambda { get; }

    /// <summary>The limit width L, in standard deviations of z.</summary>
    /// <value>The default is 3.</value>
    public double LimitWidth { get; }

    /// <summary>
    /// Whether the limits are the exact μ₀ + L·σ_z(t), narrow at the start (σ_z(1) = λσ), instead of the
    /// steady-state μ₀ + L·σ_z(∞). With one call per observation and p₀ below 1/(1 + L²), exact limits make
    /// the very first failure a signal.
    /// </summary>
    /// <value>The default is false (steady-state limits).</value>
    public bool TimeVaryingLimits { get; }

    /// <summary>The upper control limit after t observations, for in-control mean μ₀ and observation standard deviation σ.</summary>
    /// <param name="targetMean">μ₀; a finite number.</param>
    /// <param name="sigma">σ; a finite number &gt;= 0.</param>
    /// <param name="observations">t, &gt;= 1 (ignored for steady-state limits).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public double UpperLimit(double targetMean, double sigma, int observations) =>
        TimeVaryingLimits
            ? EwmaMath.ControlLimits(targetMean, sigma, Lambda, LimitWidth, Guard.AtLeast(observations, 1, nameof(observations))).Upper
            : EwmaMath.SteadyStateControlLimits(targetMean, sigma, Lambda, LimitWidth).Upper;
}
