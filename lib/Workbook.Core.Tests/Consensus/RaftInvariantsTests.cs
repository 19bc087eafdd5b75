using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class RaftInvariantsTests
{
    private static LogEntry E(long index, long term, string command = "") => new(index, term, command == "" ? $"c{index}" : command);

    private static RaftNodeSnapshot N(int id, RaftRole role, long term, long commit, params LogEntry[] log) => new(id, true, role, term, log, commit);

    [Fact]
    public void Figure3_ElectionSafety_TwoLeadersOfOneTermAcrossObservations_Fires()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check([N(1, RaftRole.Leader, 2, 0), N(2, RaftRole.Follower, 2, 0)]).Holds);

        // Node 1 stepped down; node 2 leads the same term later: still two leaders of term 2 in one run.
        var result = checker.Check([N(1, RaftRole.Follower, 2, 0), N(2, RaftRole.Leader, 2, 0)]);
        Assert.Equal(RaftInvariant.ElectionSafety, result.Invariant);
        Assert.Equal("nodes 1 and 2 were both elected leader of term 2.", result.Reason);
        Assert.Equal([1, 2], result.NodeIds);
    }

    [Fact]
    public void Figure3_LeaderAppendOnly_LeaderDropsOwnEntry_Fires()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check([N(1, RaftRole.Leader, 2, 0, E(1, 1), E(2, 2))]).Holds);
        Assert.True(checker.Check([N(1, RaftRole.Leader, 2, 0, E(1, 1), E(2, 2), E(3, 2))]).Holds); // appending is fine

        var result = checker.Check([N(1, RaftRole.Leader, 2, 0, E(1, 1), E(2, 2))]);
        Assert.Equal(RaftInvariant.LeaderAppendOnly, result.Invariant);
        Assert.Equal("node 1 leads term 2 but changed its own log at index 3: it held 3:2 \"c3\", its log now ends at index 2.", result.Reason);
    }

    [Fact]
    public void Figure3_LeaderAppendOnly_NewTermMayHaveADifferentLog()
    {
        // A node that leads again in a later term was a follower in between and could be repaired: no violation.
        var checker = new RaftInvariants();
        Assert.True(checker.Check([N(1, RaftRole.Leader, 2, 0, E(1, 1), E(2, 2))]).Holds);
        Assert.True(checker.Check([N(1, RaftRole.Follower, 3, 0, E(1, 1))]).Holds);
        Assert.True(checker.Check([N(1, RaftRole.Leader, 4, 0, E(1, 1))]).Holds);
    }

    [Fact]
    public void Figure3_LogMatching_SameIndexAndTermDifferentEntry_Fires()
    {
        var result = new RaftInvariants().Check([N(1, RaftRole.Follower, 2, 0, E(1, 1, "x")), N(2, RaftRole.Follower, 2, 0, E(1, 1, "y"))]);
        Assert.Equal(RaftInvariant.LogMatching, result.Invariant);
        Assert.Equal(
            "nodes 1 and 2 hold an entry with index 1 and term 1, but their logs differ up to it: node 2 holds 1:1 \"y\" where node 1 held 1:1 \"x\".",
            result.Reason);
    }

    [Fact]
    public void Figure3_LogMatching_SameEntryDifferentHistoryBeforeIt_Fires()
    {
        var result = new RaftInvariants().Check(
            [N(1, RaftRole.Follower, 3, 0, E(1, 1), E(2, 3)), N(2, RaftRole.Follower, 3, 0, E(1, 2), E(2, 3))]);
        Assert.Equal(RaftInvariant.LogMatching, result.Invariant);
        Assert.Equal(
            "nodes 1 and 2 hold an entry with index 2 and term 3, but their logs differ up to it: the entry before it has term 2 on node 2 but term 1 on node 1.",
            result.Reason);
    }

    [Fact]
    public void Figure3_LeaderCompleteness_LaterLeaderLacksCommittedEntry_Fires()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check([N(1, RaftRole.Leader, 1, 1, E(1, 1)), N(2, RaftRole.Follower, 1, 1, E(1, 1)), N(3, RaftRole.Follower, 1, 0)]).Holds);
        var result = checker.Check([N(1, RaftRole.Follower, 2, 1, E(1, 1)), N(2, RaftRole.Follower, 2, 1, E(1, 1)), N(3, RaftRole.Leader, 2, 0)]);
        Assert.Equal(RaftInvariant.LeaderCompleteness, result.Invariant);
        Assert.Equal("1:1 \"c1\" was committed (node 1, term 1), but node 3, leader of the later term 2, lacks it: its log ends at index 0.", result.Reason);
    }

    [Fact]
    public void Figure3_StateMachineSafety_DifferentEntriesAppliedAtOneIndex_Fires()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check([N(1, RaftRole.Follower, 1, 0), N(2, RaftRole.Follower, 2, 0)], [new AppliedEntry(1, E(1, 1, "x"))]).Holds);
        var result = checker.Check([N(1, RaftRole.Follower, 1, 0), N(2, RaftRole.Follower, 2, 0)], [new AppliedEntry(2, E(1, 2, "y"))]);
        Assert.Equal(RaftInvariant.StateMachineSafety, result.Invariant);
        Assert.Equal("node 2 applied 1:2 \"y\" at index 1, but node 1 applied 1:1 \"x\" there.", result.Reason);
    }

    [Fact]
    public void Figure3_StateMachineSafety_DifferentCommittedEntriesAtOneIndex_Fires()
    {
        var result = new RaftInvariants().Check([N(1, RaftRole.Follower, 1, 1, E(1, 1, "x")), N(2, RaftRole.Follower, 2, 1, E(1, 2, "y"))]);
        Assert.Equal(RaftInvariant.StateMachineSafety, result.Invariant);
        Assert.Equal("node 2 counts 1:2 \"y\" as committed at index 1, but node 1 committed 1:1 \"x\" there.", result.Reason);
    }

    [Fact]
    public void Checker_KeepsFirstViolation()
    {
        var checker = new RaftInvariants();
        checker.Check([N(1, RaftRole.Follower, 1, 0, E(1, 1, "x")), N(2, RaftRole.Follower, 1, 0, E(1, 1, "y"))]);
        var again = checker.Check([N(1, RaftRole.Leader, 1, 0), N(2, RaftRole.Leader, 1, 0)]);
        Assert.Equal(RaftInvariant.LogMatching, again.Invariant);
    }

    private static RaftCluster ElectedCluster(long seed, out int leader)
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3), seed);
        Assert.True(cluster.RunUntil(c => c.RunningLeaders.Count == 1 && c.RunningLeaders[0].CommitIndex >= 1, 200));
        leader = cluster.RunningLeaders[0].Id;
        cluster.RunTicks(5); // followers learn the commit index
        return cluster;
    }

    [Fact]
    public void Cluster_ElectionSafety_ForgedVoteMakesSecondLeader_StopsTheRun()
    {
        var cluster = ElectedCluster(7, out var leader);
        var term = cluster.RunningLeaders[0].CurrentTerm;
        var followers = cluster.RunningNodeIds.Where(id => id != leader).ToList();
        var (f, g) = (followers[0], followers[1]);

        // Node f forgets its vote (restarted with the state of term − 1), is cut off, and runs for election in the leader's term.
        cluster.Crash(f);
        cluster.ReplacePersisted(f, new RaftPersistentState(term - 1, null, []));
        cluster.Isolate(f);
        cluster.Restart(f);
        Assert.True(cluster.RunUntil(c => c.Node(f).Role == RaftRole.Candidate, 100));
        Assert.Equal(term, cluster.Node(f).CurrentTerm);

        cluster.Forge(new RequestVoteResponse(g, f, term, VoteGranted: true));

        Assert.True(cluster.HasViolation);
        var v = cluster.Violation;
        Assert.Equal(RaftInvariant.ElectionSafety, v.Invariant);
        Assert.Equal($"nodes {leader} and {f} were both elected leader of term {term}.", v.Description);
        Assert.Equal(7, v.Seed);
        Assert.Equal(cluster.StepCount, v.Step);
        Assert.All(v.History.OfType<RoleChanged>(), e => Assert.Contains(e.NodeId, new[] { leader, f }));
        Assert.IsType<InvariantBroken>(cluster.Trace[^1]);

        // A stopped run refuses every further step, naming the violation.
        var error = Assert.Throws<InvalidOperationException>(cluster.Step);
        Assert.Contains("ElectionSafety violated (seed 7", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => cluster.Propose(leader, "x"));
        Assert.Throws<InvalidOperationException>(cluster.Heal);
    }

    [Fact]
    public void Cluster_StateMachineSafety_OverwriteOfCommittedEntryIsAViolationNotACrash()
    {
        var cluster = ElectedCluster(7, out var leader);
        var follower = cluster.RunningNodeIds.First(id => id != leader);
        Assert.True(cluster.Node(follower).CommitIndex >= 1);
        var term = cluster.Node(follower).CurrentTerm + 5;

        cluster.Forge(new AppendEntries(leader, follower, term, 0, 0, [new LogEntry(1, term, "evil")], 0));

        Assert.True(cluster.HasViolation);
        Assert.Equal(RaftInvariant.StateMachineSafety, cluster.Violation.Invariant);
        Assert.StartsWith($"node {follower} was asked to overwrite committed entry 1:", cluster.Violation.Description, StringComparison.Ordinal);
        Assert.EndsWith($"(on AppendEntries from node {leader})", cluster.Violation.Description, StringComparison.Ordinal);
        Assert.Equal([Math.Min(leader, follower), Math.Max(leader, follower)], cluster.Violation.NodeIds);
    }

    [Fact]
    public void Cluster_LogMatching_TwoRestartedNodesWithConflictingLogs_Fires()
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3), 1);
        cluster.Crash(1);
        cluster.Crash(2);
        cluster.ReplacePersisted(1, new RaftPersistentState(2, null, [E(1, 1, "a"), E(2, 2, "b")]));
        Assert.False(cluster.HasViolation);
        cluster.ReplacePersisted(2, new RaftPersistentState(2, null, [E(1, 1, "a"), E(2, 2, "B")]));

        Assert.True(cluster.HasViolation);
        Assert.Equal(RaftInvariant.LogMatching, cluster.Violation.Invariant);
        Assert.Equal(
            "nodes 1 and 2 hold an entry with index 2 and term 2, but their logs differ up to it: node 2 holds 2:2 \"B\" where node 1 held 2:2 \"b\".",
            cluster.Violation.Description);
    }

    [Fact]
    public void Cluster_LeaderCompleteness_RestartedNodeWithHigherTermLogButMissingCommittedEntries_Fires()
    {
        var cluster = ElectedCluster(7, out var leader);
        var committed = cluster.Node(leader).Log[0];
        var follower = cluster.RunningNodeIds.First(id => id != leader);
        var other = cluster.RunningNodeIds.First(id => id != leader && id != follower);

        // The other node comes back with a log of a later term that lacks the committed entry; its log is more
        // up to date, so the follower votes for it and it leads without the entry.
        var term = cluster.Node(leader).CurrentTerm + 3;
        cluster.Crash(leader);
        cluster.Crash(other);
        cluster.ReplacePersisted(other, new RaftPersistentState(term, null, [E(1, term, "x")]));
        cluster.Restart(other);
        Assert.True(cluster.RunUntil(c => c.HasViolation, 300));
        Assert.True(cluster.HasViolation);
        Assert.Equal(RaftInvariant.LeaderCompleteness, cluster.Violation.Invariant);
        Assert.Contains($"{committed} was committed", cluster.Violation.Description, StringComparison.Ordinal);
        Assert.Contains($"but node {other}, leader of the later term", cluster.Violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ShrinkViolation_DropsNoiseStepsAndKeepsTheOneThatBreaksSafety()
    {
        var forged = new ForgedMessage(new AppendEntries(1, 2, 50, 0, 0, [new LogEntry(1, 50, "evil")], 0));
        List<ScenarioStep> scenario =
        [
            new(5, new ClusterAction.ProposeToLeader("a")),
            new(20, new ClusterAction.Isolate(3)),
            new(40, new ClusterAction.ProposeToLeader("b")),
            new(60, new ClusterAction.Heal()),
            new(80, new ClusterAction.SetNetwork(new NetworkOptions(1, 3))),
            new(100, new ClusterAction.ProposeToLeader("c")),
            new(150, forged),
            new(160, new ClusterAction.ProposeToLeader("d")),
        ];
        var cluster = new RaftCluster(new RaftClusterOptions(3), 3, scenario);
        cluster.RunUntil(c => c.HasViolation, 300);
        Assert.True(cluster.HasViolation);
        Assert.Equal(150, cluster.Violation.Tick);
        var original = cluster.Violation;

        var shrunk = cluster.ShrinkViolation();
        Assert.Equal(RaftInvariant.StateMachineSafety, shrunk.Invariant);
        Assert.Equal([new ScenarioStep(150, forged)], shrunk.MinimalScenario);
        Assert.True(shrunk.History.Count <= original.History.Count);
    }

    [Fact]
    public void HealthyRuns_HaveNoViolation_AndSayHowManyStepsWereChecked()
    {
        var cluster = RaftCluster.Run(new RaftClusterOptions(5, new NetworkOptions(1, 3, 0.1, 0.05, 0.1)), [new ScenarioStep(30, new ClusterAction.ProposeToLeader("x"))], 4, 400);
        Assert.False(cluster.HasViolation);
        Assert.StartsWith("All five safety invariants held after each of ", cluster.ViolationReason, StringComparison.Ordinal);
        Assert.True(cluster.StepCount > 400 * 5);
        Assert.Throws<InvalidOperationException>(() => cluster.ShrinkViolation());
    }

    [Fact]
    public void ProposeToLeader_WithNoLeader_IsRecordedInTheTrace()
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3), 1, [new ScenarioStep(0, new ClusterAction.ProposeToLeader("early"))]);
        cluster.Step();
        var e = Assert.Single(cluster.Trace.OfType<CommandNotRouted>());
        Assert.Equal("0 propose \"early\" to the leader: not routed, no running node is leader at tick 0", e.ToString());

        var outcome = cluster.ProposeToLeader("again");
        Assert.False(outcome.WasRouted);
        Assert.False(outcome.IsAccepted);
        Assert.Equal("no running node is leader at tick 1", outcome.Reason);
    }

    [Fact]
    public void LostAndPartitionedMessages_AreSentThenDropped()
    {
        var cluster = RaftCluster.Run(new RaftClusterOptions(3, new NetworkOptions(lossProbability: 1)), [], 1, 40);
        var sent = cluster.Trace.OfType<MessageSent>().ToList();
        var dropped = cluster.Trace.OfType<MessageDropped>().ToList();
        Assert.NotEmpty(sent);
        Assert.Equal(sent.Count, dropped.Count);
        Assert.All(dropped, d => Assert.Equal(DropReason.Lost, d.Reason));
        Assert.Equal(sent.Select(s => s.Message), dropped.Select(d => d.Message));

        var cut = RaftCluster.Run(new RaftClusterOptions(3), [new ScenarioStep(0, new ClusterAction.Split([[1], [2], [3]]))], 1, 40);
        var partitioned = cut.Trace.OfType<MessageDropped>().Where(d => d.Reason == DropReason.Partitioned).ToList();
        Assert.NotEmpty(partitioned);
        Assert.Equal(cut.Trace.OfType<MessageSent>().Count(), partitioned.Count);
    }

    [Fact]
    public void BadInput_UnknownNodeInIsolateAndRestart_IsRejected()
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3), 1);
        BadInput.RejectsArgument(() => cluster.Isolate(9), "nodeId", "a node id of the cluster, 1 to 3");
        BadInput.RejectsArgument(() => cluster.Restart(9), "nodeId", "a node id of the cluster, 1 to 3");
        BadInput.RejectsArgument(() => cluster.Propose(0, "x"), "nodeId", "a node id of the cluster, 1 to 3");
        BadInput.Rejects(() => new RaftClusterOptions(-2), "nodeCount", "> 0");
    }
}
