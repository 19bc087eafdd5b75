using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

/// <summary>
/// Envoy's published Maglev expectations: envoyproxy/envoy, test/common/upstream/maglev_lb_test.cc at
/// commit 04a3ccb0eb5db73ba77f9ade5f009b8ebeedfda2 (tests Basic, BasicWithHostName,
/// BasicWithRetryHostPredicate, Weighted, LocalityWeightedSameLocalityWeights,
/// LocalityWeightedDifferentLocalityWeights); the table build is source/common/upstream/maglev_lb.cc
/// at 004303a5a8facd20b83f282a7452cd789983ac20 (xxHash64 of the address, seed 0 for the offset, seed 1
/// for the skip). Envoy hashes the address without its scheme ("127.0.0.1:90") or the hostname.
/// </summary>
public sealed class MaglevEnvoyVectorTests
{
    private static SeededHash64 XxHash64() => SeededHashes.XxHash64;

    private static MaglevBackend[] Ports(string prefix, params int[] ports) => [.. ports.Select(p => new MaglevBackend($"{prefix}{p}"))];

    [Fact]
    public void Basic_SixHostsTableSeven()
    {
        var table = new MaglevTable(Ports("127.0.0.1:", 90, 91, 92, 93, 94, 95), XxHash64(), 7);
        AssertAssignments(table, [2, 4, 0, 1, 5, 0, 3]);
        Assert.Equal(1, table.EntriesPerBackend.Min());
        Assert.Equal(2, table.EntriesPerBackend.Max());
    }

    [Fact]
    public void BasicWithHostName_SixHostsTableSeven()
    {
        var table = new MaglevTable(Ports("", 90, 91, 92, 93, 94, 95), XxHash64(), 7);
        AssertAssignments(table, [2, 5, 0, 3, 4, 1, 0]);
        Assert.Equal(1, table.EntriesPerBackend.Min());
        Assert.Equal(2, table.EntriesPerBackend.Max());
    }

    [Fact]
    public void BasicWithRetryHostPredicate_AttemptsMixTheHash()
    {
        var table = new MaglevTable(Ports("127.0.0.1:", 90, 91, 92, 93, 94, 95), XxHash64(), 7);
        Assert.Equal(1, table.BackendIndexFor(10));
        Assert.Equal(0, table.BackendIndexFor(10, attempt: 1));
        Assert.Equal(5, table.BackendIndexFor(10, attempt: 2));
    }

    [Fact]
    public void Weighted_OneAndTwo_TableSeventeen()
    {
        var table = new MaglevTable([new("127.0.0.1:90", 1), new("127.0.0.1:91", 2)], XxHash64(), 17);
        AssertAssignments(table, [1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1]);
        Assert.Equal([6, 11], table.EntriesPerBackend);
    }

    [Fact]
    public void LocalityWeightedSameLocalityWeights_EqualNormalisedWeights()
    {
        // Localities weighted 1:1, one host each: Envoy's normalised weights are 0.5 and 0.5, as weights 1 and 1 give.
        var table = new MaglevTable([new("127.0.0.1:90", 1), new("127.0.0.1:91", 1)], XxHash64(), 17);
        AssertAssignments(table, [1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1]);
        Assert.Equal([9, 8], table.EntriesPerBackend);
    }

    [Fact]
    public void LocalityWeightedDifferentLocalityWeights_EightToTwo()
    {
        // Locality weights {8, 0, 2}: host :90 gets 0.8, host :92 (weight-0 locality) is left out, host :91 gets 2·0.2/2 = 0.2.
        var table = new MaglevTable([new("127.0.0.1:90", 8), new("127.0.0.1:91", 2)], XxHash64(), 17);
        AssertAssignments(table, [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
        Assert.Equal([13, 4], table.EntriesPerBackend);
    }

    private static void AssertAssignments(MaglevTable table, int[] expected)
    {
        // Envoy's tests look up hash keys 0 .. 3M−1, so every slot is visited three times.
        for (int key = 0; key < 3 * expected.Length; key++)
        {
            Assert.Equal(expected[key % expected.Length], table.BackendIndexFor((ulong)key));
        }
    }
}
