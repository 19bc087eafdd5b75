using Workbook.Core.Queueing;

namespace Workbook.Core.Physics;

/// <summary>
/// Composes the latency of a real route from its physical causes: propagation over a stretched
/// path, then per-hop processing, serialization and queueing.
/// </summary>
/// <remarks>
/// One way: propagation = D × stretch / v; per hop, processing + serialization S (packet bits / link
/// rate, store and forward) + the mean wait of <see cref="RouteOptions.HopQueue"/> with service time S
/// (M/D/1 by default). The round trip is twice the one-way total. Every router and link is the same,
/// so each term can be checked by hand; episode 1, section 4, derives the model.
/// </remarks>
public static class RouteLatency
{
    /// <summary>The shortest great-circle distance <see cref="Compute"/> accepts: 0.001 km, one metre.</summary>
    /// <remarks>
    /// <see cref="LatencyBreakdown.OverheadPercent"/> compares the round trip with the great-circle fiber
    /// round trip, which must not be 0. For the routers' cost alone, use <see cref="LatencyBudget.FixedRoundTripMs"/>.
    /// </remarks>
    public const double MinimumGreatCircleKm = 0.001;

    /// <summary>
    /// Computes the latency breakdown of a route over <paramref name="greatCircleKm"/> kilometres.
    /// </summary>
    /// <param name="greatCircleKm">The great-circle distance between the endpoints, in kilometres; a finite number &gt;= <see cref="MinimumGreatCircleKm"/>.</param>
    /// <param name="options">The route: medium, stretch, hops and links. Validated when it was constructed.</param>
    /// <returns>One-way components, their sum, the round trip and the overhead over pure great-circle fiber.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="greatCircleKm"/> is NaN, infinite or below <see cref="MinimumGreatCircleKm"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static LatencyBreakdown Compute(double greatCircleKm, RouteOptions options)
    {
        if (!double.IsFinite(greatCircleKm) || greatCircleKm < MinimumGreatCircleKm)
        {
            throw Guard.OutOfRange(
                nameof(greatCircleKm),
                $"a finite number >= {Guard.Format(MinimumGreatCircleKm)} (one metre; for the routers' cost alone use LatencyBudget.FixedRoundTripMs)",
                Guard.Format(greatCircleKm));
        }

        ArgumentNullException.ThrowIfNull(options);

        double pathKm = greatCircleKm * options.RouteStretch;
        var hops = HopTermsMs(options);
        return new LatencyBreakdown(
            greatCircleKm: greatCircleKm,
            pathKm: pathKm,
            propagationMs: Propagation.OneWayDelayMs(pathKm, options.Medium),
            processingMs: hops.ProcessingMs,
            serializationMs: hops.SerializationMs,
            queueingMs: hops.QueueingMs,
            fiberGreatCircleRoundTripMs: Propagation.RoundTripMs(greatCircleKm, Medium.StandardFiber));
    }

    /// <summary>
    /// The serialization (transmission) delay of one packet: the time a link takes to put all of
    /// its bits on the wire, <c>S = 8 × bytes / rate</c>.
    /// </summary>
    /// <remarks>
    /// Link rates count bits per second, packet sizes bytes: the factor 8 is the usual slip. 1500 bytes
    /// at 10 Gb/s take 1.2 µs; at 1 Gb/s, 12 µs. This is also the service time of the link's queue.
    /// </remarks>
    /// <param name="packetBytes">Packet size in bytes; at least 1.</param>
    /// <param name="linkBitsPerSecond">Link rate in bits per second; a finite number &gt; 0.</param>
    /// <returns>The delay in microseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double SerializationMicroseconds(int packetBytes, double linkBitsPerSecond)
    {
        Guard.Positive(packetBytes, nameof(packetBytes));
        Guard.PositiveFinite(linkBitsPerSecond, nameof(linkBitsPerSecond));
        return packetBytes * 8.0 / linkBitsPerSecond * 1e6;
    }

    /// <summary>
    /// The mean time a packet waits at one router's output port before its transmission starts, in
    /// microseconds: the queue's server is the link, its service time the serialization time S.
    /// </summary>
    /// <param name="packetBytes">Packet size in bytes; at least 1.</param>
    /// <param name="linkBitsPerSecond">Link rate in bits per second; a finite number &gt; 0.</param>
    /// <param name="utilisation">The link's utilisation ρ; a finite number in [0, 1).</param>
    /// <param name="model">M/D/1 (fixed packet size; the default) or M/M/1.</param>
    /// <returns>ρS / (2(1 − ρ)) for M/D/1, ρS / (1 − ρ) for M/M/1, in microseconds. 1.4 µs for 1500 bytes at 10 Gb/s and ρ = 0.7 (M/D/1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double HopQueueingMicroseconds(
        int packetBytes, double linkBitsPerSecond, double utilisation, HopQueueModel model = HopQueueModel.MD1)
    {
        double serviceUs = SerializationMicroseconds(packetBytes, linkBitsPerSecond);
        return model switch
        {
            HopQueueModel.MD1 => MD1.MeanWaitInQueue(serviceUs, utilisation),
            HopQueueModel.MM1 => MM1.MeanWaitInQueue(serviceUs, utilisation),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, $"model must be one of {string.Join(", ", Enum.GetNames<HopQueueModel>())}; got {model}."),
        };
    }

    /// <summary>The round trip through the routers alone, independent of distance, in milliseconds.</summary>
    internal static double FixedRoundTripMs(RouteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hops = HopTermsMs(options);
        return 2.0 * (hops.ProcessingMs + hops.SerializationMs + hops.QueueingMs);
    }

    private static (double ProcessingMs, double SerializationMs, double QueueingMs) HopTermsMs(RouteOptions options)
    {
        double processingPerHopMs = options.ProcessingPerHopMicroseconds / 1000.0;
        double serializationPerHopMs = SerializationMicroseconds(options.PacketBytes, options.LinkRateBitsPerSecond) / 1000.0;
        double queueingPerHopMs = HopQueueingMicroseconds(
            options.PacketBytes, options.LinkRateBitsPerSecond, options.LinkUtilisation, options.HopQueue) / 1000.0;
        return (options.Hops * processingPerHopMs, options.Hops * serializationPerHopMs, options.Hops * queueingPerHopMs);
    }
}
