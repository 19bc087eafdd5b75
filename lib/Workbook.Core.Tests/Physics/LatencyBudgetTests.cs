using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class LatencyBudgetTests
{
    [Fact]
    public void MaxDistance_SpendsExactlyTheBudget()
    {
        var options = new RouteOptions(routeStretch: 2.1, hops: 12, processingPerHopMicroseconds: 50, linkUtilisation: 0.7);

        double km = LatencyBudget.MaxGreatCircleKm(20, options);

        Assert.Equal(20.0, RouteLatency.Compute(km, options).RoundTripMs, 9);
    }

    [Fact]
    public void WithoutRoutersOrStretch_ItIsThePropagationLimit()
    {
        Assert.Equal(
            Propagation.MaxOneWayDistanceKm(20, Medium.StandardFiber),
            LatencyBudget.MaxGreatCircleKm(20, new RouteOptions()),
            9);
    }

    [Fact]
    public void FixedRoundTrip_IsTheRoutersCostInBothDirections()
    {
        var options = new RouteOptions(hops: 10, processingPerHopMicroseconds: 20);

        // 2 × 10 × (20 µs + 1.2 µs) = 424 µs.
        Assert.Equal(0.424, LatencyBudget.FixedRoundTripMs(options), 12);
    }

    [Fact]
    public void BudgetBelowTheRoutersCost_IsRejectedWithTheMinimumInTheMessage()
    {
        var options = new RouteOptions(hops: 10, processingPerHopMicroseconds: 20);

        BadInput.Rejects(() => LatencyBudget.MaxGreatCircleKm(0.4, options), "roundTripBudgetMs", "roundTripBudgetMs must be a finite number >= 0.424");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteBudget_IsRejected(double budgetMs)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LatencyBudget.MaxGreatCircleKm(budgetMs, new RouteOptions()));

        Assert.Equal("roundTripBudgetMs", ex.ParamName);
    }
}
