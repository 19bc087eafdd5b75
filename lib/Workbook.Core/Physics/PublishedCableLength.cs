namespace Workbook.Core.Physics;

/// <summary>
/// The published length of a submarine cable between its two landing points: one row of
/// <c>data/latency/cable-lengths.csv</c>.
/// </summary>
/// <param name="Cable">The cable's name, e.g. "Hibernia Express = EXA Express".</param>
/// <param name="From">One landing point.</param>
/// <param name="To">The other landing point.</param>
/// <param name="LengthKm">The published cable length in kilometres.</param>
/// <param name="Source">Where the length is published.</param>
/// <remarks>
/// A cable's length, not its endpoints' distance, is what light must cross. With it, the shortest
/// path between two cities that uses the cable is the cable plus straight land legs to its landing
/// points (<see cref="ShortestPathKm"/>): a floor for that route which does not come from the
/// measured round trip itself.
/// </remarks>
public sealed record PublishedCableLength(string Cable, City From, City To, double LengthKm, string Source)
{
    /// <summary>
    /// The shortest path from <paramref name="start"/> to <paramref name="end"/> through this cable, in
    /// kilometres: the geodesic from <paramref name="start"/> to <see cref="From"/>, the cable, and the
    /// geodesic from <see cref="To"/> to <paramref name="end"/>. Any real route through the cable is at
    /// least this long.
    /// </summary>
    /// <param name="start">Where the route starts, on the <see cref="From"/> side.</param>
    /// <param name="end">Where the route ends, on the <see cref="To"/> side.</param>
    /// <exception cref="ArgumentNullException">A city is null.</exception>
    public double ShortestPathKm(City start, City end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        return Geodesic.VincentyKm(start.Location, From.Location) + LengthKm + Geodesic.VincentyKm(To.Location, end.Location);
    }
}
