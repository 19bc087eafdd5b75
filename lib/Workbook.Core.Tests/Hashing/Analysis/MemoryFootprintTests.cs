using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Analysis;

namespace Workbook.Core.Tests.Hashing.Analysis;

public sealed class MemoryFootprintTests
{
    [Fact]
    public void PerNode_FromTheStructuresArrays()
    {
        var nodes = SampleNames.Nodes(10);
        var ring = new KetamaRing(nodes.Select(n => new KetamaServer(n)));
        var ketama = MemoryFootprint.Of(ring);
        // 160 points per server (no collisions among 1,600 MD5 points here), each 4 + 8 bytes on a 64-bit process.
        Assert.Equal(1600, ketama.Entries);
        Assert.Equal(8, IntPtr.Size);
        Assert.Equal(160 * 12, ketama.BytesPerNode);

        var maglev = MemoryFootprint.Of(new MaglevTable([.. nodes.Select(n => new MaglevBackend(n))], SeededHashes.XxHash64));
        Assert.Equal(65537 * 4 / 10.0, maglev.BytesPerNode);   // 26,214.8 bytes

        var hrw = MemoryFootprint.Of(new Rendezvous([.. nodes.Select(n => new RendezvousNode(n))], SeededHashes.XxHash64));
        Assert.Equal((10L, 80L, 8.0), (hrw.Entries, hrw.TotalBytes, hrw.BytesPerNode));

        // 10 nodes × 160 points, each 8 + 4 + 4 bytes: 25,600 bytes (barring collisions, which xxHash64 makes vanishingly rare),
        // plus the prefix index: 2^11 = 2,048 ≥ 1,600 buckets and one end entry, 4 bytes each = 8,196 bytes; 33,796 in all.
        var plainRing = MemoryFootprint.Of(new HashRing(nodes.Select(n => new RingNode(n)), virtualNodesPerWeight: 160));
        Assert.Equal((1600L, 8_196L, 33_796L, 3_379.6), (plainRing.Entries, plainRing.IndexBytes, plainRing.TotalBytes, plainRing.BytesPerNode));

        var probes = MemoryFootprint.Of(new MultiProbeRing(nodes));
        Assert.Equal((10L, 200L, 20.0), (probes.Entries, probes.TotalBytes, probes.BytesPerNode));

        var jump = MemoryFootprint.OfJump(10);
        Assert.Equal((0L, 0.0), (jump.TotalBytes, jump.BytesPerNode));
        BadInput.Rejects(() => MemoryFootprint.OfJump(0), "buckets", "an integer > 0");
    }
}
