using System.IO.Hashing;
using System.Text;
using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Analysis;

namespace Workbook.Core.Tests.Hashing.Analysis;

public sealed class PlacementSchemesTests
{
    private static readonly IReadOnlyList<string> Nodes = SampleNames.Nodes(7);
    private static readonly IReadOnlyList<string> Keys = SampleNames.Keys(500);

    // The key hash written out from its definition with System.IO.Hashing directly.
    private static ulong Xx(string key) => XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key), 0);

    [Fact]
    public void Modulo_IsTheKeyHashModuloN()
    {
        var placer = PlacementSchemes.Modulo.Place(Nodes);
        Assert.All(Keys, k => Assert.Equal(Nodes[(int)(Xx(k) % 7)], placer.NodeFor(k)));
    }

    [Fact]
    public void Jump_MapsTheKeyHashesBucketToTheNodeAtThatIndex()
    {
        var placer = PlacementSchemes.Jump.Place(Nodes);
        Assert.All(Keys, k => Assert.Equal(Nodes[JumpConsistentHash.Bucket(Xx(k), 7)], placer.NodeFor(k)));
    }

    [Fact]
    public void Ketama_Rendezvous_Maglev_AgreeWithTheStructuresOnMain()
    {
        var ring = new KetamaRing(Nodes.Select(n => new KetamaServer(n)));
        var hrw = new Rendezvous([.. Nodes.Select(n => new RendezvousNode(n))], SeededHashes.XxHash64);
        var maglev = new MaglevTable([.. Nodes.Select(n => new MaglevBackend(n))], SeededHashes.XxHash64, 251);
        IKeyPlacer k = PlacementSchemes.Ketama.Place(Nodes), r = PlacementSchemes.Rendezvous.Place(Nodes);
        IKeyPlacer m = PlacementSchemes.MaglevWithTableSize(251).Place(Nodes);
        Assert.All(Keys, key =>
        {
            Assert.Equal(ring.Locate(key), k.NodeFor(key));
            Assert.Equal(hrw.NodeFor(key).Name, r.NodeFor(key));
            Assert.Equal(Nodes[maglev.BackendIndexAtSlot((int)(Xx(key) % 251))], m.NodeFor(key));
        });
    }

    [Fact]
    public void Ring_And_MultiProbe_AgreeWithTheirStructures()
    {
        var ring160 = new HashRing(Nodes.Select(n => new RingNode(n)), 160, SeededHashes.XxHash64);
        var ring7 = new HashRing(Nodes.Select(n => new RingNode(n)), 7);
        var probe = new MultiProbeRing(Nodes, 21);
        IKeyPlacer r = PlacementSchemes.Ring.Place(Nodes), r7 = PlacementSchemes.RingWithPoints(7).Place(Nodes), p = PlacementSchemes.MultiProbe.Place(Nodes);
        Assert.All(Keys, key =>
        {
            Assert.Equal(ring160.NodeFor(key).Name, r.NodeFor(key));
            Assert.Equal(ring7.NodeFor(key).Name, r7.NodeFor(key));
            Assert.Equal(probe.NodeFor(key), p.NodeFor(key));
        });

        // The schemes are different placements: with 7 and 160 points, some of 500 keys land elsewhere.
        Assert.Contains(Keys, key => r.NodeFor(key) != r7.NodeFor(key));
        Assert.Equal(("ring", "ring (V = 7)", "multi-probe"), (PlacementSchemes.Ring.Name, PlacementSchemes.RingWithPoints(7).Name, PlacementSchemes.MultiProbe.Name));
        BadInput.Rejects(() => PlacementSchemes.RingWithPoints(0), "pointsPerNode", "an integer > 0");
    }

    [Fact]
    public void All_ListsTheSevenSchemes_EachPlacingEveryKeyOnOneOfItsNodes()
    {
        Assert.Equal(["modulo", "ring", "ketama", "jump", "rendezvous", "multi-probe", "maglev"], PlacementSchemes.All.Select(s => s.Name));
        foreach (var scheme in PlacementSchemes.All)
        {
            var placer = scheme.Place(Nodes);
            Assert.Equal(Nodes, placer.Nodes);
            Assert.All(Keys, key => Assert.Contains(placer.NodeFor(key), Nodes));
        }
    }

    [Fact]
    public void Of_PlugsInAnyLookupWithOneLine()
    {
        // A scheme written in one line: the key's length picks the node (not a good scheme, but a checkable one).
        var byLength = PlacementScheme.Of("by length", nodes => key => nodes[key.Length % nodes.Count]);
        var placer = byLength.Place(["a", "b", "c"]);
        Assert.Equal("by length", byLength.Name);
        Assert.Equal("b", placer.NodeFor("four"));   // 4 mod 3 = 1
        Assert.Equal("a", placer.NodeFor("six"));    // 3 mod 3 = 0
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.RejectsArgument(() => PlacementSchemes.Jump.Place([]), "nodes", "at least one node");
        BadInput.RejectsArgument(() => PlacementSchemes.Modulo.Place(["a", "a"]), "nodes", "distinct names");
        BadInput.RejectsArgument(() => PlacementSchemes.Modulo.Place(["a", " "]), "nodes", "non-blank names");
        BadInput.RejectsArgument(() => _ = new KeyPlacer([], k => k), "nodes", "at least one node");
        BadInput.RejectsArgument(() => PlacementScheme.Of(" ", nodes => key => nodes[0]), "name", "must contain text");
        BadInput.Rejects(() => PlacementSchemes.MaglevWithTableSize(250).Place(Nodes), "tableSize", "a prime");
        BadInput.Rejects(() => SampleNames.Keys(-1), "count", "an integer >= 0");
        BadInput.Rejects(() => SampleNames.RandomNodes((1 << 24) + 1, 1), "count", "an integer in [0, 16777216]");
    }

    [Fact]
    public void SampleNames_AreSequentialOrSeededRandomAndDistinct()
    {
        Assert.Equal(["key-0", "key-1", "key-2"], SampleNames.Keys(3));
        Assert.Equal(["node-0", "node-1"], SampleNames.Nodes(2));
        Assert.Equal(SampleNames.RandomKeys(100, 5), SampleNames.RandomKeys(100, 5));
        Assert.NotEqual(SampleNames.RandomKeys(100, 5), SampleNames.RandomKeys(100, 6));
        var nodes = SampleNames.RandomNodes(5000, 9);
        Assert.Equal(5000, nodes.Distinct().Count());
        Assert.All(nodes, n => Assert.Matches(@"^10\.\d{1,3}\.\d{1,3}\.\d{1,3}:11211$", n));
    }
}
