namespace Workbook.Core.Physics;

/// <summary>
/// Great-circle distance on a spherical Earth: the haversine formula.
/// </summary>
/// <remarks>
/// <para>
/// <b>What it computes.</b> The length of the shortest path between two points on a sphere of
/// radius <see cref="MeanEarthRadiusKm"/>. The haversine form,
/// d = 2R·atan2(√h, √(1 − h)) with h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2),
/// stays accurate for very short distances, where the textbook law of cosines,
/// d = R·acos(sin φ₁ sin φ₂ + cos φ₁ cos φ₂ cos Δλ), takes the arc-cosine of a number within
/// rounding error of 1 and loses most of its digits.
/// </para>
/// <para>
/// <b>How wrong the sphere is.</b> The Earth is an ellipsoid, flatter at the poles. The sphere's
/// single radius is too large for north-south lines near the equator (where the meridian radius
/// of curvature is only 6,335 km) and too small near the poles (6,400 km). Compared with
/// <see cref="Geodesic.VincentyKm"/> on WGS84, the haversine distance is off by at most about
/// 0.56 % (short north-south lines at the equator read too long: R / a(1 − e²) − 1 = 0.561 %) and
/// by up to about 0.45 % the other way near the poles. Measured in the tests: over 20,000 seeded
/// random point pairs between 1 km and 19,000 km apart the largest relative error was 0.560 %;
/// for the workbook's city pairs it is 0.04-0.30 % (New York-London reads 5,570 km instead of
/// 5,585 km). Fifteen kilometres is less than any cable's detour, but it is 0.15 ms of fiber round
/// trip, enough to matter when a measured round trip is compared with the physical limit. Use <see cref="Geodesic.VincentyKm"/>
/// when you compare with measurements; use this when you want a formula you can derive on paper.
/// </para>
/// <para>
/// Sources: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984;
/// H. Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74, 2000 (the mean radius R1).
/// </para>
/// </remarks>
public static class GreatCircle
{
    /// <summary>
    /// The IUGG mean Earth radius R1 = (2a + b) / 3 of the GRS80/WGS84 ellipsoid, in kilometres.
    /// </summary>
    public const double MeanEarthRadiusKm = 6371.0088;

    /// <summary>
    /// Great-circle distance in kilometres between two points on a sphere of radius
    /// <see cref="MeanEarthRadiusKm"/>, by the haversine formula.
    /// </summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point.</param>
    /// <returns>The distance in kilometres, between 0 and π × R (about 20,015 km).</returns>
    public static double HaversineKm(GeoPoint a, GeoPoint b)
    {
        double latitudeA = DegreesToRadians(a.LatitudeDegrees);
        double latitudeB = DegreesToRadians(b.LatitudeDegrees);
        double halfDeltaLatitude = (latitudeB - latitudeA) / 2.0;
        double halfDeltaLongitude = DegreesToRadians(b.LongitudeDegrees - a.LongitudeDegrees) / 2.0;

        double h = Square(Math.Sin(halfDeltaLatitude))
                   + Math.Cos(latitudeA) * Math.Cos(latitudeB) * Square(Math.Sin(halfDeltaLongitude));

        // Implementation note: rounding can push h a hair outside [0, 1] for antipodal points;
        // clamping keeps the square roots real. atan2 is accurate at both ends of the range,
        // where asin(√h) would lose digits near h = 1.
        h = Math.Clamp(h, 0.0, 1.0);
        double centralAngleRadians = 2.0 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1.0 - h));
        return MeanEarthRadiusKm * centralAngleRadians;
    }

    internal static double DegreesToRadians(double degrees) => degrees * (Math.PI / 180.0);

    private static double Square(double x) => x * x;
}
