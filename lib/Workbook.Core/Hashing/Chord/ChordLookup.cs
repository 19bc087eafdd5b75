namespace Workbook.Core.Hashing.Chord;

/// <summary>One Chord lookup: the node responsible for <see cref="Key"/> and the route taken.</summary>
/// <param name="Key">The identifier looked up.</param>
/// <param name="Responsible">The node the route ends at: the last node's successor (successor(key) when tables are correct).</param>
/// <param name="Path">The nodes that handled the request, from the start node to the key's predecessor.</param>
/// <remarks>
/// <see cref="Hops"/> counts the fingers followed, Path.Count − 1: the paper's path length
/// (ToN 2003, §V-D, ≈ ½·log₂ N). The last node answers from its successor pointer, so the
/// responsible node is not counted as a hop.
/// </remarks>
public sealed record ChordLookup(ulong Key, ulong Responsible, IReadOnlyList<ulong> Path)
{
    /// <summary>The number of fingers followed (messages sent on the route).</summary>
    public int Hops => Path.Count - 1;
}
