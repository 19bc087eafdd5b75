using System.Text;
using Workbook.Core.Exercises;
using Workbook.Core.Hashing;
using Workbook.Core.Hashing.Analysis;
using Workbook.Core.Hashing.Chord;

namespace Workbook.Core.Episodes.Ep20ConsistentHashing;

/// <summary>
/// Episode 20 — consistent hashing: placing keys on a ring, counting what moves, jump hash, rendezvous,
/// Maglev's table, bounded loads, the spread of a ring's shares and a Chord lookup.
/// </summary>
/// <remarks>
/// Rings in the cases use small positions (a real ring's are 32- or 64-bit; the search is the same) so a
/// failing case can be read. Known mistakes are the seed sketch's (its migration minimum, bisect_right)
/// and the usual slips (no wrap-around, duplicates in a preference list, a lost Maglev turn, 1/√V at small n).
/// </remarks>
public static class Episode20Exercises
{
    /// <summary>All episode 20 exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep20.modulo-moved",
            Title = "How many keys move when hash mod n changes n",
            Track = Track.Intermediate,
            Signature = "double FractionMovedModulo(int nodesBefore, int nodesAfter)",
            Reference = (Func<int, int, double>)((nodesBefore, nodesAfter) => MovementAnalysis.ModuloExpectedFractionMoved(nodesBefore, nodesAfter)),
            Cases = [[4, 5], [10, 11], [100, 101], [10, 20], [6, 4], [3, 3], [1, 2], [12, 18]],
            Hints =
            [
                "A key with hash h stays when h mod a = h mod b. Over one period of lcm(a, b) hashes, that happens once for each remainder r below min(a, b) " +
                "(the Chinese remainder theorem gives one h per r). So the fraction that stays is min(a, b) / lcm(a, b).",
            ],
            KnownMistakes =
            [
                new("the minimum instead", (Func<int, int, double>)((a, b) => a == b ? 0 : Math.Abs(b - a) / (double)Math.Max(a, b)),
                    "That is the fewest keys any scheme must move (the new nodes' share). Modulo hashing moves far more: from 10 to 11 nodes, 10 of every 11 keys."),
                new("every key", (Func<int, int, double>)((a, b) => a == b ? 0 : 1.0),
                    "Not quite every key: a key whose hash is below min(a, b) modulo lcm(a, b) keeps its node. From 10 to 20 nodes, half the keys stay."),
            ],
        },
        new()
        {
            Id = "ep20.min-moved",
            Title = "The fewest keys a resize must move",
            Track = Track.Beginner,
            Signature = "double MinimumFractionMoved(int nodesBefore, int nodesAfter)",
            Reference = (Func<int, int, double>)((nodesBefore, nodesAfter) =>
                nodesAfter >= nodesBefore ? (nodesAfter - nodesBefore) / (double)nodesAfter : (nodesBefore - nodesAfter) / (double)nodesBefore),
            Cases = [[10, 11], [10, 15], [10, 20], [11, 10], [20, 10], [5, 5], [1, 100]],
            Hints =
            [
                "Growing from n to n + k nodes, the new nodes must end up with their fair share, k / (n + k) of the keys, and nothing else needs to move. " +
                "Shrinking from n to n − k, the removed nodes' keys must move: k / n of them.",
            ],
            KnownMistakes =
            [
                new("the seed's minimum", (Func<int, int, double>)((a, b) => b > a ? 1.0 / b : 0),
                    "That is the seed's migration_analysis: 1 / len(new_nodes) when growing and 0 when shrinking. Adding k nodes moves k / (n + k), not 1 / (n + k); " +
                    "removing a node moves its keys, so the minimum is not 0."),
                new("relative to the old count", (Func<int, int, double>)((a, b) => Math.Abs(b - a) / (double)a),
                    "Growing from 10 to 20 moves half the keys, not all of them: the new nodes' share is k / (n + k), the denominator is the new count."),
            ],
        },
        new()
        {
            Id = "ep20.ring-successor",
            Title = "Place a key on a ring",
            Track = Track.Beginner,
            Signature = "int OwnerIndex(ulong[] sortedPoints, ulong keyHash)",
            Reference = (Func<ulong[], ulong, int>)OwnerIndex,
            Cases =
            [
                [Points(100, 400, 700), 250UL], [Points(100, 400, 700), 400UL], [Points(100, 400, 700), 701UL], [Points(100, 400, 700), 0UL],
                [Points(100, 400, 700), ulong.MaxValue], [Points(42), 7UL], [Points(10, 20, 30, 40, 50), 49UL],
            ],
            Hints =
            [
                "A key belongs to the first point at or after its hash, going clockwise. Search the sorted points for the first one >= keyHash; " +
                "if there is none, the key wraps past the top of the circle to point 0.",
            ],
            KnownMistakes =
            [
                new("strictly after (the seed's bisect_right)", (Func<ulong[], ulong, int>)((p, h) => { int i = Array.FindIndex(p, x => x > h); return i < 0 ? 0 : i; }),
                    "A key whose hash equals a point belongs to that point (ketama's rule, used throughout this notebook). The seed's bisect_right sends it to the next one."),
                new("the point before", (Func<ulong[], ulong, int>)((p, h) => { int i = Array.FindLastIndex(p, x => x <= h); return i < 0 ? p.Length - 1 : i; }),
                    "The owner is the next point clockwise (at or after the hash), not the previous one."),
            ],
        },
        new()
        {
            Id = "ep20.preference-list",
            Title = "A replication preference list",
            Track = Track.Intermediate,
            Signature = "string[] PreferenceList(ulong[] sortedPoints, string[] owners, ulong keyHash, int replicas)",
            Reference = (Func<ulong[], string[], ulong, int, string[]>)PreferenceList,
            Cases =
            [
                [Points(10, 20, 30, 40, 50, 60), Owners("A", "B", "A", "C", "B", "C"), 15UL, 2],
                [Points(10, 20, 30, 40, 50, 60), Owners("A", "A", "B", "B", "C", "C"), 15UL, 3],
                [Points(10, 20, 30, 40, 50, 60), Owners("A", "B", "A", "C", "B", "C"), 55UL, 3],
                [Points(10, 20, 30, 40, 50, 60), Owners("A", "B", "A", "C", "B", "C"), 20UL, 2],
                [Points(10, 20, 30, 40, 50, 60), Owners("A", "A", "A", "A", "A", "B"), 61UL, 2],
                [Points(10, 20, 30), Owners("A", "B", "C"), 5UL, 1],
            ],
            Hints =
            [
                "Start at the key's owner (the first point at or after the hash, wrapping) and walk clockwise, point by point. " +
                "Add a point's owner only if it is not in the list yet; stop when the list holds `replicas` distinct nodes.",
            ],
            KnownMistakes =
            [
                new("the next points, not the next nodes", (Func<ulong[], string[], ulong, int, string[]>)((p, o, h, r) =>
                    [.. Enumerable.Range(0, r).Select(i => o[(OwnerIndex(p, h) + i) % p.Length])]),
                    "With virtual nodes, consecutive points often belong to the same node: two replicas on one machine are one failure away from zero. Skip owners already in the list."),
                new("no wrap-around", (Func<ulong[], string[], ulong, int, string[]>)((p, o, h, r) =>
                    [.. o.Skip(OwnerIndex(p, h)).Distinct().Take(r)]),
                    "The walk continues past the last point to the first: the circle has no end. A key near the top needs the nodes at the bottom."),
            ],
        },
        new()
        {
            Id = "ep20.jump-hash",
            Title = "Implement jump consistent hash",
            Track = Track.Intermediate,
            Signature = "int JumpHash(ulong key, int buckets)",
            Reference = (Func<ulong, int, int>)JumpConsistentHash.Bucket,
            // Guava's golden values (HashingTest, commit 3dc3312): key 1 → 55 and key 2 → 62 of 100, key 2 → 80343 of 100,001.
            Cases = [[0UL, 1], [1UL, 100], [2UL, 100], [10863919174838991UL, 11], [2UL, 100001], [ulong.MaxValue, 1000], [12345UL, 2]],
            Hints =
            [
                "Start with b = −1 and j = 0. While j < buckets: b = j; key = key × 2862933555777941757 + 1 (wrapping); " +
                "j = ⌊(b + 1) × 2³¹ / ((key >> 33) + 1)⌋, computed in double precision. Return b.",
            ],
            KnownMistakes =
            [
                new("integer division", (Func<ulong, int, int>)JumpWithIntegerDivision,
                    "2³¹ / ((key >> 33) + 1) must be a real-number ratio (double): in integer arithmetic it is truncated before multiplying by b + 1, " +
                    "so jumps are too short and keys land in different buckets than every other implementation."),
                new("modulo", (Func<ulong, int, int>)((key, buckets) => (int)(key % (ulong)buckets)),
                    "key mod buckets is the scheme jump hash replaces: changing the bucket count moves almost every key. Follow the jumps of the pseudo-random sequence."),
            ],
        },
        new()
        {
            Id = "ep20.hrw-pick",
            Title = "Pick a node by highest random weight",
            Track = Track.Beginner,
            Signature = "int HrwPick(string key, string[] nodes)",
            Reference = (Func<string, string[], int>)HrwPick,
            Cases =
            [
                ["user:42", Owners("alpha", "beta", "gamma")], ["user:43", Owners("alpha", "beta", "gamma")], ["photo/9", Owners("n1", "n2", "n3", "n4", "n5")],
                ["", Owners("a", "b")], ["k", Owners("only")], ["session-7", Owners("n1", "n2", "n3", "n4", "n5", "n6", "n7")],
            ],
            Hints =
            [
                "Score every node: SeededHashes.XxHash64(UTF-8 bytes of the key, seed: (long)SeededHashes.XxHash64(UTF-8 bytes of the node name, 0)). " +
                "The key goes to the node with the highest score (as unsigned 64-bit numbers); on a tie, the earlier node.",
            ],
            KnownMistakes =
            [
                new("lowest score", (Func<string, string[], int>)((key, nodes) =>
                    Enumerable.Range(0, nodes.Length).MinBy(i => Score(key, nodes[i]))),
                    "Highest random weight: the largest score wins. (Lowest would also spread keys evenly, but it is not the scheme every client of the cluster agrees on.)"),
                new("the node's position as its seed", (Func<string, string[], int>)((key, nodes) =>
                    Enumerable.Range(0, nodes.Length).MaxBy(i => SeededHashes.XxHash64(Encoding.UTF8.GetBytes(key), i))),
                    "Seed with the hash of the node's NAME, not its position in the list: clients that list the nodes in another order, or after a removal, " +
                    "would score differently and disagree about where keys live."),
            ],
        },
        new()
        {
            Id = "ep20.maglev-populate",
            Title = "Fill a Maglev lookup table",
            Track = Track.Intermediate,
            Signature = "int[] MaglevPopulate(int[] offsets, int[] skips, int tableSize)",
            Reference = (Func<int[], int[], int, int[]>)MaglevPopulate,
            Cases =
            [
                [Ints(3, 0, 3), Ints(4, 2, 1), 7],
                [Ints(0, 0), Ints(1, 1), 5],
                [Ints(2, 5, 1, 6), Ints(3, 1, 4, 2), 7],
                [Ints(4), Ints(3), 5],
                [Ints(1, 8, 3, 12, 0), Ints(5, 2, 7, 11, 1), 13],
            ],
            Hints =
            [
                "Backend i's preference list is slot (offset[i] + j × skip[i]) mod M for j = 0, 1, 2, … The backends take turns (0, 1, …, n − 1, 0, 1, …): " +
                "on its turn a backend walks its own list to its first FREE slot and claims it. Stop when all M slots are taken (Maglev paper, section 3.4).",
            ],
            KnownMistakes =
            [
                new("a taken slot loses the turn", (Func<int[], int[], int, int[]>)MaglevLosingTurns,
                    "When a backend's next slot is taken it must keep walking its list until it finds a free slot, in the same turn. " +
                    "Giving up the turn makes shares uneven: Maglev's promise is that backends' entry counts differ by at most one."),
                new("one backend at a time", (Func<int[], int[], int, int[]>)MaglevBackendByBackend,
                    "Turns alternate between backends: each claims one slot per round. Letting backend 0 take its M/n slots first, then backend 1, … " +
                    "gives the same counts but a different table, and a removed backend would reshuffle the others."),
            ],
        },
        new()
        {
            Id = "ep20.bounded-capacity",
            Title = "The capacity of a node under bounded loads",
            Track = Track.Beginner,
            Signature = "int Capacity(int keys, int nodes, int balanceFactorPercent)",
            Reference = (Func<int, int, int, int>)Capacity,
            Cases = [[100, 10, 125], [10, 3, 150], [1000, 7, 110], [0, 5, 125], [5, 10, 101], [99, 9, 200], [100, 10, 110]],
            Hints =
            [
                "A factor of 125 (ε = 0.25) means no node takes more than 125 % of the average: the capacity is ⌈keys × factor / (100 × nodes)⌉ " +
                "(the paper's rule; HAProxy gives this to the fullest nodes and one less to some others). " +
                "Compute it in integers, (keys × factor + 100 × nodes − 1) / (100 × nodes), so 100 × 110 / (100 × 10) stays exactly 11.",
            ],
            KnownMistakes =
            [
                new("rounded down", (Func<int, int, int, int>)((k, n, f) => (int)((long)k * f / (100L * n))),
                    "Round the capacity up: rounded down, the nodes together may have room for fewer than all the keys (5 keys on 10 nodes at 101 %: 0 each)."),
                new("floating point", (Func<int, int, int, int>)((k, n, f) => (int)Math.Ceiling(k * (f / 100.0) / n)),
                    "In floating point 100 × 1.1 is 110.00000000000001, so 100 keys on 10 nodes at 110 % get a capacity of 12 instead of 11. Keep the factor in integer percent and round up with integer arithmetic."),
                new("the average", (Func<int, int, int, int>)((k, n, f) => (k + n - 1) / n),
                    "That is the average load rounded up; the balance factor lets a node take up to factor % of it."),
            ],
        },
        new()
        {
            Id = "ep20.bounded-assign",
            Title = "Assign keys with bounded loads",
            Track = Track.Intermediate,
            Signature = "int[] AssignBounded(ulong[] sortedPoints, int[] owners, int nodes, ulong[] keyHashes, int balanceFactorPercent)",
            Reference = (Func<ulong[], int[], int, ulong[], int, int[]>)AssignBounded,
            Cases =
            [
                [Points(10, 20, 30), Ints(0, 1, 2), 3, Points(5, 6, 7, 8, 9, 25), 110],
                [Points(10, 20, 30), Ints(0, 1, 2), 3, Points(5, 6, 7, 8, 9, 25), 200],
                [Points(10, 20, 30, 40), Ints(0, 1, 0, 1), 2, Points(35, 36, 37, 1), 110],
                [Points(10, 20, 30), Ints(0, 1, 2), 3, Points(31, 32, 33, 34), 125],
                [Points(100), Ints(0), 1, Points(1, 200, 300), 110],
                [Points(10, 20, 30), Ints(0, 2, 1), 3, Points(5, 6, 7), 110],
                [Points(10, 20, 30, 40), Ints(0, 0, 0, 1), 2, Points(5, 6, 7), 110],
            ],
            Hints =
            [
                "Every node may take Capacity(keys, nodes, factor) keys. Take the keys in order: start at the key's point on the ring (first point >= hash, wrapping) " +
                "and walk clockwise point by point until a point's node has room; give the key to it and count it.",
            ],
            KnownMistakes =
            [
                new("no bound", (Func<ulong[], int[], int, ulong[], int, int[]>)((p, o, n, k, f) => [.. k.Select(h => o[OwnerIndex(p, h)])]),
                    "That is the plain ring: one hot spot of the ring takes every key that hashes near it. A full node must pass the key on clockwise."),
                new("next node by number", (Func<ulong[], int[], int, ulong[], int, int[]>)AssignBoundedByNodeNumber,
                    "When a node is full, the key goes to the next point clockwise on the ring, not to node number + 1: every client must find the same node by walking the same ring."),
            ],
        },
        new()
        {
            Id = "ep20.expected-cv",
            Title = "Derive the spread of a ring's shares",
            Track = Track.Expert,
            Signature = "double ExpectedShareCv(int nodes, int pointsPerNode)",
            Reference = (Func<int, int, double>)ShareAnalysis.ExpectedShareCv,
            Cases = [[2, 1], [10, 1], [100, 160], [5, 100], [1000, 200], [1, 50], [3, 7]],
            Hints =
            [
                "Place all nV points independently and uniformly on a circle of length 1. The nV gaps between neighbours are exchangeable, and together sum to 1: " +
                "they are Dirichlet(1, …, 1). A node's share is the sum of the V gaps that end at its points. What is the distribution of a sum of V of those gaps, " +
                "and what are its mean and variance?",
            ],
            KnownMistakes =
            [
                new("1/√V", (Func<int, int, double>)((n, v) => 1 / Math.Sqrt(v)),
                    "1/√V is the large-n approximation. With few nodes it is wrong: one node's share is always 1 (CV 0), and with 2 nodes and 1 point each the share is uniform (CV 1/√3)."),
                new("1/√(nV)", (Func<int, int, double>)((n, v) => 1 / Math.Sqrt((double)n * v)),
                    "The spread of a share does not shrink with the number of nodes: each node's share is a sum of V gaps, so the relative spread depends on V."),
            ],
        },
        new()
        {
            Id = "ep20.chord-route",
            Title = "Route a Chord lookup through the finger tables",
            Track = Track.Expert,
            Signature = "int[] ChordRoute(int m, int[] sortedNodeIds, int from, int key)",
            Reference = (Func<int, int[], int, int, int[]>)ChordRoute,
            Cases =
            [
                [6, Ints(1, 8, 14, 21, 32, 38, 42, 48, 51, 56), 8, 54],
                [6, Ints(1, 8, 14, 21, 32, 38, 42, 48, 51, 56), 8, 10],
                [6, Ints(1, 8, 14, 21, 32, 38, 42, 48, 51, 56), 56, 3],
                [6, Ints(1, 8, 14, 21, 32, 38, 42, 48, 51, 56), 32, 60],
                [6, Ints(1, 8, 14, 21, 32, 38, 42, 48, 51, 56), 8, 42],
                [4, Ints(5), 5, 9],
                [5, Ints(0, 4, 9, 15, 23, 30), 30, 0],
            ],
            Hints =
            [
                "At node n with successor s: if the key is in (n, s] going clockwise, the lookup ends at s. Otherwise forward it to the closest preceding finger: " +
                "of finger[i] = successor(n + 2^(i−1)) for i = m down to 1, the first that lies strictly between n and the key. " +
                "Return the nodes visited, from `from` to the node that owns the key. With one node, (n, n] is the whole circle.",
            ],
            KnownMistakes =
            [
                new("successor by successor", (Func<int, int[], int, int, int[]>)ChordRouteBySuccessors,
                    "That reaches the right node but in O(n) hops: follow the fingers, starting from the farthest one that does not pass the key, to halve the distance each hop."),
                new("a finger that passes the key", (Func<int, int[], int, int, int[]>)ChordRouteOvershooting,
                    "A finger at or past the key overshoots: the lookup then has to go almost all the way around. Use only fingers strictly between n and the key."),
            ],
        },
    ];

    private static ulong[] Points(params ulong[] points) => points;

    private static string[] Owners(params string[] owners) => owners;

    private static int[] Ints(params int[] values) => values;

    private static int OwnerIndex(ulong[] sortedPoints, ulong keyHash)
    {
        for (int i = 0; i < sortedPoints.Length; i++)
        {
            if (sortedPoints[i] >= keyHash)
            {
                return i;
            }
        }

        return 0;
    }

    private static string[] PreferenceList(ulong[] sortedPoints, string[] owners, ulong keyHash, int replicas)
    {
        var list = new List<string>();
        int start = OwnerIndex(sortedPoints, keyHash);
        for (int i = 0; i < sortedPoints.Length && list.Count < replicas; i++)
        {
            string owner = owners[(start + i) % sortedPoints.Length];
            if (!list.Contains(owner))
            {
                list.Add(owner);
            }
        }

        return [.. list];
    }

    private static int JumpWithIntegerDivision(ulong key, int buckets)
    {
        long bucket = -1;
        long jump = 0;
        while (jump < buckets)
        {
            bucket = jump;
            key = unchecked((key * 2862933555777941757UL) + 1);
            jump = (bucket + 1) * (long)((1UL << 31) / ((key >> 33) + 1));
        }

        return (int)bucket;
    }

    private static ulong Score(string key, string node) =>
        SeededHashes.XxHash64(Encoding.UTF8.GetBytes(key), unchecked((long)SeededHashes.XxHash64(Encoding.UTF8.GetBytes(node), 0)));

    private static int HrwPick(string key, string[] nodes)
    {
        int best = 0;
        for (int i = 1; i < nodes.Length; i++)
        {
            if (Score(key, nodes[i]) > Score(key, nodes[best]))
            {
                best = i;
            }
        }

        return best;
    }

    private static int[] MaglevPopulate(int[] offsets, int[] skips, int tableSize)
    {
        int[] table = [.. Enumerable.Repeat(-1, tableSize)];
        var next = new long[offsets.Length];
        int filled = 0;
        while (true)
        {
            for (int i = 0; i < offsets.Length; i++)
            {
                long slot = (offsets[i] + (next[i] * skips[i])) % tableSize;
                while (table[slot] >= 0)
                {
                    next[i]++;
                    slot = (offsets[i] + (next[i] * skips[i])) % tableSize;
                }

                table[slot] = i;
                next[i]++;
                if (++filled == tableSize)
                {
                    return table;
                }
            }
        }
    }

    private static int[] MaglevLosingTurns(int[] offsets, int[] skips, int tableSize)
    {
        int[] table = [.. Enumerable.Repeat(-1, tableSize)];
        var next = new long[offsets.Length];
        int filled = 0;
        while (true)
        {
            for (int i = 0; i < offsets.Length; i++)
            {
                long slot = (offsets[i] + (next[i]++ * skips[i])) % tableSize;
                if (table[slot] < 0)
                {
                    table[slot] = i;
                    if (++filled == tableSize)
                    {
                        return table;
                    }
                }
            }
        }
    }

    private static int[] MaglevBackendByBackend(int[] offsets, int[] skips, int tableSize)
    {
        int[] table = [.. Enumerable.Repeat(-1, tableSize)];
        int n = offsets.Length;
        for (int i = 0; i < n; i++)
        {
            int quota = (tableSize / n) + (i < tableSize % n ? 1 : 0);
            for (long j = 0; quota > 0; j++)
            {
                long slot = (offsets[i] + (j * skips[i])) % tableSize;
                if (table[slot] < 0)
                {
                    table[slot] = i;
                    quota--;
                }
            }
        }

        return table;
    }

    // ⌈keys × factor / (100 × nodes)⌉ in integer arithmetic.
    private static int Capacity(int keys, int nodes, int balanceFactorPercent) =>
        (int)((((long)keys * balanceFactorPercent) + (100L * nodes) - 1) / (100L * nodes));

    private static int[] AssignBounded(ulong[] sortedPoints, int[] owners, int nodes, ulong[] keyHashes, int balanceFactorPercent)
    {
        int capacity = Capacity(keyHashes.Length, nodes, balanceFactorPercent);
        var loads = new int[nodes];
        var assigned = new int[keyHashes.Length];
        for (int k = 0; k < keyHashes.Length; k++)
        {
            int i = OwnerIndex(sortedPoints, keyHashes[k]);
            while (loads[owners[i]] >= capacity)
            {
                i = (i + 1) % sortedPoints.Length;
            }

            assigned[k] = owners[i];
            loads[owners[i]]++;
        }

        return assigned;
    }

    private static int[] AssignBoundedByNodeNumber(ulong[] sortedPoints, int[] owners, int nodes, ulong[] keyHashes, int balanceFactorPercent)
    {
        int capacity = Capacity(keyHashes.Length, nodes, balanceFactorPercent);
        var loads = new int[nodes];
        var assigned = new int[keyHashes.Length];
        for (int k = 0; k < keyHashes.Length; k++)
        {
            int node = owners[OwnerIndex(sortedPoints, keyHashes[k])];
            while (loads[node] >= capacity)
            {
                node = (node + 1) % nodes;
            }

            assigned[k] = node;
            loads[node]++;
        }

        return assigned;
    }

    private static int Successor(int[] sortedNodeIds, long id, long size)
    {
        id %= size;
        foreach (int node in sortedNodeIds)
        {
            if (node >= id)
            {
                return node;
            }
        }

        return sortedNodeIds[0];
    }

    private static int[] ChordRoute(int m, int[] sortedNodeIds, int from, int key) => ChordRouteWith(m, sortedNodeIds, from, key, overshoot: false);

    private static int[] ChordRouteOvershooting(int m, int[] sortedNodeIds, int from, int key) => ChordRouteWith(m, sortedNodeIds, from, key, overshoot: true);

    private static int[] ChordRouteWith(int m, int[] sortedNodeIds, int from, int key, bool overshoot)
    {
        var space = new ChordSpace(m);
        long size = 1L << m;
        var path = new List<int> { from };
        int node = from;
        while (path.Count <= sortedNodeIds.Length + 1)
        {
            int successor = Successor(sortedNodeIds, node + 1L, size);
            if (space.InOpenClosed((ulong)key, (ulong)node, (ulong)successor))
            {
                if (successor != node)
                {
                    path.Add(successor);
                }

                return [.. path];
            }

            int next = successor;
            for (int i = m; i >= 1; i--)
            {
                int finger = Successor(sortedNodeIds, node + (1L << (i - 1)), size);
                bool precedes = overshoot
                    ? space.InOpenClosed((ulong)finger, (ulong)node, (ulong)key)
                    : space.InOpen((ulong)finger, (ulong)node, (ulong)key);
                if (precedes)
                {
                    next = finger;
                    break;
                }
            }

            path.Add(next);
            node = next;
        }

        return [.. path];
    }

    private static int[] ChordRouteBySuccessors(int m, int[] sortedNodeIds, int from, int key)
    {
        var space = new ChordSpace(m);
        long size = 1L << m;
        var path = new List<int> { from };
        int node = from;
        while (true)
        {
            int successor = Successor(sortedNodeIds, node + 1L, size);
            if (space.InOpenClosed((ulong)key, (ulong)node, (ulong)successor))
            {
                if (successor != node)
                {
                    path.Add(successor);
                }

                return [.. path];
            }

            path.Add(successor);
            node = successor;
        }
    }
}
