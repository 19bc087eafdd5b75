using System.Text;
using Workbook.Core.Hashing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Hashing;

public sealed class BoundedLoadBalancerTests
{
    private static HashRing Ring(int n, int v = 50, Func<int, double>? weight = null) =>
        new(Enumerable.Range(0, n).Select(i => new RingNode($"node-{i}", weight?.Invoke(i) ?? 1)), v);

    private static ulong Xx(string s) => SeededHashes.XxHash64(Encoding.UTF8.GetBytes(s), 0);

    // The paper's cap in integers, for ε = k/16: ⌈(16 + k)·m·w / (16·W)⌉.
    private static long CeilingCap(int sixteenths, long m, long w, long totalW) =>
        (((16 + sixteenths) * m * w) + (16 * totalW) - 1) / (16 * totalW);

    private static IEnumerable<ulong> Stream(long seed, int count, bool zipf)
    {
        var rng = new Xoshiro256StarStar(seed);
        var sampler = new ZipfSampler(500, 1.1);
        for (int i = 0; i < count; i++)
        {
            yield return zipf ? Xx($"hot-{sampler.Next(ref rng)}") : rng.NextUInt64();
        }
    }

    [Fact]
    public void CeilingRule_Capacities_ByHand()
    {
        // 4 equal nodes, ε = 0.25: the first key sees ⌈1.25·1/4⌉ = 1; after 9 keys the 10th sees ⌈12.5/4⌉ = 4.
        var b = new BoundedLoadBalancer(Ring(4), 0.25);
        Assert.Equal(1, b.CapacityOf(0));
        for (int i = 0; i < 9; i++) { b.Assign($"k{i}"); }
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(4, b.CapacityOf(i)));

        // ε = 0.1, 5 nodes, 50th key: 1.1·50/5 = 11 exactly; in binary (1 + 0.1)·50/5 = 11.000000000000002,
        // whose plain ceiling would be 12 (Python: (1+0.1)*50*1/5 → 11.000000000000002).
        var tenth = new BoundedLoadBalancer(Ring(5), 0.1);
        for (int i = 0; i < 49; i++) { tenth.Assign($"k{i}"); }
        Assert.Equal(11, tenth.CapacityOf(0));

        // Weights 1 and 3, ε = 0.5, 8th key: 1.5·8·1/4 = 3 and 1.5·8·3/4 = 9.
        var weighted = new BoundedLoadBalancer(Ring(2, weight: i => i == 0 ? 1 : 3), 0.5);
        for (int i = 0; i < 7; i++) { weighted.Assign($"k{i}"); }
        Assert.Equal([3, 9], new[] { weighted.CapacityOf(0), weighted.CapacityOf(1) });
    }

    [Fact]
    public void HaproxyRule_Capacities_MatchHaproxysIntegerFormula_ByHand()
    {
        // HAProxy chash_server_is_eligible (haproxy/haproxy src/lb_chash.c, commit 50872daa6a857e82afc40b1c5161924aef4172d7):
        // tot_slots = ((served + 1)·factor + 99)/100; slots = w·(tot_slots / W) + ((cum + w)·r)/W − (cum·r)/W, r = tot_slots mod W;
        // at least 1; eligible while served < slots. HAProxy scales weights by 16 (BE_WEIGHT_SCALE); the result does not change.
        // 4 nodes of weight 1 (eweight 16, W = 64), factor 125, served 9: tot = 1349/100 = 13, r = 13:
        // ⌊16·13/64⌋ − 0 = 3, ⌊32·13/64⌋ − 3 = 3, ⌊48·13/64⌋ − 6 = 3, 13 − 9 = 4.
        var b = BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(4), 125);
        for (int i = 0; i < 9; i++) { b.Assign($"k{i}"); }
        Assert.Equal([3, 3, 3, 4], Enumerable.Range(0, 4).Select(b.CapacityOf));
        Assert.Equal(0.25, b.Epsilon);
        Assert.Equal(BoundedLoadCapacityRule.Haproxy, b.Rule);

        // Weights 1, 2, 1 (eweights 16, 32, 16, W = 64), factor 150, served 4: tot = 849/100 = 8:
        // ⌊16·8/64⌋ = 2; ⌊48·8/64⌋ − 2 = 4; 8 − 6 = 2.
        var w = BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(3, weight: i => i == 1 ? 2 : 1), 150);
        for (int i = 0; i < 4; i++) { w.Assign($"k{i}"); }
        Assert.Equal([2, 4, 2], Enumerable.Range(0, 3).Select(w.CapacityOf));

        // 3 nodes, factor 101, served 0: tot = 200/100 = 2; ⌊2/3⌋ = 0 → raised to 1; ⌊4/3⌋ − 0 = 1; 2 − 1 = 1.
        var low = BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(3), 101);
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(low.CapacityOf));
    }

    [Fact]
    public void Assignments_MatchABruteForceSimulator()
    {
        // The reference walks the points sorted by clockwise distance from the key (a linear scan
        // from the definition) and takes the first node whose load is below the integer cap.
        var ring = Ring(6, 15, i => 1 + i % 2);
        var points = ring.Nodes.Select((n, idx) => (n, idx))
            .SelectMany(x => Enumerable.Range(0, (int)(15 * x.n.Weight)).Select(i => (Position: Xx($"{x.n.Name}#{i}"), Node: x.idx)))
            .ToList();
        long totalW = 9;
        foreach (bool zipf in new[] { false, true })
        {
            var b = new BoundedLoadBalancer(ring, 0.25);
            var loads = new int[6];
            int m = 0;
            foreach (ulong h in Stream(11, 400, zipf))
            {
                int expected = points.OrderBy(p => unchecked(p.Position - h)).Select(p => p.Node)
                    .First(node => loads[node] < CeilingCap(4, m + 1, (long)ring.Nodes[node].Weight, totalW));
                loads[expected]++;
                m++;
                var a = b.AssignHash(h);
                Assert.Equal(expected, a.NodeIndex);
                Assert.Equal(ring.NodeIndexForHash(h), a.FirstChoiceIndex);
            }

            Assert.Equal(loads, b.Loads);
        }
    }

    [Fact]
    public void NoNodeEverExceedsItsCapacity_OverManySeedsAndStreams_WithDepartures()
    {
        // Property, 60 runs: random ring size (2–12), integer weights 1–3, ε = k/16 for k in 1..24,
        // uniform or Zipf(s = 1.1, 500 hot keys) streams, and a random departure after 30% of arrivals.
        // After every arrival the chosen node holds at most its cap for the m keys now held.
        for (long seed = 1; seed <= 60; seed++)
        {
            var rng = new Xoshiro256StarStar(seed);
            int n = rng.Next(2, 13), k = rng.Next(1, 25);
            var ring = Ring(n, 20, _ => rng.Next(1, 4));
            long totalW = (long)ring.Nodes.Sum(x => x.Weight);
            var b = new BoundedLoadBalancer(ring, k / 16.0);
            var held = new List<BoundedLoadAssignment>();
            foreach (ulong h in Stream(seed, 600, zipf: seed % 2 == 0))
            {
                var a = b.AssignHash(h);
                held.Add(a);
                long cap = CeilingCap(k, b.ActiveKeys, (long)ring.Nodes[a.NodeIndex].Weight, totalW);
                Assert.True(b.Loads[a.NodeIndex] <= cap, $"seed {seed}: node {a.NodeIndex} holds {b.Loads[a.NodeIndex]} > cap {cap}");
                if (rng.NextDouble() < 0.3)
                {
                    int i = rng.Next(held.Count);
                    b.Release(held[i]);
                    held.RemoveAt(i);
                }
            }

            Assert.Equal(held.Count, b.ActiveKeys);
            Assert.Equal(held.Count, b.Loads.Sum());
        }
    }

    [Fact]
    public void HaproxyRule_NoNodeAboveItsSlots_OverManySeeds()
    {
        // HAProxy lets a node take a request only while served < slots; so after the request its load is ≤ slots.
        for (long seed = 1; seed <= 30; seed++)
        {
            var rng = new Xoshiro256StarStar(seed);
            int n = rng.Next(2, 10), factor = rng.Next(105, 300);
            var b = BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(n, 20), factor);
            foreach (ulong h in Stream(seed, 500, zipf: true))
            {
                long m = b.ActiveKeys;   // served before this request
                long tot = ((m + 1) * factor + 99) / 100;
                var a = b.AssignHash(h);
                long slots = Math.Max(1, ((a.NodeIndex + 1) * tot / n) - (a.NodeIndex * tot / n));
                Assert.True(b.Loads[a.NodeIndex] <= slots, $"seed {seed}");
            }
        }
    }

    [Fact]
    public void WithAHugeEpsilon_TheAssignmentIsPlainRingLookup()
    {
        // ε = 100: every cap is ⌈101·m/n⌉ >= m for n <= 101, above any load, so nothing is forwarded.
        var ring = Ring(10, 40);
        var b = new BoundedLoadBalancer(ring, 100);
        foreach (ulong h in Stream(5, 3000, zipf: true).Concat(Stream(6, 3000, zipf: false)))
        {
            Assert.Equal(ring.NodeIndexForHash(h), b.AssignHash(h).NodeIndex);
        }

        Assert.Equal(0, b.Forwarded);
    }

    [Fact]
    public void MaxOverMean_StaysWithinOnePlusEpsilonPlusTheRoundingTerm()
    {
        // Insert only: max ≤ ⌈(1 + ε)m/n⌉ < (1 + ε)m/n + 1, so max/mean < 1 + ε + n/m (n/m = 1/average load).
        // A Zipf(1.1) stream over 500 keys sends 12% of requests to the hottest key: plain lookup is far above.
        foreach (double epsilon in new[] { 0.1, 0.25, 0.5, 1.0 })
        {
            var ring = Ring(20, 100);
            var b = new BoundedLoadBalancer(ring, epsilon);
            var plain = new int[20];
            foreach (ulong h in Stream(3, 20_000, zipf: true))
            {
                b.AssignHash(h);
                plain[ring.NodeIndexForHash(h)]++;
            }

            var report = b.Report();
            Assert.True(report.MaxOverMean < 1 + epsilon + (20.0 / 20_000), $"ε = {epsilon}: {report.MaxOverMean}");
            Assert.Equal(1000, report.MeanLoad);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"ε = {epsilon}: bounded max/mean {report.MaxOverMean:F3}, forwarded {report.ForwardedFraction:P1}; plain ring max/mean {plain.Max() / 1000.0:F3}");
        }
    }

    [Fact]
    public void Release_LowersTheLoad_AndRejectsAStaleOrForeignAssignment()
    {
        var b = new BoundedLoadBalancer(Ring(3), 0.5);
        var a = b.Assign("user:1");
        var c = b.Assign("user:2");
        Assert.Equal(2, b.ActiveKeys);
        b.Release(a);
        Assert.Equal(1, b.ActiveKeys);
        Assert.Equal(1, b.Loads.Sum());
        Assert.Equal(1, b.Loads[c.NodeIndex]);
        BadInput.RejectsArgument(() => b.Release(a), "assignment", "released already or came from another balancer");
        var other = new BoundedLoadBalancer(Ring(3), 0.5);
        BadInput.RejectsArgument(() => other.Release(c), "assignment", "held by this balancer");
        b.Release(c);
        var report = b.Report();
        Assert.Equal(0, report.ActiveKeys);
        Assert.Equal(1, report.MaxOverMean);
        Assert.Equal(2, report.Assigned);
    }

    [Fact]
    public void Forwarding_IsCountedAndEachForwardedKeyPassedAFullNode()
    {
        var b = new BoundedLoadBalancer(Ring(5, 30), 0.1);
        int forwarded = 0;
        foreach (ulong h in Stream(8, 2000, zipf: true))
        {
            var a = b.AssignHash(h);
            Assert.Equal(a.IsForwarded, a.PointsSkipped > 0);
            forwarded += a.IsForwarded ? 1 : 0;
        }

        Assert.Equal(forwarded, b.Forwarded);
        Assert.True(forwarded > 0);   // a Zipf stream at ε = 0.1 must overflow its hottest node
        Assert.Equal((double)forwarded / 2000, b.Report().ForwardedFraction);
    }

    [Fact]
    public void MovesOnNodeAddition_AreMeasured_AgainstTheMinimum()
    {
        // Mirrokni, Thorup & Zadimoghaddam: adding a node moves O(1/ε²) times the minimum m/(n + 1) keys
        // in expectation. Measured, not asserted, except the ε = 100 case, which is plain consistent
        // hashing: the keys that move are exactly those the new node's arcs take.
        const int keys = 10_000, n = 10;
        var ring = Ring(n, 100);
        var grown = ring.Add(new RingNode("node-new"));
        ulong[] hashes = [.. Stream(21, keys, zipf: false)];
        foreach (double epsilon in new[] { 0.1, 0.25, 0.5, 1.0, 100 })
        {
            var before = new BoundedLoadBalancer(ring, epsilon);
            var after = new BoundedLoadBalancer(grown, epsilon);
            int moved = 0;
            foreach (ulong h in hashes)
            {
                string x = ring.Nodes[before.AssignHash(h).NodeIndex].Name, y = grown.Nodes[after.AssignHash(h).NodeIndex].Name;
                moved += x == y ? 0 : 1;
            }

            double ratio = moved / (keys / (n + 1.0));
            TestContext.Current.TestOutputHelper?.WriteLine($"ε = {epsilon}: {moved} keys moved, {ratio:F2} × the minimum {keys / (n + 1.0):F0}");
            if (epsilon == 100)
            {
                Assert.Equal(hashes.Count(h => grown.NodeForHash(h).Name == "node-new"), moved);
            }
        }
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        var ring = Ring(3);
        BadInput.Rejects(() => _ = new BoundedLoadBalancer(ring, 0), "epsilon", "a finite number > 0");
        BadInput.Rejects(() => _ = new BoundedLoadBalancer(ring, -0.5), "epsilon", "a finite number > 0");
        BadInput.Rejects(() => _ = new BoundedLoadBalancer(ring, double.NaN), "epsilon", "a finite number > 0");
        BadInput.Rejects(() => _ = new BoundedLoadBalancer(ring, double.PositiveInfinity), "epsilon", "a finite number > 0");
        BadInput.Rejects(() => BoundedLoadBalancer.FromHaproxyBalanceFactor(ring, 100), "factor", "an integer > 100");
        BadInput.Rejects(() => BoundedLoadBalancer.FromHaproxyBalanceFactor(ring, 0), "factor", "HAProxy's 0 disables the bound");
        BadInput.RejectsArgument(() => BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(2, weight: _ => 1.5), 150), "ring", "integer weights in [1, 256]");
        BadInput.RejectsArgument(() => BoundedLoadBalancer.FromHaproxyBalanceFactor(Ring(2, weight: _ => 300), 150), "ring", "integer weights in [1, 256]");
        BadInput.Rejects(() => new BoundedLoadBalancer(ring, 1).CapacityOf(3), "nodeIndex", "an integer in [0, 2]");
        ulong Tiny(ReadOnlySpan<byte> data, long seed) => SeededHashes.XxHash64(data, seed) & 0x1;
        var crowded = new HashRing(Enumerable.Range(0, 5).Select(i => new RingNode($"n{i}")), 1, Tiny);   // 5 points on 2 positions
        BadInput.RejectsArgument(() => _ = new BoundedLoadBalancer(crowded, 1), "ring", "lost all its points to collisions");
    }
}
