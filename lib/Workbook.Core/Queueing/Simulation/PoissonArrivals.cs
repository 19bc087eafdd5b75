using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Poisson arrivals: independent, exponentially distributed gaps with mean 1 / λ. The "M" in M/M/c.
/// </summary>
/// <remarks>
/// A Poisson stream is what many independent, individually rare sources add up to (the
/// Palm–Khintchine theorem), which is why it models requests from a large population of users well.
/// Its gaps have SCV 1, and it is memoryless: however long since the last arrival, the wait for the
/// next one has the same distribution. Contrast <see cref="DeterministicArrivals"/> (SCV 0),
/// <see cref="HyperexponentialArrivals"/> (independent bursty gaps, SCV &gt; 1) and
/// <see cref="MarkovModulatedPoissonArrivals"/> (bursts that last: correlated gaps).
/// </remarks>
public readonly struct PoissonArrivals : IArrivalProcess
{
    private readonly double meanGap;

    /// <summary>Creates Poisson arrivals at <paramref name="rate"/> per unit of time.</summary>
    /// <param name="rate">λ, arrivals per unit of time; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is NaN, infinite, zero or negative.</exception>
    public PoissonArrivals(double rate)
    {
        Rate = Guard.PositiveFinite(rate, nameof(rate));
        meanGap = 1.0 / rate;
    }

    /// <inheritdoc/>
    public double Rate { get; }

    /// <summary>1: the exponential distribution's standard deviation equals its mean.</summary>
    public double InterarrivalScv => 1.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextInterarrivalTime(ref Xoshiro256StarStar random) => random.NextExponential(meanGap);
}
