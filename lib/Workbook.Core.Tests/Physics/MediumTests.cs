using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class MediumTests
{
    [Fact]
    public void SpeedOfLight_IsTheSiDefinedValue()
    {
        Assert.Equal(299_792_458.0, PhysicalConstants.SpeedOfLightMetersPerSecond);
    }

    [Fact]
    public void StandardFiber_UsesTheSmf28GroupIndex()
    {
        // Group index n = c / v, so n = 1 / velocity factor.
        Assert.Equal(1.4682, 1.0 / Medium.StandardFiber.VelocityFactor, 12);
    }

    [Fact]
    public void StandardFiber_DelayIsAbout4Point90MicrosecondsPerKm()
    {
        // Independent: delay per km = n / c = 1.4682 / 299,792.458 km/s, computed in decimal.
        decimal expectedMicroseconds = 1.4682m / 299_792.458m * 1_000_000m;

        Assert.Equal((double)expectedMicroseconds, Medium.StandardFiber.DelayMicrosecondsPerKm, 9);
        Assert.Equal(4.90, Medium.StandardFiber.DelayMicrosecondsPerKm, 2);
    }

    [Fact]
    public void Vacuum_MovesAtExactlyC()
    {
        Assert.Equal(1.0, Medium.Vacuum.VelocityFactor);
        Assert.Equal(299_792.458, Medium.Vacuum.SpeedKmPerSecond, 9);
    }

    [Fact]
    public void MicrowaveAir_IsSlowerThanVacuumButFasterThanEveryFiber()
    {
        Assert.Equal(0.9997, Medium.MicrowaveAir.VelocityFactor, 4);
        Assert.True(Medium.MicrowaveAir.VelocityFactor < Medium.Vacuum.VelocityFactor);
        Assert.True(Medium.MicrowaveAir.VelocityFactor > Medium.HollowCoreFiber.VelocityFactor);
    }

    [Fact]
    public void All_ListsEveryMediumFastestFirst_EachWithASource()
    {
        Assert.Equal(
            [Medium.Vacuum, Medium.MicrowaveAir, Medium.HollowCoreFiber, Medium.StandardFiber, Medium.CopperTwistedPair],
            Medium.All);
        Assert.All(Medium.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Source)));
        for (int i = 1; i < Medium.All.Count; i++)
        {
            Assert.True(Medium.All[i - 1].VelocityFactor > Medium.All[i].VelocityFactor);
        }
    }

    [Fact]
    public void CopperTwistedPair_IsWithinTheDatasheetRange()
    {
        Assert.InRange(Medium.CopperTwistedPair.VelocityFactor, 0.64, 0.70);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RejectsVelocityFactorOutsideZeroToOne(double velocityFactor)
    {
        BadInput.Rejects(() => new Medium("x", velocityFactor, "s"), nameof(Medium.VelocityFactor), "must be a finite number in (0, 1]");
    }

    [Fact]
    public void WithExpression_IsValidatedToo()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Medium.StandardFiber with { VelocityFactor = 1.5 });

        Assert.Equal(nameof(Medium.VelocityFactor), ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void FromVelocityFactor_RejectsValuesOutsideZeroToOne_NamingItsParameter(double velocityFactor)
    {
        BadInput.Rejects(() => Medium.FromVelocityFactor("x", velocityFactor, "s"), "velocityFactor", "velocityFactor must be a finite number in (0, 1]");
    }

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromGroupIndex_RejectsIndicesBelowOneAndNonFinite(double groupIndex)
    {
        BadInput.Rejects(() => Medium.FromGroupIndex("x", groupIndex, "s"), "groupIndex", "groupIndex must be a finite number >= 1");
    }

    [Fact]
    public void FromGroupIndex_OfOne_IsVacuumSpeed()
    {
        Assert.Equal(1.0, Medium.FromGroupIndex("vacuum", 1.0, "definition").VelocityFactor);
    }

    [Fact]
    public void Constructor_RejectsBlankNameAndSource()
    {
        Assert.Throws<ArgumentException>(() => new Medium(" ", 0.5, "s"));
        Assert.Throws<ArgumentException>(() => new Medium("x", 0.5, ""));
    }
}
