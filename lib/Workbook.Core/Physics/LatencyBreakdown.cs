namespace Workbook.Core.Physics;

/// <summary>
/// The latency of a route split into its physical causes, as computed by
/// <see cref="RouteLatency.Compute"/>. Components are one-way, in milliseconds.
/// </summary>
/// <remarks>
/// The four components are independent causes: <see cref="PropagationMs"/> depends on distance and
/// medium, the other three on the routers. <see cref="OneWayMs"/> and <see cref="RoundTripMs"/> are
/// derived from them, and the reply crosses the same routers, so the round trip is exactly twice the
/// one-way total.
/// </remarks>
public sealed record LatencyBreakdown
{
    internal LatencyBreakdown(
        double greatCircleKm,
        double pathKm,
        double propagationMs,
        double processingMs,
        double serializationMs,
        double queueingMs,
        double fiberGreatCircleRoundTripMs)
    {
        GreatCircleKm = greatCircleKm;
        PathKm = pathKm;
        PropagationMs = propagationMs;
        ProcessingMs = processingMs;
        SerializationMs = serializationMs;
        QueueingMs = queueingMs;
        FiberGreatCircleRoundTripMs = fiberGreatCircleRoundTripMs;
    }

    /// <summary>The great-circle distance the route was computed for, in kilometres.</summary>
    public double GreatCircleKm { get; }

    /// <summary>The length of the path actually travelled: great-circle distance × route stretch, in kilometres.</summary>
    public double PathKm { get; }

    /// <summary>One-way propagation delay over <see cref="PathKm"/> in the route's medium, in milliseconds.</summary>
    public double PropagationMs { get; }

    /// <summary>One-way router processing delay: hops × processing per hop, in milliseconds.</summary>
    public double ProcessingMs { get; }

    /// <summary>
    /// One-way serialization delay: hops × packet bits / link rate, in milliseconds. Each router
    /// stores and forwards the packet, transmitting it once onto its outgoing link.
    /// </summary>
    public double SerializationMs { get; }

    /// <summary>
    /// One-way queueing delay: hops × the mean wait in queue of <see cref="RouteOptions.HopQueue"/>
    /// (M/D/1 by default), in milliseconds. A link's queue drains at the link's rate, so the service
    /// time is one packet's serialization time (1.2 µs for 1500 bytes at 10 Gb/s), not the router's
    /// lookup time.
    /// </summary>
    public double QueueingMs { get; }

    /// <summary>The one-way total: propagation + processing + serialization + queueing, in milliseconds.</summary>
    public double OneWayMs => PropagationMs + ProcessingMs + SerializationMs + QueueingMs;

    /// <summary>The round trip, 2 × <see cref="OneWayMs"/>: the reply crosses the same hops.</summary>
    public double RoundTripMs => 2.0 * OneWayMs;

    /// <summary>
    /// The baseline for <see cref="OverheadPercent"/>: the round trip of pure propagation along the
    /// great circle in standard fiber, in milliseconds.
    /// </summary>
    public double FiberGreatCircleRoundTripMs { get; }

    /// <summary>
    /// How much longer this round trip is than <see cref="FiberGreatCircleRoundTripMs"/>, in percent;
    /// negative when the medium is faster than fiber (microwave, hollow core).
    /// </summary>
    /// <remarks>
    /// Always defined: <see cref="RouteLatency.Compute"/> accepts only distances of at least
    /// <see cref="RouteLatency.MinimumGreatCircleKm"/>, so the baseline is never 0.
    /// </remarks>
    public double OverheadPercent => (RoundTripMs - FiberGreatCircleRoundTripMs) / FiberGreatCircleRoundTripMs * 100.0;
}
