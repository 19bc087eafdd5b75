using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Exponentially distributed service times with a given mean: the second "M" in M/M/c.
/// </summary>
/// <remarks>
/// The exponential distribution is the one closed forms like best (it is memoryless, so the number
/// in the system is a Markov chain), not the one servers produce most often: its SCV of 1 is more
/// variable than a fixed-size job and far less than a heavy-tailed one. Compare
/// <see cref="DeterministicService"/> (SCV 0) and <see cref="LognormalService"/> (any SCV).
/// </remarks>
public readonly struct ExponentialService : IServiceDistribution
{
    /// <summary>Creates exponential service times with mean <paramref name="mean"/>.</summary>
    /// <param name="mean">The mean service time S; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is NaN, infinite, zero or negative.</exception>
    public ExponentialService(double mean)
    {
        Mean = Guard.PositiveFinite(mean, nameof(mean));
    }

    /// <inheritdoc/>
    public double Mean { get; }

    /// <summary>1: the exponential distribution's standard deviation equals its mean.</summary>
    public double Scv => 1.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextServiceTime(ref Xoshiro256StarStar random) => random.NextExponential(Mean);
}
