using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Kv;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Log compaction (extended Raft paper, section 7): RaftNode.Snapshot, InstallSnapshot (Figure 13), persistence and the rules on a compacted log.</summary>
/// <remarks>Every expected log, index and message below is written out by hand from the figure's rules.</remarks>
public class RaftSnapshotTests
{
    private static readonly int[] Three = [1, 2, 3];

    private static RaftNode Follower(long term, params LogEntry[] log) =>
        new(new RaftOptions(2, Three), seed: 7, new RaftPersistentState(term, null, log));

    [Fact]
    public void Raft_Figure13_Step6_LogHoldsTheSnapshotsLastEntry_KeepsTheEntriesAfterIt()
    {
        var follower = Follower(2, LogWithTerms(1, 1, 2, 2));
        Assert.Equal([new LogEntry(1, 1, "c1")], follower.Step(Append(1, 2, 2, 4, 2, commit: 1)).CommittedEntries);

        var output = follower.Step(new InstallSnapshot(1, 2, 2, LastIncludedIndex: 3, LastIncludedTerm: 2, "S3"));

        Assert.Equal(new RaftSnapshot(3, 2, "S3"), output.InstalledSnapshot);
        Assert.True(output.HasInstalledSnapshot);
        Assert.Empty(output.CommittedEntries); // entries 2 and 3 arrive inside the snapshot, not one by one
        Assert.Equal([new InstallSnapshotResponse(2, 1, 2, MatchIndex: 3)], output.Messages);
        Assert.True(output.PersistentStateChanged);
        Assert.Equal(new RaftSnapshot(3, 2, "S3"), output.PersistentState.Snapshot);
        Assert.Equal([new LogEntry(4, 2, "c4")], output.PersistentState.Log);
        Assert.Equal((3L, 3L, 4L, 2L), (follower.CommitIndex, follower.LastApplied, follower.LastLogIndex, follower.LastLogTerm));
        var view = Assert.IsType<CompactedLog>(follower.Log);
        Assert.Equal((3L, 2L, 4), (view.SnapshotIndex, view.SnapshotTerm, view.Count));
        Assert.Equal([new LogEntry(4, 2, "c4")], view.Retained);

        // The application applies entry 4 after loading the snapshot.
        Assert.Equal([new LogEntry(4, 2, "c4")], follower.Step(Append(1, 2, 2, 4, 2, commit: 4)).CommittedEntries);
    }

    [Fact]
    public void Raft_Figure13_Step7_LogDisagreesAtTheSnapshotsLastEntry_DiscardsTheWholeLog()
    {
        // Entry 3 has term 1 here but term 2 in the leader's snapshot: everything goes.
        var follower = Follower(3, LogWithTerms(1, 1, 1, 1));
        var output = follower.Step(new InstallSnapshot(1, 2, 3, 3, 2, "S3"));
        Assert.True(output.HasInstalledSnapshot);
        Assert.Empty(output.PersistentState.Log);
        Assert.Equal((3L, 2L, 3L), (follower.LastLogIndex, follower.LastLogTerm, follower.CommitIndex));

        // The next AppendEntries matches at the snapshot's last entry (3, term 2).
        var next = follower.Step(Append(1, 2, 3, 3, 2, commit: 4, new LogEntry(4, 3, "x")));
        Assert.Equal([new AppendEntriesResponse(2, 1, 3, true, 4, 0, 0)], next.Messages);
        Assert.Equal([new LogEntry(4, 3, "x")], next.CommittedEntries);
    }

    [Fact]
    public void Raft_Figure13_Step7_LogShorterThanTheSnapshot_IsDiscarded()
    {
        var follower = Follower(2, LogWithTerms(1));
        var output = follower.Step(new InstallSnapshot(1, 2, 2, 5, 2, "S5"));
        Assert.True(output.HasInstalledSnapshot);
        Assert.Empty(output.PersistentState.Log);
        Assert.Equal((5L, 2L, 5L, 5L), (follower.LastLogIndex, follower.LastLogTerm, follower.CommitIndex, follower.LastApplied));
    }

    [Fact]
    public void Raft_Section7_SnapshotNoNewerThanTheCommitIndex_IsIgnored_AndAnswered()
    {
        var follower = Follower(2, LogWithTerms(1, 1, 2, 2));
        follower.Step(Append(1, 2, 2, 4, 2, commit: 4));
        var log = follower.Log;

        var output = follower.Step(new InstallSnapshot(1, 2, 2, 3, 2, "old"));

        Assert.False(output.HasInstalledSnapshot);
        Assert.False(output.PersistentStateChanged);
        Assert.Equal([new InstallSnapshotResponse(2, 1, 2, 3)], output.Messages); // entries 1-3 are committed here, so they match
        Assert.Same(log, follower.Log);
        Assert.False(follower.CurrentSnapshot.Exists);
        Assert.Equal(4, follower.LastApplied); // never goes back
    }

    [Fact]
    public void Raft_Section7_DuplicateInstallSnapshot_ChangesNothingTheSecondTime()
    {
        var follower = Follower(2, LogWithTerms(1, 1, 2, 2));
        var install = new InstallSnapshot(1, 2, 2, 3, 2, "S3");
        Assert.True(follower.Step(install).HasInstalledSnapshot);
        var state = follower.PersistentState;

        var again = follower.Step(install);

        Assert.False(again.HasInstalledSnapshot);
        Assert.False(again.PersistentStateChanged);
        Assert.Same(state, again.PersistentState);
        Assert.Equal([new InstallSnapshotResponse(2, 1, 2, 3)], again.Messages);
    }

    [Fact]
    public void Raft_Figure13_Step1_InstallSnapshotOfAnOlderTerm_IsRefusedWithTheCurrentTerm()
    {
        var follower = Follower(3, LogWithTerms(1, 1));
        var output = follower.Step(new InstallSnapshot(1, 2, 2, 5, 2, "S5"));
        Assert.Equal([new InstallSnapshotResponse(2, 1, 3, 0)], output.Messages);
        Assert.False(output.HasInstalledSnapshot);
        Assert.Equal(2, follower.LastLogIndex);
    }

    [Fact]
    public void Raft_Figure13_NewerSnapshotOverAnOlderOne_KeepsTheMatchingSuffix()
    {
        var state = new RaftPersistentState(2, null, [new LogEntry(4, 2, "c4"), new LogEntry(5, 2, "c5"), new LogEntry(6, 2, "c6"), new LogEntry(7, 2, "c7")], new RaftSnapshot(3, 2, "S3"));
        var follower = new RaftNode(new RaftOptions(2, Three), 7, state);

        var output = follower.Step(new InstallSnapshot(1, 2, 2, 6, 2, "S6"));

        Assert.Equal(new RaftSnapshot(6, 2, "S6"), output.PersistentState.Snapshot);
        Assert.Equal([new LogEntry(7, 2, "c7")], output.PersistentState.Log);
        Assert.Equal(6, follower.CommitIndex);
    }

    [Fact]
    public void Raft_Figure13_CandidateOfTheSameTerm_BecomesFollowerAndInstalls()
    {
        var node = new RaftNode(new RaftOptions(2, Three).WithShortTimeout(), 7);
        for (int i = 0; i < 5; i++)
        {
            node.Tick();
        }

        Assert.Equal((RaftRole.Candidate, 1L), (node.Role, node.CurrentTerm));
        var output = node.Step(new InstallSnapshot(1, 2, 1, 2, 1, "S2"));
        Assert.Equal((RaftRole.Follower, 1), (node.Role, node.KnownLeaderId));
        Assert.True(output.HasInstalledSnapshot);
    }

    [Fact]
    public void Raft_Section7_AppendEntriesReachingIntoTheSnapshot_IsTrimmedToTheEntriesAfterIt()
    {
        var state = new RaftPersistentState(2, null, [new LogEntry(4, 2, "c4")], new RaftSnapshot(3, 2, "S3"));
        var follower = new RaftNode(new RaftOptions(2, Three), 7, state);

        // prev = (1, t1) lies inside the snapshot: entries 2 and 3 are dropped, 4 matches, 5 is new.
        var output = follower.Step(Append(1, 2, 2, 1, 1, 5, new LogEntry(2, 1, "c2"), new LogEntry(3, 2, "c3"), new LogEntry(4, 2, "c4"), new LogEntry(5, 2, "c5")));
        Assert.Equal([new AppendEntriesResponse(2, 1, 2, true, 5, 0, 0)], output.Messages);
        Assert.Equal([new LogEntry(4, 2, "c4"), new LogEntry(5, 2, "c5")], output.CommittedEntries);
        Assert.Equal([new LogEntry(4, 2, "c4"), new LogEntry(5, 2, "c5")], output.PersistentState.Log);

        // A stale message wholly inside the snapshot is acknowledged as far as it goes and changes nothing.
        var stale = follower.Step(Append(1, 2, 2, 0, 0, 2, new LogEntry(1, 1, "c1"), new LogEntry(2, 1, "c2")));
        Assert.Equal([new AppendEntriesResponse(2, 1, 2, true, 2, 0, 0)], stale.Messages);
        Assert.False(stale.PersistentStateChanged);

        // A leader whose entry at the snapshot's index has another term contradicts a committed entry.
        var broken = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 2, 2, 1, 0, new LogEntry(3, 1, "z"))));
        Assert.Contains("State Machine Safety is broken", broken.Message);
    }

    [Fact]
    public void Raft_Section7_FollowerBehindTheLeadersSnapshot_CatchesUpByInstallSnapshot()
    {
        var leader = new RaftNode(new RaftOptions(1, Three).WithShortTimeout(), 1);
        for (int i = 0; i < 5; i++)
        {
            leader.Tick();
        }

        leader.Step(new RequestVoteResponse(2, 1, 1, true)); // leader of term 1; its no-op is entry 1
        Assert.Equal(RaftRole.Leader, leader.Role);
        leader.Propose("a");
        leader.Propose("b");
        var acked = leader.Step(new AppendEntriesResponse(2, 1, 1, true, 3, 0, 0));
        Assert.Equal(["", "a", "b"], acked.CommittedEntries.Select(e => e.Command));

        var compacted = leader.Snapshot(3, "no-op,a,b");
        Assert.True(compacted.PersistentStateChanged);
        Assert.Empty(compacted.Messages);
        Assert.Equal(new RaftSnapshot(3, 1, "no-op,a,b"), compacted.PersistentState.Snapshot);
        Assert.Empty(compacted.PersistentState.Log);

        // Node 3 never answered: its nextIndex (1) lies inside the snapshot, so the heartbeat carries the snapshot.
        var heartbeat = leader.Tick();
        Assert.Equal(
            [new AppendEntries(1, 2, 1, 3, 1, [], 3), new InstallSnapshot(1, 3, 1, 3, 1, "no-op,a,b")],
            heartbeat.Messages.Select(m => m is AppendEntries a ? a with { Entries = [] } : m));
        var install = heartbeat.Messages.OfType<InstallSnapshot>().Single();

        var node3 = new RaftNode(new RaftOptions(3, Three), 3);
        var installed = node3.Step(install);
        Assert.Equal(new RaftSnapshot(3, 1, "no-op,a,b"), installed.InstalledSnapshot);
        Assert.Equal([new InstallSnapshotResponse(3, 1, 1, 3)], installed.Messages);

        var reply = leader.Step(installed.Messages[0]);
        Assert.Empty(reply.Messages); // nothing after the snapshot to send
        Assert.Equal((3L, 4L), (leader.MatchIndex[3], leader.NextIndex[3]));

        // The next entry goes by AppendEntries, matched at the snapshot's last entry.
        var proposal = leader.Propose("c");
        var toNode3 = proposal.Output.Messages.OfType<AppendEntries>().Single(m => m.To == 3);
        Assert.Equal((3L, 1L), (toNode3.PrevLogIndex, toNode3.PrevLogTerm));
        Assert.Equal([new AppendEntriesResponse(3, 1, 1, true, 4, 0, 0)], node3.Step(toNode3).Messages);
        Assert.Equal([new LogEntry(4, 1, "c")], Assert.IsType<CompactedLog>(node3.Log).Retained);
    }

    [Fact]
    public void Raft_Section7_RestartFromASnapshot_KeepsSnapshotAndLog_AndAppliesOnlyLaterEntries()
    {
        var follower = Follower(2, LogWithTerms(1, 1, 2, 2));
        follower.Step(new InstallSnapshot(1, 2, 2, 3, 2, "S3"));
        var saved = follower.PersistentState;
        Assert.Equal("term=2 vote=none log=[4:2 \"c4\"] snapshot(3,t2, 2 chars)", saved.ToString());

        // The same state, rebuilt through the public constructor, is equal (round trip of what a disk would hold).
        var copy = new RaftPersistentState(saved.CurrentTerm, saved.VotedFor, [.. saved.Log], new RaftSnapshot(saved.Snapshot.LastIncludedIndex, saved.Snapshot.LastIncludedTerm, saved.Snapshot.Data));
        Assert.Equal(saved.Snapshot, copy.Snapshot);
        Assert.Equal(saved.Log, copy.Log);

        var restarted = new RaftNode(new RaftOptions(2, Three), 99, copy);
        Assert.Equal(new RaftSnapshot(3, 2, "S3"), restarted.CurrentSnapshot);
        Assert.Equal((3L, 3L, 4L, 2L), (restarted.CommitIndex, restarted.LastApplied, restarted.LastLogIndex, restarted.LastLogTerm));
        Assert.Equal(2, restarted.Log.TermAt(3));
        Assert.Equal([new LogEntry(4, 2, "c4")], restarted.Step(Append(1, 2, 2, 4, 2, commit: 4)).CommittedEntries);
    }

    [Fact]
    public void Snapshot_RejectsAnIndexNotAppliedYet_OrNotAboveTheCurrentSnapshot()
    {
        var follower = Follower(2, LogWithTerms(1, 1, 2, 2));
        follower.Step(Append(1, 2, 2, 4, 2, commit: 3));
        BadInput.Rejects(() => follower.Snapshot(4, "s"), "index", "at most the last applied index (3)");
        BadInput.Rejects(() => follower.Snapshot(0, "s"), "index", "above the current snapshot's last index (0)");
        Assert.Throws<ArgumentNullException>(() => follower.Snapshot(2, null!));

        var output = follower.Snapshot(2, "s2");
        Assert.Equal([new LogEntry(3, 2, "c3"), new LogEntry(4, 2, "c4")], output.PersistentState.Log);
        BadInput.Rejects(() => follower.Snapshot(2, "again"), "index", "above the current snapshot's last index (2)");
        BadInput.Rejects(() => follower.Snapshot(1, "back"), "index", "a snapshot never goes back");
    }

    [Fact]
    public void SnapshotTypes_RejectBadInput_NamingTheParameter()
    {
        BadInput.Rejects(() => new RaftSnapshot(0, 1, ""), "lastIncludedIndex", "an integer >= 1");
        BadInput.Rejects(() => new RaftSnapshot(1, 0, ""), "lastIncludedTerm", "an integer >= 1");
        BadInput.Rejects(() => new RaftPersistentState(1, null, [new LogEntry(3, 1, "x")], new RaftSnapshot(3, 1, "")), "log", "entries at indexes 4, 5");
        BadInput.Rejects(() => new RaftPersistentState(2, null, [new LogEntry(4, 1, "x")], new RaftSnapshot(3, 2, "")), "log", "start at the snapshot's term 2");
        BadInput.Rejects(() => new RaftPersistentState(1, null, [], new RaftSnapshot(3, 2, "")), "snapshot", "at most currentTerm = 1");
        BadInput.Rejects(() => new CompactedLog(0, 1, []), "snapshotIndex", "an integer >= 1");
        BadInput.Rejects(() => new CompactedLog(3, 1, [new LogEntry(5, 1, "x")]), "retained", "entries at indexes snapshotIndex + 1 = 4");
        BadInput.Rejects(() => new RaftClusterOptions(3, snapshotInterval: -1), "snapshotInterval", "an integer >= 0");
        BadInput.Rejects(() => new RaftClusterOptions(3).WithSnapshotInterval(-2), "snapshotInterval", "an integer >= 0");
        BadInput.Rejects(() => new KvClusterOptions(new RaftClusterOptions(3, snapshotInterval: 10)), "cluster", "SnapshotInterval 0");

        var follower = Follower(1);
        BadInput.RejectsArgument(() => follower.Step(new InstallSnapshot(1, 2, 1, 0, 1, "")), "message", "a last included index >= 1");
        BadInput.RejectsArgument(() => follower.Step(new InstallSnapshot(1, 2, 1, 4, 2, "")), "message", "a last included term in [1, 1]");
    }

    [Fact]
    public void CompactedLog_ReadsTermsFromTheSnapshotOn_AndRefusesCompactedEntries()
    {
        var log = new CompactedLog(3, 2, [new LogEntry(4, 2, "d"), new LogEntry(5, 3, "e")]);
        Assert.Equal((5L, 3L, 3L), (log.LastIndex(), log.LastTerm(), log.SnapshotIndex()));
        Assert.Equal((2L, 2L, 3L), (log.TermAt(3), log.TermAt(4), log.TermAt(5)));
        Assert.Equal(new LogEntry(4, 2, "d"), log[3]);
        BadInput.Rejects(() => log.TermAt(2), "index", "an index in [3, 5]");
        var compacted = Assert.Throws<InvalidOperationException>(() => log[2]);
        Assert.Contains("entry 3 was compacted into a snapshot through index 3", compacted.Message);
        Assert.Throws<InvalidOperationException>(() => log.ToList());
        Assert.Equal((3L, 2L), (new CompactedLog(3, 2, []).LastIndex(), new CompactedLog(3, 2, []).LastTerm()));
        Assert.Equal(0, ((IReadOnlyList<LogEntry>)LogWithTerms(1, 2)).SnapshotIndex());
    }

    [Fact]
    public void StandardRules_OnACompactedLog_WorkFromTheSnapshotOn()
    {
        var log = new CompactedLog(3, 2, [new LogEntry(4, 2, "d"), new LogEntry(5, 3, "e")]);

        // Consistency check at the snapshot's last entry and after it.
        Assert.True(StandardRaftRules.LogMatches(new LogMatchContext(log, 3, 2, [])));
        Assert.False(StandardRaftRules.LogMatches(new LogMatchContext(log, 3, 1, [])));
        Assert.True(StandardRaftRules.LogMatches(new LogMatchContext(log, 5, 3, [])));
        Assert.False(StandardRaftRules.LogMatches(new LogMatchContext(log, 6, 3, [])));

        // Hint: entry 4 has term 2, so does the snapshot's last entry (3); before that the terms are unknown: (t2, 3).
        Assert.Equal(new ConflictHint(2, 3), StandardRaftRules.ConflictHint(new ConflictHintContext(log, 4)));
        Assert.Equal(new ConflictHint(0, 6), StandardRaftRules.ConflictHint(new ConflictHintContext(log, 6)));

        // Merge: entry 5 conflicts (term 3 against 4) and is replaced; the snapshot stays.
        var merged = Assert.IsType<CompactedLog>(StandardRaftRules.MergeEntries(new MergeEntriesContext(log, 4, [new LogEntry(5, 4, "x")])));
        Assert.Equal((3L, 2L), (merged.SnapshotIndex, merged.SnapshotTerm));
        Assert.Equal([new LogEntry(4, 2, "d"), new LogEntry(5, 4, "x")], merged.Retained);
        Assert.Same(log, StandardRaftRules.MergeEntries(new MergeEntriesContext(log, 2, [new LogEntry(3, 2, "c"), new LogEntry(4, 2, "d")])));

        // Leader back-up: term 1 lies below the snapshot, so the follower's index (2) is used; term 2 ends at 4, so 5.
        Assert.Equal(2, StandardRaftRules.NextIndexAfterRejection(new NextIndexContext(1, 2, log, 6, 0)));
        Assert.Equal(5, StandardRaftRules.NextIndexAfterRejection(new NextIndexContext(2, 1, log, 6, 0)));

        // Commit: entry 5 (current term 3) is on 2 of 3 nodes.
        Assert.Equal(5, StandardRaftRules.LeaderCommitIndex(new LeaderCommitContext(log, 3, 3, [5, 5, 0], 2)));
    }

    [Fact]
    public void AppliedEntriesCodec_RoundTripsAwkwardCommands()
    {
        List<LogEntry> entries = [new(1, 1, "", IsNoOp: true), new(2, 1, "a:b:c"), new(3, 2, "12:34"), new(4, 2, "ünï\ncode"), new(5, 3, "")];
        Assert.Equal(entries, AppliedEntriesCodec.Decode(AppliedEntriesCodec.Encode(entries)));
        Assert.Empty(AppliedEntriesCodec.Decode(""));
        Assert.Throws<FormatException>(() => AppliedEntriesCodec.Decode("2:1:c:0:"));
    }
}
