using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Lognormally distributed service times with a given mean and SCV: mostly moderate, with a long
/// right tail of slow requests.
/// </summary>
/// <remarks>
/// X = exp(μ + σZ) with Z standard normal has mean exp(μ + σ²/2) and SCV exp(σ²) − 1, so
/// σ² = ln(1 + SCV) and μ = ln(mean) − σ²/2. Measured latencies are often near lognormal, and the
/// variability can be set on its own. Normals come two at a time from the polar method; the second is
/// kept for the next draw, which makes this a mutable struct that allocates nothing.
/// </remarks>
public struct LognormalService : IServiceDistribution
{
    private readonly double mu;
    private readonly double sigma;
    private PolarNormalSampler normal;

    /// <summary>Creates lognormal service times with the given mean and squared coefficient of variation.</summary>
    /// <param name="mean">The mean service time S; a finite number &gt; 0.</param>
    /// <param name="scv">Variance / S²; a finite number &gt; 0 (for exactly 0 use <see cref="DeterministicService"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is NaN, infinite, zero or negative.</exception>
    public LognormalService(double mean, double scv)
    {
        Mean = Guard.PositiveFinite(mean, nameof(mean));
        Scv = Guard.PositiveFinite(scv, nameof(scv));
        var variance = Math.Log(1.0 + scv);
        sigma = Math.Sqrt(variance);
        mu = Math.Log(mean) - variance / 2.0;
        normal = default;
    }

    /// <inheritdoc/>
    public double Mean { get; }

    /// <inheritdoc/>
    public double Scv { get; }

    /// <summary>μ, the mean of ln X.</summary>
    public readonly double LogMean => mu;

    /// <summary>σ, the standard deviation of ln X.</summary>
    public readonly double LogStandardDeviation => sigma;

    /// <inheritdoc/>
    public double NextServiceTime(ref Xoshiro256StarStar random) => Math.Exp(mu + sigma * normal.Next(ref random));
}
