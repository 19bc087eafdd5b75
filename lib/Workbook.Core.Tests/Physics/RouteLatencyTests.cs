using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class RouteLatencyTests
{
    private static readonly RouteOptions Busy = new(
        routeStretch: RouteOptions.TypicalInternetStretch, hops: 15, processingPerHopMicroseconds: 50, linkUtilisation: 0.7);

    [Fact]
    public void Components_SumToOneWay_AndRoundTripIsTwiceOneWay()
    {
        var latency = RouteLatency.Compute(5585, Busy);

        Assert.Equal(latency.PropagationMs + latency.ProcessingMs + latency.SerializationMs + latency.QueueingMs, latency.OneWayMs, 12);
        Assert.Equal(2 * latency.OneWayMs, latency.RoundTripMs, 12);
    }

    [Fact]
    public void ZeroHops_IsPurePropagationOverTheStretchedPath()
    {
        var options = new RouteOptions(routeStretch: 1.5, processingPerHopMicroseconds: 50, linkUtilisation: 0.9);

        var latency = RouteLatency.Compute(1000, options);

        Assert.Equal(0.0, latency.ProcessingMs);
        Assert.Equal(0.0, latency.SerializationMs);
        Assert.Equal(0.0, latency.QueueingMs);
        Assert.Equal(1500.0, latency.PathKm);
        Assert.Equal(Propagation.RoundTripMs(1500, Medium.StandardFiber), latency.RoundTripMs, 12);
    }

    [Fact]
    public void DefaultOptions_HaveZeroOverhead()
    {
        var latency = RouteLatency.Compute(5585, new RouteOptions());

        Assert.Equal(54.70, latency.RoundTripMs, 2);
        Assert.Equal(0.0, latency.OverheadPercent, 12);
    }

    [Fact]
    public void Serialization_Of1500BytesAt10Gbps_Is1Point2MicrosecondsPerHop()
    {
        // 1500 × 8 = 12,000 bits; 12,000 / 10¹⁰ s = 1.2 µs = 0.0012 ms.
        var latency = RouteLatency.Compute(1000, new RouteOptions(hops: 3));

        Assert.Equal(3 * 0.0012, latency.SerializationMs, 15);
    }

    [Fact]
    public void Queueing_IsMD1OnTheSerializationTime_1Point4MicrosecondsPerHopAt70Percent()
    {
        // Fixed 1500-byte packets: M/D/1 wait = ρS / (2(1 − ρ)) = 0.7 × 1.2 / 0.6 = 1.4 µs per hop,
        // whatever the processing time is.
        var latency = RouteLatency.Compute(1000, new RouteOptions(hops: 4, linkUtilisation: 0.7, processingPerHopMicroseconds: 50));

        Assert.Equal(4 * 0.0014, latency.QueueingMs, 12);
    }

    [Fact]
    public void Queueing_WithTheMM1Model_IsTwiceAsLong_2Point8MicrosecondsPerHop()
    {
        // M/M/1 wait = ρS / (1 − ρ) = 0.7 / 0.3 × 1.2 = 2.8 µs per hop.
        var latency = RouteLatency.Compute(1000, new RouteOptions(hops: 4, linkUtilisation: 0.7, hopQueue: HopQueueModel.MM1));

        Assert.Equal(4 * 0.0028, latency.QueueingMs, 12);
    }

    [Theory]
    [InlineData(1500, 10e9, 0.7, HopQueueModel.MD1, 1.4)]     // 0.7 × 1.2 / 0.6
    [InlineData(1500, 1e9, 0.9, HopQueueModel.MD1, 54.0)]     // 0.9 × 12 / 0.2
    [InlineData(1500, 1e9, 0.9, HopQueueModel.MM1, 108.0)]    // 0.9 × 12 / 0.1
    [InlineData(64, 100e9, 0.0, HopQueueModel.MD1, 0.0)]      // an idle link: no wait
    public void HopQueueingMicroseconds_MatchesHandComputedValues(int bytes, double rate, double rho, HopQueueModel model, double expectedUs)
    {
        Assert.Equal(expectedUs, RouteLatency.HopQueueingMicroseconds(bytes, rate, rho, model), 9);
    }

    [Fact]
    public void HopQueueingMicroseconds_RejectsAnUndefinedModel()
    {
        BadInput.Rejects(() => RouteLatency.HopQueueingMicroseconds(1500, 10e9, 0.5, (HopQueueModel)7), "model", "model must be one of MD1, MM1");
    }

    [Fact]
    public void Processing_IsHopsTimesPerHopTime()
    {
        var latency = RouteLatency.Compute(100, new RouteOptions(hops: 7, processingPerHopMicroseconds: 25));

        Assert.Equal(7 * 0.025, latency.ProcessingMs, 15);
    }

    [Fact]
    public void NewYorkLondon_With15BusyHops_AddsAbout1Point6MsToTheRoundTrip()
    {
        var options = new RouteOptions(hops: 15, processingPerHopMicroseconds: 50, linkUtilisation: 0.7);
        // Per hop one way: 50 + 1.2 + 1.4 = 52.6 µs; 15 hops, both directions: 1.578 ms.
        double expectedRouterRoundTripMs = 2 * 15 * 0.0526;

        var latency = RouteLatency.Compute(5585, options);

        Assert.Equal(Propagation.RoundTripMs(5585, Medium.StandardFiber) + expectedRouterRoundTripMs, latency.RoundTripMs, 9);
    }

    [Fact]
    public void OverheadPercent_IsMeasuredAgainstGreatCircleFiber()
    {
        var stretched = RouteLatency.Compute(1000, new RouteOptions(routeStretch: 2.1));
        var microwave = RouteLatency.Compute(1000, new RouteOptions(medium: Medium.MicrowaveAir));

        Assert.Equal(110.0, stretched.OverheadPercent, 9);
        Assert.Equal((Medium.StandardFiber.DelayMicrosecondsPerKm - Medium.MicrowaveAir.DelayMicrosecondsPerKm)
                     / Medium.StandardFiber.DelayMicrosecondsPerKm * -100.0, microwave.OverheadPercent, 9);
        Assert.True(microwave.OverheadPercent < 0);
    }

    [Fact]
    public void OverheadPercent_AtTheShortestAcceptedDistance_IsFinite()
    {
        // 2 hops × 2 directions × 1.2 µs of serialization = 4.8 µs, over a 1 m fiber round trip of
        // 2 × 0.001 km × 1.4682 / 299,792.458 km/s = 9.795 ns: about 49,000 % more.
        double fiberRoundTripMs = 2 * 0.001 * 1.4682 / 299_792.458 * 1000;
        double expectedPercent = 4.8e-3 / fiberRoundTripMs * 100.0;

        var latency = RouteLatency.Compute(RouteLatency.MinimumGreatCircleKm, new RouteOptions(hops: 2));

        Assert.Equal(expectedPercent, latency.OverheadPercent, 1e-9 * expectedPercent);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(0.000999)]
    public void Compute_RejectsDistancesBelowOneMetre_PointingToTheFixedCost(double greatCircleKm)
    {
        BadInput.Rejects(() => RouteLatency.Compute(greatCircleKm, new RouteOptions()), "greatCircleKm",
            "greatCircleKm must be a finite number >= 0.001 (one metre; for the routers' cost alone use LatencyBudget.FixedRoundTripMs)");
    }

    [Fact]
    public void Compute_RejectsNullOptions()
    {
        Assert.Throws<ArgumentNullException>(() => RouteLatency.Compute(1, null!));
    }
}
