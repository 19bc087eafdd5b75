using CsCheck;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing.Properties;

// Thaler & Ravishankar (1998): each key goes to the argmax of per-node scores, so adding a node moves keys only
// to it and removing one moves only its keys; the same holds weighted, since a score depends on one node only.
public sealed class RendezvousProperties
{
    private static readonly Gen<double> Weight = Gen.Double[0.01, 100];

    private static Rendezvous Hrw(IEnumerable<RendezvousNode> nodes, bool weighted) => new([.. nodes], SeededHashes.XxHash64, weighted);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddingANode_MovesKeysOnlyToIt(bool weighted)
    {
        var gen = from nodes in HashingGen.NamesAndExtra(1, 12)
                  from weights in Weight.Array[nodes.Names.Length + 1]
                  from keys in HashingGen.Keys
                  select (nodes, weights, keys);
        gen.Sample((nodes, weights, keys) =>
        {
            var list = nodes.Names.Select((n, i) => new RendezvousNode(n, weights[i])).ToList();
            var before = Hrw(list, weighted);
            var after = Hrw([.. list, new RendezvousNode(nodes.Extra, weights[^1])], weighted);
            return keys.All(k => after.NodeFor(k).Name == before.NodeFor(k).Name || after.NodeFor(k).Name == nodes.Extra);
        }, iter: 150, seed: HashingGen.Seed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RemovingANode_MovesOnlyItsKeys(bool weighted)
    {
        var gen = from names in HashingGen.NodeName.ArrayUnique[2, 12]
                  from weights in Weight.Array[names.Length]
                  from removed in Gen.Int[0, names.Length - 1]
                  from keys in HashingGen.Keys
                  select (names, weights, removed, keys);
        gen.Sample((names, weights, removed, keys) =>
        {
            var list = names.Select((n, i) => new RendezvousNode(n, weights[i])).ToList();
            var before = Hrw(list, weighted);
            var after = Hrw(list.Where((_, i) => i != removed), weighted);
            return keys.All(k => before.NodeFor(k).Name == names[removed] || after.NodeFor(k).Name == before.NodeFor(k).Name);
        }, iter: 150, seed: HashingGen.Seed);
    }
}
