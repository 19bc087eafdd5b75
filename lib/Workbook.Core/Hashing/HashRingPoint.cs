namespace Workbook.Core.Hashing;

/// <summary>One point of a <see cref="HashRing"/>: its 64-bit position and the node that owns it.</summary>
/// <param name="Position">The position on the circle [0, 2⁶⁴).</param>
/// <param name="Node">The owning node.</param>
/// <param name="Replica">The i of the label "name#i" that hashed to this position.</param>
public sealed record HashRingPoint(ulong Position, RingNode Node, int Replica);
