using CsCheck;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing.Properties;

// The ring's promise (Karger et al. 1997): adding a node moves keys only to it, removing one moves only its keys.
// The same for multi-probe hashing (a key's probes see one point more or fewer), and bounded loads never let a
// node hold more than its capacity (Mirrokni, Thorup & Zadimoghaddam 2018), whatever the ring and the stream.
public sealed class RingProperties
{
    private static readonly Gen<double> Weight = Gen.Double[0.1, 4];

    [Fact]
    public void HashRing_AddingANode_MovesKeysOnlyToIt()
    {
        var gen = from nodes in HashingGen.NamesAndExtra(1, 10)
                  from weights in Weight.Array[nodes.Names.Length + 1]
                  from points in Gen.Int[1, 40]
                  from keys in HashingGen.Keys
                  select (nodes, weights, points, keys);
        gen.Sample((nodes, weights, points, keys) =>
        {
            var before = new HashRing(nodes.Names.Select((n, i) => new RingNode(n, weights[i])), points);
            var after = before.Add(new RingNode(nodes.Extra, weights[^1]));
            return keys.All(k => after.NodeFor(k).Name == before.NodeFor(k).Name || after.NodeFor(k).Name == nodes.Extra);
        }, iter: 150, seed: HashingGen.Seed);
    }

    [Fact]
    public void HashRing_RemovingANode_MovesOnlyItsKeys()
    {
        var gen = from names in HashingGen.NodeName.ArrayUnique[2, 10]
                  from removed in Gen.Int[0, names.Length - 1]
                  from points in Gen.Int[1, 40]
                  from keys in HashingGen.Keys
                  select (names, removed, points, keys);
        gen.Sample((names, removed, points, keys) =>
        {
            var before = new HashRing(names.Select(n => new RingNode(n)), points);
            var after = before.Remove(names[removed]);
            return keys.All(k => before.NodeFor(k).Name == names[removed] || after.NodeFor(k).Name == before.NodeFor(k).Name);
        }, iter: 150, seed: HashingGen.Seed);
    }

    [Fact]
    public void MultiProbe_AddingANode_MovesKeysOnlyToIt_AndRemovingItUndoesThat()
    {
        var gen = from nodes in HashingGen.NamesAndExtra(1, 10)
                  from probes in Gen.Int[1, 25]
                  from keys in HashingGen.Keys
                  select (nodes, probes, keys);
        gen.Sample((nodes, probes, keys) =>
        {
            var before = new MultiProbeRing(nodes.Names, probes);
            var after = before.Add(nodes.Extra);
            var back = after.Remove(nodes.Extra);
            return keys.All(k => (after.NodeFor(k) == before.NodeFor(k) || after.NodeFor(k) == nodes.Extra) && back.NodeFor(k) == before.NodeFor(k));
        }, iter: 150, seed: HashingGen.Seed);
    }

    [Fact]
    public void BoundedLoads_NoNodeEverHoldsMoreThanItsCapacity()
    {
        var gen = from names in HashingGen.NodeName.ArrayUnique[1, 8]
                  from epsilon in Gen.Double[0.01, 2]
                  from keys in Gen.String.Array[1, 200]
                  from releases in Gen.Bool.Array[200]
                  select (names, epsilon, keys, releases);
        gen.Sample((names, epsilon, keys, releases) =>
        {
            var balancer = new BoundedLoadBalancer(new HashRing(names.Select(n => new RingNode(n)), 20), epsilon);
            var held = new List<BoundedLoadAssignment>();
            for (int i = 0; i < keys.Length; i++)
            {
                // Check the cap each key was placed under: the node's load never exceeds its capacity for that key.
                int[] capacities = [.. Enumerable.Range(0, names.Length).Select(balancer.CapacityOf)];
                var assignment = balancer.Assign(keys[i]);
                held.Add(assignment);
                if (balancer.Loads[assignment.NodeIndex] > capacities[assignment.NodeIndex])
                {
                    return false;
                }

                if (releases[i] && held.Count > 1)
                {
                    balancer.Release(held[0]);
                    held.RemoveAt(0);
                }
            }

            return true;
        }, iter: 100, seed: HashingGen.Seed);
    }
}
