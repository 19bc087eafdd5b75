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
/// Vincenty's formula on the workbook's own city points reproduces every row after rounding to 1 km
/// (all residues are below 0.5 km): the table and <c>cities.csv</c> describe the same points. That
/// checks the data, not the method; <see cref="LatencyData.GeodesicTestLines"/> is the independent
/// check of <see cref="Geodesic.VincentyKm"/>.
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
