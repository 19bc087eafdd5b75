using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class PropagationTests
{
    private const decimal SpeedOfLightKmPerSecond = 299_792.458m;

    [Fact]
    public void NewYorkLondonInFiber_RoundTripIs54Point70Ms()
    {
        // From first principles, in decimal: there and back over 5,585 km at c / n, n = 1.4682.
        decimal expectedMs = 2m * 5585m * 1.4682m / SpeedOfLightKmPerSecond * 1000m;

        double actual = Propagation.RoundTripMs(5585, Medium.StandardFiber);

        Assert.Equal((double)expectedMs, actual, 9);
        Assert.Equal(54.70, actual, 2);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(640.0)]
    [InlineData(12063.0)]
    public void OneWayDelay_MatchesDistanceOverSpeedInDecimal_ForEveryMedium(double distanceKm)
    {
        foreach (var medium in Medium.All)
        {
            decimal speedKmPerSecond = SpeedOfLightKmPerSecond * (decimal)medium.VelocityFactor;
            decimal expectedMs = (decimal)distanceKm / speedKmPerSecond * 1000m;

            double actual = Propagation.OneWayDelayMs(distanceKm, medium);

            // Relative tolerance 1e-12: the two computations differ only in double rounding.
            Assert.Equal((double)expectedMs, actual, Math.Max(1e-12, (double)expectedMs * 1e-12));
        }
    }

    [Fact]
    public void RoundTrip_IsTwiceOneWay()
    {
        Assert.Equal(2 * Propagation.OneWayDelayMs(4139, Medium.CopperTwistedPair), Propagation.RoundTripMs(4139, Medium.CopperTwistedPair));
    }

    [Fact]
    public void MaxOneWayDistance_InvertsRoundTrip()
    {
        foreach (var medium in Medium.All)
        {
            double km = Propagation.MaxOneWayDistanceKm(54.7, medium);

            Assert.Equal(54.7, Propagation.RoundTripMs(km, medium), 9);
        }
    }

    [Fact]
    public void MaxOneWayDistance_TenMsInFiberReachesAbout1020Km()
    {
        // 5 ms one way at c / 1.4682.
        decimal expectedKm = 0.005m * SpeedOfLightKmPerSecond / 1.4682m;

        Assert.Equal((double)expectedKm, Propagation.MaxOneWayDistanceKm(10, Medium.StandardFiber), 6);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    [InlineData(-1.0, "-1")]
    public void OneWayDelay_RejectsBadDistances(double distanceKm, string shown)
    {
        BadInput.Rejects(() => Propagation.OneWayDelayMs(distanceKm, Medium.StandardFiber), "distanceKm", $"distanceKm must be a finite number >= 0; got {shown}.");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.001)]
    public void MaxOneWayDistance_RejectsBadBudgets(double budgetMs)
    {
        BadInput.Rejects(() => Propagation.MaxOneWayDistanceKm(budgetMs, Medium.Vacuum), "roundTripBudgetMs", "roundTripBudgetMs must be a finite number >= 0");
    }

    [Fact]
    public void NullMedium_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Propagation.OneWayDelayMs(1, null!));
    }
}
