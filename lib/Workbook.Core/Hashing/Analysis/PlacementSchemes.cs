using System.Globalization;
using System.Text;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>The placement schemes of this library as <see cref="PlacementScheme"/>s, plus the modulo baseline.</summary>
/// <remarks>
/// Modulo, jump and Maglev hash a key as xxHash64 of its UTF-8 bytes with seed 0; ketama hashes with
/// MD5 as memcached clients do; rendezvous scores each node with xxHash64. Jump and modulo map bucket
/// i to the i-th node, so they can only grow or shrink at the END of the list: removing a node in the
/// middle renumbers every later bucket (the measured fraction moved shows it).
/// </remarks>
public static class PlacementSchemes
{
    private const int DefaultRingPoints = 160;

    /// <summary>hash(key) mod n: the disaster baseline (changing n moves almost every key).</summary>
    public static PlacementScheme Modulo { get; } = PlacementScheme.Of(
        "modulo", nodes => key => nodes[(int)(KeyHash(key) % (ulong)nodes.Count)]);

    /// <summary>A <see cref="HashRing"/> with 160 points per node (the default of this scheme list) and xxHash64.</summary>
    public static PlacementScheme Ring { get; } = RingWithPoints(DefaultRingPoints);

    /// <summary>Jump consistent hash of the key's xxHash64; bucket i is the i-th node.</summary>
    public static PlacementScheme Jump { get; } = PlacementScheme.Of(
        "jump", nodes => key => nodes[JumpConsistentHash.Bucket(KeyHash(key), nodes.Count)]);

    /// <summary>The ketama ring with 160 points per node (spymemcached's unweighted point count).</summary>
    public static PlacementScheme Ketama { get; } = PlacementScheme.Of(
        "ketama", nodes => new KetamaRing(nodes.Select(n => new KetamaServer(n))).Locate);

    /// <summary>Unweighted rendezvous (HRW) hashing with xxHash64.</summary>
    public static PlacementScheme Rendezvous { get; } = PlacementScheme.Of(
        "rendezvous", nodes =>
        {
            var hrw = new Hashing.Rendezvous([.. nodes.Select(n => new RendezvousNode(n))], SeededHashes.XxHash64);
            return key => hrw.NodeFor(key).Name;
        });

    /// <summary>Multi-probe consistent hashing (<see cref="MultiProbeRing"/>) with 21 probes and xxHash64.</summary>
    public static PlacementScheme MultiProbe { get; } = PlacementScheme.Of(
        "multi-probe", nodes => new MultiProbeRing(nodes, MultiProbeRing.DefaultProbes).NodeFor);

    /// <summary>Maglev with Envoy's default table size (65537) and the key's xxHash64.</summary>
    public static PlacementScheme Maglev { get; } = MaglevWithTableSize(MaglevTable.DefaultTableSize);

    /// <summary>The schemes in the notebook's order: modulo, ring, ketama, jump, rendezvous, multi-probe, Maglev.</summary>
    public static IReadOnlyList<PlacementScheme> All { get; } = [Modulo, Ring, Ketama, Jump, Rendezvous, MultiProbe, Maglev];

    /// <summary>A <see cref="HashRing"/> with <paramref name="pointsPerNode"/> points per node and xxHash64; named "ring" for 160, else "ring (V = v)".</summary>
    /// <param name="pointsPerNode">V, points per node; an integer ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointsPerNode"/> is below 1.</exception>
    public static PlacementScheme RingWithPoints(int pointsPerNode)
    {
        Guard.Positive(pointsPerNode, nameof(pointsPerNode));
        return PlacementScheme.Of(
            pointsPerNode == DefaultRingPoints ? "ring" : string.Create(CultureInfo.InvariantCulture, $"ring (V = {pointsPerNode})"),
            nodes =>
            {
                var ring = new HashRing(nodes.Select(n => new RingNode(n)), pointsPerNode, SeededHashes.XxHash64);
                return key => ring.NodeFor(key).Name;
            });
    }

    /// <summary>Maglev with table size <paramref name="tableSize"/> (a prime ≥ the node count, checked when placed).</summary>
    /// <param name="tableSize">The table size M.</param>
    public static PlacementScheme MaglevWithTableSize(int tableSize) => PlacementScheme.Of(
        tableSize == MaglevTable.DefaultTableSize ? "maglev" : $"maglev (M = {tableSize})",
        nodes =>
        {
            var table = new MaglevTable([.. nodes.Select(n => new MaglevBackend(n))], SeededHashes.XxHash64, tableSize);
            return key => nodes[table.BackendIndexFor(KeyHash(key))];
        });

    /// <summary>The 64-bit key hash modulo, jump and Maglev use: xxHash64 of the UTF-8 key, seed 0.</summary>
    /// <param name="key">The key.</param>
    public static ulong KeyHash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SeededHashes.XxHash64(Encoding.UTF8.GetBytes(key), 0);
    }
}
