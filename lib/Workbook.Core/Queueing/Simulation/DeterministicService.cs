using System.Runtime.CompilerServices;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// Every customer takes exactly the same time: the "D" in M/D/1.
/// </summary>
/// <remarks>
/// Packets of one size on one link, or a fixed computation per request, are close to deterministic.
/// With Poisson arrivals the mean wait is exactly half of M/M/1's at the same utilisation
/// (Pollaczek–Khinchine with SCV 0 instead of 1).
/// </remarks>
public readonly struct DeterministicService : IServiceDistribution
{
    /// <summary>Creates a service time of exactly <paramref name="mean"/>.</summary>
    /// <param name="mean">The service time S; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is NaN, infinite, zero or negative.</exception>
    public DeterministicService(double mean)
    {
        Mean = Guard.PositiveFinite(mean, nameof(mean));
    }

    /// <inheritdoc/>
    public double Mean { get; }

    /// <summary>0: there is no variation.</summary>
    public double Scv => 0.0;

    /// <summary>Returns <see cref="Mean"/>; the generator is not used.</summary>
    /// <param name="random">Not used.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextServiceTime(ref Xoshiro256StarStar random) => Mean;
}
