using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Chord;

/// <summary>The cost of §4.4 joins (<see cref="ChordNetwork.JoinWithFingerUpdates"/>) into a correct network of about <see cref="Nodes"/> nodes.</summary>
/// <param name="Nodes">N before the joins.</param>
/// <param name="Log2NodesSquared">(log₂ N)², the order the paper states.</param>
/// <param name="Messages">Messages per join, mean and standard error.</param>
/// <param name="MeanFingerUpdates">Finger entries changed at other nodes per join.</param>
/// <param name="MaxMessages">The most messages one join took.</param>
public sealed record ChordJoinCostStatistics(int Nodes, double Log2NodesSquared, Estimate Messages, double MeanFingerUpdates, int MaxMessages);
