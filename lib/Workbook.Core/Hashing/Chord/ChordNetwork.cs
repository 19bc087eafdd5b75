using System.Globalization;

namespace Workbook.Core.Hashing.Chord;

/// <summary>
/// A simulated Chord network (Stoica et al., SIGCOMM 2001; IEEE/ACM ToN 2003): nodes on an m-bit
/// circle with successor, predecessor and finger pointers, lookups by closest preceding finger, and
/// joins repaired by stabilization rounds. Deterministic: no clocks, no threads, no failures.
/// </summary>
/// <remarks>
/// Build a correct network with <see cref="CreateIdeal"/>, or start from <see cref="Create"/> and
/// <see cref="Join"/> nodes (ToN Fig. 6: a join sets only the successor) and run
/// <see cref="RunStabilizationRound"/> until <see cref="IsConverged"/>. <see cref="JoinWithFingerUpdates"/>
/// is the SIGCOMM paper's §4.4 join, which fixes every affected finger at once (O(log² N) messages).
/// </remarks>
public sealed partial class ChordNetwork
{
    private readonly Dictionary<ulong, NodeState> nodes = [];
    private readonly List<ulong> sortedIds = [];

    private ChordNetwork(ChordSpace space) => Space = space;

    /// <summary>The identifier circle.</summary>
    public ChordSpace Space { get; }

    /// <summary>The node identifiers, ascending.</summary>
    public IReadOnlyList<ulong> NodeIds => sortedIds;

    /// <summary>The number of nodes.</summary>
    public int Count => sortedIds.Count;

    /// <summary>A one-node network: the node is its own successor and has no predecessor (ToN Fig. 6, create).</summary>
    public static ChordNetwork Create(ChordSpace space, ulong id)
    {
        ArgumentNullException.ThrowIfNull(space);
        var network = new ChordNetwork(space);
        network.AddNode(space.CheckId(id, nameof(id)), id);
        return network;
    }

    /// <summary>A network whose successors, predecessors and fingers are all correct.</summary>
    /// <exception cref="ArgumentException">No ids, or an id repeated.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id outside [0, 2^m − 1].</exception>
    public static ChordNetwork CreateIdeal(ChordSpace space, IEnumerable<ulong> ids)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(ids);
        var network = new ChordNetwork(space);
        foreach (ulong id in ids)
        {
            space.CheckId(id, nameof(ids));
            if (network.nodes.ContainsKey(id))
            {
                throw new ArgumentException($"ids must be distinct; {id} appears twice.", nameof(ids));
            }

            network.AddNode(id, id);
        }

        if (network.Count == 0)
        {
            throw new ArgumentException("ids must list at least one node; got none.", nameof(ids));
        }

        foreach (var node in network.nodes.Values)
        {
            network.MakeIdeal(node);
        }

        return network;
    }

    /// <summary>The true successor of <paramref name="key"/>: the first node id ≥ key clockwise.</summary>
    public ulong SuccessorOf(ulong key)
    {
        Space.CheckId(key, nameof(key));
        int index = sortedIds.BinarySearch(key);
        if (index < 0)
        {
            index = ~index;
        }

        return index == sortedIds.Count ? sortedIds[0] : sortedIds[index];
    }

    /// <summary>What node <paramref name="id"/> currently knows.</summary>
    public ChordNodeState StateOf(ulong id)
    {
        var node = Node(id, nameof(id));
        return new ChordNodeState(node.Id, node.Fingers[0], node.HasPredecessor, node.Predecessor, [.. node.Fingers]);
    }

    /// <summary>
    /// Routes a lookup for <paramref name="key"/> from node <paramref name="from"/>: while the key is not
    /// in (n, successor(n)], forward to the closest finger preceding the key (SIGCOMM 2001, Fig. 4).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is not a node.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is outside [0, 2^m − 1].</exception>
    public ChordLookup Lookup(ulong from, ulong key)
    {
        var start = Node(from, nameof(from));
        Space.CheckId(key, nameof(key));
        var path = new List<ulong> { from };
        var predecessor = FindPredecessor(start, key, path);
        return new ChordLookup(key, predecessor.Fingers[0], path);
    }

    /// <summary>
    /// True when every successor, predecessor and finger equals its ideal value (successor(n + 2^(i−1))).
    /// </summary>
    public bool IsConverged => IncorrectEntries() == 0;

    /// <summary>The number of predecessor and finger entries (finger 1 is the successor) that differ from their ideal values.</summary>
    public int IncorrectEntries()
    {
        int wrong = 0;
        foreach (var node in nodes.Values)
        {
            if (!node.HasPredecessor || node.Predecessor != IdealPredecessor(node.Id))
            {
                wrong++;
            }

            for (int i = 1; i <= Space.IdentifierBits; i++)
            {
                if (node.Fingers[i - 1] != SuccessorOf(Space.FingerStart(node.Id, i)))
                {
                    wrong++;
                }
            }
        }

        return wrong;
    }

    // Implementation note: the iterative find_predecessor of SIGCOMM 2001 Fig. 4. Each forward is one
    // message; the loop is capped at the node count, which a correct successor cycle never reaches.
    private NodeState FindPredecessor(NodeState start, ulong key, List<ulong>? path)
    {
        var n = start;
        int forwards = 0;
        while (!Space.InOpenClosed(key, n.Id, n.Fingers[0]))
        {
            ulong next = ClosestPrecedingFinger(n, key);
            if (next == n.Id || ++forwards > Count)
            {
                throw new InvalidOperationException(
                    $"the lookup for {key} from {start.Id} stalled at {n.Id}: the successor pointers do not form a cycle.");
            }

            n = nodes[next];
            path?.Add(n.Id);
        }

        return n;
    }

    private ulong ClosestPrecedingFinger(NodeState n, ulong key)
    {
        for (int i = Space.IdentifierBits - 1; i >= 0; i--)
        {
            if (Space.InOpen(n.Fingers[i], n.Id, key))
            {
                return n.Fingers[i];
            }
        }

        return n.Id;
    }

    private ulong IdealPredecessor(ulong id)
    {
        int index = sortedIds.BinarySearch(id);
        return sortedIds[index == 0 ? sortedIds.Count - 1 : index - 1];
    }

    private void MakeIdeal(NodeState node)
    {
        for (int i = 1; i <= Space.IdentifierBits; i++)
        {
            node.Fingers[i - 1] = SuccessorOf(Space.FingerStart(node.Id, i));
        }

        node.HasPredecessor = true;
        node.Predecessor = IdealPredecessor(node.Id);
    }

    private NodeState AddNode(ulong id, ulong successor)
    {
        var node = new NodeState(id, Space.IdentifierBits, successor);
        nodes.Add(id, node);
        int index = sortedIds.BinarySearch(id);
        sortedIds.Insert(~index, id);
        return node;
    }

    private NodeState Node(ulong id, string paramName) =>
        nodes.TryGetValue(id, out var node)
            ? node
            : throw new ArgumentException($"{paramName} must be the id of a node in the network; {id.ToString(CultureInfo.InvariantCulture)} is not.", paramName);

    private sealed class NodeState(ulong id, int bits, ulong successor)
    {
        public ulong Id { get; } = id;

        // Implementation note: Fingers[0] is finger 1, the successor; a new node points every finger
        // at its successor, a safe (if slow) routing table that fix_fingers then improves.
        public ulong[] Fingers { get; } = [.. Enumerable.Repeat(successor, bits)];

        public bool HasPredecessor { get; set; }

        public ulong Predecessor { get; set; }

        public int NextFinger { get; set; } = 1;
    }
}
