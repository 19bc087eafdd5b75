namespace Workbook.Core.Consensus;

/// <summary>The rules of Raft as the extended paper states them (Ongaro and Ousterhout, 2014, Figure 2 and section 5): the parts of <see cref="RaftRules.Standard"/>.</summary>
/// <remarks>
/// Each method is one rule, short enough to read beside the paper; the exercises ask learners to write
/// the same functions. <see cref="RaftNode"/> calls them through <see cref="RaftRules"/> and checks
/// every result, so a wrong rule fails with an error that names it.
/// </remarks>
public static class StandardRaftRules
{
    /// <summary>Section 5.2 and 5.4.1: one vote per term, first come first served, and only for a candidate whose log is at least as up to date.</summary>
    /// <param name="c">The request as the voter sees it.</param>
    public static bool GrantVote(VoteRequestContext c)
    {
        ArgumentNullException.ThrowIfNull(c);

        // A repeated request from the candidate already voted for gets the same answer (its reply may have been lost).
        var mayVote = !c.HasVoted || c.VotedFor == c.CandidateId;

        // A later last term wins; with equal last terms, the longer log wins.
        var candidateIsUpToDate = c.CandidateLastLogTerm > c.OwnLastLogTerm
            || (c.CandidateLastLogTerm == c.OwnLastLogTerm && c.CandidateLastLogIndex >= c.OwnLastLogIndex);
        return mayVote && candidateIsUpToDate;
    }

    /// <summary>Section 5.2: a candidate wins with votes from a majority of the whole cluster, ⌊n/2⌋ + 1, its own vote included.</summary>
    /// <param name="c">The count of votes.</param>
    public static bool WinsElection(ElectionTallyContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.VotesGranted >= (c.ClusterSize / 2) + 1;
    }

    /// <summary>Figure 2, AppendEntries step 2: the follower's log must hold an entry at PrevLogIndex whose term is PrevLogTerm.</summary>
    /// <param name="c">The follower's log and the leader's probe.</param>
    public static bool LogMatches(LogMatchContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.PrevLogIndex > c.Log.LastIndex())
        {
            return false;
        }

        return c.Log.TermAt(c.PrevLogIndex) == c.PrevLogTerm;
    }

    /// <summary>Section 5.3 remark: the term of the follower's entry at PrevLogIndex and the first index it holds of that term (or its log's end when it has no entry there).</summary>
    /// <param name="c">The follower's log and the rejected probe.</param>
    public static ConflictHint ConflictHint(ConflictHintContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.PrevLogIndex > c.Log.LastIndex())
        {
            return new ConflictHint(0, c.Log.LastIndex() + 1);
        }

        // Terms are known down to the snapshot's index (0 without a snapshot); the walk stops there.
        var term = c.Log.TermAt(c.PrevLogIndex);
        var first = c.PrevLogIndex;
        while (first > 1 && first - 1 >= c.Log.SnapshotIndex() && c.Log.TermAt(first - 1) == term)
        {
            first--;
        }

        return new ConflictHint(term, first);
    }

    /// <summary>Figure 2, AppendEntries steps 3 and 4: delete from the first entry that conflicts (same index, other term) and append what is new.</summary>
    /// <param name="c">The follower's log and the leader's entries.</param>
    /// <remarks>Entries that already match are kept, so a stale or duplicated AppendEntries never removes what a later one added.</remarks>
    public static IReadOnlyList<LogEntry> MergeEntries(MergeEntriesContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var log = c.Log;
        foreach (var entry in c.Entries)
        {
            if (entry.Index <= log.SnapshotIndex())
            {
                continue; // inside the snapshot: committed, so it matches (only a snapshotting node sees this)
            }

            if (entry.Index <= log.LastIndex())
            {
                if (log.TermAt(entry.Index) == entry.Term)
                {
                    continue;
                }

                log = log.TruncateFrom(entry.Index);
            }

            log = log.AppendEntry(entry);
        }

        return log;
    }

    /// <summary>Figure 2, AppendEntries step 5: commitIndex = min(leaderCommit, index of last new entry), never lowered by a stale message.</summary>
    /// <param name="c">The follower's commit index and the message's.</param>
    public static long FollowerCommitIndex(FollowerCommitContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Math.Max(c.CommitIndex, Math.Min(c.LeaderCommit, c.LastNewEntryIndex));
    }

    /// <summary>Figure 2 (rules for leaders) and Figure 8: the highest N stored on a majority whose entry is of the current term.</summary>
    /// <param name="c">The leader's log, term, commit index and match indexes.</param>
    /// <remarks>Entries of earlier terms are never committed by counting replicas; they commit with a current-term entry after them (Log Matching).</remarks>
    public static long LeaderCommitIndex(LeaderCommitContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        for (var index = c.Log.LastIndex(); index > c.CommitIndex; index--)
        {
            if (c.Log.TermAt(index) != c.CurrentTerm)
            {
                break;
            }

            if (c.MatchIndexes.Count(match => match >= index) >= c.Quorum)
            {
                return index;
            }
        }

        return c.CommitIndex;
    }

    /// <summary>Section 5.2 and 5.6: a timeout drawn uniformly from [min, max] anew at every reset, so split votes end.</summary>
    /// <param name="c">The configured range and the node's generator.</param>
    public static int ElectionTimeout(ElectionTimeoutContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.NextInt(c.MinTicks, c.MaxTicks);
    }

    /// <summary>Section 5.3 remark (fast back-up): resume after the leader's last entry of the conflicting term, or at the follower's hint if the leader has none.</summary>
    /// <param name="c">The follower's hint and the leader's view of that follower.</param>
    /// <remarks>A reply to an older probe proposes no lower index and changes nothing; nothing goes below MatchIndex + 1.</remarks>
    public static long NextIndexAfterRejection(NextIndexContext c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var proposed = c.ConflictIndex;
        if (c.ConflictTerm > 0)
        {
            var lastOfTerm = LastIndexOfTerm(c.Log, c.ConflictTerm);
            if (lastOfTerm > 0)
            {
                proposed = lastOfTerm + 1;
            }
        }

        return Math.Min(c.NextIndex, Math.Max(proposed, c.MatchIndex + 1));
    }

    private static long LastIndexOfTerm(IReadOnlyList<LogEntry> log, long term)
    {
        // Terms are known down to the snapshot's index (0 without a snapshot); below it the term is unknown.
        for (var index = log.LastIndex(); index >= 1 && index >= log.SnapshotIndex(); index--)
        {
            var termThere = log.TermAt(index);
            if (termThere == term)
            {
                return index;
            }

            if (termThere < term)
            {
                break;
            }
        }

        return 0;
    }
}
