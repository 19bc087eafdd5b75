namespace Workbook.Core.Physics;

/// <summary>
/// Describes a real route for <see cref="RouteLatency.Compute"/>: the medium, how much longer the
/// path is than the great circle, and the routers along it.
/// </summary>
/// <remarks>
/// <para>
/// Every default describes an ideal route, so that <c>new RouteOptions()</c> gives pure
/// great-circle fiber propagation and each realistic cost is something you add on purpose:
/// <c>new RouteOptions { RouteStretch = RouteOptions.TypicalInternetStretch, Hops = 12,
/// ProcessingPerHopMicroseconds = 50, LinkUtilisation = 0.7 }</c>.
/// </para>
/// <para>
/// Each property is validated when it is set, in an object initializer or a <c>with</c>
/// expression, so an invalid route cannot be constructed. Errors name the property and state the
/// allowed range.
/// </para>
/// <para>
/// <b>Hops are an input, not a guess.</b> Hop counts come from the network (traceroute shows them)
/// and do not scale with distance in any simple way: a transatlantic cable is one hop of 6,000 km, a
/// metro network may have ten hops in 50 km. The default is 0 hops; state the number you mean.
/// </para>
/// </remarks>
public sealed record RouteOptions
{
    /// <summary>
    /// The typical (median) inflation of Internet latency over great-circle fiber propagation, about 2.1.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Source: I. N. Bozkurt et al., "Dissecting Latency in the Internet's Fiber Infrastructure"
    /// (arXiv:1811.10737, 2018), which quotes the rule of thumb from earlier measurement campaigns:
    /// multiply line-of-sight distance by 2.1, then divide by the speed of light in fiber. Read the
    /// fine print: that factor is fitted to measured latency, so it absorbs every delay (routing
    /// detours, routers, queues), not only longer fiber. Used as a route stretch it is an upper
    /// estimate of the detour alone. The same paper finds that shortest paths through the US
    /// long-haul conduit map would cut the factor to 1.3 in the median.
    /// </para>
    /// <para>
    /// It is a median over many paths, not a property of any one route: a purpose-built trading
    /// cable runs close to 1.0. It is therefore not the default.
    /// </para>
    /// </remarks>
    public const double TypicalInternetStretch = 2.1;

    private readonly Medium medium = Medium.StandardFiber;
    private readonly double routeStretch = 1.0;
    private readonly int hops;
    private readonly double processingPerHopMicroseconds;
    private readonly int packetBytes = 1500;
    private readonly double linkRateBitsPerSecond = 10e9;
    private readonly double linkUtilisation;
    private readonly HopQueueModel hopQueue = HopQueueModel.MD1;

    /// <summary>The medium the signal crosses. Default: <see cref="Medium.StandardFiber"/>.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Medium Medium
    {
        get => medium;
        init => medium = value ?? throw new ArgumentNullException(nameof(Medium));
    }

    /// <summary>
    /// Path length divided by great-circle distance; a finite number &gt;= 1. Default 1.0 (the
    /// cable follows the great circle exactly). See <see cref="TypicalInternetStretch"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value below 1.</exception>
    public double RouteStretch
    {
        get => routeStretch;
        init => routeStretch = Guard.AtLeastFinite(value, 1.0, nameof(RouteStretch));
    }

    /// <summary>
    /// The number of store-and-forward routers on the one-way path; &gt;= 0. Default 0.
    /// </summary>
    /// <remarks>
    /// Convention: each hop receives the whole packet, processes it, possibly queues it, and
    /// transmits it once onto its outgoing link. The sending host's own transmission onto the first
    /// link is not counted; add one hop if you want it included.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int Hops
    {
        get => hops;
        init => hops = Guard.NonNegative(value, nameof(Hops));
    }

    /// <summary>
    /// Lookup and switching time per hop, in microseconds; a finite number &gt;= 0. Default 0.
    /// Modern hardware routers take a few to a few tens of microseconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a negative value.</exception>
    public double ProcessingPerHopMicroseconds
    {
        get => processingPerHopMicroseconds;
        init => processingPerHopMicroseconds = Guard.NonNegativeFinite(value, nameof(ProcessingPerHopMicroseconds));
    }

    /// <summary>The packet size in bytes; &gt; 0. Default 1500, the Ethernet MTU.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or a negative value.</exception>
    public int PacketBytes
    {
        get => packetBytes;
        init => packetBytes = Guard.Positive(value, nameof(PacketBytes));
    }

    /// <summary>
    /// The rate of every link on the path, in bits per second; a finite number &gt; 0. Default
    /// 10e9 (10 Gb/s), at which a 1500-byte packet takes 1.2 µs to serialize.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, zero or a negative value.</exception>
    public double LinkRateBitsPerSecond
    {
        get => linkRateBitsPerSecond;
        init => linkRateBitsPerSecond = Guard.PositiveFinite(value, nameof(LinkRateBitsPerSecond));
    }

    /// <summary>
    /// The utilisation of every outgoing link, the fraction of time it is busy; a finite number in
    /// [0, 1). Default 0 (no queueing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, a negative value, or 1 or more.</exception>
    public double LinkUtilisation
    {
        get => linkUtilisation;
        init => linkUtilisation = Guard.UnitIntervalOpenRight(value, nameof(LinkUtilisation));
    }

    /// <summary>
    /// The queue model of each router's output port. Default <see cref="HopQueueModel.MD1"/>: every
    /// packet has the same size, so the link serves each one in the same time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a defined <see cref="HopQueueModel"/>.</exception>
    public HopQueueModel HopQueue
    {
        get => hopQueue;
        init => hopQueue = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(HopQueue), value, $"{nameof(HopQueue)} must be one of {string.Join(", ", Enum.GetNames<HopQueueModel>())}; got {value}.");
    }
}
