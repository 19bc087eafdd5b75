using Workbook.Core.Episodes.Ep01SpeedOfLight.Errata;
using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Episodes.Ep01SpeedOfLight.Errata;

public class SeedLatencySketchTests
{
    [Fact]
    public void NewYorkLondon_ReproducesTheSeedsNumbers()
    {
        // By hand, with the seed's defaults: 6 hops (int(5585 / 800)); physical 2 × 5585 × 1.468 /
        // 299,792.458 s = 54.6964 ms; routing 6 × 50 µs = 0.3 ms; serialization 6 × 1.2 µs = 0.0072 ms;
        // queueing 6 × 50 µs × 0.7 / 0.3 = 0.7 ms.
        var seed = SeedLatencySketch.RealWorld(5585);

        Assert.Equal(6, seed.Hops);
        Assert.Equal(54.6964, seed.PhysicalMs, 4);
        Assert.Equal(0.3, seed.RoutingMs, 12);
        Assert.Equal(0.0072, seed.SerializationMs, 12);
        Assert.Equal(0.7, seed.QueueingMs, 12);
        Assert.Equal(54.6964 + 0.3 + 0.0072 + 0.7, seed.TotalMs, 4);
    }

    [Fact]
    public void SeedQueueing_Is83TimesTheMD1WaitPerHop_And42TimesTheCorrectedRoundTrip()
    {
        // Per hop, one way: 50 × 0.7 / 0.3 = 116.67 µs against the M/D/1 wait 0.7 × 1.2 / 0.6 = 1.4 µs.
        // Over the route: the seed's 0.7 ms (6 hops, counted once) against 2 × 6 × 1.4 µs = 16.8 µs.
        var seed = SeedLatencySketch.RealWorld(5585);
        var corrected = RouteLatency.Compute(5585, new RouteOptions(hops: seed.Hops, linkUtilisation: SeedLatencySketch.SeedUtilisation));

        double perHopSeedUs = seed.QueueingMs / seed.Hops * 1000;
        double perHopCorrectedUs = corrected.QueueingMs / seed.Hops * 1000;
        Assert.Equal(250.0 / 3, perHopSeedUs / perHopCorrectedUs, 9);
        Assert.Equal(125.0 / 3, seed.QueueingMs / (2 * corrected.QueueingMs), 9);
    }

    [Theory]
    [InlineData(100.0, 1)]
    [InlineData(799.9, 1)]
    [InlineData(1600.0, 2)]
    [InlineData(12063.0, 15)]
    public void Hops_IsTheSeedsGuessOfOnePer800Km_AtLeastOne(double km, int expected)
    {
        Assert.Equal(expected, SeedLatencySketch.Hops(km));
    }

    [Fact]
    public void RejectsANonPositiveDistance()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SeedLatencySketch.RealWorld(0));

        Assert.Equal("distanceKm", ex.ParamName);
    }
}
