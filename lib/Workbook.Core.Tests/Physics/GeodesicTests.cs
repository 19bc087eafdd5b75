using Workbook.Core.Physics;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Physics;

public class GeodesicTests
{
    /// <summary>Degrees, minutes, seconds to decimal degrees; the sign applies to the whole angle.</summary>
    private static double Dms(int sign, int degrees, int minutes, double seconds) =>
        sign * (degrees + minutes / 60.0 + seconds / 3600.0);

    [Fact]
    public void FlindersPeakToBuninyong_Matches54972Point271Metres_To1Mm()
    {
        // The worked example for Vincenty's inverse formula in the Geocentric Datum of Australia
        // technical manual (Geoscience Australia). It is computed on GRS80, whose flattening differs
        // from WGS84's by 1.6e-11 relative: far below a millimetre on a 55 km line.
        var flindersPeak = new GeoPoint(Dms(-1, 37, 57, 3.72030), Dms(1, 144, 25, 29.52440));
        var buninyong = new GeoPoint(Dms(-1, 37, 39, 10.15610), Dms(1, 143, 55, 35.38390));

        double metres = Geodesic.VincentyKm(flindersPeak, buninyong) * 1000.0;

        Assert.Equal(54_972.271, metres, 0.001);
    }

    public static TheoryData<string, double, double, double, double, double, double> VincentysPublishedLines => new()
    {
        // T. Vincenty, Survey Review 23(176), 1975, table of test lines: ellipsoid a, 1/f, φ1, φ2, L, s.
        { "(a) Bessel", 6_377_397.155, 299.1528128, Dms(1, 55, 45, 0), Dms(-1, 33, 26, 0), Dms(1, 108, 13, 0), 14_110_526.170 },
        { "(b) International", 6_378_388.0, 297.0, Dms(1, 37, 19, 54.95367), Dms(1, 26, 7, 42.83946), Dms(1, 41, 28, 35.50729), 4_085_966.703 },
        { "(c) International", 6_378_388.0, 297.0, Dms(1, 35, 16, 11.24862), Dms(1, 67, 22, 14.77638), Dms(1, 137, 47, 28.31435), 8_084_823.839 },
        { "(d) International", 6_378_388.0, 297.0, Dms(1, 1, 0, 0), Dms(-1, 0, 59, 53.83076), Dms(1, 179, 17, 48.02997), 19_960_000.000 },
        { "(e) International", 6_378_388.0, 297.0, Dms(1, 1, 0, 0), Dms(1, 1, 1, 15.18952), Dms(1, 179, 46, 17.84244), 19_780_006.558 },
    };

    [Theory]
    [MemberData(nameof(VincentysPublishedLines))]
    public void VincentysOwnTestLines_AreReproducedTo1Mm(
        string line, double semiMajorAxisMeters, double inverseFlattening,
        double latitudeA, double latitudeB, double longitudeDifference, double expectedMeters)
    {
        double metres = Geodesic.VincentyMeters(
            latitudeA, 0.0, latitudeB, longitudeDifference, semiMajorAxisMeters, 1.0 / inverseFlattening);

        Assert.True(Math.Abs(metres - expectedMeters) <= 0.001, $"line {line}: got {metres:F4} m, expected {expectedMeters:F3} m");
    }

    [Fact]
    public void CoincidentPoints_AreZeroApart()
    {
        var london = new GeoPoint(51.5072, -0.1275);

        Assert.Equal(0.0, Geodesic.VincentyKm(london, london));
    }

    [Fact]
    public void ThePoleWrittenWithTwoLongitudes_IsOnePoint()
    {
        Assert.Equal(0.0, Geodesic.VincentyKm(new GeoPoint(90, 0), new GeoPoint(90, 123)), 1e-9);
    }

    [Fact]
    public void LongitudesPlusAndMinus180_AreTheSameMeridian()
    {
        Assert.Equal(0.0, Geodesic.VincentyKm(new GeoPoint(10, 180), new GeoPoint(10, -180)), 1e-9);
    }

    [Fact]
    public void QuarterOfTheEquator_IsAQuarterOfTheEquatorialCircumference()
    {
        // Along the equator the geodesic is the equator itself: a circle of radius a.
        double expectedKm = Math.PI / 2.0 * Geodesic.Wgs84SemiMajorAxisMeters / 1000.0;

        Assert.Equal(expectedKm, Geodesic.VincentyKm(new GeoPoint(0, 0), new GeoPoint(0, 90)), 1e-6);
    }

    [Fact]
    public void Distance_IsSymmetric_OverSeededRandomPairs()
    {
        var random = new Xoshiro256StarStar(20_240_501);
        for (int i = 0; i < 2000; i++)
        {
            var a = RandomPoints.Uniform(ref random);
            var b = RandomPoints.Uniform(ref random);
            if (GreatCircle.HaversineKm(a, b) > 19_000)
            {
                continue; // nearly antipodal: see the convergence test below
            }

            Assert.Equal(Geodesic.VincentyKm(a, b), Geodesic.VincentyKm(b, a), 1e-9);
        }
    }

    [Fact]
    public void NearlyAntipodalPoints_ThrowArgumentExceptionWithAClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => Geodesic.VincentyKm(new GeoPoint(0, 0), new GeoPoint(0.5, 179.7)));

        Assert.Contains("did not converge", ex.Message, StringComparison.Ordinal);
        Assert.Contains("antipodal", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExactlyAntipodalPointsOnTheEquator_Throw_RatherThanReturnTheLongWayRound()
    {
        Assert.Throws<ArgumentException>(() => Geodesic.VincentyKm(new GeoPoint(0, 0), new GeoPoint(0, 180)));
    }

    [Fact]
    public void PublishedGeodesicsComputedByOtherMethods_AreReproducedTo1Mm()
    {
        // data/latency/geodesic-test-lines.csv: GeographicLib's 20 WGS84 test geodesics (Karney's
        // algorithm, an independent method) from 2,300 km to 17,300 km, and Geoscience Australia's
        // 55 km worked example. Vincenty's iteration must agree with each to a millimetre.
        foreach (var line in LatencyData.GeodesicTestLines)
        {
            double metres = Geodesic.VincentyKm(line.From, line.To) * 1000.0;

            Assert.True(Math.Abs(metres - line.DistanceMeters) <= 0.001, $"{line.Name}: got {metres:F4} m, published {line.DistanceMeters:F4} m");
        }
    }
}
