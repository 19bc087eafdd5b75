namespace Workbook.Core.Hashing.Analysis;

/// <summary>The bytes a placement structure keeps for lookups, from its actual array sizes, per node.</summary>
/// <remarks>
/// Counts the arrays a lookup reads, not object headers, the node list or the node names, which every
/// scheme shares. A ketama point is a 4-byte position plus a reference to its server's name
/// (<see cref="IntPtr.Size"/> bytes); a Maglev slot is a 4-byte backend index; rendezvous keeps one
/// 8-byte seed per node; jump hash keeps nothing.
/// </remarks>
/// <param name="Algorithm">The structure's name.</param>
/// <param name="Nodes">Nodes n.</param>
/// <param name="Entries">Array entries a lookup reads (points, slots, seeds).</param>
/// <param name="BytesPerEntry">Bytes per entry.</param>
/// <param name="IndexBytes">Bytes of any index kept beside the entries (a ring's prefix index).</param>
public sealed record MemoryFootprint(string Algorithm, int Nodes, long Entries, int BytesPerEntry, long IndexBytes = 0)
{
    /// <summary>Entries × bytes per entry, plus the index.</summary>
    public long TotalBytes => (Entries * BytesPerEntry) + IndexBytes;

    /// <summary>Total bytes over the number of nodes.</summary>
    public double BytesPerNode => (double)TotalBytes / Nodes;

    /// <summary>A ketama ring: one sorted position (uint) and one owner reference per distinct point.</summary>
    /// <param name="ring">The ring.</param>
    public static MemoryFootprint Of(KetamaRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new MemoryFootprint("ketama", ring.Servers.Count, ring.Count, sizeof(uint) + IntPtr.Size);
    }

    /// <summary>
    /// A <see cref="HashRing"/>: per point, a 64-bit position, a 4-byte owner index and a 4-byte virtual-node
    /// number; plus its prefix index, one 4-byte start per bucket (a power of two at least the point count, at most 2^16, plus one).
    /// </summary>
    /// <param name="ring">The ring.</param>
    public static MemoryFootprint Of(HashRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new MemoryFootprint(
            $"ring (V = {ring.VirtualNodesPerWeight})", ring.Nodes.Count, ring.PointCount, sizeof(ulong) + sizeof(int) + sizeof(int), (long)ring.PrefixIndexEntries * sizeof(int));
    }

    /// <summary>A <see cref="MultiProbeRing"/>: one point per node, kept sorted with its owner and again in node order (8 + 4 + 8 bytes).</summary>
    /// <param name="ring">The ring.</param>
    public static MemoryFootprint Of(MultiProbeRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new MemoryFootprint("multi-probe", ring.Nodes.Count, ring.Nodes.Count, sizeof(ulong) + sizeof(int) + sizeof(ulong));
    }

    /// <summary>A Maglev table: M slots of one int each (the lookup table only).</summary>
    /// <param name="table">The table.</param>
    public static MemoryFootprint Of(MaglevTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new MemoryFootprint("maglev", table.Backends.Count, table.TableSize, sizeof(int));
    }

    /// <summary>Rendezvous: one 64-bit seed per node (the hash of its name, computed once).</summary>
    /// <param name="rendezvous">The chooser.</param>
    public static MemoryFootprint Of(Rendezvous rendezvous)
    {
        ArgumentNullException.ThrowIfNull(rendezvous);
        return new MemoryFootprint("rendezvous", rendezvous.Nodes.Count, rendezvous.Nodes.Count, sizeof(long));
    }

    /// <summary>Jump hash over <paramref name="buckets"/> buckets: no table at all.</summary>
    /// <param name="buckets">Buckets n; an integer ≥ 1.</param>
    public static MemoryFootprint OfJump(int buckets) => new("jump", Guard.Positive(buckets, nameof(buckets)), 0, 0);
}
