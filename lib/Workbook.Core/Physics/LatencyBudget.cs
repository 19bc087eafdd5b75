namespace Workbook.Core.Physics;

/// <summary>
/// Turns a round-trip latency budget into the farthest great-circle distance a route can span.
/// </summary>
/// <remarks>
/// The round trip of <see cref="RouteLatency.Compute"/> is a fixed cost (the routers) plus
/// 2 × stretch × distance / speed, so the farthest distance is
/// D_max = (budget − fixed round trip) / 2 × speed / stretch (episode 1, section 6). This is the
/// question behind "how many regions do we need?".
/// </remarks>
public static class LatencyBudget
{
    /// <summary>
    /// The part of the round trip that does not depend on distance: 2 × hops × (processing +
    /// serialization + queueing), in milliseconds.
    /// </summary>
    /// <param name="options">The route.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static double FixedRoundTripMs(RouteOptions options) => RouteLatency.FixedRoundTripMs(options);

    /// <summary>
    /// The largest great-circle distance, in kilometres, whose round trip over a route described by
    /// <paramref name="options"/> fits within <paramref name="roundTripBudgetMs"/>.
    /// </summary>
    /// <param name="roundTripBudgetMs">
    /// The round-trip budget in milliseconds; a finite number &gt;= <see cref="FixedRoundTripMs"/>,
    /// since the routers' cost is paid even at distance 0.
    /// </param>
    /// <param name="options">The route; the number of hops is held fixed.</param>
    /// <returns>The farthest reachable great-circle distance in kilometres.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="roundTripBudgetMs"/> is NaN, infinite, or smaller than the fixed cost of the routers.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static double MaxGreatCircleKm(double roundTripBudgetMs, RouteOptions options)
    {
        Guard.Finite(roundTripBudgetMs, nameof(roundTripBudgetMs));
        double fixedRoundTripMs = FixedRoundTripMs(options);
        if (roundTripBudgetMs < fixedRoundTripMs)
        {
            throw new ArgumentOutOfRangeException(
                nameof(roundTripBudgetMs),
                $"roundTripBudgetMs must be a finite number >= {Guard.Format(fixedRoundTripMs)}, the round trip " +
                $"through {options.Hops} hops at distance 0; got {Guard.Format(roundTripBudgetMs)}.");
        }

        double pathKm = Propagation.MaxOneWayDistanceKm(roundTripBudgetMs - fixedRoundTripMs, options.Medium);
        return pathKm / options.RouteStretch;
    }
}
