using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <content>Log replication and commitment (extended Raft paper, sections 5.3 and 5.4.2).</content>
public sealed partial class RaftNode
{
    private LogEntry AppendToOwnLog(string command, bool isNoOp)
    {
        var entry = new LogEntry(LastLogIndex + 1, CurrentTerm, command, isNoOp);
        log = log.Add(entry);
        MarkPersistentStateChanged();
        return entry;
    }

    private void BroadcastAppendEntries()
    {
        foreach (var peer in peers)
        {
            SendAppendEntries(peer);
        }
    }

    private void SendAppendEntries(int peer)
    {
        var previous = nextIndex[peer] - 1;
        var entries = log.GetRange(checked((int)previous), checked((int)(LastLogIndex - previous)));
        Send(new AppendEntries(Id, peer, CurrentTerm, previous, TermAt(previous), entries, CommitIndex));
    }

    private void HandleAppendEntries(AppendEntries append)
    {
        // Implementation note: two leaders in one term cannot happen in correct Raft (Election Safety);
        // should it happen, the leader ignores the other rather than obey it, and the checker reports it.
        if (Role == RaftRole.Leader)
        {
            return;
        }

        if (Role == RaftRole.Candidate)
        {
            BecomeFollower(append.Term);
        }

        KnownLeaderId = append.From;
        ResetElectionTimer();
        CheckEntriesAreConsecutive(append);

        // Figure 2, AppendEntries step 2 (StandardRaftRules.LogMatches): our log must hold an entry at PrevLogIndex with PrevLogTerm.
        if (!Rules.LogMatches(new LogMatchContext(log, append.PrevLogIndex, append.PrevLogTerm, append.Entries)))
        {
            var hint = Rules.ConflictHint(new ConflictHintContext(log, append.PrevLogIndex));
            CheckHint(hint);
            Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, false, 0, hint.Term, hint.Index));
            return;
        }

        if (append.PrevLogIndex > LastLogIndex)
        {
            throw RuleFailed(
                nameof(RaftRules.LogMatches),
                $"accepted PrevLogIndex {append.PrevLogIndex}, but the log ends at index {LastLogIndex}: there is no entry there to match");
        }

        // Steps 3 and 4 (StandardRaftRules.MergeEntries): truncate at the first conflict, append what is new.
        AdoptMergedLog(new MergeEntriesContext(log, append.PrevLogIndex, append.Entries));

        // Step 5 (StandardRaftRules.FollowerCommitIndex): commitIndex = min(leaderCommit, index of last new entry).
        var lastNewIndex = append.PrevLogIndex + append.Entries.Count;
        var commit = Rules.FollowerCommitIndex(new FollowerCommitContext(CommitIndex, append.LeaderCommit, lastNewIndex, LastLogIndex));
        CommitIndex = CheckCommitIndex(nameof(RaftRules.FollowerCommitIndex), commit);
        Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, true, lastNewIndex, 0, 0));
    }

    private void CheckHint(ConflictHint hint)
    {
        if (hint is null || hint.Index < 0 || hint.Index > LastLogIndex + 1 || hint.Term < 0 || hint.Term > CurrentTerm)
        {
            throw RuleFailed(
                nameof(RaftRules.ConflictHint),
                $"returned {hint?.ToString() ?? "null"}; a hint has an index in [0, {LastLogIndex + 1}] and a term in [0, {CurrentTerm}]");
        }
    }

    private void AdoptMergedLog(MergeEntriesContext context)
    {
        var merged = Rules.MergeEntries(context);
        if (ReferenceEquals(merged, log))
        {
            return;
        }

        if (merged is null)
        {
            throw RuleFailed(nameof(RaftRules.MergeEntries), "returned null; return the log, changed or not");
        }

        long position = 0;
        foreach (var entry in merged)
        {
            position++;
            if (entry is null || entry.Index != position || entry.Term < 1 || entry.Term > CurrentTerm)
            {
                throw RuleFailed(
                    nameof(RaftRules.MergeEntries),
                    $"returned a log with {entry?.ToString() ?? "null"} at position {position}; entry i must sit at position i with a term in [1, {CurrentTerm}]");
            }
        }

        if (FirstChangedCommittedEntry(merged) is long changed)
        {
            // Implementation note: if the standard merge would change the entry too, the leader's log is at
            // fault (the cluster broke safety before this message); otherwise the rule is.
            var old = log[checked((int)changed - 1)];
            var replacement = changed <= merged.Count ? $"{merged[checked((int)changed - 1)]}" : "nothing (it removed it)";
            if (FirstChangedCommittedEntry(StandardRaftRules.MergeEntries(context)) is not null)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"node {Id} was asked to overwrite committed entry {old} with {replacement}: State Machine Safety is broken."));
            }

            throw RuleFailed(
                nameof(RaftRules.MergeEntries),
                $"replaced committed entry {old} (commit index {CommitIndex}) with {replacement}; committed entries never change");
        }

        if (merged.Count == log.Count && merged.SequenceEqual(log))
        {
            return;
        }

        log = merged as ImmutableList<LogEntry> ?? [.. merged];
        MarkPersistentStateChanged();
    }

    private long? FirstChangedCommittedEntry(IReadOnlyList<LogEntry> merged)
    {
        for (long index = 1; index <= CommitIndex; index++)
        {
            if (index > merged.Count || merged[checked((int)index - 1)] != log[checked((int)index - 1)])
            {
                return index;
            }
        }

        return null;
    }

    private long CheckCommitIndex(string rule, long commit)
    {
        if (commit < CommitIndex || commit > LastLogIndex)
        {
            throw RuleFailed(
                rule,
                $"returned commit index {commit}; it must lie in [{CommitIndex}, {LastLogIndex}] (a commit index never goes back and never passes the log's last entry)");
        }

        return commit;
    }

    private void CheckEntriesAreConsecutive(AppendEntries append)
    {
        for (int i = 0; i < append.Entries.Count; i++)
        {
            var entry = append.Entries[i];
            if (entry.Index != append.PrevLogIndex + 1 + i || entry.Term > append.Term || entry.Term < 1)
            {
                throw new ArgumentException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"AppendEntries.Entries must sit at indexes {append.PrevLogIndex + 1}, {append.PrevLogIndex + 2}, … with terms in [1, {append.Term}]; got {entry} at position {i + 1}."),
                    "message");
            }
        }
    }

    private void HandleAppendEntriesResponse(AppendEntriesResponse response)
    {
        if (Role != RaftRole.Leader)
        {
            return;
        }

        var peer = response.From;
        if (response.Success)
        {
            if (response.MatchIndex > matchIndex[peer])
            {
                matchIndex[peer] = response.MatchIndex;
                nextIndex[peer] = Math.Max(nextIndex[peer], response.MatchIndex + 1);
                AdvanceLeaderCommitIndex();
                if (nextIndex[peer] <= LastLogIndex)
                {
                    SendAppendEntries(peer);
                }
            }

            return;
        }

        // Fast back-up (StandardRaftRules.NextIndexAfterRejection): skip a whole conflicting term per round trip.
        var next = Rules.NextIndexAfterRejection(new NextIndexContext(response.ConflictTerm, response.ConflictIndex, log, nextIndex[peer], matchIndex[peer]));
        if (next < matchIndex[peer] + 1 || next > LastLogIndex + 1)
        {
            throw RuleFailed(
                nameof(RaftRules.NextIndexAfterRejection),
                $"returned nextIndex {next} for node {peer}; it must lie in [matchIndex + 1 = {matchIndex[peer] + 1}, last index + 1 = {LastLogIndex + 1}]");
        }

        if (next != nextIndex[peer])
        {
            nextIndex[peer] = next;
            SendAppendEntries(peer);
        }
    }

    private void AdvanceLeaderCommitIndex()
    {
        // Section 5.4.2 and Figure 8 (StandardRaftRules.LeaderCommitIndex): count replicas only for an entry of the current term.
        var matches = new long[peers.Length + 1];
        matches[0] = LastLogIndex;
        for (int i = 0; i < peers.Length; i++)
        {
            matches[i + 1] = matchIndex[peers[i]];
        }

        var commit = Rules.LeaderCommitIndex(new LeaderCommitContext(log, CurrentTerm, CommitIndex, matches, Options.Quorum));
        CommitIndex = CheckCommitIndex(nameof(RaftRules.LeaderCommitIndex), commit);
    }
}
