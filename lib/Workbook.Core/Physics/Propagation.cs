namespace Workbook.Core.Physics;

/// <summary>
/// Pure propagation delay: how long a signal takes to cross a distance in a medium, and nothing else.
/// </summary>
/// <remarks>
/// Distance divided by speed: a floor no engineering beats for a given path and medium. Routers,
/// queues and protocols only add to it (<see cref="RouteLatency"/>); only a shorter path or a faster
/// medium lowers it. A round trip here is one symmetric path crossed twice.
/// </remarks>
public static class Propagation
{
    /// <summary>One-way propagation delay in milliseconds over <paramref name="distanceKm"/> of <paramref name="medium"/>.</summary>
    /// <param name="distanceKm">Path length in kilometres; a finite number &gt;= 0.</param>
    /// <param name="medium">The medium the signal travels through.</param>
    /// <returns>distanceKm / speed, in milliseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distanceKm"/> is NaN, infinite or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="medium"/> is null.</exception>
    public static double OneWayDelayMs(double distanceKm, Medium medium)
    {
        Guard.NonNegativeFinite(distanceKm, nameof(distanceKm));
        ArgumentNullException.ThrowIfNull(medium);
        return distanceKm / medium.SpeedKmPerSecond * 1000.0;
    }

    /// <summary>
    /// Round-trip propagation delay in milliseconds: there and back over the same path, so twice
    /// <see cref="OneWayDelayMs"/>.
    /// </summary>
    /// <param name="distanceKm">One-way path length in kilometres; a finite number &gt;= 0.</param>
    /// <param name="medium">The medium the signal travels through.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distanceKm"/> is NaN, infinite or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="medium"/> is null.</exception>
    public static double RoundTripMs(double distanceKm, Medium medium) => 2.0 * OneWayDelayMs(distanceKm, medium);

    /// <summary>
    /// The farthest point, in kilometres of path, that a request can reach and come back from within
    /// <paramref name="roundTripBudgetMs"/>, counting propagation only.
    /// </summary>
    /// <param name="roundTripBudgetMs">The round-trip budget in milliseconds; a finite number &gt;= 0.</param>
    /// <param name="medium">The medium the signal travels through.</param>
    /// <returns>(budget / 2) × speed, in kilometres. Any real route reaches less far.</returns>
    /// <remarks>
    /// A 10 ms round trip in standard fiber reaches at most about 1,020 km: that is why a
    /// "single-digit-millisecond" service needs servers within roughly 1,000 km of its users.
    /// <see cref="LatencyBudget.MaxGreatCircleKm"/> answers the same question for a route with
    /// detours and router hops.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="roundTripBudgetMs"/> is NaN, infinite or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="medium"/> is null.</exception>
    public static double MaxOneWayDistanceKm(double roundTripBudgetMs, Medium medium)
    {
        Guard.NonNegativeFinite(roundTripBudgetMs, nameof(roundTripBudgetMs));
        ArgumentNullException.ThrowIfNull(medium);
        return roundTripBudgetMs / 2.0 / 1000.0 * medium.SpeedKmPerSecond;
    }
}
