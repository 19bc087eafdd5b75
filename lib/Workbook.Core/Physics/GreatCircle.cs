namespace Workbook.Core.Physics;

/// <summary>
/// Great-circle distance on a spherical Earth: the haversine formula.
/// </summary>
/// <remarks>
/// The haversine form stays accurate for short distances, where the law of cosines takes the
/// arc-cosine of a number within rounding of 1 (episode 1, section 2, derives it). The Earth is an
/// ellipsoid: against <see cref="Geodesic.VincentyKm"/> the sphere is off by at most about 0.56 %
/// (short north-south lines at the equator; 0.560 % over 20,000 seeded random pairs in the tests),
/// 0.04-0.30 % for the workbook's city pairs. Use Vincenty to compare with measurements, this to derive
/// on paper. Sources: R. W. Sinnott, "Virtues of the Haversine", Sky and Telescope 68(2), 1984;
/// H. Moritz, "Geodetic Reference System 1980", J. Geodesy 74, 2000 (the mean radius R1).
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
