using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Leader election: extended Raft paper, sections 5.1, 5.2 and 5.4.1.</summary>
public class RaftElectionTests
{
    private static readonly int[] Three = [1, 2, 3];

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Raft_5_2_OneLeaderIsElected_AndEveryoneFollowsIt(int size)
    {
        for (long seed = 1; seed <= 40; seed++)
        {
            var cluster = RaftTestCluster.Create(size, seed);

            // Property, with synchronous delivery: the node whose drawn timeout is the unique smallest
            // campaigns alone and wins; a tie may split the vote and take more rounds.
            var timeouts = cluster.LiveNodes.Select(n => n.ElectionTimeoutTicks).ToArray();
            var firstTimeout = timeouts.Min();
            var rounds = cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.KnowsLeader));

            var leader = Assert.Single(cluster.Leaders);
            Assert.All(cluster.LiveNodes, n => Assert.Equal(leader.Id, n.KnownLeaderId));
            Assert.All(cluster.LiveNodes, n => Assert.Equal(leader.CurrentTerm, n.CurrentTerm));
            if (timeouts.Count(t => t == firstTimeout) == 1)
            {
                Assert.Equal(firstTimeout, rounds);
                Assert.Equal(1, leader.CurrentTerm);
                Assert.Equal(Array.IndexOf(timeouts, firstTimeout) + 1, leader.Id);
            }

            // And it stays leader while heartbeats flow: 100 more rounds, no new term.
            for (int i = 0; i < 100; i++)
            {
                cluster.TickAll();
                cluster.DeliverAll();
            }

            Assert.Same(leader, Assert.Single(cluster.Leaders));
            Assert.All(cluster.LiveNodes, n => Assert.Equal(leader.CurrentTerm, n.CurrentTerm));
        }
    }

    [Fact]
    public void Raft_5_2_ElectionTimeouts_AreRedrawnUniformlyFromTheRange()
    {
        // Property: every draw lies in [5, 8] and each of the 4 values appears about 1/4 of the time
        // (2,000 draws: expected 500 each, standard deviation √(2000·¼·¾) ≈ 19; allow ±100, over 5 sd).
        var counts = new int[9];
        var options = new RaftOptions(1, Three, 5, 8);
        for (long seed = 0; seed < 2000; seed++)
        {
            counts[new RaftNode(options, seed).ElectionTimeoutTicks]++;
        }

        Assert.Equal(0, counts[..5].Sum());
        Assert.All(counts[5..], c => Assert.InRange(c, 400, 600));

        // Each reset draws again: a node that times out repeatedly (its votes never answered) does not
        // keep one timeout forever.
        var node = new RaftNode(new RaftOptions(1, Three, 5, 50), 3);
        var drawn = new HashSet<int>();
        for (int tick = 0; tick < 2000; tick++)
        {
            var before = node.ElectionTimeoutTicks;
            if (node.Tick().RoleChanges.Count > 0)
            {
                drawn.Add(before);
            }
        }

        Assert.True(drawn.Count > 5, $"only {drawn.Count} distinct timeouts in 2,000 ticks");
    }

    [Fact]
    public void Raft_5_2_SameSeed_SameRun()
    {
        var a = RaftTestCluster.Create(5, seed: 42);
        var b = RaftTestCluster.Create(5, seed: 42);
        a.RunSynchronousRounds(c => c.Leaders.Count == 1);
        b.RunSynchronousRounds(c => c.Leaders.Count == 1);
        Assert.Equal(a.Transcript, b.Transcript);
    }

    [Fact]
    public void Raft_5_2_SingleNodeCluster_ElectsItselfOnItsFirstTimeout()
    {
        var node = new RaftNode(new RaftOptions(1, [1], 3, 3), 1);
        Assert.Empty(node.Tick().RoleChanges);
        Assert.Empty(node.Tick().RoleChanges);
        var output = node.Tick();
        Assert.Equal([new RoleChange(RaftRole.Follower, RaftRole.Candidate, 1), new RoleChange(RaftRole.Candidate, RaftRole.Leader, 1)], output.RoleChanges);
        Assert.Empty(output.Messages);

        // Its no-op and a command commit at once: a majority of one.
        Assert.Equal([new LogEntry(1, 1, "", IsNoOp: true)], output.CommittedEntries);
        Assert.Equal([new LogEntry(2, 1, "x")], node.Propose("x").Output.CommittedEntries);
    }

    [Fact]
    public void Raft_5_2_OneVotePerTerm_FirstComeFirstServed()
    {
        var voter = new RaftNode(new RaftOptions(1, Three), 1);
        var first = voter.Step(new RequestVote(2, 1, 5, 0, 0));
        Assert.Equal([new RequestVoteResponse(1, 2, 5, true)], first.Messages);
        Assert.True(first.PersistentStateChanged);
        Assert.Equal((5L, 2), (first.PersistentState.CurrentTerm, first.PersistentState.VotedFor));

        // Another candidate of the same term is refused; the first one asking again gets the same vote.
        Assert.Equal([new RequestVoteResponse(1, 3, 5, false)], voter.Step(new RequestVote(3, 1, 5, 0, 0)).Messages);
        var again = voter.Step(new RequestVote(2, 1, 5, 0, 0));
        Assert.Equal([new RequestVoteResponse(1, 2, 5, true)], again.Messages);
        Assert.False(again.PersistentStateChanged);

        // A new term brings a new vote.
        Assert.Equal([new RequestVoteResponse(1, 3, 6, true)], voter.Step(new RequestVote(3, 1, 6, 0, 0)).Messages);
    }

    [Fact]
    public void Raft_5_1_HigherTermInAnyMessage_MakesALeaderAFollower()
    {
        var cluster = RaftTestCluster.Create(3, seed: 7);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1);
        var leader = Assert.Single(cluster.Leaders);
        var term = leader.CurrentTerm;
        var other = Three.First(id => id != leader.Id);

        // A (refused) vote reply of a higher term is enough.
        var output = leader.Step(new RequestVoteResponse(other, leader.Id, term + 3, false));
        Assert.Equal([new RoleChange(RaftRole.Leader, RaftRole.Follower, term + 3)], output.RoleChanges);
        Assert.True(output.PersistentStateChanged);
        Assert.False(output.PersistentState.HasVoted);
        Assert.False(leader.KnowsLeader);
    }

    [Fact]
    public void Raft_5_1_StaleTermMessages_AreRefusedWithTheCurrentTerm()
    {
        var node = new RaftNode(new RaftOptions(1, Three), 1, new RaftPersistentState(4, null, []));
        Assert.Equal([new RequestVoteResponse(1, 2, 4, false)], node.Step(new RequestVote(2, 1, 3, 9, 3)).Messages);
        var reply = Assert.IsType<AppendEntriesResponse>(Assert.Single(node.Step(Append(2, 1, 3, 0, 0, 0, new LogEntry(1, 3, "x"))).Messages));
        Assert.Equal((4L, false), (reply.Term, reply.Success));
        Assert.Empty(node.Log);
        Assert.Empty(node.Step(new AppendEntriesResponse(2, 1, 3, true, 5, 0, 0)).Messages);
    }

    [Theory]
    // voter log terms | candidate last (index, term) | granted? — section 5.4.1: later last term wins;
    // equal last terms: the longer (or equally long) log wins.
    [InlineData(new long[] { 1, 2 }, 1, 1, false)] // candidate [1]: older last term
    [InlineData(new long[] { 1, 2 }, 3, 1, false)] // candidate [1,1,1]: longer but older last term
    [InlineData(new long[] { 1, 2, 2 }, 2, 2, false)] // same last term, shorter
    [InlineData(new long[] { 1, 2, 2 }, 3, 2, true)] // same last term, same length
    [InlineData(new long[] { 1, 2, 2 }, 4, 2, true)] // same last term, longer
    [InlineData(new long[] { 1, 2, 2 }, 1, 3, true)] // shorter but later last term
    [InlineData(new long[] { }, 0, 0, true)] // both empty
    public void Raft_5_4_1_VoteGrantedOnlyToAnUpToDateLog(long[] voterTerms, long lastIndex, long lastTerm, bool granted)
    {
        var voter = new RaftNode(new RaftOptions(1, Three), 1, new RaftPersistentState(3, null, LogWithTerms(voterTerms)));
        var reply = Assert.IsType<RequestVoteResponse>(Assert.Single(voter.Step(new RequestVote(2, 1, 4, lastIndex, lastTerm)).Messages));
        Assert.Equal(granted, reply.VoteGranted);
        Assert.Equal(granted, voter.HasVoted);

        // Either way the voter adopted term 4 (and must persist it).
        Assert.Equal(4, voter.CurrentTerm);
    }

    [Fact]
    public void Raft_5_4_1_CandidateWithStaleLog_LosesElection()
    {
        // n1 and n2 hold entry 2 of term 2; n3 missed it and times out first (timeout 11 < 30).
        var ids = Three;
        var full = new RaftPersistentState(2, null, LogWithTerms(1, 2));
        var stale = new RaftPersistentState(2, null, LogWithTerms(1));
        var cluster = new RaftTestCluster(
            [new RaftOptions(1, ids, 30, 30), new RaftOptions(2, ids, 40, 40), new RaftOptions(3, ids, 11, 11)],
            initialStates: new Dictionary<int, RaftPersistentState> { [1] = full, [2] = full, [3] = stale });

        for (int round = 0; round < 29; round++)
        {
            cluster.TickAll();
            cluster.DeliverAll();
        }

        // n3 campaigned in terms 3 and 4 (ticks 11 and 22) and was refused both times.
        var n3 = cluster.Node(3);
        Assert.Equal((RaftRole.Candidate, 4L), (n3.Role, n3.CurrentTerm));
        Assert.Empty(cluster.Leaders);
        Assert.DoesNotContain(cluster.Transcript, line => line.Contains("granted", StringComparison.Ordinal));

        // n1, whose log is up to date, wins on its first timeout (tick 30), with n3's vote.
        cluster.TickAll();
        cluster.DeliverAll();
        Assert.Equal(1, Assert.Single(cluster.Leaders).Id);
        Assert.Contains("deliver RequestVoteResponse 3->1 t5 granted", cluster.Transcript);
    }

    [Fact]
    public void Raft_5_2_SplitVote_IsResolvedByRedrawnTimeouts()
    {
        // All three nodes time out before any RequestVote is delivered: each is a candidate of term 1
        // that voted for itself, so every request is refused and nobody wins term 1.
        var cluster = RaftTestCluster.Create(3, seed: 5);
        foreach (var id in Three)
        {
            while (cluster.Node(id).Role == RaftRole.Follower)
            {
                cluster.Tick(id);
            }
        }

        cluster.DeliverAll();
        Assert.All(cluster.LiveNodes, n => Assert.Equal((RaftRole.Candidate, 1L), (n.Role, n.CurrentTerm)));
        Assert.Equal(6, cluster.Transcript.Count(line => line.StartsWith("deliver RequestVoteResponse", StringComparison.Ordinal) && line.EndsWith("refused", StringComparison.Ordinal)));

        // Timeouts were redrawn when each campaign started; the next election separates them.
        var rounds = cluster.RunSynchronousRounds(c => c.Leaders.Count == 1);
        Assert.InRange(rounds, 1, 19);
        Assert.True(Assert.Single(cluster.Leaders).CurrentTerm >= 2);
    }
}
