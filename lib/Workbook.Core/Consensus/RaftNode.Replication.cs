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

        // Consistency check: our log must hold an entry at PrevLogIndex with PrevLogTerm.
        if (append.PrevLogIndex > LastLogIndex)
        {
            Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, false, 0, ConflictTerm: 0, ConflictIndex: LastLogIndex + 1));
            return;
        }

        var termThere = TermAt(append.PrevLogIndex);
        if (termThere != append.PrevLogTerm)
        {
            var firstOfTerm = append.PrevLogIndex;
            while (firstOfTerm > 1 && TermAt(firstOfTerm - 1) == termThere)
            {
                firstOfTerm--;
            }

            Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, false, 0, termThere, firstOfTerm));
            return;
        }

        // Truncate only at the first entry that conflicts (same index, other term); entries that match are
        // kept, so a stale or duplicated AppendEntries never removes what a later one added.
        foreach (var entry in append.Entries)
        {
            if (entry.Index <= LastLogIndex)
            {
                if (TermAt(entry.Index) == entry.Term)
                {
                    continue;
                }

                if (entry.Index <= CommitIndex)
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"node {Id} was asked to overwrite committed entry {log[checked((int)entry.Index - 1)]} with {entry}: State Machine Safety is broken."));
                }

                log = log.RemoveRange(checked((int)entry.Index - 1), checked((int)(LastLogIndex - entry.Index + 1)));
            }

            log = log.Add(entry);
            MarkPersistentStateChanged();
        }

        // Figure 2: commitIndex = min(leaderCommit, index of last new entry) — never lowered by a stale message.
        var lastNewIndex = append.PrevLogIndex + append.Entries.Count;
        CommitIndex = Math.Max(CommitIndex, Math.Min(append.LeaderCommit, lastNewIndex));
        Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, true, lastNewIndex, 0, 0));
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

        // Fast back-up: if we hold entries of the follower's conflicting term, resume just after our last
        // one; otherwise skip the follower's whole term. A reply to an older probe proposes an index no
        // lower than the current one and is ignored; nothing goes below what the follower is known to match.
        long proposed = response.ConflictIndex;
        if (response.ConflictTerm > 0)
        {
            var lastOfTerm = LastIndexOfTerm(response.ConflictTerm);
            if (lastOfTerm > 0)
            {
                proposed = lastOfTerm + 1;
            }
        }

        var next = Math.Max(proposed, matchIndex[peer] + 1);
        if (next < nextIndex[peer])
        {
            nextIndex[peer] = next;
            SendAppendEntries(peer);
        }
    }

    private long LastIndexOfTerm(long term)
    {
        for (var index = LastLogIndex; index >= 1; index--)
        {
            var termThere = TermAt(index);
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

    private void AdvanceLeaderCommitIndex()
    {
        // Section 5.4.2 and Figure 8: count replicas only for an entry of the current term; entries of
        // earlier terms commit with it, by the Log Matching property, never by being counted themselves.
        for (var index = LastLogIndex; index > CommitIndex; index--)
        {
            if (TermAt(index) != CurrentTerm)
            {
                break;
            }

            var replicas = 1 + matchIndex.Values.Count(match => match >= index);
            if (replicas >= Options.Quorum)
            {
                CommitIndex = index;
                break;
            }
        }
    }
}
