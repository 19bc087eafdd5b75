using Workbook.Core.Hashing;
using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep20ConsistentHashing;

/// <summary>
/// Every episode 20 reference answer against a value that does not come from it: hand arithmetic, the Maglev
/// paper's Table 1, the Chord paper's lookup example, Guava's golden values, or the library's own classes
/// (a different implementation) where the value is a hash.
/// </summary>
public class Episode20ReferenceValuesTests
{
    private static readonly ulong[] SixPoints = [10, 20, 30, 40, 50, 60];
    private static readonly string[] SixOwners = ["A", "B", "A", "C", "B", "C"];
    private static readonly int[] PaperRing = [1, 8, 14, 21, 32, 38, 42, 48, 51, 56];

    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // Stay iff h mod a = h mod b: gcd/max of the keys. 10 → 11: 1/11 stay; 10 → 20: 1/2; 6 → 4: gcd 2 of 6.
        new("ep20.modulo-moved", [10, 11], 10.0 / 11, 1e-12, "hand"),
        new("ep20.modulo-moved", [10, 20], 0.5, 1e-12, "hand"),
        new("ep20.modulo-moved", [6, 4], 2.0 / 3, 1e-12, "hand"),
        new("ep20.modulo-moved", [3, 3], 0, 0, "nothing changes"),

        // a/(n + a) when growing, a/n when shrinking.
        new("ep20.min-moved", [10, 11], 1.0 / 11, 1e-12, "hand"),
        new("ep20.min-moved", [10, 20], 0.5, 1e-12, "hand"),
        new("ep20.min-moved", [20, 10], 0.5, 1e-12, "hand: half the nodes go"),
        new("ep20.min-moved", [5, 5], 0, 0, "hand"),

        // Points 100, 400, 700: 250 → 400 (index 1), a key on a point stays there, past the last wraps to 0.
        new("ep20.ring-successor", [new ulong[] { 100, 400, 700 }, 250UL], 1, 0, "hand"),
        new("ep20.ring-successor", [new ulong[] { 100, 400, 700 }, 400UL], 1, 0, "hand: at or after"),
        new("ep20.ring-successor", [new ulong[] { 100, 400, 700 }, 701UL], 0, 0, "hand: wrap"),

        // n = 2, V = 1: a share is uniform on (0, 1), variance 1/12 over mean² 1/4 → CV √(1/3). One node: always 1, CV 0.
        new("ep20.expected-cv", [2, 1], Math.Sqrt(1.0 / 3), 1e-12, "uniform share"),
        new("ep20.expected-cv", [1, 50], 0, 0, "one node owns everything"),
        new("ep20.expected-cv", [10, 160], Math.Sqrt(9.0 / 1601), 1e-12, "Beta(160, 1440) by hand"),

        // Points 10 … 60 owned A B A C B C: key 15 starts at 20 (B), then A; key 55 starts at 60 (C), wraps to A, then B.
        new("ep20.preference-list", [SixPoints, SixOwners, 15UL, 2], new[] { "B", "A" }, "hand"),
        new("ep20.preference-list", [SixPoints, SixOwners, 55UL, 3], new[] { "C", "A", "B" }, "hand: wraps"),

        // Guava HashingTest golden values (commit 3dc3312): key 1 of 100 → 55; key 2 of 100,001 → 80,343; a large key of 11 → 6.
        new("ep20.jump-hash", [1UL, 100], 55, 0, "Guava golden value"),
        new("ep20.jump-hash", [2UL, 100001], 80343, 0, "Guava golden value"),
        new("ep20.jump-hash", [10863919174838991UL, 11], 6, 0, "Guava golden value"),

        // One node always wins; otherwise the library's Rendezvous class (loops over seeds it computed once) must agree.
        new("ep20.hrw-pick", ["k", new[] { "only" }], 0, 0, "one node"),
        // Pinned: the scores of user:42 are alpha 18,424,357,148,846,474,750 > beta 14,269,632,356,195,065,695 > gamma
        // 12,059,173,069,741,306,965 (xxHash64 as printed by the notebook's section 6 on 2026-11-29), so alpha (index 0) wins.
        new("ep20.hrw-pick", ["user:42", new[] { "alpha", "beta", "gamma" }], 0, 0, "pinned scores"),
        new("ep20.hrw-pick", ["photo/9", new[] { "n1", "n2", "n3", "n4", "n5" }], LibraryHrw("photo/9", "n1", "n2", "n3", "n4", "n5"), 0, "library Rendezvous"),

        // Eisenbud et al. 2016, Table 1: offsets 3, 0, 3 and skips 4, 2, 1 over M = 7 give B1 B0 B1 B0 B2 B2 B0.
        new("ep20.maglev-populate", [new[] { 3, 0, 3 }, new[] { 4, 2, 1 }, 7], new[] { 1, 0, 1, 0, 2, 2, 0 }, "Maglev paper, Table 1"),
        new("ep20.maglev-populate", [new[] { 4 }, new[] { 3 }, 5], new[] { 0, 0, 0, 0, 0 }, "one backend takes every entry"),

        // ⌈keys·f/(100·n)⌉: 100 keys, 10 nodes, 125 % → 12.5 → 13; 110 % → exactly 11; no keys → 0.
        new("ep20.bounded-capacity", [100, 10, 125], 13, 0, "hand"),
        new("ep20.bounded-capacity", [100, 10, 110], 11, 0, "hand: exactly 11, not 12"),
        new("ep20.bounded-capacity", [0, 5, 125], 0, 0, "hand"),

        // Capacity ⌈6·110/300⌉ = 3: keys 5, 6, 7 fill node 0; 8 and 9 go on to point 20 (node 1); 25 → point 30 (node 2).
        new("ep20.bounded-assign", [new ulong[] { 10, 20, 30 }, new[] { 0, 1, 2 }, 3, new ulong[] { 5, 6, 7, 8, 9, 25 }, 110], new[] { 0, 0, 0, 1, 1, 2 }, "hand"),
        // Capacity ⌈3·110/300⌉ = 2: key 7 finds node 0 full and goes to the next point, 20, owned by node 2.
        new("ep20.bounded-assign", [new ulong[] { 10, 20, 30 }, new[] { 0, 2, 1 }, 3, new ulong[] { 5, 6, 7 }, 110], new[] { 0, 0, 2 }, "hand: next point, not next number"),

        // Stoica et al. 2001 (and the 2003 journal version, Figure 3(b)): key 54 from node 8 goes 8 → 42 → 51, and 56 owns it.
        new("ep20.chord-route", [6, PaperRing, 8, 54], new[] { 8, 42, 51, 56 }, "Chord paper's example"),
        // Key 42 from 8: the finger 42 is not strictly before the key, so 8 → 32 (finger 24) → 38 (finger 36) → 42.
        new("ep20.chord-route", [6, PaperRing, 8, 42], new[] { 8, 32, 38, 42 }, "hand"),
        new("ep20.chord-route", [4, new[] { 5 }, 5, 9], new[] { 5 }, "one node owns the circle"),
    ];

    public static TheoryData<ReferenceValue> Cases() => ReferenceValues.AsTheoryData(Rows());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    [Fact]
    public void EveryEpisode20Exercise_HasAnIndependentValue() => ReferenceValues.AssertCoversEveryExercise(20, Rows());

    private static double LibraryHrw(string key, params string[] nodes) =>
        new Rendezvous([.. nodes.Select(n => new RendezvousNode(n))], SeededHashes.XxHash64).NodeIndexFor(key);
}
