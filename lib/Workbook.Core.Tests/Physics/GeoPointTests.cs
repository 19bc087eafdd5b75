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
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(latitude, 0));

        Assert.Equal(nameof(GeoPoint.LatitudeDegrees), ex.ParamName);
        Assert.Contains("LatitudeDegrees must be a finite number in [-90, 90]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180.5)]
    [InlineData(-181.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void RejectsLongitudeOutsideMinus180To180(double longitude)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(0, longitude));

        Assert.Equal(nameof(GeoPoint.LongitudeDegrees), ex.ParamName);
        Assert.Contains("LongitudeDegrees must be a finite number in [-180, 180]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithExpression_IsValidatedToo()
    {
        var london = new GeoPoint(51.5072, -0.1275);

        Assert.Throws<ArgumentOutOfRangeException>(() => london with { LatitudeDegrees = 100 });
    }

    [Fact]
    public void EqualityIsByValue()
    {
        Assert.Equal(new GeoPoint(1, 2), new GeoPoint(1, 2));
    }
}
