namespace Workbook.Core.Physics;

/// <summary>
/// Distance on the WGS84 ellipsoid by Vincenty's inverse formula: the distance a surveyor, or a
/// cable planner, means by "great-circle distance".
/// </summary>
/// <remarks>
/// GPS coordinates are defined on the WGS84 ellipsoid, so distances between them are computed on it;
/// the spherical <see cref="GreatCircle.HaversineKm"/> is up to about 0.56 % off. Vincenty iterates on
/// an auxiliary sphere of reduced latitudes and converts the arc back with a series; the tests
/// reproduce his published lines and GeographicLib's to 1 mm. Nearly antipodal points make the
/// iteration fail, and this method throws rather than return a wrong number (use Karney's algorithm,
/// J. Geodesy 87, 2013). Source: T. Vincenty, Survey Review 23(176), 1975, pp. 88-93; WGS84
/// parameters from NIMA TR8350.2.
/// </remarks>
public static class Geodesic
{
    /// <summary>The WGS84 semi-major (equatorial) axis a, in metres (defining constant).</summary>
    public const double Wgs84SemiMajorAxisMeters = 6_378_137.0;

    /// <summary>The WGS84 flattening f = (a − b) / a = 1 / 298.257223563 (defining constant).</summary>
    public const double Wgs84Flattening = 1.0 / 298.257223563;

    /// <summary>The iteration stops when λ changes by less than this many radians (about 6 µm on the ground).</summary>
    internal const double ConvergenceToleranceRadians = 1e-12;

    /// <summary>An upper bound on iterations; well-behaved lines need fewer than ten.</summary>
    internal const int MaxIterations = 1000;

    /// <summary>
    /// The geodesic (shortest) distance in kilometres between two points on the WGS84 ellipsoid,
    /// by Vincenty's inverse formula.
    /// </summary>
    /// <param name="a">The first point.</param>
    /// <param name="b">The second point.</param>
    /// <returns>The distance in kilometres; 0 for coincident points.</returns>
    /// <exception cref="ArgumentException">
    /// The iteration did not converge because the points are nearly antipodal.
    /// </exception>
    public static double VincentyKm(GeoPoint a, GeoPoint b) =>
        VincentyMeters(
            a.LatitudeDegrees, a.LongitudeDegrees, b.LatitudeDegrees, b.LongitudeDegrees,
            Wgs84SemiMajorAxisMeters, Wgs84Flattening) / 1000.0;

    /// <summary>
    /// Vincenty's inverse formula on any ellipsoid, in metres. Kept internal so the tests can run
    /// Vincenty's own published lines, which use other ellipsoids (Bessel, International).
    /// </summary>
    internal static double VincentyMeters(
        double latitudeADegrees,
        double longitudeADegrees,
        double latitudeBDegrees,
        double longitudeBDegrees,
        double semiMajorAxisMeters,
        double flattening)
    {
        if (latitudeADegrees == latitudeBDegrees && longitudeADegrees == longitudeBDegrees)
        {
            return 0.0;
        }

        double a = semiMajorAxisMeters;
        double f = flattening;
        double b = a * (1.0 - f);

        // Longitude difference L, brought into (-π, π] so the shorter way round is taken.
        double longitudeDifference = Math.IEEERemainder(
            GreatCircle.DegreesToRadians(longitudeBDegrees - longitudeADegrees), 2.0 * Math.PI);

        // Reduced latitudes U on the auxiliary sphere.
        double reducedLatitudeA = Math.Atan((1.0 - f) * Math.Tan(GreatCircle.DegreesToRadians(latitudeADegrees)));
        double reducedLatitudeB = Math.Atan((1.0 - f) * Math.Tan(GreatCircle.DegreesToRadians(latitudeBDegrees)));
        double sinUA = Math.Sin(reducedLatitudeA), cosUA = Math.Cos(reducedLatitudeA);
        double sinUB = Math.Sin(reducedLatitudeB), cosUB = Math.Cos(reducedLatitudeB);

        double lambda = longitudeDifference;
        double sinSigma, cosSigma, sigma, cosSquaredAlpha, cos2SigmaM;
        int iteration = 0;
        while (true)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            double crossTerm = cosUA * sinUB - sinUA * cosUB * cosLambda;
            sinSigma = Math.Sqrt(Square(cosUB * sinLambda) + Square(crossTerm));
            cosSigma = sinUA * sinUB + cosUA * cosUB * cosLambda;

            if (sinSigma == 0.0)
            {
                // σ is 0 (the same point, e.g. a pole written with two longitudes) or π (exactly
                // antipodal, where the geodesic is not unique and the iteration cannot proceed).
                if (cosSigma > 0.0)
                {
                    return 0.0;
                }

                throw NotConverged(latitudeADegrees, longitudeADegrees, latitudeBDegrees, longitudeBDegrees);
            }

            sigma = Math.Atan2(sinSigma, cosSigma);
            double sinAlpha = cosUA * cosUB * sinLambda / sinSigma;
            cosSquaredAlpha = 1.0 - sinAlpha * sinAlpha;

            // Implementation note: on an equatorial line cos²α = 0 and the formula below would
            // divide by zero; the limit of cos 2σm there is irrelevant because C = 0, so use 0.
            cos2SigmaM = cosSquaredAlpha != 0.0 ? cosSigma - 2.0 * sinUA * sinUB / cosSquaredAlpha : 0.0;

            double c = f / 16.0 * cosSquaredAlpha * (4.0 + f * (4.0 - 3.0 * cosSquaredAlpha));
            double previousLambda = lambda;
            lambda = longitudeDifference + (1.0 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)));

            iteration++;
            if (Math.Abs(lambda - previousLambda) < ConvergenceToleranceRadians)
            {
                break;
            }

            if (iteration >= MaxIterations || Math.Abs(lambda) > Math.PI)
            {
                throw NotConverged(latitudeADegrees, longitudeADegrees, latitudeBDegrees, longitudeBDegrees);
            }
        }

        double uSquared = cosSquaredAlpha * (a * a - b * b) / (b * b);
        double seriesA = 1.0 + uSquared / 16384.0 * (4096.0 + uSquared * (-768.0 + uSquared * (320.0 - 175.0 * uSquared)));
        double seriesB = uSquared / 1024.0 * (256.0 + uSquared * (-128.0 + uSquared * (74.0 - 47.0 * uSquared)));
        double deltaSigma = seriesB * sinSigma * (cos2SigmaM + seriesB / 4.0
            * (cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)
               - seriesB / 6.0 * cos2SigmaM * (-3.0 + 4.0 * sinSigma * sinSigma) * (-3.0 + 4.0 * cos2SigmaM * cos2SigmaM)));

        return b * seriesA * (sigma - deltaSigma);
    }

    private static ArgumentException NotConverged(double latA, double lonA, double latB, double lonB) =>
        new($"Vincenty's inverse formula did not converge between ({Guard.Format(latA)}, {Guard.Format(lonA)}) " +
            $"and ({Guard.Format(latB)}, {Guard.Format(lonB)}): the points are nearly antipodal, where the " +
            "iteration fails. Use Karney's algorithm for such points, or the spherical GreatCircle.HaversineKm " +
            "if 0.5 % accuracy is enough.");

    private static double Square(double x) => x * x;
}
