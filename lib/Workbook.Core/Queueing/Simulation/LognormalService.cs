using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Lognormally distributed service times with a given mean and SCV: mostly moderate, with a long
/// right tail of slow requests.
/// </summary>
/// <remarks>
/// <para>
/// If Z is standard normal, X = exp(μ + σZ) is lognormal with E[X] = exp(μ + σ²/2) and
/// SCV = exp(σ²) − 1. Inverting: σ² = ln(1 + SCV) and μ = ln(mean) − σ²/2. Measured request
/// latencies are often close to lognormal, and unlike <see cref="ExponentialService"/> it lets the
/// variability be set on its own: SCV below 1 for steady work, well above 1 for a heavy tail.
/// </para>
/// <para>
/// Normal numbers come from Marsaglia's polar method, two at a time; the second is kept inside this
/// struct for the next draw, so this is a mutable struct, and drawing allocates nothing.
/// </para>
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
