using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Episodes.Ep21Raft;
using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep21Raft;

/// <summary>
/// Every episode 21 reference answer against a value worked out by hand from the extended Raft paper
/// (Figure 2's rules, Figure 7's logs, Figure 8's scenario), Castro and Liskov's PBFT counting, or a
/// history reasoned about operation by operation. All comparisons are exact.
/// </summary>
public class Episode21ReferenceValuesTests
{
    private static LogEntry E(long index, long term, string command) => new(index, term, command, false);

    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // Majority: more than half. 1 → 1, 4 → 3 (not 2), 100 → 51.
        new("ep21.quorum", [1], 1, 0, "hand"),
        new("ep21.quorum", [4], 3, 0, "hand: 2 of 4 is only half"),
        new("ep21.quorum", [7], 4, 0, "hand"),
        new("ep21.quorum", [100], 51, 0, "hand"),

        // Section 5.4.1: later last term wins (1 = true, 0 = false); equal terms: the longer or equal log.
        new("ep21.up-to-date", [3L, 5L, 2L, 9L], 1, 0, "later last term, shorter log"),
        new("ep21.up-to-date", [3L, 4L, 3L, 5L], 0, 0, "same term, shorter"),
        new("ep21.up-to-date", [3L, 5L, 3L, 5L], 1, 0, "equal logs"),

        // Votes: not after voting for node 3; yes again to the same candidate; not to a shorter log of the same last term.
        new("ep21.grant-vote", [new VoteRequestContext(3, 2, 5, 3, 5, 3)], 0, 0, "already voted for 3"),
        new("ep21.grant-vote", [new VoteRequestContext(2, 2, 5, 3, 5, 3)], 1, 0, "repeat to the same candidate"),
        new("ep21.grant-vote", [new VoteRequestContext(null, 2, 4, 3, 5, 3)], 0, 0, "candidate one entry behind"),
        new("ep21.grant-vote", [new VoteRequestContext(null, 2, 1, 4, 9, 3)], 1, 0, "later last term"),

        // Consistency check on the log of terms 1 1 2 3: index 3 holds term 2, so (3, 3) fails; (4, 3) matches; 6 is past the end.
        new("ep21.log-matches", [new LogMatchContext(Episode21Exercises.Log(1, 1, 2, 3), 3, 3, [])], 0, 0, "term 2 at index 3"),
        new("ep21.log-matches", [new LogMatchContext(Episode21Exercises.Log(1, 1, 2, 3), 4, 3, [E(5, 4, "n5")])], 1, 0, "match, new term starts"),
        new("ep21.log-matches", [new LogMatchContext(Episode21Exercises.Log(1, 1, 2, 3), 6, 3, [])], 0, 0, "past the end"),
        new("ep21.log-matches", [new LogMatchContext([], 0, 0, [])], 1, 0, "index 0 always matches"),

        // Merge: a stale message carrying only entry 2 (term 1) keeps all five entries; a conflict at 3 cuts 3 and 4.
        new("ep21.merge-entries", [new MergeEntriesContext(Episode21Exercises.Log(1, 1, 2, 2, 2), 1, [E(2, 1, "c2")])],
            new[] { E(1, 1, "c1"), E(2, 1, "c2"), E(3, 2, "c3"), E(4, 2, "c4"), E(5, 2, "c5") }, "stale message keeps the tail"),
        new("ep21.merge-entries", [new MergeEntriesContext(Episode21Exercises.Log(1, 1, 2, 2), 2, [E(3, 3, "new")])],
            new[] { E(1, 1, "c1"), E(2, 1, "c2"), E(3, 3, "new") }, "conflict at 3: cut 3 and 4, append"),

        // Follower commit: min(leaderCommit, last new) = min(9, 3) = 3; a stale leaderCommit 2 leaves 4.
        new("ep21.follower-commit", [new FollowerCommitContext(0, 9, 3, 7)], 3, 0, "hand"),
        new("ep21.follower-commit", [new FollowerCommitContext(4, 2, 2, 5)], 4, 0, "never lowered"),

        // Figure 8 (c): leader S1 of term 4, log 1 2 4, entry 2 (term 2) on S1, S2, S3 — a majority — yet not committable by counting.
        new("ep21.leader-commit", [new LeaderCommitContext(Episode21Exercises.Log(1, 2, 4), 4, 1, [3, 2, 2, 1, 1], 3)], 1, 0, "Figure 8 (c)"),
        // Figure 8 (e): entry 3 (term 4) reaches S2 and S3: index 3 commits, and index 2 with it.
        new("ep21.leader-commit", [new LeaderCommitContext(Episode21Exercises.Log(1, 2, 4), 4, 1, [3, 3, 3, 1, 1], 3)], 3, 0, "Figure 8 (e)"),
        // Terms 5 5 5 5, matches 4 4 2 3 0: index 4 on 2 nodes, index 3 on 3 of 5 → 3.
        new("ep21.leader-commit", [new LeaderCommitContext(Episode21Exercises.Log(5, 5, 5, 5), 5, 1, [4, 4, 2, 3, 0], 3)], 3, 0, "hand"),

        // Timeout: 10 values in [10, 19]; u = 0.999 → 10 + ⌊9.99⌋ = 19; [150, 300] has 151 values, u = 0.25 → 150 + ⌊37.75⌋ = 187.
        new("ep21.election-timeout", [10, 19, 0.999], 19, 0, "hand"),
        new("ep21.election-timeout", [150, 300, 0.25], 187, 0, "hand"),
        new("ep21.election-timeout", [5, 5, 0.7], 5, 0, "one value"),

        // Figure 7's leader log 1 1 1 4 4 5 5 6 6 6 seen from a follower holding it: PrevLogIndex 9 is term 6, which starts at 8.
        new("ep21.conflict-hint", [new ConflictHintContext(Episode21Exercises.Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), 9)], new ConflictHint(6, 8), "term 6 starts at 8"),
        new("ep21.conflict-hint", [new ConflictHintContext(Episode21Exercises.Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), 12)], new ConflictHint(0, 11), "too short"),

        // The leader of Figure 7 (terms 1 1 1 4 4 5 5 6 6 6): a follower conflicting in term 4 (which the leader has, last at 5) → 6;
        // in term 2 (which it has not) → the follower's first index of term 2, 4 (Figure 7 (f) starts term 2 at index 4).
        new("ep21.next-index", [new NextIndexContext(4, 4, Episode21Exercises.Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), 11, 0)], 6, 0, "leader has term 4"),
        new("ep21.next-index", [new NextIndexContext(2, 4, Episode21Exercises.Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), 11, 0)], 4, 0, "Figure 7 (f)"),
        new("ep21.next-index", [new NextIndexContext(0, 2, Episode21Exercises.Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), 11, 6)], 7, 0, "not below match + 1"),

        // 2(n − 1): 5 nodes → 4 AppendEntries + 4 responses.
        new("ep21.messages-per-command", [5], 8, 0, "hand"),
        new("ep21.messages-per-command", [1], 0, 0, "a single node sends nothing"),

        // PBFT (Castro & Liskov 1999, section 4.2), n = 4: pre-prepare 3 + prepare 3·3 + commit 4·3 = 24; n = 7: 6 + 36 + 42 = 84.
        new("ep21.pbft-messages", [4], 24, 0, "hand"),
        new("ep21.pbft-messages", [7], 84, 0, "hand"),

        // A put that completed before a get began must be seen; a read may not go back to absent after reading the value.
        new("ep21.linearizable", [new[] { KvOperation.Put(1, "x", "1", 0, 2), KvOperation.GetAbsent(2, "x", 3, 4) }], 0, 0, "stale read after the write completed"),
        new("ep21.linearizable", [new[] { KvOperation.Put(1, "x", "1", 0, 5), KvOperation.GetAbsent(2, "x", 1, 2), KvOperation.Get(3, "x", "1", 3, 4) }], 1, 0, "put takes effect between the reads"),
        new("ep21.linearizable", [new[] { KvOperation.Pending(1, KvInput.Put("x", "1"), 0), KvOperation.Get(2, "x", "1", 5, 6) }], 1, 0, "a pending put may have happened"),
    ];

    public static TheoryData<ReferenceValue> Cases() => ReferenceValues.AsTheoryData(Rows());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    [Fact]
    public void EveryEpisode21Exercise_HasAnIndependentValue() => ReferenceValues.AssertCoversEveryExercise(21, Rows());
}
