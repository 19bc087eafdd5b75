using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Log replication and commitment: extended Raft paper, sections 5.3 and 5.4.2 (Figure 8), and fast back-up.</summary>
public class RaftReplicationTests
{
    private static readonly int[] Three = [1, 2, 3];
    private static readonly int[] Five = [1, 2, 3, 4, 5];

    [Fact]
    public void Raft_5_3_ProposalToAFollower_IsRefusedWithTheLeaderItKnows()
    {
        var cluster = RaftTestCluster.Create(3, seed: 3);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.KnowsLeader));
        var leader = Assert.Single(cluster.Leaders).Id;
        var follower = Three.First(id => id != leader);

        var refused = cluster.Propose(follower, "x");
        Assert.False(refused.IsAccepted);
        Assert.Equal(leader, refused.KnownLeaderId);
        Assert.Contains($"node {follower} is a follower in term 1, not the leader; node {leader} leads term 1", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(refused.Output.Messages);

        var fresh = new RaftNode(new RaftOptions(1, Three), 1).Propose("x");
        Assert.False(fresh.KnowsLeader);
        Assert.Contains("it knows no leader in this term", fresh.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Raft_5_3_EntryCommitsOnceAMajorityStoresIt_ThenEveryNodeAppliesIt()
    {
        var cluster = RaftTestCluster.Create(3, seed: 3);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.KnowsLeader && n.CommitIndex == 1));
        var leader = Assert.Single(cluster.Leaders);
        var (f1, f2) = (Three.Where(id => id != leader.Id).First(), Three.Where(id => id != leader.Id).Last());

        var result = cluster.Propose(leader.Id, "x=1");
        Assert.True(result.IsAccepted);
        Assert.Equal(new LogEntry(2, 1, "x=1"), result.Entry);
        Assert.Equal(2, result.Output.Messages.Count);
        Assert.Empty(result.Output.CommittedEntries);

        // Only f1 hears of it: leader + f1 = 2 of 3, a majority, so the leader commits and applies.
        cluster.Drop(m => m.To == f2);
        cluster.DeliverAll();
        Assert.Equal(2, leader.CommitIndex);
        Assert.Equal(["", "x=1"], cluster.Applied(leader.Id).Select(e => e.Command));
        Assert.Equal(2, cluster.Node(f1).LastLogIndex);
        Assert.Equal(1, cluster.Node(f1).CommitIndex); // learns the commit with the next AppendEntries
        Assert.Equal(1, cluster.Node(f2).LastLogIndex);

        // One heartbeat later everyone has it and has applied it.
        cluster.Tick(leader.Id);
        cluster.DeliverAll();
        Assert.All(cluster.LiveNodes, n => Assert.Equal(["", "x=1"], cluster.Applied(n.Id).Select(e => e.Command)));
    }

    [Fact]
    public void Raft_5_3_NoQuorum_NoCommit()
    {
        var cluster = RaftTestCluster.Create(5, seed: 4);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.CommitIndex == 1));
        var leader = Assert.Single(cluster.Leaders).Id;
        var crashed = Five.Where(id => id != leader).Take(3).ToArray();
        foreach (var id in crashed)
        {
            cluster.Crash(id);
        }

        Assert.True(cluster.Propose(leader, "lonely").IsAccepted);
        for (int i = 0; i < 50; i++)
        {
            cluster.Tick(leader);
            cluster.DeliverAll();
        }

        // 2 of 5 store it: never committed, never applied.
        Assert.Equal(1, cluster.Node(leader).CommitIndex);
        Assert.All(cluster.LiveNodes, n => Assert.Equal(2, n.LastLogIndex));
        Assert.All(cluster.LiveNodes, n => Assert.Single(cluster.Applied(n.Id)));
    }

    [Fact]
    public void Raft_5_3_ConsistencyCheck_RejectsAMissingOrMismatchedPrevEntry()
    {
        var follower = new RaftNode(new RaftOptions(2, Three), 1, new RaftPersistentState(3, null, LogWithTerms(1, 1, 2, 2, 2)));

        // prevLogIndex 7 beyond its 5 entries: conflict index 6 (its last + 1), no conflict term.
        Assert.Equal([new AppendEntriesResponse(2, 1, 3, false, 0, 0, 6)], follower.Step(Append(1, 2, 3, 7, 3, 0)).Messages);

        // prevLogIndex 4 holds term 2, not 3: conflict term 2, whose first index here is 3.
        Assert.Equal([new AppendEntriesResponse(2, 1, 3, false, 0, 2, 3)], follower.Step(Append(1, 2, 3, 4, 3, 0, new LogEntry(5, 3, "y"))).Messages);
        Assert.Equal(LogWithTerms(1, 1, 2, 2, 2), follower.Log);
    }

    [Fact]
    public void Raft_5_3_ConflictingSuffix_IsTruncated_MatchingPrefixKept()
    {
        var follower = new RaftNode(new RaftOptions(2, Three), 1, new RaftPersistentState(3, null, LogWithTerms(1, 1, 2, 2, 2)));
        var newer = new[] { new LogEntry(3, 2, "c3"), new LogEntry(4, 3, "d") };

        // Index 3 matches (term 2) and is kept; index 4 conflicts (2 vs 3): 4 and 5 go, d comes in.
        var output = follower.Step(Append(1, 2, 3, 2, 1, 0, newer));
        Assert.Equal([new AppendEntriesResponse(2, 1, 3, true, 4, 0, 0)], output.Messages);
        Assert.True(output.PersistentStateChanged);
        Assert.Equal([.. LogWithTerms(1, 1, 2), new LogEntry(4, 3, "d")], follower.Log);
    }

    [Fact]
    public void Raft_5_3_StaleOrDuplicateAppendEntries_NeverTruncatesMatchingEntries()
    {
        var follower = new RaftNode(new RaftOptions(2, Three), 1);
        var log = LogWithTerms(1, 1, 1);
        follower.Step(Append(1, 2, 1, 0, 0, 0, log[0]));
        follower.Step(Append(1, 2, 1, 0, 0, 3, log));
        Assert.Equal(3, follower.CommitIndex);

        // The first message arrives again, late: it matches, so nothing is removed, and its older
        // leaderCommit (0) and last new index (1) do not lower the commit index.
        var replay = follower.Step(Append(1, 2, 1, 0, 0, 0, log[0]));
        Assert.Equal(log, follower.Log);
        Assert.False(replay.PersistentStateChanged);
        Assert.Equal(3, follower.CommitIndex);
        Assert.Equal([new AppendEntriesResponse(2, 1, 1, true, 1, 0, 0)], replay.Messages);

        // A leader that caps entries per message may send only entry 1 with leaderCommit 5:
        // min(5, 1) = 1 is below the commit index already reached (3), which stays.
        follower.Step(Append(1, 2, 1, 0, 0, 5, log[0]));
        Assert.Equal(3, follower.CommitIndex);
    }

    [Fact]
    public void Raft_5_3_FollowerCommitIndex_IsMinOfLeaderCommitAndLastNewEntry()
    {
        var follower = new RaftNode(new RaftOptions(2, Three), 1, new RaftPersistentState(2, null, LogWithTerms(1, 1, 1, 1, 1, 1)));

        // Leader has committed 9 but this message only vouches for entries up to 2: commit 2, not 6 or 9
        // (entries 3..6 here may yet be replaced).
        follower.Step(Append(1, 2, 2, 1, 1, 9, new LogEntry(2, 1, "c2")));
        Assert.Equal(2, follower.CommitIndex);
        follower.Step(Append(1, 2, 2, 6, 1, 4));
        Assert.Equal(4, follower.CommitIndex);
    }

    [Fact]
    public void Raft_5_3_ConflictingFollowerLog_IsRepairedByTheNewLeader()
    {
        // Figure 7-like: n3 led term 2 and wrote 3 entries nobody else kept; n1 and n2 hold term-3 entries.
        var leaderLog = new RaftPersistentState(3, null, LogWithTerms(1, 1, 3));
        var states = new Dictionary<int, RaftPersistentState>
        {
            [1] = leaderLog,
            [2] = leaderLog,
            [3] = new(2, null, LogWithTerms(1, 2, 2, 2)),
        };
        var cluster = new RaftTestCluster([new RaftOptions(1, Three, 5, 5), new RaftOptions(2, Three, 30, 30), new RaftOptions(3, Three, 30, 30)], initialStates: states);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.Node(3).CommitIndex == 4);

        Assert.Equal(1, Assert.Single(cluster.Leaders).Id);
        Assert.All(cluster.LiveNodes, n => Assert.Equal("1 1 3 4", RaftTestCluster.Terms(n.Log)));
        Assert.All(cluster.LiveNodes, n => Assert.Equal(cluster.Node(1).Log, n.Log));
    }

    [Fact]
    public void Raft_5_4_2_Figure8_OldTermEntryOnAMajority_IsNotCommittedByCounting()
    {
        // Paper, Figure 8, with S1..S5 as nodes 1..5, no no-op entries (so the figure's logs appear exactly).
        // (a) S1 led term 2 and copied entry 2 (term 2) to S2 only.
        var ids = Five;
        var options = ids.Select(id => new RaftOptions(id, ids, 50, 50, 1, appendNoOpOnElection: false)).ToArray();
        var a = new RaftPersistentState(2, 1, LogWithTerms(1, 2));
        var b = new RaftPersistentState(2, 1, LogWithTerms(1));
        var states = new Dictionary<int, RaftPersistentState> { [1] = a, [2] = a, [3] = b, [4] = b, [5] = new(2, null, LogWithTerms(1)) };
        var cluster = new RaftTestCluster(options, initialStates: states);
        void Campaign(int id)
        {
            var node = cluster.Node(id);
            var term = node.CurrentTerm;
            while (node.CurrentTerm == term)
            {
                cluster.Tick(id);
            }
        }

        // (b) S1 crashes; S5 wins term 3 with votes from S3, S4 (S2's log is more up to date: refused),
        // takes a client entry at index 2 and crashes before sending it.
        cluster.Crash(1);
        Campaign(5);
        cluster.DeliverAll();
        Assert.Equal((RaftRole.Leader, 3L), (cluster.Node(5).Role, cluster.Node(5).CurrentTerm));
        Assert.Equal(new LogEntry(2, 3, "b"), cluster.Propose(5, "b").Entry);
        cluster.Crash(5);
        cluster.Drop(m => m.From == 5);

        // (c) S1 restarts and wins term 4 (S3 and S4 voted in term 3 already, so its term-3 campaign
        // fails), copies its term-2 entry to S3 and takes a client entry at index 3 (term 4).
        cluster.Restart(1, seed: 11, options[0].WithShortTimeout());
        Campaign(1);
        cluster.DeliverAll();
        Assert.Equal(3, cluster.Node(1).CurrentTerm);
        Assert.Empty(cluster.Leaders);
        Campaign(1);
        cluster.DeliverAll(m => m is not AppendEntries { To: 4 });
        cluster.Drop(m => m.To == 4);
        var s1 = cluster.Node(1);
        Assert.Equal((RaftRole.Leader, 4L), (s1.Role, s1.CurrentTerm));
        Assert.Equal("1 2", RaftTestCluster.Terms(cluster.Node(3).Log));

        // Entry 2 (term 2) is now on S1, S2 and S3, a majority of 5: counting would commit it. Raft must not.
        Assert.Equal(3, 1 + s1.MatchIndex.Values.Count(m => m >= 2));
        Assert.Equal(0, s1.CommitIndex);
        Assert.Equal(new LogEntry(3, 4, "c"), cluster.Propose(1, "c").Entry);

        // (d) S1 crashes; S5 restarts and, its last term (3) beating everyone else's (2), wins term 5
        // with S2, S3 and S4, and overwrites entry 2 everywhere. That was safe only because entry 2
        // was never committed.
        cluster.Crash(1);
        cluster.Drop(m => m.From == 1);
        cluster.Restart(5, seed: 12, options[4].WithShortTimeout());
        Campaign(5);
        cluster.DeliverAll();
        Campaign(5);
        cluster.DeliverAll();
        Assert.Equal((RaftRole.Leader, 5L), (cluster.Node(5).Role, cluster.Node(5).CurrentTerm));
        cluster.Propose(5, "e");
        cluster.DeliverAll();
        foreach (var id in new[] { 2, 3, 4, 5 })
        {
            Assert.Equal("1 3 5", RaftTestCluster.Terms(cluster.Node(id).Log));
        }

        Assert.All(new[] { 2, 3, 4, 5 }, id => Assert.DoesNotContain(cluster.Applied(id), e => e.Term == 2));
        Assert.Equal(3, cluster.Node(5).CommitIndex);
        GoldenFile.AssertMatches(Path.Combine(Repository.Tests, "Consensus", "Golden", "raft-figure-8.txt"), cluster.Transcript);
    }

    [Fact]
    public void Raft_5_4_2_Figure8e_CurrentTermEntryOnAMajority_CommitsTheOldOneWithIt()
    {
        // As Figure 8 (c), but S1 copies its term-4 entry (index 3) to S2 and S3 before crashing.
        var ids = Five;
        var options = ids.Select(id => new RaftOptions(id, ids, 50, 50, 1, appendNoOpOnElection: false)).ToArray();
        var states = new Dictionary<int, RaftPersistentState>
        {
            [1] = new(4, 1, LogWithTerms(1, 2)),
            [2] = new(4, 1, LogWithTerms(1, 2)),
            [3] = new(4, 1, LogWithTerms(1)),
            [4] = new(4, 1, LogWithTerms(1)),
            [5] = new(3, 5, LogWithTerms(1, 3)),
        };
        var cluster = new RaftTestCluster([options[0].WithShortTimeout(), .. options[1..]], initialStates: states);
        while (cluster.Node(1).Role != RaftRole.Leader)
        {
            cluster.TickAll();
            cluster.DeliverAll(m => m.To != 4 && m.To != 5 && m.From is not (4 or 5));
        }

        Assert.Equal(5, cluster.Node(1).CurrentTerm);
        cluster.Propose(1, "c");
        cluster.DeliverAll(m => m.To != 4 && m.To != 5 && m.From is not (4 or 5));

        // Index 3 (term 5, the current term) is on S1, S2, S3: it commits, and index 2 (term 2) with it.
        Assert.Equal(3, cluster.Node(1).CommitIndex);
        Assert.Equal([1L, 2, 5], cluster.Applied(1).Select(e => e.Term));

        // S1 crashes. S5 (last term 3) can no longer win: S2 and S3 hold a later last term.
        cluster.Crash(1);
        cluster.Drop(_ => true);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => RaftTestCluster.Terms(n.Log) == "1 2 5"));
        var leader = Assert.Single(cluster.Leaders);
        Assert.Contains(leader.Id, new[] { 2, 3 });

        // Without a no-op the new leader cannot commit index 3 (not of its term) until a client writes:
        // the reason the paper's section 8 has a new leader append a no-op.
        Assert.All(cluster.LiveNodes, n => Assert.True(n.CommitIndex < 3));
        cluster.Propose(leader.Id, "f");
        cluster.DeliverAll();
        cluster.TickAll();
        cluster.DeliverAll();
        Assert.All(cluster.LiveNodes, n => Assert.Equal(["c1", "c2", "c", "f"], cluster.Applied(n.Id).Select(e => e.Command)));
    }

    [Fact]
    public void Raft_5_3_FastBackUp_SkipsAWholeConflictingTermPerRoundTrip()
    {
        // n2 led term 2 and wrote entries 2..30, of which only 2..10 reached n1 and n3; n1 then led term 4
        // and wrote 11..50. n1 now wins term 5 and appends its no-op at 51.
        var leaderState = new RaftPersistentState(4, null, LogOfRuns((1, 1), (2, 9), (4, 40)));
        var states = new Dictionary<int, RaftPersistentState>
        {
            [1] = leaderState,
            [2] = new(2, null, LogOfRuns((1, 1), (2, 29))),
            [3] = leaderState,
        };
        var cluster = new RaftTestCluster([new RaftOptions(1, Three, 5, 5), new RaftOptions(2, Three, 30, 30), new RaftOptions(3, Three, 30, 30)], initialStates: states);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.Node(2).LastLogIndex == 51 && c.Node(2).LastLogTerm == 5, maxRounds: 6);

        // Hand-traced round trips to n2: (1) prev 50: n2 has only 30 → conflict (none, 31);
        // (2) prev 30: n2 holds term 2 there, n1 term 4 → conflict (term 2, first index 2); n1's last
        // term-2 entry is 10, so (3) prev 10 matches and 11..51 go across. Backing up one entry per
        // round trip would take 51 − 10 = 41 AppendEntries.
        var toN2 = cluster.Transcript.Where(l => l.StartsWith("deliver AppendEntries 1->2", StringComparison.Ordinal)).Take(3).ToArray();
        Assert.Equal(3, toN2.Length);
        Assert.Contains("prev=(50,t4)", toN2[0], StringComparison.Ordinal);
        Assert.Contains("prev=(30,t4)", toN2[1], StringComparison.Ordinal);
        Assert.Contains("prev=(10,t2)", toN2[2], StringComparison.Ordinal);
        Assert.Equal(2, cluster.Transcript.Count(l => l.StartsWith("deliver AppendEntriesResponse 2->1", StringComparison.Ordinal) && l.Contains("reject", StringComparison.Ordinal)));
        Assert.Equal(cluster.Node(1).Log, cluster.Node(2).Log);
    }

    [Fact]
    public void Raft_5_3_FastBackUp_LeaderWithoutTheConflictTerm_JumpsToItsFirstIndex()
    {
        // n2 holds 99 entries of term 2 that the leader never had; one rejection takes the leader to index 2.
        var leaderState = new RaftPersistentState(3, null, LogOfRuns((1, 1), (3, 49)));
        var states = new Dictionary<int, RaftPersistentState> { [1] = leaderState, [2] = new(2, null, LogOfRuns((1, 1), (2, 99))), [3] = leaderState };
        var cluster = new RaftTestCluster([new RaftOptions(1, Three, 5, 5), new RaftOptions(2, Three, 30, 30), new RaftOptions(3, Three, 30, 30)], initialStates: states);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.Node(2).LastLogTerm == 4, maxRounds: 6);

        // (1) prev 50 (term 3) vs n2's term 2 → conflict (term 2, first index 2); n1 has no term 2 → next 2;
        // (2) prev 1 matches. One entry per round trip would take 51 − 1 = 50.
        Assert.Equal(2, cluster.Transcript.Count(l => l.StartsWith("deliver AppendEntries 1->2", StringComparison.Ordinal)));
        Assert.Equal(cluster.Node(1).Log, cluster.Node(2).Log);
        Assert.Equal(51, cluster.Node(2).LastLogIndex);
    }

    [Fact]
    public void Raft_5_3_StaleRejection_DoesNotMoveNextIndexBack()
    {
        var cluster = RaftTestCluster.Create(3, seed: 3);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.CommitIndex == 1));
        var leader = Assert.Single(cluster.Leaders);
        var follower = Three.First(id => id != leader.Id);
        var next = leader.NextIndex[follower];

        // A rejection proposing an index at or above nextIndex answers an older probe: ignored.
        var output = leader.Step(new AppendEntriesResponse(follower, leader.Id, leader.CurrentTerm, false, 0, 0, next));
        Assert.Empty(output.Messages);
        Assert.Equal(next, leader.NextIndex[follower]);
    }
}
