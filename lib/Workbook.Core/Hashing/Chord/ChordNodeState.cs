namespace Workbook.Core.Hashing.Chord;

/// <summary>What one Chord node knows: its successor, its predecessor (if it has learned one) and its fingers.</summary>
/// <param name="Id">The node's identifier.</param>
/// <param name="Successor">The node's successor pointer (finger 1).</param>
/// <param name="HasPredecessor">False until a notify gives the node a predecessor (a freshly joined node).</param>
/// <param name="Predecessor">The predecessor; meaningful only when <paramref name="HasPredecessor"/> is true.</param>
/// <param name="Fingers">Fingers 1 … m (index 0 is finger 1, the successor).</param>
public sealed record ChordNodeState(ulong Id, ulong Successor, bool HasPredecessor, ulong Predecessor, IReadOnlyList<ulong> Fingers);
