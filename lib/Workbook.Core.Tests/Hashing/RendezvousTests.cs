using System.Text;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

public sealed class RendezvousTests
{
    private static readonly string[] Keys = [.. Enumerable.Range(0, 2000).Select(i => $"key-{i}")];

    private static RendezvousNode[] Nodes(int n) => [.. Enumerable.Range(0, n).Select(i => new RendezvousNode($"node-{i}"))];

    // The brute force: every node's score written out from the definition, then a linear argmax.
    private static ulong Score(string node, string key) =>
        SeededHashes.XxHash64(Encoding.UTF8.GetBytes(key), unchecked((long)SeededHashes.XxHash64(Encoding.UTF8.GetBytes(node), 0)));

    private static int BruteForce(IReadOnlyList<RendezvousNode> nodes, string key, bool weighted)
    {
        var scores = nodes.Select(n =>
        {
            ulong h = Score(n.Name, key);
            double u = ((double)(h >> 11) + 0.5) / 9007199254740992.0;   // 2^53
            return weighted ? -n.Weight / Math.Log(u) : h;
        }).ToList();
        return scores.IndexOf(scores.Max());
    }

    [Fact]
    public void Unweighted_MatchesBruteForceArgmax()
    {
        var nodes = Nodes(7);
        var hrw = new Rendezvous(nodes, SeededHashes.XxHash64);
        Assert.All(Keys, k => Assert.Equal(BruteForce(nodes, k, weighted: false), hrw.NodeIndexFor(k)));
        Assert.Equal(Score("node-3", "key-5"), hrw.RawScore(3, "key-5"));
    }

    [Fact]
    public void Weighted_MatchesBruteForceArgmax()
    {
        RendezvousNode[] nodes = [new("a", 1), new("b", 2.5), new("c", 0.25), new("d", 7)];
        var hrw = new Rendezvous(nodes, SeededHashes.XxHash64, weighted: true);
        Assert.All(Keys, k => Assert.Equal(BruteForce(nodes, k, weighted: true), hrw.NodeIndexFor(k)));
    }

    [Fact]
    public void RemovingANode_MovesOnlyItsKeys()
    {
        var nodes = Nodes(10);
        var before = new Rendezvous(nodes, SeededHashes.XxHash64);
        var after = new Rendezvous([.. nodes.Where(n => n.Name != "node-4")], SeededHashes.XxHash64);
        int moved = 0;
        foreach (var key in Keys)
        {
            string owner = before.NodeFor(key).Name, newOwner = after.NodeFor(key).Name;
            if (owner == "node-4") { moved++; } else { Assert.Equal(owner, newOwner); }
        }

        Assert.InRange(moved, 1, Keys.Length / 5);   // about 1/10 of the keys
    }

    [Fact]
    public void AddingANode_MovesKeysOnlyToIt()
    {
        var nodes = Nodes(10);
        var before = new Rendezvous(nodes, SeededHashes.XxHash64);
        var after = new Rendezvous([.. nodes, new RendezvousNode("node-new")], SeededHashes.XxHash64);
        foreach (var key in Keys)
        {
            string owner = before.NodeFor(key).Name, newOwner = after.NodeFor(key).Name;
            Assert.True(newOwner == owner || newOwner == "node-new", $"{key} moved from {owner} to {newOwner}");
        }
    }

    [Fact]
    public void Weighted_ShareOfKeysIsWeightOverTotal()
    {
        // With −w/ln u, node i wins with probability w_i/Σw (the maximum of independent exponential races).
        // 40,000 keys: each share is within 4.5 binomial standard errors (a false alarm below 1e-4 per node).
        double[] weights = [1, 2, 5];
        var hrw = new Rendezvous([.. weights.Select((w, i) => new RendezvousNode($"w{i}", w))], SeededHashes.XxHash64, weighted: true);
        const int keys = 40_000;
        var counts = new int[weights.Length];
        for (int k = 0; k < keys; k++) { counts[hrw.NodeIndexFor($"user:{k}")]++; }

        for (int i = 0; i < weights.Length; i++)
        {
            double p = weights[i] / weights.Sum();
            double se = Math.Sqrt(p * (1 - p) / keys);
            Assert.InRange((double)counts[i] / keys, p - 4.5 * se, p + 4.5 * se);
        }
    }

    [Fact]
    public void Unweighted_IgnoresWeights()
    {
        var plain = new Rendezvous(Nodes(3), SeededHashes.XxHash64);
        var heavy = new Rendezvous([new("node-0", 100), new("node-1"), new("node-2")], SeededHashes.XxHash64);
        Assert.All(Keys, k => Assert.Equal(plain.NodeIndexFor(k), heavy.NodeIndexFor(k)));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheParameter()
    {
        BadInput.RejectsArgument(() => _ = new Rendezvous([], SeededHashes.XxHash64), "nodes", "at least one node");
        BadInput.RejectsArgument(() => _ = new Rendezvous([new("a"), new("a")], SeededHashes.XxHash64), "nodes", "distinct names");
        BadInput.Rejects(() => _ = new RendezvousNode("a", 0), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new RendezvousNode("a", -2), "weight", "a finite number > 0");
        BadInput.Rejects(() => _ = new RendezvousNode("a", double.PositiveInfinity), "weight", "a finite number > 0");
        BadInput.RejectsArgument(() => _ = new RendezvousNode("", 1), "name", "must contain text");
        BadInput.Rejects(() => new Rendezvous(Nodes(2), SeededHashes.XxHash64).RawScore(2, "k"), "nodeIndex", "an integer in [0, 1]");
    }

    [Fact]
    public void Scores_ArePinned_SoAChangeOfHashCannotGoUnnoticed()
    {
        // The notebook's section 6 prints these scores of user:42 (2026-11-29); they pin SeededHashes.XxHash64 and the seeding.
        var hrw = new Rendezvous([new("alpha"), new("beta"), new("gamma")], SeededHashes.XxHash64);
        Assert.Equal(18_424_357_148_846_474_750UL, hrw.RawScore(0, "user:42"));
        Assert.Equal(14_269_632_356_195_065_695UL, hrw.RawScore(1, "user:42"));
        Assert.Equal(12_059_173_069_741_306_965UL, hrw.RawScore(2, "user:42"));
    }

    [Fact]
    public void SeededHashes_MatchPublishedValues()
    {
        // Seed 0 and no data hash eight zero bytes: MD5 = 7dea362b3fac8e00956a4952a3d4f474 (Python hashlib.md5),
        // whose first eight bytes read little-endian are 0x008EAC3F2B36EA7D.
        Assert.Equal(0x008EAC3F2B36EA7DUL, SeededHashes.Md5([], 0));
        // XXH64 of the empty input with seed 0 is 0xEF46DB3751D8E999 (the xxHash reference's sanity value).
        Assert.Equal(0xEF46DB3751D8E999UL, SeededHashes.XxHash64([], 0));
    }

    [Fact]
    public void Unweighted_DoesNotDependOnTheHash_Md5AlsoMatchesBruteForceShares()
    {
        var nodes = Nodes(4);
        var hrw = new Rendezvous(nodes, SeededHashes.Md5);
        var counts = new int[4];
        foreach (string key in Keys)
        {
            counts[hrw.NodeIndexFor(key)]++;
        }

        // 2,000 keys over 4 nodes: each share is 500 ± 19.4 (one SD); 5 SD bounds it.
        Assert.All(counts, c => Assert.InRange(c, 500 - 97, 500 + 97));
    }
}
