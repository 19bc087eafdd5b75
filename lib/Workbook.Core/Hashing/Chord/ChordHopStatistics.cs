using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Chord;

/// <summary>Hop counts of random lookups in one ideal Chord network of <see cref="Nodes"/> nodes.</summary>
/// <param name="Nodes">N, the number of nodes.</param>
/// <param name="Log2Nodes">log₂ N.</param>
/// <param name="MeanHops">The mean hops with its standard error over the lookups (one network, so conditional on its ids).</param>
/// <param name="P01Hops">The 1st percentile of hops (nearest rank).</param>
/// <param name="P99Hops">The 99th percentile of hops (nearest rank).</param>
/// <param name="MaxHops">The largest hop count seen.</param>
public sealed record ChordHopStatistics(int Nodes, double Log2Nodes, Estimate MeanHops, int P01Hops, int P99Hops, int MaxHops);
