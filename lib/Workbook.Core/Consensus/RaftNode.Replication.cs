using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <content>Log replication and commitment (extended Raft paper, sections 5.3 and 5.4.2), and InstallSnapshot (section 7, Figure 13).</content>
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
        if (nextIndex[peer] <= snapshot.LastIncludedIndex)
        {
            // Section 7: the entries this follower needs next were replaced by the snapshot; send it whole.
            Send(new InstallSnapshot(Id, peer, CurrentTerm, snapshot.LastIncludedIndex, snapshot.LastIncludedTerm, snapshot.Data));
            return;
        }

        var previous = nextIndex[peer] - 1;
        var entries = log.GetRange(checked((int)(previous - snapshot.LastIncludedIndex)), checked((int)(LastLogIndex - previous)));
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
        if (append.PrevLogIndex < snapshot.LastIncludedIndex)
        {
            // Section 7: entries through the snapshot are committed, so they match the leader's; drop them from the message.
            var covered = snapshot.LastIncludedIndex - append.PrevLogIndex;
            if (append.Entries.Count >= covered && append.Entries[checked((int)covered - 1)] is var atSnapshot && atSnapshot.Term != snapshot.LastIncludedTerm)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"node {Id} has a snapshot through index {snapshot.LastIncludedIndex} (term {snapshot.LastIncludedTerm}) but was sent {atSnapshot} there: State Machine Safety is broken."));
            }

            if (append.Entries.Count <= covered)
            {
                Send(new AppendEntriesResponse(Id, append.From, CurrentTerm, true, append.PrevLogIndex + append.Entries.Count, 0, 0));
                return;
            }

            append = append with { PrevLogIndex = snapshot.LastIncludedIndex, PrevLogTerm = snapshot.LastIncludedTerm, Entries = [.. append.Entries.Skip(checked((int)covered))] };
        }

        // Figure 2, AppendEntries step 2 (StandardRaftRules.LogMatches): our log must hold an entry at PrevLogIndex with PrevLogTerm.
        if (!Rules.LogMatches(new LogMatchContext(LogView, append.PrevLogIndex, append.PrevLogTerm, append.Entries)))
        {
            var hint = Rules.ConflictHint(new ConflictHintContext(LogView, append.PrevLogIndex));
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
        AdoptMergedLog(new MergeEntriesContext(LogView, append.PrevLogIndex, append.Entries));

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
        if (ReferenceEquals(merged, context.Log))
        {
            return;
        }

        if (merged is null)
        {
            throw RuleFailed(nameof(RaftRules.MergeEntries), "returned null; return the log, changed or not");
        }

        var offset = snapshot.LastIncludedIndex;
        var held = HeldPart(merged)
            ?? throw RuleFailed(
                nameof(RaftRules.MergeEntries),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"returned a log that does not keep the snapshot through index {offset}; change a compacted log with RaftLog.TruncateFrom and RaftLog.AppendEntry"));
        long position = offset;
        foreach (var entry in held)
        {
            position++;
            if (entry is null || entry.Index != position || entry.Term < 1 || entry.Term > CurrentTerm)
            {
                throw RuleFailed(
                    nameof(RaftRules.MergeEntries),
                    $"returned a log with {entry?.ToString() ?? "null"} at position {position}; entry i must sit at position i with a term in [1, {CurrentTerm}]");
            }
        }

        if (FirstChangedCommittedEntry(held) is long changed)
        {
            // Implementation note: if the standard merge would change the entry too, the leader's log is at
            // fault (the cluster broke safety before this message); otherwise the rule is.
            var old = EntryAt(changed);
            var replacement = changed - offset <= held.Count ? $"{held[checked((int)(changed - offset - 1))]}" : "nothing (it removed it)";
            if (HeldPart(StandardRaftRules.MergeEntries(context)) is { } standard && FirstChangedCommittedEntry(standard) is not null)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"node {Id} was asked to overwrite committed entry {old} with {replacement}: State Machine Safety is broken."));
            }

            throw RuleFailed(
                nameof(RaftRules.MergeEntries),
                $"replaced committed entry {old} (commit index {CommitIndex}) with {replacement}; committed entries never change");
        }

        if (held.Count == log.Count && held.SequenceEqual(log))
        {
            return;
        }

        log = held as ImmutableList<LogEntry> ?? [.. held];
        MarkPersistentStateChanged();
    }

    /// <summary>The entries after this node's snapshot in a log a rule returned, or null if the log does not keep that snapshot.</summary>
    private IReadOnlyList<LogEntry>? HeldPart(IReadOnlyList<LogEntry> merged)
    {
        if (!snapshot.Exists)
        {
            return merged is CompactedLog ? null : merged;
        }

        return merged is CompactedLog compacted && compacted.SnapshotIndex == snapshot.LastIncludedIndex && compacted.SnapshotTerm == snapshot.LastIncludedTerm
            ? compacted.Retained
            : null;
    }

    private long? FirstChangedCommittedEntry(IReadOnlyList<LogEntry> held)
    {
        // Entries through the snapshot cannot change: the held parts start after it.
        var offset = snapshot.LastIncludedIndex;
        for (long index = offset + 1; index <= CommitIndex; index++)
        {
            var position = checked((int)(index - offset - 1));
            if (position >= held.Count || held[position] != log[position])
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
        var next = Rules.NextIndexAfterRejection(new NextIndexContext(response.ConflictTerm, response.ConflictIndex, LogView, nextIndex[peer], matchIndex[peer]));
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

        var commit = Rules.LeaderCommitIndex(new LeaderCommitContext(LogView, CurrentTerm, CommitIndex, matches, Options.Quorum));
        CommitIndex = CheckCommitIndex(nameof(RaftRules.LeaderCommitIndex), commit);
    }

    private void HandleInstallSnapshot(InstallSnapshot install)
    {
        // As for AppendEntries: a leader ignores another leader of its term; a candidate learns that the term has a leader.
        if (Role == RaftRole.Leader)
        {
            return;
        }

        if (Role == RaftRole.Candidate)
        {
            BecomeFollower(install.Term);
        }

        KnownLeaderId = install.From;
        ResetElectionTimer();
        if (install.LastIncludedIndex < 1 || install.LastIncludedTerm < 1 || install.LastIncludedTerm > install.Term || install.Data is null)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"InstallSnapshot must carry a last included index >= 1, a last included term in [1, {install.Term}] and data; got {install}."),
                "message");
        }

        // A snapshot no newer than what this node has committed would take its state machine back: keep what it has.
        // Those entries are committed, so they match the leader's, and the reply says so.
        if (install.LastIncludedIndex <= CommitIndex)
        {
            Send(new InstallSnapshotResponse(Id, install.From, CurrentTerm, install.LastIncludedIndex));
            return;
        }

        // Figure 13, step 6: if the log holds the snapshot's last entry, keep the entries after it; step 7: otherwise discard the log.
        var offset = snapshot.LastIncludedIndex;
        var holdsLastEntry = install.LastIncludedIndex <= LastLogIndex && TermAt(install.LastIncludedIndex) == install.LastIncludedTerm;
        log = holdsLastEntry ? log.RemoveRange(0, checked((int)(install.LastIncludedIndex - offset))) : [];
        snapshot = new RaftSnapshot(install.LastIncludedIndex, install.LastIncludedTerm, install.Data);

        // Step 8: the application loads the snapshot (RaftOutput.InstalledSnapshot); its entries count as committed and applied.
        CommitIndex = install.LastIncludedIndex;
        LastApplied = install.LastIncludedIndex;
        installedSnapshot = snapshot;
        MarkPersistentStateChanged();
        Send(new InstallSnapshotResponse(Id, install.From, CurrentTerm, install.LastIncludedIndex));
    }

    private void HandleInstallSnapshotResponse(InstallSnapshotResponse response)
    {
        if (Role != RaftRole.Leader)
        {
            return;
        }

        var peer = response.From;
        if (response.MatchIndex > matchIndex[peer] && response.MatchIndex <= LastLogIndex)
        {
            matchIndex[peer] = response.MatchIndex;
            nextIndex[peer] = Math.Max(nextIndex[peer], response.MatchIndex + 1);
            AdvanceLeaderCommitIndex();
            if (nextIndex[peer] <= LastLogIndex)
            {
                SendAppendEntries(peer);
            }
        }
    }
}
