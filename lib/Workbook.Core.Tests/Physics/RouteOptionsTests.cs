using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class RouteOptionsTests
{
    [Fact]
    public void Defaults_DescribeAnIdealFiberRoute()
    {
        AssertRoute(new RouteOptions(), Medium.StandardFiber, 1.0, 0, 0.0, 1500, 10e9, 0.0, HopQueueModel.MD1);
        Assert.Equal(2.1, RouteOptions.TypicalInternetStretch);
    }

    [Fact]
    public void Constructor_KeepsEveryValueItIsGiven()
    {
        AssertRoute(
            new RouteOptions(Medium.MicrowaveAir, 1.3, 14, 20, 9000, 100e9, 0.8, HopQueueModel.MM1),
            Medium.MicrowaveAir, 1.3, 14, 20.0, 9000, 100e9, 0.8, HopQueueModel.MM1);
    }

    [Fact]
    public void NullMedium_MeansStandardFiber()
    {
        Assert.Same(Medium.StandardFiber, new RouteOptions(medium: null).Medium);
    }

    public static TheoryData<string, Func<RouteOptions>, string> InvalidOptions => new()
    {
        { "routeStretch", () => new RouteOptions(routeStretch: 0.9), "routeStretch must be a finite number >= 1; got 0.9." },
        { "routeStretch", () => new RouteOptions(routeStretch: double.NaN), "routeStretch must be a finite number >= 1; got NaN." },
        { "hops", () => new RouteOptions(hops: -1), "hops must be an integer >= 0; got -1." },
        { "processingPerHopMicroseconds", () => new RouteOptions(processingPerHopMicroseconds: -5), "processingPerHopMicroseconds must be a finite number >= 0; got -5." },
        { "processingPerHopMicroseconds", () => new RouteOptions(processingPerHopMicroseconds: double.PositiveInfinity), "processingPerHopMicroseconds must be a finite number >= 0; got Infinity." },
        { "packetBytes", () => new RouteOptions(packetBytes: 0), "packetBytes must be an integer > 0; got 0." },
        { "linkRateBitsPerSecond", () => new RouteOptions(linkRateBitsPerSecond: 0), "linkRateBitsPerSecond must be a finite number > 0; got 0." },
        { "linkRateBitsPerSecond", () => new RouteOptions(linkRateBitsPerSecond: double.NaN), "linkRateBitsPerSecond must be a finite number > 0; got NaN." },
        { "linkUtilisation", () => new RouteOptions(linkUtilisation: 1.0), "linkUtilisation must be a finite number in [0, 1); got 1." },
        { "linkUtilisation", () => new RouteOptions(linkUtilisation: -0.1), "linkUtilisation must be a finite number in [0, 1); got -0.1." },
        { "linkUtilisation", () => new RouteOptions(linkUtilisation: double.NegativeInfinity), "linkUtilisation must be a finite number in [0, 1); got -Infinity." },
        { "hopQueue", () => new RouteOptions(hopQueue: (HopQueueModel)3), "hopQueue must be one of MD1, MM1; got 3." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidValues_AreRejectedByTheConstructor_NamingTheParameterAndRange(string parameter, Func<RouteOptions> create, string message)
    {
        BadInput.Rejects(() => create(), parameter, message);
    }

    [Fact]
    public void LinkRate_SoLowThatOnePacketNeverFinishes_IsRejected_NamingThePacketSize()
    {
        // 8 × 1500 bits / 1e-310 bit/s = 1.2e314 s: beyond double range, so the serialization time would be +∞.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RouteOptions(packetBytes: 1500, linkRateBitsPerSecond: 1e-310));

        Assert.Equal("linkRateBitsPerSecond", ex.ParamName);
        Assert.StartsWith(
            "linkRateBitsPerSecond must be a finite number > 0 for which the serialization time of packetBytes = 1500 is finite; got 1E-310.",
            ex.Message,
            StringComparison.Ordinal);
    }

    private static void AssertRoute(
        RouteOptions options, Medium medium, double stretch, int hops, double processingUs, int bytes, double rate, double utilisation, HopQueueModel queue)
    {
        Assert.Same(medium, options.Medium);
        Assert.Equal(stretch, options.RouteStretch);
        Assert.Equal(hops, options.Hops);
        Assert.Equal(processingUs, options.ProcessingPerHopMicroseconds);
        Assert.Equal(bytes, options.PacketBytes);
        Assert.Equal(rate, options.LinkRateBitsPerSecond);
        Assert.Equal(utilisation, options.LinkUtilisation);
        Assert.Equal(queue, options.HopQueue);
    }
}
