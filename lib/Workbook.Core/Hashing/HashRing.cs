using System.Globalization;
using System.Text;

namespace Workbook.Core.Hashing;

/// <summary>
/// The consistent-hash ring with virtual nodes and weights (Karger et al. 1997; Dynamo, DeCandia et
/// al. 2007, section 4.2): each node owns round(V·weight) points, at least one, and a key goes to the
/// first point at or after its hash, clockwise, wrapping past 2⁶⁴ − 1 to the first point.
/// </summary>
/// <remarks>
/// Point i of node "name" sits at H(UTF-8 "name#i", seed 0) for i = 0 … count − 1 (i in decimal, no
/// padding); a key sits at H(UTF-8 key, seed 0), where H is <see cref="SeededHashes.XxHash64"/> unless
/// another <see cref="SeededHash64"/> is given. Midpoints round away from zero (V·w = 2.5 gives 3).
/// Two points at one position (about P²/2⁶⁵ for P points) keep the node whose name sorts first
/// (ordinal), then the smaller i; the rule depends only on the set of nodes, so adding a node still
/// moves keys only to it. Immutable: <see cref="Add"/> and <see cref="Remove"/> return new rings.
/// Unlike <see cref="KetamaRing"/> (MD5, 32-bit, client-compatible) it is 64-bit and hash-agnostic.
/// </remarks>
public sealed partial class HashRing
{
    /// <summary>The most points a ring may hold in total (2²⁴).</summary>
    public const int MaxPoints = 1 << 24;

    private const int StackKeyBytes = 256;
    private readonly ulong[] positions;
    private readonly int[] owners;
    private readonly int[] replicas;
    private readonly SeededHash64 hash;
    private readonly int[] prefixStarts;
    private readonly int prefixShift;

    /// <summary>Builds the ring.</summary>
    /// <param name="nodes">The nodes, at least one, with distinct names; their order is kept in <see cref="Nodes"/>.</param>
    /// <param name="virtualNodesPerWeight">V, points per unit of weight; an integer &gt;= 1.</param>
    /// <param name="hash">The hash of labels and keys; the default is <see cref="SeededHashes.XxHash64"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="nodes"/> is empty or repeats a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="virtualNodesPerWeight"/> is below 1 or gives more than <see cref="MaxPoints"/> points.</exception>
    public HashRing(IEnumerable<RingNode> nodes, int virtualNodesPerWeight = 100, SeededHash64? hash = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        RingNode[] list = [.. nodes];
        if (list.Length == 0)
        {
            throw new ArgumentException("nodes must contain at least one node; got none.", nameof(nodes));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (RingNode node in list)
        {
            ArgumentNullException.ThrowIfNull(node, nameof(nodes));
            if (!names.Add(node.Name))
            {
                throw new ArgumentException($"nodes must have distinct names; got \"{node.Name}\" twice.", nameof(nodes));
            }
        }

        Guard.AtLeast(virtualNodesPerWeight, 1, nameof(virtualNodesPerWeight));
        int[] counts = new int[list.Length];
        long total = 0;
        for (int n = 0; n < list.Length; n++)
        {
            double wanted = Math.Round(virtualNodesPerWeight * list[n].Weight, MidpointRounding.AwayFromZero);
            total += (long)Math.Min(Math.Max(wanted, 1), MaxPoints + 1.0);
            if (total > MaxPoints)
            {
                throw Guard.OutOfRange(
                    nameof(virtualNodesPerWeight),
                    $"an integer >= 1 that gives at most {MaxPoints.ToString(CultureInfo.InvariantCulture)} points in total",
                    virtualNodesPerWeight.ToString(CultureInfo.InvariantCulture));
            }

            counts[n] = (int)Math.Max(wanted, 1);
        }

        this.hash = hash ?? SeededHashes.XxHash64;
        Nodes = list;
        VirtualNodesPerWeight = virtualNodesPerWeight;
        (positions, owners, replicas) = BuildPoints(list, counts, this.hash);
        (prefixStarts, prefixShift) = BuildPrefixIndex(positions);
    }

    /// <summary>The nodes, in the order given.</summary>
    public IReadOnlyList<RingNode> Nodes { get; }

    /// <summary>V, the points per unit of weight.</summary>
    /// <value>The default is 100.</value>
    public int VirtualNodesPerWeight { get; }

    /// <summary>The number of distinct points on the circle (the sum of the nodes' counts less any collisions).</summary>
    public int PointCount => positions.Length;

    /// <summary>The points in ascending order of position (a new list on each call).</summary>
    public IReadOnlyList<HashRingPoint> Points =>
        [.. positions.Select((position, i) => new HashRingPoint(position, Nodes[owners[i]], replicas[i]))];

    /// <summary>The label whose hash is point <paramref name="replica"/> of a node: "name#i".</summary>
    public static string PointLabel(string nodeName, int replica)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        Guard.NonNegative(replica, nameof(replica));
        return nodeName + "#" + replica.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The position of a key on the circle: the ring's hash of its UTF-8 bytes, seed 0.</summary>
    public ulong HashKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> buffer = length <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[length];
        int written = Encoding.UTF8.GetBytes(key, buffer);
        return hash(buffer[..written], 0);
    }

    /// <summary>The node that owns a key.</summary>
    public RingNode NodeFor(string key) => Nodes[owners[PointIndexForHash(HashKey(key))]];

    /// <summary>The node that owns a pre-hashed key (no allocation).</summary>
    public RingNode NodeForHash(ulong keyHash) => Nodes[owners[PointIndexForHash(keyHash)]];

    /// <summary>The index in <see cref="Nodes"/> of the node that owns a pre-hashed key (no allocation).</summary>
    public int NodeIndexForHash(ulong keyHash) => owners[PointIndexForHash(keyHash)];

    /// <summary>The index in <see cref="Points"/> of the first point at or after <paramref name="keyHash"/>, wrapping to 0.</summary>
    public int PointIndexForHash(ulong keyHash)
    {
        // Implementation note: the prefix index says where the points whose top bits equal the key's
        // begin and end (about one point per bucket up to 65,536 points), so the search runs over that short range only;
        // if none of them is at or after the key, the answer is the first point of a later bucket.
        int bucket = (int)(keyHash >> prefixShift);
        int start = prefixStarts[bucket];
        int end = prefixStarts[bucket + 1];
        while (start < end && positions[start] < keyHash)
        {
            start++;
        }

        return start == positions.Length ? 0 : start;
    }

    /// <summary>Entries of the prefix index that narrows each lookup (4 bytes each).</summary>
    internal int PrefixIndexEntries => prefixStarts.Length;

    /// <summary>
    /// For 2^b buckets of the top b bits (2^b ≥ the point count, at most 2^16), the index of the first point
    /// in each bucket or later, plus a final entry equal to the point count.
    /// </summary>
    private static (int[] Starts, int Shift) BuildPrefixIndex(ulong[] sorted)
    {
        int bits = Math.Clamp((int)Math.Ceiling(Math.Log2(Math.Max(2, sorted.Length))), 1, 16);
        int shift = 64 - bits;
        int[] starts = new int[(1 << bits) + 1];
        int point = 0;
        for (int bucket = 0; bucket < (1 << bits); bucket++)
        {
            while (point < sorted.Length && (int)(sorted[point] >> shift) < bucket)
            {
                point++;
            }

            starts[bucket] = point;
        }

        starts[1 << bits] = sorted.Length;
        return (starts, shift);
    }

    /// <summary>The index in <see cref="Nodes"/> of the owner of point <paramref name="pointIndex"/>.</summary>
    public int NodeIndexOfPoint(int pointIndex)
    {
        if ((uint)pointIndex >= (uint)positions.Length)
        {
            throw Guard.OutOfRange(
                nameof(pointIndex), $"an integer in [0, {(positions.Length - 1).ToString(CultureInfo.InvariantCulture)}]",
                pointIndex.ToString(CultureInfo.InvariantCulture));
        }

        return owners[pointIndex];
    }

    /// <summary>
    /// Each node's share of the circle: the total length of the arcs (previous point, own point] that
    /// end at its points, over 2⁶⁴. In <see cref="Nodes"/> order; the shares sum to 1.
    /// </summary>
    public IReadOnlyList<HashRingShare> Shares()
    {
        var arcs = new UInt128[Nodes.Count];
        var points = new int[Nodes.Count];
        for (int i = 0; i < positions.Length; i++)
        {
            // Implementation note: unsigned subtraction wraps, so the first point's arc (from the
            // last point across 2⁶⁴ − 1) comes out right; a lone point owns the whole circle.
            ulong previous = positions[i == 0 ? positions.Length - 1 : i - 1];
            UInt128 arc = positions.Length == 1 ? (UInt128)1 << 64 : unchecked(positions[i] - previous);
            arcs[owners[i]] += arc;
            points[owners[i]]++;
        }

        return [.. Nodes.Select((node, n) => new HashRingShare(node, points[n], (double)arcs[n] / 18446744073709551616.0))];
    }

    /// <summary>A new ring with <paramref name="node"/> added; this ring is unchanged.</summary>
    /// <exception cref="ArgumentException">A node of that name is already on the ring.</exception>
    public HashRing Add(RingNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (Nodes.Any(n => n.Name == node.Name))
        {
            throw new ArgumentException($"node must have a name not already on the ring; \"{node.Name}\" is.", nameof(node));
        }

        return new HashRing([.. Nodes, node], VirtualNodesPerWeight, hash);
    }

    /// <summary>A new ring without the node named <paramref name="name"/>; this ring is unchanged.</summary>
    /// <exception cref="ArgumentException">No node has that name, or it is the last node.</exception>
    public HashRing Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Nodes.Any(n => n.Name == name))
        {
            throw new ArgumentException($"name must be the name of a node on the ring; \"{name}\" is not.", nameof(name));
        }

        if (Nodes.Count == 1)
        {
            throw new ArgumentException($"name must leave at least one node on the ring; \"{name}\" is the last one.", nameof(name));
        }

        return new HashRing(Nodes.Where(n => n.Name != name), VirtualNodesPerWeight, hash);
    }

    private static (ulong[] Positions, int[] Owners, int[] Replicas) BuildPoints(RingNode[] nodes, int[] counts, SeededHash64 hash)
    {
        var points = new List<(ulong Position, int Owner, int Replica)>(counts.Sum());
        for (int n = 0; n < nodes.Length; n++)
        {
            for (int i = 0; i < counts[n]; i++)
            {
                points.Add((hash(Encoding.UTF8.GetBytes(PointLabel(nodes[n].Name, i)), 0), n, i));
            }
        }

        // Implementation note: sort by position, then name (ordinal), then replica, and keep the first
        // point of each position: the winner of a collision does not depend on the order nodes came in.
        points.Sort((a, b) =>
        {
            int c = a.Position.CompareTo(b.Position);
            if (c == 0)
            {
                c = string.CompareOrdinal(nodes[a.Owner].Name, nodes[b.Owner].Name);
            }

            return c != 0 ? c : a.Replica.CompareTo(b.Replica);
        });
        var kept = points.Where((p, i) => i == 0 || points[i - 1].Position != p.Position).ToArray();
        return ([.. kept.Select(p => p.Position)], [.. kept.Select(p => p.Owner)], [.. kept.Select(p => p.Replica)]);
    }
}
