namespace Workbook.Core.Resilience;

/// <summary>
/// An upper EWMA chart on a failure-rate signal: the smoothing factor λ, the limit width L, and
/// whether the limits are the exact time-varying ones or the steady-state ones.
/// </summary>
/// <remarks>
/// <para>
/// Defaults λ = 0.2 and L = 3 follow Montgomery's guidance for EWMA charts (Introduction to
/// Statistical Quality Control, EWMA chapter): λ between 0.05 and 0.25 works well, smaller λ for
/// smaller shifts, and L = 3 works reasonably with the larger λ (for λ ≤ 0.1, an L of about 2.6 to
/// 2.8 is common). They are a starting point, not a recommendation for any particular service: the
/// in-control run length they give depends on the failure rate and on how many calls each observation covers.
/// </para>
/// <para>
/// Steady-state limits are the default because the classical run-length tables and the Markov-chain
/// method assume them. Time-varying limits start narrow (σ_z(1) = λσ), which with one call per
/// observation and p₀ below 1/(1 + L²) makes the very first failure a signal.
/// </para>
/// <para>Each property is validated when set; errors name the property and the allowed range.</para>
/// </remarks>
public sealed record EwmaChartOptions
{
    private readonly double lambda = 0.2;
    private readonly double limitWidth = 3;

    /// <summary>The smoothing factor λ; a finite number in (0, 1]. Default 0.2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value outside (0, 1].</exception>
    public double Lambda
    {
        get => lambda;
        init => lambda = Guard.InRangeExclusiveInclusive(value, 0, 1, nameof(Lambda));
    }

    /// <summary>The limit width L in standard deviations of z; a finite number &gt; 0. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, zero or a negative value.</exception>
    public double LimitWidth
    {
        get => limitWidth;
        init => limitWidth = Guard.PositiveFinite(value, nameof(LimitWidth));
    }

    /// <summary>Use the exact limits μ₀ + L·σ_z(t) instead of the steady-state μ₀ + L·σ_z(∞). Default false.</summary>
    public bool TimeVaryingLimits { get; init; }

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
