using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>The catalog of planted bugs: each one <see cref="RaftRules.Standard"/> with one rule or switch wrong.</summary>
/// <remarks>
/// Several come from the seed's Python sketch (section 3.1); the others are the mistakes MIT 6.5840
/// students and the Raft paper warn about. A bug is caught when a run with its rules violates a
/// property of the paper's Figure 3 (Election Safety, Log Matching, Leader Completeness, State Machine
/// Safety), fails to elect a leader or commit within a bound, or trips one of the node's checks on a rule's result.
/// </remarks>
public static class PlantedBugs
{
    /// <summary>Every planted bug, in the order of the episode's rules (elections, replication, commitment, timing).</summary>
    public static ImmutableArray<PlantedBug> All { get; } =
    [
        Bug(
            "two-votes-per-term",
            "Grant a vote without checking votedFor",
            "Election Safety: two leaders in one term.",
            "A voter that forgets its vote can vote for two candidates of the same term, and each may then count a majority.",
            RaftRules.Standard with { GrantVote = c => UpToDate(c) }),
        Bug(
            "vote-without-up-to-date-check",
            "Grant a vote without the log up-to-date rule",
            "Leader Completeness, then State Machine Safety: a leader without a committed entry overwrites it.",
            "Section 5.4.1: a majority that votes only for candidates at least as up to date as itself always contains a holder of every committed entry; without the check, a stale node can win.",
            RaftRules.Standard with { GrantVote = c => !c.HasVoted || c.VotedFor == c.CandidateId }),
        Bug(
            "forget-to-persist-vote",
            "Keep votedFor in memory only",
            "Election Safety across a crash: two leaders in one term.",
            "A voter that crashes and restarts in the same term has forgotten its vote and may give it again to another candidate.",
            RaftRules.Standard with { PersistsVote = false }),
        Bug(
            "majority-counts-half",
            "Win with votes > peers / 2, self included (the seed's test)",
            "Election Safety, for even cluster sizes only: two leaders in one term (odd sizes are unaffected).",
            "With n nodes the seed wins with 2·votes > n − 1 votes, which is a majority for odd n but only half for even n: two halves of a 4-node cluster can both win the same term.",
            RaftRules.Standard with { WinsElection = c => 2 * c.VotesGranted > c.ClusterSize - 1 }),
        Bug(
            "count-votes-from-any-term",
            "Count a late vote granted in an earlier term",
            "Election Safety: two leaders in one term.",
            "A vote answers a request of one term; a candidate that has moved on and counts it anyway adds a vote the voter may have given to someone else in the new term.",
            RaftRules.Standard with { CountsOnlyCurrentTermVotes = false }),
        Bug(
            "ignore-higher-term-in-response",
            "Ignore a higher term in a response (the seed's candidate and leader)",
            "Liveness: a deposed leader keeps accepting commands it can never commit until a request reaches it.",
            "Figure 2: a response with a newer term means this node is stale and must step down; ignoring it leaves an old leader acting in its old term.",
            RaftRules.Standard with { StepsDownOnHigherTermInResponse = false }),
        Bug(
            "reset-timer-on-every-message",
            "Reset the election timer on every message",
            "Liveness: a candidate that can never win (stale log) holds off every election, and no leader is elected.",
            "Figure 2 resets the timer only on hearing the current leader or on granting a vote; a rejected RequestVote must not count as a sign of life.",
            RaftRules.Standard with { ResetsTimerOnlyOnLeaderOrGrantedVote = false }),
        Bug(
            "fixed-election-timeout",
            "Use the same election timeout every time",
            "Liveness: nodes that time out together split the vote in every term, forever.",
            "Section 5.2: timeouts are drawn at random anew at every reset so that one candidate usually times out first; a fixed timeout repeats a split vote.",
            RaftRules.Standard with { ElectionTimeout = c => c.MinTicks }),
        Bug(
            "skip-prev-log-term-check",
            "Check only that the log is long enough, not the term at prevLogIndex",
            "Log Matching, then State Machine Safety: a follower keeps a conflicting entry below the new ones and reports a match.",
            "The consistency check is what lets a leader infer that a follower's whole prefix equals its own; without the term comparison, a follower with an entry of another term at prevLogIndex accepts.",
            RaftRules.Standard with { LogMatches = c => c.PrevLogIndex <= c.Log.LastIndex() }),
        Bug(
            "compare-entry-term",
            "Compare log[prevLogIndex].term with entries[0].term; skip the check for heartbeats (the seed's sketch)",
            "Log Matching (an unchecked heartbeat reports a match it does not have) and liveness (entries of a new term are never accepted after an entry of an older term).",
            "prevLogTerm is the term the leader holds at prevLogIndex; the first new entry's term is another number, equal to it only when no term boundary lies between them.",
            RaftRules.Standard with { LogMatches = SeedLogMatches }),
        Bug(
            "no-truncation-on-conflict",
            "Append only the entries past the end of the log; keep conflicting ones",
            "Log Matching, then State Machine Safety: the follower acknowledges entries it does not hold.",
            "Figure 2, step 3: an existing entry that conflicts with a new one (same index, other term) must be deleted with all that follow it.",
            RaftRules.Standard with { MergeEntries = AppendPastEnd }),
        Bug(
            "overwrite-only-conflicting-entry",
            "Overwrite the conflicting entry in place and keep the entries after it",
            "Log Matching: entries of a deposed leader survive after the new leader's, and may later be committed.",
            "Entries after a conflict came from the same stale leader and are as wrong as the first; only deleting them all keeps the follower's log a prefix of the leader's.",
            RaftRules.Standard with { MergeEntries = OverwriteInPlace }),
        Bug(
            "truncate-on-every-append",
            "Cut the log at prevLogIndex on every AppendEntries, conflict or not",
            "State Machine Safety (via Leader Completeness): a delayed AppendEntries deletes an entry the follower acknowledged and the leader committed.",
            "Only a conflicting entry may be deleted; a stale or reordered message carries a prefix of what the follower already holds and must not shorten its log.",
            RaftRules.Standard with { MergeEntries = TruncateAlways }),
        Bug(
            "follower-commit-max-instead-of-min",
            "Follower commitIndex = max(leaderCommit, index of last new entry)",
            "State Machine Safety: a follower applies an entry the leader never committed, and a later leader replaces it.",
            "Figure 2, step 5 takes the minimum: an entry the follower has just stored is committed only once the leader says so.",
            RaftRules.Standard with { FollowerCommitIndex = c => Math.Max(c.CommitIndex, Math.Max(c.LeaderCommit, c.LastNewEntryIndex)) }),
        Bug(
            "commit-earlier-terms-by-counting",
            "Commit any entry stored on a majority, whatever its term",
            "State Machine Safety (Figure 8): an entry counted as committed is overwritten by a later leader.",
            "An entry of an earlier term on a majority can still be replaced by a leader elected without it (Figure 8); a leader counts replicas only for entries of its own term.",
            RaftRules.Standard with { LeaderCommitIndex = CommitByCountingAnyTerm }),
    ];

    /// <summary>The planted bug with this id.</summary>
    /// <param name="id">One of the ids in <see cref="All"/>.</param>
    /// <exception cref="ArgumentException">No bug has this id.</exception>
    public static PlantedBug Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var bug in All)
        {
            if (bug.Id == id)
            {
                return bug;
            }
        }

        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{nameof(id)} must be one of [{string.Join(", ", All.Select(b => b.Id))}]; got \"{id}\"."),
            nameof(id));
    }

    private static PlantedBug Bug(string id, string title, string breaks, string explanation, RaftRules rules) =>
        new(id, title, breaks, explanation, rules with { Name = id });

    private static bool UpToDate(VoteRequestContext c) =>
        c.CandidateLastLogTerm > c.OwnLastLogTerm
        || (c.CandidateLastLogTerm == c.OwnLastLogTerm && c.CandidateLastLogIndex >= c.OwnLastLogIndex);

    private static bool SeedLogMatches(LogMatchContext c)
    {
        if (c.Entries.Count == 0 || c.PrevLogIndex == 0)
        {
            return true;
        }

        return c.PrevLogIndex <= c.Log.LastIndex() && c.Log.TermAt(c.PrevLogIndex) == c.Entries[0].Term;
    }

    private static ImmutableList<LogEntry> AppendPastEnd(MergeEntriesContext c)
    {
        var log = c.Log as ImmutableList<LogEntry> ?? [.. c.Log];
        return log.AddRange(c.Entries.Where(e => e.Index > log.Count));
    }

    private static ImmutableList<LogEntry> OverwriteInPlace(MergeEntriesContext c)
    {
        var log = c.Log as ImmutableList<LogEntry> ?? [.. c.Log];
        foreach (var entry in c.Entries)
        {
            log = entry.Index <= log.Count ? log.SetItem(checked((int)entry.Index - 1), entry) : log.Add(entry);
        }

        return log;
    }

    private static ImmutableList<LogEntry> TruncateAlways(MergeEntriesContext c) =>
        [.. c.Log.Take(checked((int)c.PrevLogIndex)), .. c.Entries];

    private static long CommitByCountingAnyTerm(LeaderCommitContext c)
    {
        for (var index = c.Log.LastIndex(); index > c.CommitIndex; index--)
        {
            if (c.MatchIndexes.Count(match => match >= index) >= c.Quorum)
            {
                return index;
            }
        }

        return c.CommitIndex;
    }
}
