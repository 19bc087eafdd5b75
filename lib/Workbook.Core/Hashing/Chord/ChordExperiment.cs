using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Chord;

/// <summary>
/// Measures Chord's lookup path length and join cost against log₂ N, the experiment behind the
/// SIGCOMM 2001 / ToN 2003 path-length figure (mean ≈ ½·log₂ N) and the O(log² N) join claim.
/// </summary>
/// <remarks>
/// For each size N: N random ids from a seeded Xoshiro256**, an ideal network, then random
/// (start node, key) lookups, or §4.4 joins of random new ids through random existing nodes.
/// </remarks>
public static class ChordExperiment
{
    /// <summary>Hop statistics of random lookups in ideal networks, one row per size.</summary>
    public static IReadOnlyList<ChordHopStatistics> HopCounts(ChordExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Xoshiro256StarStar(options.Seed);
        var rows = new List<ChordHopStatistics>();
        foreach (int n in options.NodeCounts)
        {
            var ids = options.Space.RandomIds(n, unchecked((long)rng.NextUInt64()));
            var network = ChordNetwork.CreateIdeal(options.Space, ids);
            var hops = new int[options.LookupsPerSize];
            for (int i = 0; i < hops.Length; i++)
            {
                ulong from = ids[(int)(rng.NextUInt64() % (ulong)n)];
                ulong key = rng.NextUInt64() >> (64 - options.Space.IdentifierBits);
                hops[i] = network.Lookup(from, key).Hops;
            }

            Array.Sort(hops);
            rows.Add(new ChordHopStatistics(n, Math.Log2(n), MeanOf(hops), NearestRank(hops, 0.01), NearestRank(hops, 0.99), hops[^1]));
        }

        return rows;
    }

    /// <summary>Messages of §4.4 joins into correct networks, one row per size.</summary>
    public static IReadOnlyList<ChordJoinCostStatistics> JoinCosts(ChordExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rng = new Xoshiro256StarStar(options.Seed);
        var rows = new List<ChordJoinCostStatistics>();
        foreach (int n in options.NodeCounts)
        {
            var network = ChordNetwork.CreateIdeal(options.Space, options.Space.RandomIds(n, unchecked((long)rng.NextUInt64())));
            var messages = new int[options.JoinsPerSize];
            long updates = 0;
            for (int j = 0; j < messages.Length; j++)
            {
                ulong newId;
                do
                {
                    newId = rng.NextUInt64() >> (64 - options.Space.IdentifierBits);
                }
                while (network.NodeIds.Contains(newId));

                ulong via = network.NodeIds[(int)(rng.NextUInt64() % (ulong)network.Count)];
                var join = network.JoinWithFingerUpdates(newId, via);
                messages[j] = join.Messages;
                updates += join.FingerUpdates;
            }

            double log2 = Math.Log2(n);
            rows.Add(new ChordJoinCostStatistics(n, log2 * log2, MeanOf(messages), (double)updates / messages.Length, messages.Max()));
        }

        return rows;
    }

    private static Estimate MeanOf(int[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return new Estimate(mean, Math.Sqrt(variance / values.Length), values.Length);
    }

    // Nearest-rank percentile of sorted values: the ⌈p·L⌉-th smallest.
    private static int NearestRank(int[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
