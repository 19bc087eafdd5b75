namespace Workbook.Core.Episodes.Ep01SpeedOfLight.Errata;

/// <summary>What the seed sketch's <c>real_world_latency</c> returns, in milliseconds (see <see cref="SeedLatencySketch"/>).</summary>
/// <param name="Hops">The hops it guessed from the distance.</param>
/// <param name="PhysicalMs">The great-circle fiber round trip.</param>
/// <param name="RoutingMs">Processing, counted once (one way).</param>
/// <param name="SerializationMs">Serialization, counted once (one way).</param>
/// <param name="QueueingMs">Its queueing term, counted once (one way), with the processing time as service time.</param>
public sealed record SeedLatencyResult(int Hops, double PhysicalMs, double RoutingMs, double SerializationMs, double QueueingMs)
{
    /// <summary>The sketch's total: the four components added, as it adds them.</summary>
    public double TotalMs => PhysicalMs + RoutingMs + SerializationMs + QueueingMs;
}
