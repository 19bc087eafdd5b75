using System.Text;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

public sealed class HashRingTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 3000).Select(i => $"key-{i}")];

    private static RingNode[] Nodes(int n) => [.. Enumerable.Range(0, n).Select(i => new RingNode($"node-{i}"))];

    private static ulong Xx(string s) => SeededHashes.XxHash64(Encoding.UTF8.GetBytes(s), 0);

    // The brute force, written from the definition: every point "name#i" for i < max(1, round(V·w)),
    // and a linear scan for the smallest clockwise distance (p − h) mod 2⁶⁴, ties to the smaller name.
    private sealed record BrutePoint(ulong Position, RingNode Node, int Replica);

    private static List<BrutePoint> BrutePoints(IEnumerable<RingNode> nodes, int v, Func<string, ulong> h) =>
        [.. nodes.SelectMany(n => Enumerable.Range(0, (int)Math.Max(1, Math.Round(v * n.Weight, MidpointRounding.AwayFromZero)))
            .Select(i => new BrutePoint(h($"{n.Name}#{i}"), n, i)))];

    private static IEnumerable<BrutePoint> Clockwise(List<BrutePoint> points, ulong keyHash) =>
        points.OrderBy(p => unchecked(p.Position - keyHash)).ThenBy(p => p.Node.Name, StringComparer.Ordinal).ThenBy(p => p.Replica);

    private static RingNode BruteOwner(List<BrutePoint> points, ulong keyHash) => Clockwise(points, keyHash).First().Node;

    [Fact]
    public void NodeFor_MatchesALinearScanOfEveryPoint()
    {
        RingNode[] nodes = [new("a", 1), new("b", 2.5), new("c", 0.3), new("d"), new("e", 1.7)];
        var ring = new HashRing(nodes, virtualNodesPerWeight: 40);
        var points = BrutePoints(nodes, 40, Xx);
        foreach (string key in Keys)
        {
            ulong h = Xx(key);
            RingNode expected = points.Select(p => (Distance: unchecked(p.Position - h), p.Node)).MinBy(x => x.Distance).Node;
            Assert.Equal(expected, ring.NodeFor(key));
            Assert.Equal(expected, ring.NodeForHash(h));
        }

        Assert.Equal(points.Count, ring.PointCount);   // 40 + 100 + 12 + 40 + 68 = 260, no collisions expected among 260 64-bit values
        Assert.Equal(260, ring.PointCount);
    }

    [Fact]
    public void NodeFor_EdgeHashes_WrapPastTheLastPoint()
    {
        var ring = new HashRing(Nodes(4), 10);
        var points = ring.Points;
        Assert.True(points[^1].Position < ulong.MaxValue);
        Assert.Equal(points[0].Node, ring.NodeForHash(ulong.MaxValue));   // past the last point → the first
        Assert.Equal(points[0].Node, ring.NodeForHash(0));
        Assert.Equal(points[0].Node, ring.NodeForHash(points[^1].Position + 1));
        Assert.Equal(points[^1].Node, ring.NodeForHash(points[^1].Position));
        Assert.Equal(points[1].Node, ring.NodeForHash(points[0].Position + 1));
    }

    [Fact]
    public void AKeyExactlyOnAPoint_BelongsToThatPoint_NotTheNext()
    {
        // Labels and keys share the hash and seed, so the key "a#i" sits exactly on a's point i.
        // The seed's bisect_right would hand it to the next point; "at or after" keeps it on a.
        var ring = new HashRing([new("a"), new("b"), new("c")], 50);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal("a", ring.NodeFor($"a#{i}").Name));
    }

    [Fact]
    public void Points_AreTheHashesOfNameHashIndex_InAscendingOrder()
    {
        var ring = new HashRing([new("cache-1"), new("cache-2", 2)], 3);
        Assert.Equal("cache-1#0", HashRing.PointLabel("cache-1", 0));
        var expected = new[] { "cache-1#0", "cache-1#1", "cache-1#2", "cache-2#0", "cache-2#1", "cache-2#2", "cache-2#3", "cache-2#4", "cache-2#5" }
            .Select(Xx).Order().ToArray();
        Assert.Equal(expected, ring.Points.Select(p => p.Position));
        var first = ring.Points.Single(p => p.Node.Name == "cache-2" && p.Replica == 4);
        Assert.Equal(Xx("cache-2#4"), first.Position);
    }

    [Theory]
    [InlineData(100, 0.004, 1)]   // 0.4 rounds to 0, raised to the minimum 1
    [InlineData(100, 0.005, 1)]   // 0.5 rounds away from zero to 1
    [InlineData(1, 2.5, 3)]       // 2.5 → 3 (banker's rounding would give 2)
    [InlineData(1, 1.5, 2)]
    [InlineData(160, 1, 160)]
    [InlineData(10, 0.26, 3)]     // 2.6 → 3
    public void PointCount_IsRoundVTimesWeight_AtLeastOne(int v, double weight, int expected)
    {
        var ring = new HashRing([new("x", weight), new("y")], v);
        Assert.Equal(expected, ring.Shares()[0].Points);
    }

    [Fact]
    public void Shares_OfAHandBuiltRing_AreItsArcLengths()
    {
        // a's one point at 2⁶², b's at 2⁶³: b owns (2⁶², 2⁶³] = 1/4; a owns the rest, across the wrap = 3/4.
        ulong Fixed(ReadOnlySpan<byte> data, long seed) => Encoding.UTF8.GetString(data) switch
        {
            "a#0" => 1UL << 62,
            "b#0" => 1UL << 63,
            _ => 0,
        };
        var ring = new HashRing([new("a"), new("b")], 1, Fixed);
        var shares = ring.Shares();
        Assert.Equal(0.75, shares[0].Share);
        Assert.Equal(0.25, shares[1].Share);
        Assert.Equal("a", ring.NodeForHash((1UL << 62) - 1).Name);
        Assert.Equal("b", ring.NodeForHash((1UL << 62) + 1).Name);
        Assert.Equal("a", ring.NodeForHash((1UL << 63) + 1).Name);   // wraps to a's point at 2⁶²
        Assert.Equal(1.0, new HashRing([new("solo")], 5).Shares().Single().Share);
    }

    [Fact]
    public void Shares_SumToOne_AndMatchTheFractionOfUniformHashes()
    {
        // Independent check: 200,000 uniform 64-bit hashes land on each node with probability = its
        // share; the count is binomial, so each fraction is within 5 standard errors (false alarm < 1e-6).
        var ring = new HashRing([new("a", 1), new("b", 3), new("c", 0.5), new("d", 2)], 8);
        var shares = ring.Shares();
        Assert.Equal(1.0, shares.Sum(s => s.Share), 12);
        var rng = new Workbook.Core.Simulation.Xoshiro256StarStar(20240512);
        const int draws = 200_000;
        var counts = new int[4];
        for (int i = 0; i < draws; i++)
        {
            counts[ring.NodeIndexForHash(rng.NextUInt64())]++;
        }

        for (int n = 0; n < 4; n++)
        {
            double p = shares[n].Share, se = Math.Sqrt(p * (1 - p) / draws);
            Assert.InRange((double)counts[n] / draws, p - 5 * se, p + 5 * se);
        }
    }

    [Fact]
    public void WeightedShares_AreNearWeightOverTotal_WithinTheArcLengthSpread()
    {
        // With P points placed uniformly, a node holding k of them owns a Beta(k, P − k) share of the
        // circle: mean k/P and SD √(k/P·(1 − k/P)/(P + 1)). V·w is an integer here, so k/P = w/Σw.
        // V = 1000, weights 1, 2, 5 → k = 1000, 2000, 5000 of P = 8000; SD for w = 1 is 0.0037.
        // Each share is within 5 SD of w/Σw (a false alarm below 1e-6 per node).
        double[] weights = [1, 2, 5];
        var ring = new HashRing(weights.Select((w, i) => new RingNode($"w{i}", w)), 1000);
        const int total = 8000;
        var shares = ring.Shares();
        for (int i = 0; i < weights.Length; i++)
        {
            double p = weights[i] / weights.Sum();
            double sd = Math.Sqrt(p * (1 - p) / (total + 1));
            Assert.InRange(shares[i].Share, p - 5 * sd, p + 5 * sd);
        }
    }

    [Fact]
    public void Add_MovesKeysOnlyToTheNewNode_AndLeavesTheOldRingUnchanged()
    {
        var before = new HashRing(Nodes(8), 100);
        var after = before.Add(new RingNode("node-new", 1.5));
        Assert.Equal(8, before.Nodes.Count);
        Assert.Equal(9, after.Nodes.Count);
        int moved = 0;
        foreach (string key in Keys)
        {
            string owner = before.NodeFor(key).Name, newOwner = after.NodeFor(key).Name;
            if (owner != newOwner)
            {
                Assert.Equal("node-new", newOwner);
                moved++;
            }
        }

        // Exactly the keys in the new node's share move: on average 1.5/9.5 = 15.8% (474 of 3000).
        // Its share is itself spread (Beta with 150 of 950 points, SD 1.2%), so allow 7%–25%.
        Assert.InRange(moved, 210, 750);
        Assert.Equal(moved, Keys.Count(k => after.NodeFor(k).Name == "node-new"));
    }

    [Fact]
    public void Remove_MovesOnlyTheRemovedNodesKeys()
    {
        var before = new HashRing(Nodes(8), 100);
        var after = before.Remove("node-3");
        foreach (string key in Keys)
        {
            string owner = before.NodeFor(key).Name, newOwner = after.NodeFor(key).Name;
            if (owner == "node-3")
            {
                Assert.NotEqual("node-3", newOwner);
            }
            else
            {
                Assert.Equal(owner, newOwner);
            }
        }

        Assert.DoesNotContain(after.Nodes, n => n.Name == "node-3");
        Assert.Contains(before.Nodes, n => n.Name == "node-3");
    }

    [Fact]
    public void Collisions_KeepTheNodeWhoseNameSortsFirst_WhateverTheOrderNodesCameIn()
    {
        // A hash with only 16 values forces collisions: 3 nodes × 10 points on 16 positions.
        ulong Tiny(ReadOnlySpan<byte> data, long seed) => SeededHashes.XxHash64(data, seed) & 0xF;
        RingNode[] nodes = [new("c"), new("a"), new("b")];
        var ring = new HashRing(nodes, 10, Tiny);
        var reversed = new HashRing(nodes.Reverse(), 10, Tiny);
        Assert.True(ring.PointCount <= 16);
        Assert.Equal(ring.Points.Select(p => (p.Position, p.Node.Name, p.Replica)), reversed.Points.Select(p => (p.Position, p.Node.Name, p.Replica)));

        var brute = BrutePoints(nodes, 10, s => Tiny(Encoding.UTF8.GetBytes(s), 0));
        foreach (var point in ring.Points)
        {
            var winner = brute.Where(b => b.Position == point.Position)
                .OrderBy(b => b.Node.Name, StringComparer.Ordinal).ThenBy(b => b.Replica).First();
            Assert.Equal((winner.Node.Name, winner.Replica), (point.Node.Name, point.Replica));
        }

        Assert.Equal(brute.Select(b => b.Position).Distinct().Count(), ring.PointCount);
        foreach (string key in Keys.Take(500))
        {
            ulong h = Tiny(Encoding.UTF8.GetBytes(key), 0);
            Assert.Equal(BruteOwner(brute, h), ring.NodeForHash(h));
        }

        // Monotonicity survives collisions: adding "aa" (which wins ties against b and c) moves keys only to it.
        var grown = ring.Add(new RingNode("aa"));
        Assert.All(Keys.Take(500), k => Assert.Contains(grown.NodeFor(k).Name, new[] { ring.NodeFor(k).Name, "aa" }));
    }

    [Fact]
    public void Lookup_OfAPreHashedKey_AllocatesNothing()
    {
        var ring = new HashRing(Nodes(100), 160);
        ulong[] hashes = [.. Keys.Select(Xx)];
        int sink = 0;
        foreach (ulong h in hashes) { sink += ring.NodeIndexForHash(h); _ = ring.NodeForHash(h); _ = ring.NodeFor("key-1"); }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (ulong h in hashes)
        {
            sink += ring.NodeIndexForHash(h);
            _ = ring.NodeForHash(h);
        }

        _ = ring.NodeFor("user:42");   // the string overload hashes short keys on the stack
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sink > 0);
    }

    [Fact]
    public void PreferenceLists_MatchABruteForceWalkOfEveryPoint()
    {
        RingNode[] nodes = [.. Enumerable.Range(0, 7).Select(i => new RingNode($"n{i}", 1 + i % 3 * 0.5))];
        var ring = new HashRing(nodes, 20);
        var points = BrutePoints(nodes, 20, Xx);
        foreach (string key in Keys.Take(1000))
        {
            var walk = Clockwise(points, Xx(key)).Select(p => p.Node).Distinct().ToList();
            for (int n = 1; n <= 4; n += 3)
            {
                var list = ring.PreferenceList(key, n);
                Assert.True(list.IsComplete);
                Assert.Equal(walk.Take(n), list.Nodes);
                Assert.Equal(ring.NodeFor(key), list.Nodes[0]);   // the coordinator is the key's owner
            }
        }

        Assert.Equal(nodes.Length, ring.PreferenceList("k", nodes.Length).Nodes.Distinct().Count());
    }

    [Fact]
    public void ZoneDistinctPreferenceLists_MatchABruteForceWalk_AndSpanDistinctZones()
    {
        // Nine nodes in three zones (three per zone) and one node with no zone: four zones in all.
        RingNode[] nodes = [.. Enumerable.Range(0, 9).Select(i => new RingNode($"n{i}", 1, $"zone-{i % 3}")), new RingNode("loner")];
        var ring = new HashRing(nodes, 30);
        Assert.Equal(4, ring.ZoneCount);
        var points = BrutePoints(nodes, 30, Xx);
        foreach (string key in Keys.Take(1000))
        {
            var seen = new HashSet<string>();
            var walk = Clockwise(points, Xx(key)).Select(p => p.Node).Distinct()
                .Where(n => seen.Add(n.Zone ?? "no zone: " + n.Name)).ToList();
            var list = ring.PreferenceList(key, 3, distinctZones: true);
            Assert.True(list.IsComplete, list.Reason);
            Assert.Equal(walk.Take(3), list.Nodes);
            Assert.Equal(3, list.Nodes.Select(n => n.Zone ?? n.Name).Distinct().Count());
        }
    }

    [Fact]
    public void ZoneDistinctPreferenceList_WithFewerZonesThanReplicas_IsIncompleteWithAReason()
    {
        RingNode[] nodes = [new("a1", 1, "a"), new("a2", 1, "a"), new("b1", 1, "b"), new("b2", 1, "b")];
        var ring = new HashRing(nodes, 10);
        var list = ring.PreferenceList("some-key", 3, distinctZones: true);
        Assert.False(list.IsComplete);
        Assert.Equal(2, list.Nodes.Count);
        Assert.Equal(["a", "b"], list.Nodes.Select(n => n.Zone).Order());
        Assert.Contains("only 2 distinct zones", list.Reason, StringComparison.Ordinal);
        Assert.True(ring.PreferenceList("some-key", 3).IsComplete);   // without the zone rule, 3 of 4 nodes
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.RejectsArgument(() => _ = new HashRing([]), "nodes", "at least one node");
        BadInput.RejectsArgument(() => _ = new HashRing([new("a"), new("b"), new("a")]), "nodes", "distinct names");
        BadInput.Rejects(() => _ = new RingNode("a", 0), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new RingNode("a", -1), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new RingNode("a", double.NaN), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new RingNode("a", double.PositiveInfinity), "weight", "a finite number > 0");
        BadInput.RejectsArgument(() => _ = new RingNode(" "), "name", "must contain text");
        BadInput.RejectsArgument(() => _ = new RingNode("a", 1, ""), "zone", "must contain text");
        BadInput.Rejects(() => _ = new HashRing(Nodes(2), 0), "virtualNodesPerWeight", "an integer >= 1");
        BadInput.Rejects(() => _ = new HashRing([new("a", 1e12)], 100), "virtualNodesPerWeight", "at most 16777216 points");
        var ring = new HashRing(Nodes(4), 10);
        BadInput.Rejects(() => ring.PreferenceList("k", 5), "replicas", "an integer in [1, 4]");
        BadInput.Rejects(() => ring.PreferenceList("k", 0), "replicas", "an integer in [1, 4]");
        BadInput.RejectsArgument(() => ring.Add(new RingNode("node-2")), "node", "not already on the ring");
        BadInput.RejectsArgument(() => ring.Remove("node-9"), "name", "a node on the ring");
        BadInput.RejectsArgument(() => new HashRing([new("only")]).Remove("only"), "name", "at least one node");
        BadInput.Rejects(() => ring.NodeIndexOfPoint(ring.PointCount), "pointIndex", "an integer in [0, 39]");
    }
}
