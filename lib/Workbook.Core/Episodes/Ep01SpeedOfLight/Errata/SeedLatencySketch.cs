using Workbook.Core.Physics;

namespace Workbook.Core.Episodes.Ep01SpeedOfLight.Errata;

/// <summary>
/// The seed notebook's <c>real_world_latency</c>, reproduced as written — wrong on purpose — so the
/// episode can show its numbers beside the corrected <see cref="RouteLatency"/>.
/// </summary>
/// <remarks>
/// What the sketch does, and what is wrong with it:
/// <list type="number">
/// <item><description>Physical: a fiber round trip over the great circle, with n = 1.468 (no route stretch: real cables are longer).</description></item>
/// <item><description>Hops: <c>max(1, int(distance / 800))</c>, an arbitrary guess.</description></item>
/// <item><description>Routing, serialization and queueing are added once although the round trip crosses every hop twice.</description></item>
/// <item><description>Queueing is <c>processing × ρ/(1−ρ)</c>: an M/M/1 wait with the router's processing time as the
/// service time, where the queue actually drains at the link rate (service time = serialization time, and
/// fixed-size packets make it M/D/1).</description></item>
/// </list>
/// Do not use this for anything but the comparison.
/// </remarks>
public static class SeedLatencySketch
{
    /// <summary>The seed's fiber index (it calls it a refractive index).</summary>
    public const double SeedFiberIndex = 1.468;

    /// <summary>The seed's default processing time per hop, in microseconds.</summary>
    public const double SeedProcessingPerHopMicroseconds = 50;

    /// <summary>The seed's "typical backbone utilisation".</summary>
    public const double SeedUtilisation = 0.7;

    /// <summary>The seed's result for a distance, with its default parameters.</summary>
    /// <param name="distanceKm">Great-circle distance in km; a finite number &gt; 0.</param>
    /// <returns>Its components in ms, as the sketch adds them.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distanceKm"/> is not a finite number &gt; 0.</exception>
    public static SeedLatencyResult RealWorld(double distanceKm)
    {
        var hops = Hops(distanceKm);
        var physicalMs = 2 * distanceKm * 1000 / (PhysicalConstants.SpeedOfLightMetersPerSecond / SeedFiberIndex) * 1000;
        var routingMs = hops * SeedProcessingPerHopMicroseconds / 1000;
        var serializationMs = 1500 * 8 / 10e9 * 1000 * hops;
        var queueingMs = SeedProcessingPerHopMicroseconds / 1000 * (SeedUtilisation / (1 - SeedUtilisation)) * hops;
        return new SeedLatencyResult(hops, physicalMs, routingMs, serializationMs, queueingMs);
    }

    /// <summary>The number of hops the sketch assumes for a distance: <c>max(1, int(distance / 800))</c>.</summary>
    /// <param name="distanceKm">Great-circle distance in km; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distanceKm"/> is not a finite number &gt; 0.</exception>
    public static int Hops(double distanceKm) => Math.Max(1, (int)(Guard.PositiveFinite(distanceKm, nameof(distanceKm)) / 800));
}
