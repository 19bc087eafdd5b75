using Workbook.Core.Physics;

namespace Workbook.Core.Tests.Physics;

public class RouteOptionsTests
{
    [Fact]
    public void Defaults_DescribeAnIdealFiberRoute()
    {
        var options = new RouteOptions();

        Assert.Same(Medium.StandardFiber, options.Medium);
        Assert.Equal(1.0, options.RouteStretch);
        Assert.Equal(0, options.Hops);
        Assert.Equal(0.0, options.ProcessingPerHopMicroseconds);
        Assert.Equal(1500, options.PacketBytes);
        Assert.Equal(10e9, options.LinkRateBitsPerSecond);
        Assert.Equal(0.0, options.LinkUtilisation);
        Assert.Equal(HopQueueModel.MD1, options.HopQueue);
        Assert.Equal(2.1, RouteOptions.TypicalInternetStretch);
    }

    public static TheoryData<string, Func<RouteOptions>, string> InvalidOptions => new()
    {
        { nameof(RouteOptions.RouteStretch), () => new RouteOptions { RouteStretch = 0.9 }, "RouteStretch must be a finite number >= 1; got 0.9." },
        { nameof(RouteOptions.RouteStretch), () => new RouteOptions { RouteStretch = double.NaN }, "RouteStretch must be a finite number >= 1; got NaN." },
        { nameof(RouteOptions.Hops), () => new RouteOptions { Hops = -1 }, "Hops must be an integer >= 0; got -1." },
        { nameof(RouteOptions.ProcessingPerHopMicroseconds), () => new RouteOptions { ProcessingPerHopMicroseconds = -5 }, "ProcessingPerHopMicroseconds must be a finite number >= 0; got -5." },
        { nameof(RouteOptions.ProcessingPerHopMicroseconds), () => new RouteOptions { ProcessingPerHopMicroseconds = double.PositiveInfinity }, "ProcessingPerHopMicroseconds must be a finite number >= 0; got Infinity." },
        { nameof(RouteOptions.PacketBytes), () => new RouteOptions { PacketBytes = 0 }, "PacketBytes must be an integer > 0; got 0." },
        { nameof(RouteOptions.LinkRateBitsPerSecond), () => new RouteOptions { LinkRateBitsPerSecond = 0 }, "LinkRateBitsPerSecond must be a finite number > 0; got 0." },
        { nameof(RouteOptions.LinkRateBitsPerSecond), () => new RouteOptions { LinkRateBitsPerSecond = double.NaN }, "LinkRateBitsPerSecond must be a finite number > 0; got NaN." },
        { nameof(RouteOptions.LinkUtilisation), () => new RouteOptions { LinkUtilisation = 1.0 }, "LinkUtilisation must be a finite number in [0, 1); got 1." },
        { nameof(RouteOptions.LinkUtilisation), () => new RouteOptions { LinkUtilisation = -0.1 }, "LinkUtilisation must be a finite number in [0, 1); got -0.1." },
        { nameof(RouteOptions.LinkUtilisation), () => new RouteOptions() with { LinkUtilisation = double.NegativeInfinity }, "LinkUtilisation must be a finite number in [0, 1); got -Infinity." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidValues_AreRejectedWhenSet_NamingThePropertyAndRange(string property, Func<RouteOptions> create, string message)
    {
        BadInput.Rejects(() => create(), property, message);
    }

    [Fact]
    public void NullMedium_IsRejected()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new RouteOptions { Medium = null! });

        Assert.Equal(nameof(RouteOptions.Medium), ex.ParamName);
    }

    [Fact]
    public void UndefinedHopQueueModel_IsRejected()
    {
        BadInput.Rejects(() => new RouteOptions { HopQueue = (HopQueueModel)3 }, nameof(RouteOptions.HopQueue), "HopQueue must be one of MD1, MM1; got 3.");
    }
}
