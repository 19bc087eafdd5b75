namespace Workbook.Core.Physics;

/// <summary>
/// Describes a real route for <see cref="RouteLatency.Compute"/>: the medium, how much longer the
/// path is than the great circle, and the routers along it.
/// </summary>
/// <remarks>
/// Every default describes an ideal route, so <c>new RouteOptions()</c> is pure great-circle fiber
/// propagation and each realistic cost is added on purpose, by name:
/// <c>new RouteOptions(routeStretch: RouteOptions.TypicalInternetStretch, hops: 12, processingPerHopMicroseconds: 50, linkUtilisation: 0.7)</c>.
/// All values, and the rule between packet size and link rate, are checked once, in the
/// constructor. Hop counts are an input, not a guess: they come from the network (traceroute), not
/// from the distance.
/// </remarks>
public sealed record RouteOptions
{
    /// <summary>
    /// The typical (median) inflation of Internet latency over great-circle fiber propagation, 2.1.
    /// </summary>
    /// <remarks>
    /// Source: I. N. Bozkurt et al., "Dissecting Latency in the Internet's Fiber Infrastructure"
    /// (arXiv:1811.10737, 2018). The factor is fitted to measured latency, so it absorbs every
    /// delay (detours, routers, queues); used as a route stretch it overestimates the detour alone.
    /// It is a median over many paths, not a property of one route, so it is not the default.
    /// </remarks>
    public const double TypicalInternetStretch = 2.1;

    /// <summary>Creates and validates a route description.</summary>
    /// <param name="medium">The medium the signal crosses; null means <see cref="Medium.StandardFiber"/>.</param>
    /// <param name="routeStretch">Path length / great-circle distance; a finite number &gt;= 1. Default 1.</param>
    /// <param name="hops">Store-and-forward routers on the one-way path; an integer &gt;= 0. Default 0.</param>
    /// <param name="processingPerHopMicroseconds">Lookup and switching time per hop in µs; a finite number &gt;= 0. Default 0.</param>
    /// <param name="packetBytes">Packet size in bytes; an integer &gt; 0. Default 1500.</param>
    /// <param name="linkRateBitsPerSecond">Rate of every link in bit/s; a finite number &gt; 0 for which one
    /// packet's serialization time 8 × <paramref name="packetBytes"/> / rate is finite. Default 10e9.</param>
    /// <param name="linkUtilisation">Utilisation ρ of every outgoing link; a finite number in [0, 1). Default 0.</param>
    /// <param name="hopQueue">The queue model of each output port. Default <see cref="HopQueueModel.MD1"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range; the message names it and the range.</exception>
    public RouteOptions(
        Medium? medium = null,
        double routeStretch = 1.0,
        int hops = 0,
        double processingPerHopMicroseconds = 0.0,
        int packetBytes = 1500,
        double linkRateBitsPerSecond = 10e9,
        double linkUtilisation = 0.0,
        HopQueueModel hopQueue = HopQueueModel.MD1)
    {
        Medium = medium ?? Medium.StandardFiber;
        RouteStretch = Guard.AtLeastFinite(routeStretch, 1.0, nameof(routeStretch));
        Hops = Guard.NonNegative(hops, nameof(hops));
        ProcessingPerHopMicroseconds = Guard.NonNegativeFinite(processingPerHopMicroseconds, nameof(processingPerHopMicroseconds));
        PacketBytes = Guard.Positive(packetBytes, nameof(packetBytes));
        LinkRateBitsPerSecond = Guard.PositiveFinite(linkRateBitsPerSecond, nameof(linkRateBitsPerSecond));
        if (!double.IsFinite(packetBytes * 8.0 / linkRateBitsPerSecond * 1e6))
        {
            throw Guard.OutOfRange(
                nameof(linkRateBitsPerSecond),
                $"a finite number > 0 for which the serialization time of {nameof(packetBytes)} = {packetBytes} is finite",
                Guard.Format(linkRateBitsPerSecond));
        }

        LinkUtilisation = Guard.UnitIntervalOpenRight(linkUtilisation, nameof(linkUtilisation));
        HopQueue = Enum.IsDefined(hopQueue)
            ? hopQueue
            : throw Guard.OutOfRange(nameof(hopQueue), $"one of {string.Join(", ", Enum.GetNames<HopQueueModel>())}", hopQueue.ToString());
    }

    /// <summary>The medium the signal crosses.</summary>
    /// <value>The default is <see cref="Medium.StandardFiber"/>.</value>
    public Medium Medium { get; }

    /// <summary>Path length divided by great-circle distance (see <see cref="TypicalInternetStretch"/>).</summary>
    /// <value>A finite number &gt;= 1. The default is 1: the cable follows the great circle exactly.</value>
    public double RouteStretch { get; }

    /// <summary>The number of store-and-forward routers on the one-way path.</summary>
    /// <value>An integer &gt;= 0. The default is 0.</value>
    /// <remarks>
    /// Each hop receives the whole packet, processes it, possibly queues it, and transmits it once onto
    /// its outgoing link. The sending host's own transmission is not counted; add one hop to include it.
    /// </remarks>
    public int Hops { get; }

    /// <summary>Lookup and switching time per hop, in microseconds; hardware routers take a few to a few tens.</summary>
    /// <value>A finite number &gt;= 0. The default is 0.</value>
    public double ProcessingPerHopMicroseconds { get; }

    /// <summary>The packet size in bytes.</summary>
    /// <value>An integer &gt; 0. The default is 1500, the Ethernet MTU.</value>
    public int PacketBytes { get; }

    /// <summary>The rate of every link on the path, in bits per second.</summary>
    /// <value>A finite number &gt; 0. The default is 10e9 (10 Gb/s): a 1500-byte packet takes 1.2 µs to serialize.</value>
    public double LinkRateBitsPerSecond { get; }

    /// <summary>The utilisation of every outgoing link, the fraction of time it is busy.</summary>
    /// <value>A finite number in [0, 1). The default is 0 (no queueing).</value>
    public double LinkUtilisation { get; }

    /// <summary>The queue model of each router's output port.</summary>
    /// <value>The default is <see cref="HopQueueModel.MD1"/>: every packet has the same size, so the link serves each in the same time.</value>
    public HopQueueModel HopQueue { get; }
}
