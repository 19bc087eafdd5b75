namespace Workbook.Core.Physics;

/// <summary>
/// A published WGS84 geodesic distance between two cities: one row of
/// <c>data/latency/reference-distances.csv</c>.
/// </summary>
/// <param name="From">One end.</param>
/// <param name="To">The other end.</param>
/// <param name="DistanceKm">The published distance in kilometres, rounded to 1 km.</param>
/// <param name="Source">Where the distance comes from.</param>
/// <remarks>
/// Used to check <see cref="Geodesic.VincentyKm"/> on the workbook's own cities. Agreement is
/// expected to about 0.1 %, not to the metre: the published figures were computed from city-centre
/// points that may differ from ours by a few hundred metres, and are rounded to 1 km.
/// </remarks>
public sealed record ReferenceDistance(City From, City To, double DistanceKm, string Source)
{
    private readonly double distanceKm = Guard.NonNegativeFinite(DistanceKm, nameof(DistanceKm));

    /// <summary>The published distance in kilometres; a finite number &gt;= 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity or a negative value.</exception>
    public double DistanceKm
    {
        get => distanceKm;
        init => distanceKm = Guard.NonNegativeFinite(value, nameof(DistanceKm));
    }
}
