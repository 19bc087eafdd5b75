using Workbook.Core.Hashing.Chord;

namespace Workbook.Core.Tests.Hashing.Chord;

public sealed class ChordNetworkTests
{
    // The brute force: the first node id >= key clockwise, by a linear scan of the sorted ids.
    private static ulong TrueSuccessor(IEnumerable<ulong> ids, ulong key)
    {
        ulong? atOrAfter = null, smallest = null;
        foreach (ulong id in ids)
        {
            if (id >= key && (atOrAfter is null || id < atOrAfter)) { atOrAfter = id; }
            if (smallest is null || id < smallest) { smallest = id; }
        }

        return atOrAfter ?? smallest!.Value;
    }

    private static ulong Finger(ChordNetwork network, ulong id, int i) => network.StateOf(id).Fingers[i - 1];

    [Fact]
    public void Sigcomm2001_Figure3_FingerTablesAndKeysOfNodes0_1_3()
    {
        // SIGCOMM 2001 Fig. 3: m = 3, nodes 0, 1, 3. Finger starts n + 1, n + 2, n + 4 (mod 8) and their
        // successors, by hand: node 0 → 1, 3, 0; node 1 → 3, 3, 0; node 3 → 0, 0, 0. Keys 1, 2, 6 are at 1, 3, 0.
        var network = ChordNetwork.CreateIdeal(new ChordSpace(3), [0, 1, 3]);
        Assert.Equal([1UL, 3, 0], network.StateOf(0).Fingers);
        Assert.Equal([3UL, 3, 0], network.StateOf(1).Fingers);
        Assert.Equal([0UL, 0, 0], network.StateOf(3).Fingers);
        Assert.Equal(1UL, network.Lookup(3, 1).Responsible);
        Assert.Equal(3UL, network.Lookup(0, 2).Responsible);
        Assert.Equal(0UL, network.Lookup(1, 6).Responsible);

        // From node 3, key 2: 2 is not in (3, 0]; the closest finger preceding 2 is 0 (finger 3), then
        // 2 is not in (0, 1]; node 0's closest finger preceding 2 is 1; 2 is in (1, 3]: path 3 → 0 → 1.
        var route = network.Lookup(3, 2);
        Assert.Equal([3UL, 0, 1], route.Path);
        Assert.Equal(2, route.Hops);
        Assert.Equal(3UL, route.Responsible);
    }

    [Fact]
    public void Sigcomm2001_4_4_JoinOfNode6_UpdatesTheFingersOfFigure5a()
    {
        // SIGCOMM 2001 Fig. 5(a), node 6 joins {0, 1, 3}. By hand: node 6: starts 7, 0, 2 → 0, 0, 3;
        // node 3: starts 4, 5, 7 → 6, 6, 0; node 1: starts 2, 3, 5 → 3, 3, 6; node 0: starts 1, 2, 4 → 1, 3, 6.
        // Changed entries at old nodes: 3's fingers 1 and 2, 1's finger 3, 0's finger 3 — four.
        var network = ChordNetwork.CreateIdeal(new ChordSpace(3), [0, 1, 3]);
        var join = network.JoinWithFingerUpdates(6, via: 1);
        Assert.Equal([0UL, 0, 3], network.StateOf(6).Fingers);
        Assert.Equal([6UL, 6, 0], network.StateOf(3).Fingers);
        Assert.Equal([3UL, 3, 6], network.StateOf(1).Fingers);
        Assert.Equal([1UL, 3, 6], network.StateOf(0).Fingers);
        Assert.Equal(4, join.FingerUpdates);
        Assert.Equal(3UL, network.StateOf(6).Predecessor);
        Assert.Equal(6UL, network.StateOf(0).Predecessor);
        Assert.True(network.IsConverged);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 8)]       // every identifier is a node
    [InlineData(8, 5)]
    [InlineData(8, 256)]
    [InlineData(16, 300)]
    [InlineData(40, 1000)]
    public void Lookup_InIdealTables_ReachesTheTrueSuccessor_InAtMostMHops(int bits, int n)
    {
        var space = new ChordSpace(bits);
        var ids = space.RandomIds(n, seed: 11);
        var network = ChordNetwork.CreateIdeal(space, ids);
        var rng = new Workbook.Core.Simulation.Xoshiro256StarStar(3);
        for (int i = 0; i < 2000; i++)
        {
            ulong from = ids[(int)(rng.NextUInt64() % (ulong)n)];
            ulong key = rng.NextUInt64() >> (64 - bits);
            var lookup = network.Lookup(from, key);
            Assert.Equal(TrueSuccessor(ids, key), lookup.Responsible);
            Assert.InRange(lookup.Hops, 0, bits);

            // Every forward lands strictly between the previous node and the key, clockwise (a start node
            // equal to the key has the whole circle ahead of it), so it never passes the key.
            for (int h = 1; h < lookup.Path.Count; h++)
            {
                ulong ahead = space.Distance(lookup.Path[h - 1], key) == 0 ? space.Size : space.Distance(lookup.Path[h - 1], key);
                ulong step = space.Distance(lookup.Path[h - 1], lookup.Path[h]);
                Assert.InRange(step, 1UL, ahead - 1);
            }
        }
    }

    [Fact]
    public void FingerTables_AreSuccessorOfNPlusTwoToTheIMinusOne()
    {
        var space = new ChordSpace(12);
        var ids = space.RandomIds(50, seed: 2);
        var network = ChordNetwork.CreateIdeal(space, ids);
        foreach (ulong id in ids)
        {
            for (int i = 1; i <= 12; i++)
            {
                Assert.Equal(TrueSuccessor(ids, (id + (1UL << (i - 1))) % 4096), Finger(network, id, i));
            }
        }
    }

    [Fact]
    public void StabilizationJoin_ConvergesWithinMRounds_ThenLookupsAreCorrect()
    {
        // ToN 2003 Fig. 6: the joiner sets only its successor; each round every node runs stabilize, notify and
        // fix_fingers on one finger (2 … m, cycling), so the joiner's m − 1 fingers need m − 1 rounds at least.
        // Measured (m = 16, N = 256 + 1): 16 rounds; the join itself sent 3 messages.
        var space = new ChordSpace(16);
        var ids = space.RandomIds(257, seed: 5);
        var network = ChordNetwork.CreateIdeal(space, ids.Take(256));
        var join = network.Join(ids[256], via: ids[0]);
        Assert.False(network.IsConverged);
        Assert.Equal(1, join.Lookups);

        var convergence = network.StabilizeUntilConverged(maxRounds: 40);
        Assert.True(convergence.IsConverged, convergence.Reason);
        Assert.InRange(convergence.Rounds, 15, 20);
        AssertAllLookupsCorrect(network, ids);
    }

    [Fact]
    public void ConcurrentJoins_ThroughOneNode_ConvergeToCorrectTables()
    {
        // 63 nodes join through the first with no stabilization in between (their successors are then mostly
        // wrong); the paper's Theorem (ToN §IV-E) says stabilization eventually repairs the ring.
        // Measured (m = 16, seed 9): 78 rounds.
        var space = new ChordSpace(16);
        var ids = space.RandomIds(64, seed: 9);
        var network = ChordNetwork.Create(space, ids[0]);
        foreach (ulong id in ids.Skip(1))
        {
            network.Join(id, ids[0]);
        }

        var convergence = network.StabilizeUntilConverged(maxRounds: 400);
        Assert.True(convergence.IsConverged, convergence.Reason);
        AssertAllLookupsCorrect(network, ids);
    }

    [Fact]
    public void StabilizeUntilConverged_ReportsFailureWithAReason()
    {
        var space = new ChordSpace(16);
        var ids = space.RandomIds(20, seed: 4);
        var network = ChordNetwork.Create(space, ids[0]);
        foreach (ulong id in ids.Skip(1)) { network.Join(id, ids[0]); }

        var result = network.StabilizeUntilConverged(maxRounds: 1);
        Assert.False(result.IsConverged);
        Assert.Contains("still wrong after 1 rounds", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JoinWithFingerUpdates_KeepsTablesCorrect_AndUpdatesExactlyTheEntriesThatChanged()
    {
        // Independent count: the finger entries of old nodes whose brute-force successor(n + 2^(i−1))
        // differs before and after the join.
        var space = new ChordSpace(16);
        var ids = space.RandomIds(120, seed: 8);
        var network = ChordNetwork.CreateIdeal(space, ids.Take(100));
        var members = ids.Take(100).ToList();
        foreach (ulong newId in ids.Skip(100))
        {
            var old = members.ToList();
            var join = network.JoinWithFingerUpdates(newId, via: members[(int)(newId % (ulong)members.Count)]);
            members.Add(newId);
            int changed = old.Sum(p => Enumerable.Range(1, 16).Count(i =>
                TrueSuccessor(members, (p + (1UL << (i - 1))) % 65536) != TrueSuccessor(old, (p + (1UL << (i - 1))) % 65536)));
            Assert.Equal(changed, join.FingerUpdates);
            Assert.True(network.IsConverged);
        }

        AssertAllLookupsCorrect(network, members);
    }

    private static void AssertAllLookupsCorrect(ChordNetwork network, IReadOnlyList<ulong> ids)
    {
        var rng = new Workbook.Core.Simulation.Xoshiro256StarStar(77);
        for (int i = 0; i < 500; i++)
        {
            ulong from = ids[(int)(rng.NextUInt64() % (ulong)ids.Count)];
            ulong key = rng.NextUInt64() >> (64 - network.Space.IdentifierBits);
            Assert.Equal(TrueSuccessor(ids, key), network.Lookup(from, key).Responsible);
        }
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.Rejects(() => _ = new ChordSpace(2), "identifierBits", "an integer in [3, 62]");
        BadInput.Rejects(() => _ = new ChordSpace(63), "identifierBits", "an integer in [3, 62]");
        var space = new ChordSpace(3);
        BadInput.Rejects(() => space.RandomIds(9, 1), "count", "an integer in [1, 2^3]");
        BadInput.Rejects(() => space.RandomIds(0, 1), "count", "an integer in [1, 2^3]");
        BadInput.RejectsArgument(() => ChordNetwork.CreateIdeal(space, [1, 2, 1]), "ids", "distinct");
        BadInput.RejectsArgument(() => ChordNetwork.CreateIdeal(space, []), "ids", "at least one node");
        BadInput.Rejects(() => ChordNetwork.CreateIdeal(space, [1, 8]), "ids", "an identifier in [0, 2^3 - 1]");
        BadInput.Rejects(() => ChordNetwork.Create(space, 9), "id", "an identifier in [0, 2^3 - 1]");
        var network = ChordNetwork.CreateIdeal(space, [0, 1, 3]);
        BadInput.RejectsArgument(() => network.Lookup(2, 5), "from", "must be the id of a node");
        BadInput.Rejects(() => network.Lookup(0, 8), "key", "an identifier in [0, 2^3 - 1]");
        BadInput.RejectsArgument(() => network.StateOf(7), "id", "must be the id of a node");
        BadInput.RejectsArgument(() => network.Join(3, 0), "newId", "must not be a node already");
        BadInput.RejectsArgument(() => network.JoinWithFingerUpdates(5, 4), "via", "must be the id of a node");
        BadInput.Rejects(() => network.RunStabilizationRound(0), "fingersPerRound", "an integer in [1, 2]");
        BadInput.Rejects(() => network.RunStabilizationRound(3), "fingersPerRound", "an integer in [1, 2]");
        BadInput.Rejects(() => network.StabilizeUntilConverged(0), "maxRounds", "an integer > 0");
    }
}
