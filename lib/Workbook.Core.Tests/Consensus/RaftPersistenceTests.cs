using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Persistent state (extended Raft paper, Figure 2 "persistent state on all servers", section 5.1): restarts keep term, vote and log.</summary>
public class RaftPersistenceTests
{
    private static readonly int[] Three = [1, 2, 3];

    [Fact]
    public void Raft_Figure2_RestartFromPersistedState_KeepsTermVoteAndLog()
    {
        var options = new RaftOptions(1, Three);
        var node = new RaftNode(options, 1);
        var vote = node.Step(new RequestVote(2, 1, 3, 0, 0));
        Assert.True(vote.PersistentStateChanged);
        var append = node.Step(Append(2, 1, 3, 0, 0, 1, new LogEntry(1, 3, "a"), new LogEntry(2, 3, "b")));
        Assert.True(append.PersistentStateChanged);
        Assert.Equal([new LogEntry(1, 3, "a")], append.CommittedEntries);
        var saved = append.PersistentState;

        var restarted = new RaftNode(options, seed: 99, saved);
        Assert.Equal((3L, 2), (restarted.CurrentTerm, restarted.VotedFor));
        Assert.Equal([new LogEntry(1, 3, "a"), new LogEntry(2, 3, "b")], restarted.Log);
        Assert.Equal(RaftRole.Follower, restarted.Role);

        // Volatile state is gone: nothing is known committed until a leader says so again.
        Assert.Equal((0L, 0L), (restarted.CommitIndex, restarted.LastApplied));

        // The vote survives: another candidate of term 3 is refused, even with a longer log.
        Assert.Equal([new RequestVoteResponse(1, 3, 3, false)], restarted.Step(new RequestVote(3, 1, 3, 9, 3)).Messages);

        // The state machine is rebuilt from the log once the leader's commit index arrives.
        var again = restarted.Step(Append(2, 1, 3, 2, 3, 2));
        Assert.Equal([new LogEntry(1, 3, "a"), new LogEntry(2, 3, "b")], again.CommittedEntries);
    }

    [Fact]
    public void Raft_Figure2_EveryChangeOfTermVoteOrLog_IsReportedForPersistence()
    {
        // The harness asserts, on every output, that a state that differs from the last one saved was
        // flagged as changed; here a whole election, a write and a follower crash run through it.
        var cluster = RaftTestCluster.Create(3, seed: 9);
        cluster.RunSynchronousRounds(c => c.Leaders.Count == 1 && c.LiveNodes.All(n => n.CommitIndex == 1));
        var leader = Assert.Single(cluster.Leaders).Id;
        var follower = Three.First(id => id != leader);
        cluster.Propose(leader, "x");
        cluster.DeliverAll();
        cluster.Crash(follower);
        cluster.Propose(leader, "y");
        cluster.DeliverAll();
        cluster.Restart(follower, seed: 5);
        Assert.Equal(2, cluster.Node(follower).LastLogIndex);
        cluster.RunSynchronousRounds(c => c.Node(follower).LastApplied == 3);
        Assert.Equal(["", "x", "y"], cluster.Applied(follower).Select(e => e.Command));
    }

    [Fact]
    public void Raft_5_2_CandidateThatCrashesAfterVotingForItself_DoesNotVoteAgainInThatTerm()
    {
        var options = new RaftOptions(1, Three, 3, 3);
        var node = new RaftNode(options, 1);
        node.Tick();
        node.Tick();
        var campaign = node.Tick();
        Assert.Equal((1L, 1), (campaign.PersistentState.CurrentTerm, campaign.PersistentState.VotedFor));

        var restarted = new RaftNode(options, 2, campaign.PersistentState);
        Assert.Equal([new RequestVoteResponse(1, 2, 1, false)], restarted.Step(new RequestVote(2, 1, 1, 0, 0)).Messages);
    }
}
