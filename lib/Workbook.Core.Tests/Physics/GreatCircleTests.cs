using Workbook.Core.Physics;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Physics;

public class GreatCircleTests(ITestOutputHelper output)
{
    private const double R = GreatCircle.MeanEarthRadiusKm;

    [Fact]
    public void MeanRadius_IsTheIuggR1OfWgs84()
    {
        // R1 = (2a + b) / 3 with b = a(1 − f).
        double a = Geodesic.Wgs84SemiMajorAxisMeters / 1000.0;
        double b = a * (1.0 - Geodesic.Wgs84Flattening);

        Assert.Equal(R, (2.0 * a + b) / 3.0, 4);
    }

    [Theory]
    [InlineData(0, 0, 0, 90, 0.5)]      // a quarter of the equator
    [InlineData(0, 0, 90, 0, 0.5)]      // equator to pole
    [InlineData(0, 0, 0, 180, 1.0)]     // antipodal on the equator
    [InlineData(45, 10, -45, -170, 1.0)] // antipodal elsewhere
    [InlineData(10, 20, 10, 20, 0.0)]
    public void KnownArcs_AreTheRightFractionOfPiR(double latA, double lonA, double latB, double lonB, double fractionOfPi)
    {
        double km = GreatCircle.HaversineKm(new GeoPoint(latA, lonA), new GeoPoint(latB, lonB));

        Assert.Equal(fractionOfPi * Math.PI * R, km, 1e-6);
    }

    [Fact]
    public void ShortDistances_KeepTheirDigits()
    {
        // 1e-6 degrees of longitude along the equator is 2πR / 360e6 km ≈ 11 cm; the law of
        // cosines would return 0 or noise here.
        double expectedKm = 1e-6 * Math.PI / 180.0 * R;

        double km = GreatCircle.HaversineKm(new GeoPoint(0, 0), new GeoPoint(0, 1e-6));

        Assert.Equal(expectedKm, km, expectedKm * 1e-9);
    }

    [Fact]
    public void HaversineVersusVincenty_RelativeErrorBelow0Point6Percent_OverSeededRandomPairs()
    {
        var random = new Xoshiro256StarStar(12_345);
        double maxRelativeError = 0;
        int pairs = 0;
        while (pairs < 20_000)
        {
            var a = RandomPoints.Uniform(ref random);
            var b = RandomPoints.Uniform(ref random);
            double haversine = GreatCircle.HaversineKm(a, b);
            if (haversine < 1.0 || haversine > 19_000)
            {
                continue; // Vincenty does not converge for nearly antipodal points
            }

            double vincenty = Geodesic.VincentyKm(a, b);
            maxRelativeError = Math.Max(maxRelativeError, Math.Abs(haversine - vincenty) / vincenty);
            pairs++;
        }

        output.WriteLine($"max relative error over {pairs} pairs: {maxRelativeError:P4}");
        Assert.True(maxRelativeError < 0.006, $"max relative error {maxRelativeError:P4}");
    }

    [Fact]
    public void WorstCase_ShortNorthSouthLineAtTheEquator_IsAbout0Point56PercentTooLong()
    {
        // Independent prediction: for a short meridian arc at the equator the ellipsoid's radius of
        // curvature is M = a(1 − e²), e² = f(2 − f); the sphere uses R instead, so the ratio is R / M.
        double a = Geodesic.Wgs84SemiMajorAxisMeters / 1000.0;
        double f = Geodesic.Wgs84Flattening;
        double meridianRadiusAtEquatorKm = a * (1.0 - f * (2.0 - f));
        double expectedRelativeError = R / meridianRadiusAtEquatorKm - 1.0;

        var south = new GeoPoint(-0.005, 30);
        var north = new GeoPoint(0.005, 30);
        double relativeError = GreatCircle.HaversineKm(south, north) / Geodesic.VincentyKm(south, north) - 1.0;

        output.WriteLine($"equatorial north-south relative error: {relativeError:P4} (predicted {expectedRelativeError:P4})");
        Assert.Equal(expectedRelativeError, relativeError, 1e-6);
        Assert.InRange(relativeError, 0.0055, 0.0057);
    }

    [Fact]
    public void CityPairs_HaversineIsWithin0Point3PercentOfVincenty()
    {
        foreach (var reference in LatencyData.ReferenceDistances)
        {
            double haversine = GreatCircle.HaversineKm(reference.From.Location, reference.To.Location);
            double vincenty = Geodesic.VincentyKm(reference.From.Location, reference.To.Location);
            double relativeError = (haversine - vincenty) / vincenty;
            output.WriteLine($"{reference.From.Name}-{reference.To.Name}: haversine {haversine:F1} km, Vincenty {vincenty:F1} km, {relativeError:P3}");

            Assert.InRange(Math.Abs(relativeError), 0.0, 0.003);
        }
    }
}
