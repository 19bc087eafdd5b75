namespace Workbook.Core.Hashing;

/// <summary>The part of the circle a node owns: the sum of the arcs that end at its points.</summary>
/// <param name="Node">The node.</param>
/// <param name="Points">How many points the node kept (collisions lost are not counted).</param>
/// <param name="Share">Its arcs' total length as a fraction of 2⁶⁴; the shares of a ring sum to 1.</param>
public sealed record HashRingShare(RingNode Node, int Points, double Share);
