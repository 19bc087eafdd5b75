namespace Workbook.Core.Tests;

public class GuardTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-1.5, "-1.5")]
    public void NonNegativeFinite_RejectsNaNInfinitiesAndNegatives_NamingTheParameterAndRange(double value, string shown)
    {
        BadInput.Rejects(() => Guard.NonNegativeFinite(value, "distanceKm"), "distanceKm", $"distanceKm must be a finite number >= 0; got {shown}.");
    }

    [Fact]
    public void NonNegativeFinite_AcceptsZeroAndReturnsTheValue()
    {
        Assert.Equal(0.0, Guard.NonNegativeFinite(0.0, "x"));
        Assert.Equal(3.25, Guard.NonNegativeFinite(3.25, "x"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void PositiveFinite_RejectsZeroAndNaN(double value)
    {
        BadInput.Rejects(() => Guard.PositiveFinite(value, "rate"), "rate", "rate must be a finite number > 0");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void UnitIntervalOpenRight_RejectsOneNegativesAndNaN(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.UnitIntervalOpenRight(value, "utilisation"));

        Assert.Contains("utilisation must be a finite number in [0, 1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitIntervalOpenRight_AcceptsZeroAndValuesJustBelowOne()
    {
        Assert.Equal(0.0, Guard.UnitIntervalOpenRight(0.0, "u"));
        Assert.Equal(0.999999, Guard.UnitIntervalOpenRight(0.999999, "u"));
    }

    [Fact]
    public void InRangeExclusiveInclusive_ExcludesTheLowEndAndIncludesTheHighEnd()
    {
        Assert.Equal(1.0, Guard.InRangeExclusiveInclusive(1.0, 0, 1, "v"));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRangeExclusiveInclusive(0.0, 0, 1, "v"));

        Assert.Contains("v must be a finite number in (0, 1]; got 0.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRangeInclusive_IncludesBothEnds()
    {
        Assert.Equal(-90.0, Guard.InRangeInclusive(-90, -90, 90, "lat"));
        Assert.Equal(90.0, Guard.InRangeInclusive(90, -90, 90, "lat"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRangeInclusive(90.0001, -90, 90, "lat"));
    }

    [Fact]
    public void IntegerChecks_StateTheRange()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NonNegative(-1, "hops"));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(0, "bytes"));

        Assert.Contains("hops must be an integer >= 0; got -1.", negative.Message, StringComparison.Ordinal);
        Assert.Contains("bytes must be an integer > 0; got 0.", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotBlank_RejectsNullAndWhiteSpace()
    {
        Assert.Throws<ArgumentNullException>(() => Guard.NotBlank(null!, "name"));
        var ex = Assert.Throws<ArgumentException>(() => Guard.NotBlank("  ", "name"));

        Assert.Equal("name", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(double.NaN, "NaN")]
    public void InRangeExclusive_ExcludesBothEnds(double value, string shown)
    {
        BadInput.Rejects(() => Guard.InRangeExclusive(value, 0, 1, "probability"), "probability", $"probability must be a finite number in (0, 1); got {shown}.");
        Assert.Equal(0.5, Guard.InRangeExclusive(0.5, 0, 1, "probability"));
    }

    [Fact]
    public void AtLeast_StatesTheMinimum()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.AtLeast(0, 1, "servers"));

        Assert.StartsWith("servers must be an integer >= 1; got 0.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, Guard.AtLeast(1, 1, "servers"));
    }
}
