using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>
/// Episode 21 — Raft. The rule exercises plug the learner's function into the real core through
/// <see cref="RaftRules"/>: after every case matches, a trial (<see cref="Episode21Trials"/>) runs scenarios
/// and seeded fault runs with it, checking Figure 3's invariants after every step.
/// </summary>
/// <remarks>
/// References are the library's <see cref="StandardRaftRules"/>; known mistakes are the seed sketch's
/// (majority for even clusters, the wrong terms compared, min with the log's end) and the slips of the
/// paper's readers (counting replicas of an earlier term, truncating on a stale message, backing up one
/// entry at a time). Logs in the cases are written as their terms: <c>Log(1, 1, 2)</c> is three entries.
/// </remarks>
public static class Episode21Exercises
{
    /// <summary>All episode 21 exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep21.quorum",
            Title = "How many votes make a majority",
            Track = Track.Beginner,
            Signature = "int Quorum(int clusterSize)",
            Reference = (Func<int, int>)(clusterSize => (clusterSize / 2) + 1),
            Cases = [[1], [3], [5], [4], [2], [6], [7], [100]],
            Hints =
            [
                "A majority is more than half: the smallest count q with 2q > n. Any two majorities of the same n nodes then share a node.",
            ],
            KnownMistakes =
            [
                new("the seed's majority", (Func<int, int>)(n => ((n - 1) / 2) + 1),
                    "That is the seed's test, votes > len(peers) / 2 with the candidate's own vote counted: for an even cluster it accepts exactly half " +
                    "(2 of 4), and two disjoint halves can elect two leaders in one term. A majority needs more than n / 2 votes."),
                new("half", (Func<int, int>)(n => n / 2),
                    "n / 2 is half, not a majority: with 3 nodes it gives 1, so every node could elect itself. You need more than half: n / 2 + 1."),
            ],
        },
        new()
        {
            Id = "ep21.up-to-date",
            Title = "Whose log is more up to date",
            Track = Track.Beginner,
            Signature = "bool AtLeastAsUpToDate(long candidateLastTerm, long candidateLastIndex, long ownLastTerm, long ownLastIndex)",
            Reference = (Func<long, long, long, long, bool>)((candidateLastTerm, candidateLastIndex, ownLastTerm, ownLastIndex) =>
                candidateLastTerm > ownLastTerm || (candidateLastTerm == ownLastTerm && candidateLastIndex >= ownLastIndex)),
            Cases =
            [
                [3L, 5L, 2L, 9L], [2L, 9L, 3L, 5L], [3L, 5L, 3L, 5L], [3L, 6L, 3L, 5L], [3L, 4L, 3L, 5L], [0L, 0L, 0L, 0L], [1L, 1L, 0L, 0L],
            ],
            Hints =
            [
                "Compare the last terms first: the later last term is more up to date, whatever the lengths. Only with equal last terms does the longer log win (section 5.4.1).",
            ],
            KnownMistakes =
            [
                new("longer log wins", (Func<long, long, long, long, bool>)((ct, ci, ot, oi) => ci >= oi),
                    "Length alone is not the rule: a long log of old terms may hold entries a newer leader overwrote. Compare last terms first; lengths decide only between equal last terms."),
                new("last term only", (Func<long, long, long, long, bool>)((ct, ci, ot, oi) => ct >= ot),
                    "With equal last terms the longer log is more up to date: a candidate with last term 3 at index 4 is behind a voter with last term 3 at index 5."),
                new("strictly more", (Func<long, long, long, long, bool>)((ct, ci, ot, oi) => ct > ot || (ct == ot && ci > oi)),
                    "\"At least as up to date\" includes equal logs: a voter with the same last term and index must be able to vote, or two identical nodes could never elect each other."),
            ],
        },
        new()
        {
            Id = "ep21.grant-vote",
            Title = "Grant a vote: one per term, only to an up-to-date log",
            Track = Track.Intermediate,
            Signature = "bool GrantVote(VoteRequestContext c)",
            Reference = (Func<VoteRequestContext, bool>)StandardRaftRules.GrantVote,
            Cases =
            [
                [Vote(votedFor: null, candidate: 2, candidateLast: (5, 3), ownLast: (5, 3))],
                [Vote(votedFor: 3, candidate: 2, candidateLast: (5, 3), ownLast: (5, 3))],
                [Vote(votedFor: 2, candidate: 2, candidateLast: (5, 3), ownLast: (5, 3))],
                [Vote(votedFor: null, candidate: 2, candidateLast: (4, 3), ownLast: (5, 3))],
                [Vote(votedFor: null, candidate: 2, candidateLast: (1, 4), ownLast: (9, 3))],
                [Vote(votedFor: null, candidate: 2, candidateLast: (9, 2), ownLast: (1, 3))],
                [Vote(votedFor: null, candidate: 2, candidateLast: (0, 0), ownLast: (0, 0))],
            ],
            Hints =
            [
                "Two conditions, both needed: the voter has not voted in this term for anyone else (c.HasVoted, c.VotedFor), and the candidate's log is at least as up to date " +
                "(last terms first, then last indexes).",
            ],
            KnownMistakes =
            [
                new("two votes per term", (Func<VoteRequestContext, bool>)(c => UpToDate(c)),
                    "A voter that already voted for another candidate in this term must refuse: two votes in one term let two candidates each reach a majority (Election Safety)."),
                new("no up-to-date check", (Func<VoteRequestContext, bool>)(c => !c.HasVoted || c.VotedFor == c.CandidateId),
                    "A candidate whose log is behind the voter's must not get the vote: it could win without a committed entry and overwrite it (Leader Completeness, section 5.4.1)."),
                new("refuses a repeated request", (Func<VoteRequestContext, bool>)(c => !c.HasVoted && UpToDate(c)),
                    "If the voter already voted for this same candidate, say yes again: the first reply may have been lost, and the vote is the same vote."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { GrantVote = (Func<VoteRequestContext, bool>)answer, Name = "learner GrantVote" },
                "raft.initial-election", "raft.re-election", "raft.rejoin", "raft.figure8"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.election-timeout",
            Title = "A randomised election timeout",
            Track = Track.Beginner,
            Signature = "int ElectionTimeout(int minTicks, int maxTicks, double uniform)",
            Reference = (Func<int, int, double, int>)((minTicks, maxTicks, uniform) => minTicks + (int)Math.Floor(uniform * (maxTicks - minTicks + 1))),
            Cases = [[10, 19, 0.0], [10, 19, 0.999], [150, 300, 0.25], [10, 19, 0.5], [5, 5, 0.7], [10, 19, 0.05]],
            Hints =
            [
                "Map the uniform number u in [0, 1) onto the whole range [minTicks, maxTicks], both ends included: there are maxTicks − minTicks + 1 values; " +
                "minTicks + ⌊u × count⌋ picks each with equal chance.",
            ],
            KnownMistakes =
            [
                new("a fixed timeout", (Func<int, int, double, int>)((min, max, u) => min),
                    "Every node with the same timeout times out together, votes for itself, and the votes split again and again. The randomness is what breaks the tie (section 5.2)."),
                new("never reaches maxTicks", (Func<int, int, double, int>)((min, max, u) => min + (int)Math.Floor(u * (max - min))),
                    "u × (max − min) is below max − min, so maxTicks is never drawn: the range has max − min + 1 values."),
                new("rounded", (Func<int, int, double, int>)((min, max, u) => min + (int)Math.Round(u * (max - min))),
                    "Rounding gives the two end values half the chance of the others (and rounds halves to even). Use ⌊u × (max − min + 1)⌋."),
            ],
            Trial = answer =>
            {
                var timeout = (Func<int, int, double, int>)answer;
                return Episode21Trials.RunRules(
                    RaftRules.Standard with
                    {
                        ElectionTimeout = c => timeout(c.MinTicks, c.MaxTicks, c.NextInt(0, int.MaxValue - 1) / (double)int.MaxValue),
                        Name = "learner ElectionTimeout",
                    },
                    "raft.initial-election", "raft.re-election", "raft.many-elections");
            },
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.log-matches",
            Title = "The AppendEntries consistency check",
            Track = Track.Intermediate,
            Signature = "bool LogMatches(LogMatchContext c)",
            Reference = (Func<LogMatchContext, bool>)StandardRaftRules.LogMatches,
            Cases =
            [
                [Match(Log(1, 1, 2, 3), prevIndex: 0, prevTerm: 0, entryTerms: [1])],
                [Match(Log(1, 1, 2, 3), prevIndex: 4, prevTerm: 3, entryTerms: [3])],
                [Match(Log(1, 1, 2, 3), prevIndex: 4, prevTerm: 3, entryTerms: [4])],
                [Match(Log(1, 1, 2, 3), prevIndex: 3, prevTerm: 3, entryTerms: [3])],
                [Match(Log(1, 1, 2, 3), prevIndex: 6, prevTerm: 3, entryTerms: [])],
                [Match(Log(1, 1, 2, 3), prevIndex: 2, prevTerm: 1, entryTerms: [])],
                [Match(Log(1, 1, 2, 3), prevIndex: 3, prevTerm: 3, entryTerms: [])],
            ],
            Hints =
            [
                "The follower must hold an entry at PrevLogIndex whose term is PrevLogTerm (index 0 always matches, with term 0). " +
                "A PrevLogIndex beyond the end of the log cannot match. Read terms with c.Log.TermAt(i) and the end with c.Log.LastIndex().",
            ],
            KnownMistakes =
            [
                new("the seed's check", (Func<LogMatchContext, bool>)(c =>
                        c.PrevLogIndex <= c.Log.LastIndex() && (c.Entries.Count == 0 || c.Log.TermAt(c.PrevLogIndex) == c.Entries[0].Term)),
                    "That compares the entry at PrevLogIndex with the first NEW entry's term, as the seed does. They differ whenever a new term starts: compare with c.PrevLogTerm, the term the leader has there."),
                new("index only", (Func<LogMatchContext, bool>)(c => c.PrevLogIndex <= c.Log.LastIndex()),
                    "Having an entry at PrevLogIndex is not enough: its term must be PrevLogTerm. Without the term, a follower appends after a different history (Log Matching)."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { LogMatches = (Func<LogMatchContext, bool>)answer, Name = "learner LogMatches" },
                "raft.basic-agree", "raft.rejoin", "raft.backup", "raft.figure8"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.merge-entries",
            Title = "Append new entries, truncating only at the first conflict",
            Track = Track.Intermediate,
            Signature = "IReadOnlyList<LogEntry> MergeEntries(MergeEntriesContext c)",
            Reference = (Func<MergeEntriesContext, IReadOnlyList<LogEntry>>)StandardRaftRules.MergeEntries,
            Cases =
            [
                [Merge(Log(1, 1), prevIndex: 2, entryTerms: [2, 2])],
                [Merge(Log(1, 1, 2, 2), prevIndex: 2, entryTerms: [3])],
                [Merge(Log(1, 1, 2), prevIndex: 1, entryTerms: [1, 2])],
                [Merge(Log(1, 1, 2, 2, 2), prevIndex: 1, entryTerms: [1])],
                [Merge(Log(1, 2, 2, 2), prevIndex: 1, entryTerms: [2, 3])],
            ],
            Hints =
            [
                "Walk the new entries: an entry whose index is already in the log with the same term is kept as it is; at the FIRST one whose term differs, " +
                "delete it and everything after it, then append the rest. An entry beyond the end is appended.",
                "A stale or duplicated AppendEntries can carry entries the log already holds, followed by none: it must not remove what a later message added.",
            ],
            KnownMistakes =
            [
                new("truncate after PrevLogIndex", (Func<MergeEntriesContext, IReadOnlyList<LogEntry>>)(c => [.. c.Log.Take((int)c.PrevLogIndex), .. c.Entries]),
                    "Dropping everything after PrevLogIndex is wrong when the message is stale: the follower forgets entries it already acknowledged, which the leader may have counted toward a commit. Truncate only at the first entry whose term differs."),
                new("overwrite only the conflicting entry", (Func<MergeEntriesContext, IReadOnlyList<LogEntry>>)(c =>
                    {
                        var log = c.Log.ToList();
                        foreach (var e in c.Entries)
                        {
                            if (e.Index <= log.Count)
                            {
                                log[(int)e.Index - 1] = e;
                            }
                            else
                            {
                                log.Add(e);
                            }
                        }

                        return log;
                    }),
                    "Replacing just the conflicting entry keeps the old entries after it, which belong to a different history: delete the conflicting entry and everything that follows (Log Matching)."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { MergeEntries = (Func<MergeEntriesContext, IReadOnlyList<LogEntry>>)answer, Name = "learner MergeEntries" },
                "raft.basic-agree", "raft.rejoin", "raft.figure8-unreliable", "raft.unreliable-agree"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.conflict-hint",
            Title = "The follower's hint for fast back-up",
            Track = Track.Intermediate,
            Signature = "ConflictHint ConflictHint(ConflictHintContext c)",
            Reference = (Func<ConflictHintContext, ConflictHint>)StandardRaftRules.ConflictHint,
            Cases =
            [
                [new ConflictHintContext(Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), PrevLogIndex: 12)],
                [new ConflictHintContext(Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), PrevLogIndex: 9)],
                [new ConflictHintContext(Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), PrevLogIndex: 5)],
                [new ConflictHintContext(Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), PrevLogIndex: 2)],
                [new ConflictHintContext(Log(), PrevLogIndex: 3)],
            ],
            Hints =
            [
                "If the log is shorter than PrevLogIndex, say so with term 0 and index = last index + 1. Otherwise send the term of your entry at PrevLogIndex " +
                "and the FIRST index of that term in your log, so the leader can skip the whole term in one round trip.",
            ],
            KnownMistakes =
            [
                new("PrevLogIndex as the index", (Func<ConflictHintContext, ConflictHint>)(c =>
                        c.PrevLogIndex > c.Log.LastIndex() ? new ConflictHint(0, c.Log.LastIndex() + 1) : new ConflictHint(c.Log.TermAt(c.PrevLogIndex), c.PrevLogIndex)),
                    "Sending PrevLogIndex itself lets the leader back up only one entry per round trip; scan back to the first entry of that term."),
                new("short log: PrevLogIndex", (Func<ConflictHintContext, ConflictHint>)(c =>
                        c.PrevLogIndex > c.Log.LastIndex() ? new ConflictHint(0, c.PrevLogIndex) : StandardRaftRules.ConflictHint(c)),
                    "When the log is shorter than PrevLogIndex, the leader should resume right after your last entry: index = your last index + 1."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { ConflictHint = (Func<ConflictHintContext, ConflictHint>)answer, Name = "learner ConflictHint" },
                "raft.backup", "raft.rejoin", "raft.figure8-unreliable"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.next-index",
            Title = "Fast back-up: the leader's next index after a rejection",
            Track = Track.Expert,
            Signature = "long NextIndexAfterRejection(NextIndexContext c)",
            Reference = (Func<NextIndexContext, long>)StandardRaftRules.NextIndexAfterRejection,
            Cases =
            [
                [Backup(conflictTerm: 0, conflictIndex: 5, nextIndex: 11, matchIndex: 0)],
                [Backup(conflictTerm: 2, conflictIndex: 4, nextIndex: 11, matchIndex: 0)],
                [Backup(conflictTerm: 4, conflictIndex: 4, nextIndex: 11, matchIndex: 0)],
                [Backup(conflictTerm: 0, conflictIndex: 5, nextIndex: 3, matchIndex: 0)],
                [Backup(conflictTerm: 0, conflictIndex: 2, nextIndex: 11, matchIndex: 6)],
                [Backup(conflictTerm: 6, conflictIndex: 9, nextIndex: 11, matchIndex: 0)],
            ],
            Hints =
            [
                "Two questions: does the leader's own log hold any entry of ConflictTerm (and if so, up to where do the two logs agree)? " +
                "And which replies can be stale — what must the new value never be below, and never above?",
                "If the leader holds entries of ConflictTerm, resume just after its last one; otherwise skip the follower's whole term: ConflictIndex. " +
                "Then keep it above MatchIndex and never raise nextIndex on a late reply (take the min with NextIndex).",
            ],
            KnownMistakes =
            [
                new("one entry at a time", (Func<NextIndexContext, long>)(c => Math.Max(c.NextIndex - 1, c.MatchIndex + 1)),
                    "Backing up one entry per rejection is correct but takes one round trip per conflicting entry (50 for 6.5840's back-up test): use the follower's hint."),
                new("ignores the leader's own entries of that term", (Func<NextIndexContext, long>)(c => Math.Min(c.NextIndex, Math.Max(c.ConflictIndex, c.MatchIndex + 1))),
                    "If the leader also has entries of ConflictTerm, they match the follower's up to the leader's last one: resume after it, not at the start of the follower's term."),
                new("below matchIndex", (Func<NextIndexContext, long>)(c =>
                    {
                        var last = LastIndexOf(c.Log, c.ConflictTerm);
                        return Math.Min(c.NextIndex, c.ConflictTerm > 0 && last > 0 ? last + 1 : c.ConflictIndex);
                    }),
                    "A reply to an old probe can point below what the follower is known to store; never go below MatchIndex + 1."),
                new("raises nextIndex on a late reply", (Func<NextIndexContext, long>)(c =>
                    {
                        var last = LastIndexOf(c.Log, c.ConflictTerm);
                        return Math.Max(c.ConflictTerm > 0 && last > 0 ? last + 1 : c.ConflictIndex, c.MatchIndex + 1);
                    }),
                    "A late reply to an older probe may suggest an index above the one the leader already backed up to: keep the smaller (min with NextIndex)."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { NextIndexAfterRejection = (Func<NextIndexContext, long>)answer, Name = "learner NextIndexAfterRejection" },
                "raft.backup", "raft.rejoin", "raft.figure8-unreliable"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.follower-commit",
            Title = "A follower's commit index",
            Track = Track.Beginner,
            Signature = "long FollowerCommitIndex(FollowerCommitContext c)",
            Reference = (Func<FollowerCommitContext, long>)StandardRaftRules.FollowerCommitIndex,
            Cases =
            [
                [new FollowerCommitContext(CommitIndex: 0, LeaderCommit: 5, LastNewEntryIndex: 5, LastLogIndex: 5)],
                [new FollowerCommitContext(CommitIndex: 0, LeaderCommit: 9, LastNewEntryIndex: 3, LastLogIndex: 7)],
                [new FollowerCommitContext(CommitIndex: 0, LeaderCommit: 5, LastNewEntryIndex: 3, LastLogIndex: 7)],
                [new FollowerCommitContext(CommitIndex: 4, LeaderCommit: 2, LastNewEntryIndex: 2, LastLogIndex: 5)],
                [new FollowerCommitContext(CommitIndex: 3, LeaderCommit: 3, LastNewEntryIndex: 0, LastLogIndex: 3)],
            ],
            Hints =
            [
                "Figure 2: commitIndex = min(leaderCommit, index of the last NEW entry) — only entries this message proved to match the leader's log may be committed — " +
                "and a stale message must never lower a commit index the node already has.",
            ],
            KnownMistakes =
            [
                new("leaderCommit alone", (Func<FollowerCommitContext, long>)(c => Math.Max(c.CommitIndex, c.LeaderCommit)),
                    "The leader may have committed entries this follower does not hold yet, or holds in a stale version past the new entries: cap it at the last new entry's index."),
                new("the seed's min with the log's end", (Func<FollowerCommitContext, long>)(c => Math.Max(c.CommitIndex, Math.Min(c.LeaderCommit, c.LastLogIndex))),
                    "That is the seed's min(leader_commit, len(log) − 1): entries past the last new one may be stale leftovers of an old leader that this message did not check. Cap at the last NEW entry."),
                new("goes backwards", (Func<FollowerCommitContext, long>)(c => Math.Min(c.LeaderCommit, c.LastNewEntryIndex)),
                    "A delayed message from the leader carries an older leaderCommit; the commit index never goes back. Keep the larger of the old value and the new one."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { FollowerCommitIndex = (Func<FollowerCommitContext, long>)answer, Name = "learner FollowerCommitIndex" },
                "raft.basic-agree", "raft.fail-agree", "raft.unreliable-agree"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.leader-commit",
            Title = "The leader's commit index, with the current-term rule of Figure 8",
            Track = Track.Intermediate,
            Signature = "long LeaderCommitIndex(LeaderCommitContext c)",
            Reference = (Func<LeaderCommitContext, long>)StandardRaftRules.LeaderCommitIndex,
            Cases =
            [
                [Commit(Log(1, 1, 2, 4), currentTerm: 4, commitIndex: 1, matches: [4, 4, 4, 1, 1])],
                [Commit(Log(1, 2, 4), currentTerm: 4, commitIndex: 1, matches: [3, 2, 2, 1, 1])],
                [Commit(Log(1, 2, 4), currentTerm: 4, commitIndex: 1, matches: [3, 3, 3, 1, 1])],
                [Commit(Log(2, 2, 3, 3), currentTerm: 3, commitIndex: 0, matches: [4, 3, 2, 2, 0])],
                [Commit(Log(1, 1, 1), currentTerm: 1, commitIndex: 0, matches: [3, 1, 0])],
                [Commit(Log(1, 1, 2), currentTerm: 2, commitIndex: 3, matches: [3, 0, 0])],
                [Commit(Log(5, 5, 5, 5), currentTerm: 5, commitIndex: 1, matches: [4, 4, 2, 3, 0])],
            ],
            Hints =
            [
                "Find the highest index N > commitIndex stored on a majority (count the MatchIndexes ≥ N, the leader's own included) whose entry has the CURRENT term. " +
                "Earlier entries then commit with it; entries of earlier terms are never committed by counting their replicas (Figure 8).",
            ],
            KnownMistakes =
            [
                new("counts replicas of any term", (Func<LeaderCommitContext, long>)(c =>
                    {
                        for (var n = c.Log.LastIndex(); n > c.CommitIndex; n--)
                        {
                            if (c.MatchIndexes.Count(m => m >= n) >= c.Quorum)
                            {
                                return n;
                            }
                        }

                        return c.CommitIndex;
                    }),
                    "An entry of an earlier term stored on a majority can still be overwritten by a later leader (Figure 8 (d)). Commit by counting only an entry of the current term; earlier ones commit with it."),
                new("only the last entry", (Func<LeaderCommitContext, long>)(c =>
                    c.Log.LastIndex() > c.CommitIndex && c.Log.LastTerm() == c.CurrentTerm && c.MatchIndexes.Count(m => m >= c.Log.LastIndex()) >= c.Quorum
                        ? c.Log.LastIndex()
                        : c.CommitIndex),
                    "The last entry may not be on a majority yet while an earlier entry of the current term is: look at every index from the end down to commitIndex + 1."),
                new("strict majority", (Func<LeaderCommitContext, long>)(c =>
                    {
                        for (var n = c.Log.LastIndex(); n > c.CommitIndex && c.Log.TermAt(n) == c.CurrentTerm; n--)
                        {
                            if (c.MatchIndexes.Count(m => m >= n) > c.Quorum)
                            {
                                return n;
                            }
                        }

                        return c.CommitIndex;
                    }),
                    "c.Quorum already is the size of a majority: an entry on c.Quorum nodes (≥, not >) is committed."),
            ],
            Trial = answer => Episode21Trials.RunRules(
                RaftRules.Standard with { LeaderCommitIndex = (Func<LeaderCommitContext, long>)answer, Name = "learner LeaderCommitIndex" },
                replayFigure8: true,
                "raft.basic-agree", "raft.figure8", "raft.figure8-unreliable", "raft.rejoin"),
            TimeLimit = TimeSpan.FromSeconds(30),
        },
        new()
        {
            Id = "ep21.linearizable",
            Title = "Is this history linearizable? A brute-force check",
            Track = Track.Expert,
            Signature = "bool IsLinearizable(IReadOnlyList<Operation<KvInput, KvOutput>> history)",
            Reference = (Func<IReadOnlyList<Operation<KvInput, KvOutput>>, bool>)(history =>
                LinearizabilityChecker.CheckKeyValue(history).Verdict == LinearizabilityVerdict.Linearizable),
            Cases =
            [
                [History(KvOperation.Put(1, "x", "1", 0, 2), KvOperation.Get(2, "x", "1", 3, 4))],
                [History(KvOperation.Put(1, "x", "1", 0, 2), KvOperation.GetAbsent(2, "x", 3, 4))],
                [History(KvOperation.Put(1, "x", "1", 0, 5), KvOperation.GetAbsent(2, "x", 1, 2), KvOperation.Get(3, "x", "1", 3, 4))],
                [History(KvOperation.Put(1, "x", "1", 0, 5), KvOperation.Get(2, "x", "1", 1, 2), KvOperation.GetAbsent(3, "x", 3, 4))],
                [History(KvOperation.Pending(1, KvInput.Put("x", "1"), 0), KvOperation.Get(2, "x", "1", 5, 6))],
                [History(KvOperation.Put(1, "x", "1", 0, 1), KvOperation.Put(2, "x", "2", 2, 3), KvOperation.Get(3, "x", "1", 4, 5))],
                [History(KvOperation.Put(1, "x", "1", 0, 10), KvOperation.Put(2, "x", "2", 0, 10), KvOperation.Get(3, "x", "1", 11, 12))],
            ],
            Hints =
            [
                "Try every order of the operations that respects real time (an operation that responded before another was invoked comes first), replay it on a " +
                "register starting absent, and say yes if some order gives every response that was observed. A pending operation may take effect at any point after its invocation, or never.",
            ],
            KnownMistakes =
            [
                new("every read returns some written value", (Func<IReadOnlyList<Operation<KvInput, KvOutput>>, bool>)(h =>
                        h.Where(o => o.HasResponse && o.Input.Kind == KvOperationKind.Get && o.Output!.HasValue)
                         .All(o => h.Any(w => w.Input.Kind == KvOperationKind.Put && w.Input.Value == o.Output!.Value))),
                    "A value that was written at some time is not enough: after a write completes, no later read may return an older value or absent. Respect real-time order."),
                new("replay in invocation order", (Func<IReadOnlyList<Operation<KvInput, KvOutput>>, bool>)(h =>
                    {
                        string? value = null;
                        foreach (var o in h.Where(o => o.HasResponse).OrderBy(o => o.InvokedAt))
                        {
                            if (o.Input.Kind == KvOperationKind.Put)
                            {
                                value = o.Input.Value;
                            }
                            else if ((o.Output!.HasValue ? o.Output.Value : null) != value)
                            {
                                return false;
                            }
                        }

                        return true;
                    }),
                    "Concurrent operations (overlapping intervals) may take effect in either order; and a pending write may have taken effect. Search over the orders real time allows."),
            ],
            Trial = answer => Episode21Trials.CompareLinearizability((Func<IReadOnlyList<Operation<KvInput, KvOutput>>, bool>)answer),
            TimeLimit = TimeSpan.FromSeconds(20),
        },
        new()
        {
            Id = "ep21.pbft-messages",
            Title = "PBFT's messages per request in the normal case",
            Track = Track.Intermediate,
            Signature = "long PbftMessagesPerRequest(int replicas)",
            Reference = (Func<int, long>)(replicas => 2L * replicas * (replicas - 1)),
            Cases = [[4], [7], [1], [10]],
            Hints =
            [
                "Three phases (Castro and Liskov, section 4.2): the primary sends pre-prepare to the n − 1 backups; each backup multicasts prepare to the other n − 1 replicas; " +
                "every replica, the primary included, multicasts commit to the other n − 1. Do not count the client's request and replies.",
            ],
            KnownMistakes =
            [
                new("the primary also prepares", (Func<int, long>)(n => (n - 1) + (2L * n * (n - 1))),
                    "The primary does not send prepare messages (its pre-prepare plays that part): prepares come from the n − 1 backups only, (n − 1)² of them."),
                new("n² per all-to-all phase", (Func<int, long>)(n => (n - 1) + (2L * n * n)),
                    "A replica does not send to itself: an all-to-all phase among n replicas is n(n − 1) messages (or (n − 1)² for the backups' prepares), not n²."),
            ],
        },
        new()
        {
            Id = "ep21.messages-per-command",
            Title = "Messages per committed command in steady state",
            Track = Track.Beginner,
            Signature = "int MessagesPerCommand(int clusterSize)",
            Reference = (Func<int, int>)(clusterSize => 2 * (clusterSize - 1)),
            Cases = [[1], [3], [5], [9]],
            Hints =
            [
                "The leader sends one AppendEntries to each of the other n − 1 nodes, and each answers once; heartbeats are not counted.",
            ],
            KnownMistakes =
            [
                new("requests only", (Func<int, int>)(n => n - 1),
                    "Each AppendEntries is answered: count the n − 1 responses too."),
                new("the leader sends to itself", (Func<int, int>)(n => 2 * n),
                    "The leader appends to its own log without a message: only the n − 1 followers get one and answer."),
            ],
        },
    ];

    /// <summary>A log whose entries have these terms, at indexes 1, 2, …</summary>
    /// <param name="terms">The terms, in order.</param>
    /// <returns>The log.</returns>
    public static IReadOnlyList<LogEntry> Log(params long[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. terms.Select((term, i) => new LogEntry(i + 1, term, $"c{i + 1}", false))];
    }

    private static bool UpToDate(VoteRequestContext c) =>
        c.CandidateLastLogTerm > c.OwnLastLogTerm || (c.CandidateLastLogTerm == c.OwnLastLogTerm && c.CandidateLastLogIndex >= c.OwnLastLogIndex);

    private static VoteRequestContext Vote(int? votedFor, int candidate, (long Index, long Term) candidateLast, (long Index, long Term) ownLast) =>
        new(votedFor, candidate, candidateLast.Index, candidateLast.Term, ownLast.Index, ownLast.Term);

    private static LogMatchContext Match(IReadOnlyList<LogEntry> log, long prevIndex, long prevTerm, long[] entryTerms) =>
        new(log, prevIndex, prevTerm, [.. entryTerms.Select((t, i) => new LogEntry(prevIndex + 1 + i, t, $"n{prevIndex + 1 + i}", false))]);

    private static MergeEntriesContext Merge(IReadOnlyList<LogEntry> log, long prevIndex, long[] entryTerms) =>
        new(log, prevIndex, [.. entryTerms.Select((t, i) => new LogEntry(prevIndex + 1 + i, t, prevIndex + 1 + i <= log.Count && log[(int)(prevIndex + i)].Term == t ? log[(int)(prevIndex + i)].Command : $"n{prevIndex + 1 + i}", false))]);

    private static LeaderCommitContext Commit(IReadOnlyList<LogEntry> log, long currentTerm, long commitIndex, long[] matches) =>
        new(log, currentTerm, commitIndex, matches, (matches.Length / 2) + 1);

    // The leader's log of Figure 7: terms 1 1 1 4 4 5 5 6 6 6.
    private static NextIndexContext Backup(long conflictTerm, long conflictIndex, long nextIndex, long matchIndex) =>
        new(conflictTerm, conflictIndex, Log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6), nextIndex, matchIndex);

    private static IReadOnlyList<Operation<KvInput, KvOutput>> History(params Operation<KvInput, KvOutput>[] operations) => operations;

    private static long LastIndexOf(IReadOnlyList<LogEntry> log, long term)
    {
        for (var i = log.LastIndex(); i >= 1; i--)
        {
            if (log.TermAt(i) == term)
            {
                return i;
            }
        }

        return 0;
    }
}
