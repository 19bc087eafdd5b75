using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Arrivals like clockwork: exactly 1 / λ apart. The "D" in D/M/1 or D/D/1.
/// </summary>
/// <remarks>
/// Periodic traffic (a sensor sampling at a fixed rate, a paced sender, a batch job on a timer) has
/// no variability at all, SCV 0. With deterministic service too and a utilisation below 1, nobody
/// ever waits: queueing delay comes from variability, not from utilisation alone.
/// </remarks>
public readonly struct DeterministicArrivals : IArrivalProcess
{
    private readonly double gap;

    /// <summary>Creates arrivals every 1 / <paramref name="rate"/> units of time.</summary>
    /// <param name="rate">λ, arrivals per unit of time; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is NaN, infinite, zero or negative.</exception>
    public DeterministicArrivals(double rate)
    {
        Rate = Guard.PositiveFinite(rate, nameof(rate));
        gap = 1.0 / rate;
    }

    /// <inheritdoc/>
    public double Rate { get; }

    /// <summary>0: every gap equals the mean.</summary>
    public double InterarrivalScv => 0.0;

    /// <summary>Returns 1 / λ; the generator is not used.</summary>
    /// <param name="random">Not used.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextInterarrivalTime(ref Xoshiro256StarStar random) => gap;
}
