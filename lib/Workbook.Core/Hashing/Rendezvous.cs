using System.Text;

namespace Workbook.Core.Hashing;

/// <summary>
/// Rendezvous (highest random weight) hashing (Thaler &amp; Ravishankar 1998): every node scores every
/// key and the key goes to the highest score. Removing a node moves only that node's keys.
/// </summary>
/// <remarks>
/// A node's score for a key is the seeded hash H(key, seed = H(node name, 0)). Unweighted, the raw
/// 64-bit hashes are compared; weighted, the hash becomes u in (0, 1) and the score is −w / ln u,
/// so node i wins with probability w_i / Σw (Schindelhauer &amp; Schomaker 2005). A lookup costs one
/// hash per node (O(n)), against O(log n) for a ring; ties go to the earlier node.
/// </remarks>
public sealed class Rendezvous
{
    private const int StackKeyBytes = 256;
    private readonly long[] nodeSeeds;
    private readonly double[] weights;
    private readonly SeededHash64 hash;

    /// <summary>Creates the chooser over <paramref name="nodes"/>.</summary>
    /// <exception cref="ArgumentException">No nodes, or two share a name.</exception>
    public Rendezvous(IReadOnlyList<RendezvousNode> nodes, SeededHash64 hash, bool weighted = false)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(hash);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("nodes must list at least one node; got none.", nameof(nodes));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            ArgumentNullException.ThrowIfNull(node, nameof(nodes));
            if (!names.Add(node.Name))
            {
                throw new ArgumentException($"nodes must have distinct names; '{node.Name}' appears twice.", nameof(nodes));
            }
        }

        Nodes = [.. nodes];
        IsWeighted = weighted;
        this.hash = hash;
        nodeSeeds = [.. Nodes.Select(n => unchecked((long)hash(Encoding.UTF8.GetBytes(n.Name), 0)))];
        weights = [.. Nodes.Select(n => n.Weight)];
    }

    /// <summary>The nodes, in the order given.</summary>
    public IReadOnlyList<RendezvousNode> Nodes { get; }

    /// <summary>True when scores use the weights (−w / ln u); false compares raw hashes and ignores weights.</summary>
    /// <value>The default is false.</value>
    public bool IsWeighted { get; }

    /// <summary>The raw 64-bit hash of <paramref name="key"/> for node <paramref name="nodeIndex"/>.</summary>
    public ulong RawScore(int nodeIndex, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckIndex(nodeIndex);
        return hash(Encoding.UTF8.GetBytes(key), nodeSeeds[nodeIndex]);
    }

    /// <summary>The weighted score −w / ln u, with u = (top 53 bits of the raw hash + ½) / 2^53.</summary>
    public double WeightedScore(int nodeIndex, string key) => WeightedScore(Nodes[CheckIndex(nodeIndex)].Weight, RawScore(nodeIndex, key));

    /// <summary>The index of the node that owns <paramref name="key"/> (its UTF-8 bytes are scored).</summary>
    public int NodeIndexFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int length = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> buffer = length <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : new byte[length];
        int written = Encoding.UTF8.GetBytes(key, buffer);
        return NodeIndexFor(buffer[..written]);
    }

    /// <summary>The index of the node that owns the key with bytes <paramref name="key"/>; allocates nothing.</summary>
    public int NodeIndexFor(ReadOnlySpan<byte> key)
    {
        int best = 0;
        ulong bestRaw = 0;
        double bestWeighted = double.NegativeInfinity;
        for (int i = 0; i < nodeSeeds.Length; i++)
        {
            ulong raw = hash(key, nodeSeeds[i]);
            if (IsWeighted)
            {
                double score = WeightedScore(weights[i], raw);
                if (score > bestWeighted)
                {
                    (best, bestWeighted) = (i, score);
                }
            }
            else if (i == 0 || raw > bestRaw)
            {
                (best, bestRaw) = (i, raw);
            }
        }

        return best;
    }

    /// <summary>The node that owns <paramref name="key"/>.</summary>
    public RendezvousNode NodeFor(string key) => Nodes[NodeIndexFor(key)];

    private static double WeightedScore(double weight, ulong raw)
    {
        // Implementation note: u is never 0 or 1, so ln u is finite and negative and the score positive.
        double u = ((raw >> 11) + 0.5) * (1.0 / (1UL << 53));
        return -weight / Math.Log(u);
    }

    private int CheckIndex(int nodeIndex)
    {
        if ((uint)nodeIndex >= (uint)Nodes.Count)
        {
            throw Guard.OutOfRange(nameof(nodeIndex), $"an integer in [0, {Nodes.Count - 1}]", nodeIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return nodeIndex;
    }
}
