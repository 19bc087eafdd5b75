using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class RaftOptionsTests
{
    private static readonly int[] Three = [1, 2, 3];

    [Fact]
    public void Defaults_FollowEtcd_HeartbeatOneTick_ElectionTenToNineteen()
    {
        var options = new RaftOptions(2, Three);
        Assert.Equal(2, options.NodeId);
        Assert.Equal(Three, options.ClusterNodeIds);
        Assert.Equal(10, options.ElectionTimeoutMinTicks);
        Assert.Equal(19, options.ElectionTimeoutMaxTicks);
        Assert.Equal(1, options.HeartbeatIntervalTicks);
        Assert.True(options.AppendNoOpOnElection);
    }

    [Theory]
    [InlineData(1, 1)] // ⌊1/2⌋ + 1
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    public void Quorum_IsAStrictMajority(int size, int quorum) =>
        Assert.Equal(quorum, new RaftOptions(1, [.. Enumerable.Range(1, size)]).Quorum);

    [Fact]
    public void ElectionTimeout_NotAboveHeartbeat_IsRejected()
    {
        BadInput.Rejects(() => _ = new RaftOptions(1, Three, electionTimeoutMinTicks: 3, electionTimeoutMaxTicks: 6, heartbeatIntervalTicks: 3),
            "electionTimeoutMinTicks", "an integer > 3");
        BadInput.Rejects(() => _ = new RaftOptions(1, Three, electionTimeoutMinTicks: 2, electionTimeoutMaxTicks: 6, heartbeatIntervalTicks: 3),
            "electionTimeoutMinTicks", "more than heartbeatIntervalTicks");
    }

    [Fact]
    public void ElectionTimeoutMax_BelowMin_IsRejected() =>
        BadInput.Rejects(() => _ = new RaftOptions(1, Three, electionTimeoutMinTicks: 10, electionTimeoutMaxTicks: 9),
            "electionTimeoutMaxTicks", "an integer >= 10");

    [Fact]
    public void ElectionTimeoutMin_EqualToMax_IsAllowed() =>
        Assert.Equal(7, new RaftOptions(1, Three, 7, 7).ElectionTimeoutMaxTicks);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Heartbeat_NotPositive_IsRejected(int heartbeat) =>
        BadInput.Rejects(() => _ = new RaftOptions(1, Three, heartbeatIntervalTicks: heartbeat), "heartbeatIntervalTicks", "an integer > 0");

    [Fact]
    public void Cluster_OfFewerThanOneNode_IsRejected() =>
        BadInput.Rejects(() => _ = new RaftOptions(1, []), "clusterNodeIds", "a list of at least 1 node id");

    [Fact]
    public void Cluster_WithARepeatedId_IsRejected() =>
        BadInput.RejectsArgument(() => _ = new RaftOptions(1, [1, 2, 2]), "clusterNodeIds", "each node id once; got 2 twice");

    [Fact]
    public void NodeId_OutsideTheCluster_IsRejected() =>
        BadInput.RejectsArgument(() => _ = new RaftOptions(4, Three), "nodeId", "one of the cluster's node ids [1, 2, 3]; got 4");

    [Fact]
    public void ForNode_KeepsTimingAndRevalidatesId()
    {
        var options = new RaftOptions(1, Three, 5, 8, 2, appendNoOpOnElection: false).ForNode(3);
        Assert.Equal((3, 5, 8, 2, false), (options.NodeId, options.ElectionTimeoutMinTicks, options.ElectionTimeoutMaxTicks, options.HeartbeatIntervalTicks, options.AppendNoOpOnElection));
        BadInput.RejectsArgument(() => options.ForNode(9), "nodeId", "one of the cluster's node ids");
    }

    [Fact]
    public void PersistedLog_WithAGapOrFallingTerm_IsRejected()
    {
        BadInput.Rejects(() => _ = new RaftPersistentState(2, null, [new LogEntry(1, 1, "a"), new LogEntry(3, 1, "b")]), "log", "indexes 1, 2, 3");
        BadInput.Rejects(() => _ = new RaftPersistentState(2, null, [new LogEntry(1, 2, "a"), new LogEntry(2, 1, "b")]), "log", "never decrease");
        BadInput.Rejects(() => _ = new RaftPersistentState(1, null, [new LogEntry(1, 2, "a")]), "log", "[1, currentTerm = 1]");
        BadInput.Rejects(() => _ = new RaftPersistentState(-1, null, []), "currentTerm", "an integer >= 0");
    }

    [Fact]
    public void PersistedVote_ForANodeOutsideTheCluster_IsRejected() =>
        BadInput.RejectsArgument(() => _ = new RaftNode(new RaftOptions(1, Three), 1, new RaftPersistentState(1, 7, [])), "persisted", "VotedFor must be one of the cluster's node ids");
}
