using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class GeoPointTests
{
    [Theory]
    [InlineData(90.0, 180.0)]
    [InlineData(-90.0, -180.0)]
    [InlineData(0.0, 0.0)]
    public void AcceptsTheEndsOfBothRanges(double latitude, double longitude)
    {
        var point = new GeoPoint(latitude, longitude);

        Assert.Equal(latitude, point.LatitudeDegrees);
        Assert.Equal(longitude, point.LongitudeDegrees);
    }

    [Theory]
    [InlineData(90.5)]
    [InlineData(-91.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsLatitudeOutsideMinus90To90(double latitude)
    {
        BadInput.Rejects(() => new GeoPoint(latitude, 0), nameof(GeoPoint.LatitudeDegrees), "LatitudeDegrees must be a finite number in [-90, 90]");
    }

    [Theory]
    [InlineData(180.5)]
    [InlineData(-181.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void RejectsLongitudeOutsideMinus180To180(double longitude)
    {
        BadInput.Rejects(() => new GeoPoint(0, longitude), nameof(GeoPoint.LongitudeDegrees), "LongitudeDegrees must be a finite number in [-180, 180]");
    }

    [Fact]
    public void WithExpression_IsValidatedToo()
    {
        var london = new GeoPoint(51.5072, -0.1275);

        BadInput.Rejects(() => _ = london with { LatitudeDegrees = 100 }, "LatitudeDegrees", "in [-90, 90]");
    }

    [Fact]
    public void EqualityIsByValue()
    {
        Assert.Equal(new GeoPoint(1, 2), new GeoPoint(1, 2));
    }
}
