using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Scenarios;

namespace Workbook.Core.Tests.Consensus;

/// <summary>Snapshots in the simulated cluster: the snapshot policy, the invariants on compacted logs, and the 3D scenarios on more seeds.</summary>
public class RaftSnapshotClusterTests
{
    private static LogEntry E(long index, long term, string command = "") => new(index, term, command == "" ? $"c{index}" : command);

    [Theory]
    [InlineData("raft.snapshot-install-unreliable")]
    [InlineData("raft.snapshot-install-uncrash")]
    [InlineData("raft.snapshot-all-crash")]
    public void Scenarios3D_HoldOnMoreSeeds_AndLaggingNodesInstallSnapshots(string id)
    {
        foreach (var seed in new long[] { 3, 4, 5 })
        {
            var outcome = RaftScenarios.Get(id).Run(seed);
            Assert.True(outcome.Passed, $"{id} seed {seed}: {outcome.Reason}");
            var stored = outcome.Cluster.Trace.OfType<SnapshotStored>().ToList();
            Assert.Contains(stored, s => !s.Installed);
            Assert.Contains(stored, s => s.Installed); // not vacuous: a node did catch up from a snapshot
            Assert.Contains(outcome.Cluster.Trace.OfType<MessageDelivered>(), m => m.Message is InstallSnapshot);
        }
    }

    [Fact]
    public void SnapshotBasic_EveryNodeCompacts_AndKeepsAShortLog()
    {
        var outcome = RaftScenarios.Get("raft.snapshot-basic").Run(1);
        Assert.True(outcome.Passed, outcome.Reason);
        foreach (var id in outcome.Cluster.Options.NodeIds)
        {
            var persisted = outcome.Cluster.Persisted(id);
            Assert.True(persisted.Snapshot.LastIncludedIndex >= 10, $"node {id}: {persisted.Snapshot}");
            Assert.InRange(persisted.Log.Count, 0, 40);

            // The state machine restored from snapshots holds every committed entry from index 1.
            Assert.Equal(Enumerable.Range(1, outcome.Cluster.Applied(id).Count).Select(i => (long)i), outcome.Cluster.Applied(id).Select(e => e.Index));
        }
    }

    [Fact]
    public void Cluster_WithoutASnapshotInterval_NeverCompacts()
    {
        var outcome = RaftScenarios.Get("raft.persist1").Run(1);
        Assert.True(outcome.Passed, outcome.Reason);
        Assert.Empty(outcome.Cluster.Trace.OfType<SnapshotStored>());
        Assert.All(outcome.Cluster.Options.NodeIds, id => Assert.False(outcome.Cluster.Persisted(id).Snapshot.Exists));
        Assert.All(outcome.Cluster.RunningNodeIds, id => Assert.IsNotType<CompactedLog>(outcome.Cluster.Node(id).Log));
    }

    [Fact]
    public void Cluster_RestartFromASnapshot_RestoresTheStateMachine_ThenCatchesUp()
    {
        var cluster = CompactedCluster(seed: 11, out var leader);
        var follower = cluster.Options.NodeIds.First(id => id != leader);
        var snapshot = cluster.Persisted(follower).Snapshot;
        Assert.True(snapshot.Exists);
        cluster.Crash(follower);
        cluster.Restart(follower);

        var restarted = cluster.Node(follower);
        Assert.Equal((snapshot.LastIncludedIndex, snapshot.LastIncludedIndex), (restarted.LastApplied, restarted.CommitIndex));
        Assert.Equal(cluster.Applied(leader).Take((int)snapshot.LastIncludedIndex), cluster.Applied(follower));

        cluster.ProposeToLeader("after-restart");
        Assert.True(cluster.RunUntil(c => c.Applied(follower).Any(e => e.Command == "after-restart"), 100));
        Assert.Equal(cluster.Applied(leader), cluster.Applied(follower).Take(cluster.Applied(leader).Count));
        Assert.False(cluster.HasViolation, cluster.ViolationReason);
    }

    [Fact]
    public void Cluster_SnapshotWithDifferentContents_BreaksStateMachineSafety()
    {
        var cluster = CompactedCluster(seed: 12, out var leader);
        var follower = cluster.Options.NodeIds.First(id => id != leader);
        cluster.Crash(follower);
        var saved = cluster.Persisted(follower);
        var entries = AppliedEntriesCodec.Decode(saved.Snapshot.Data);
        entries[1] = entries[1] with { Command = "forged" };
        var forged = new RaftSnapshot(saved.Snapshot.LastIncludedIndex, saved.Snapshot.LastIncludedTerm, AppliedEntriesCodec.Encode(entries));
        cluster.ReplacePersisted(follower, new RaftPersistentState(saved.CurrentTerm, saved.VotedFor, saved.Log, forged));
        Assert.False(cluster.HasViolation); // same index and term: only the contents differ

        cluster.Restart(follower);

        Assert.True(cluster.HasViolation);
        Assert.Equal(RaftInvariant.StateMachineSafety, cluster.Violation.Invariant);
        Assert.Contains($"node {follower} applied 2:", cluster.Violation.Description);
        Assert.Contains("\"forged\"", cluster.Violation.Description);
    }

    [Fact]
    public void Checker_CompactedLogs_HoldWhenConsistent()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check(
        [
            new(1, true, RaftRole.Leader, 1, [E(1, 1), E(2, 1), E(3, 1), E(4, 1)], 3),
            new(2, true, RaftRole.Follower, 1, [E(1, 1), E(2, 1), E(3, 1), E(4, 1)], 3),
        ]).Holds);

        // The leader compacts through 3 and appends; the follower installs a snapshot through 2: no entry changed.
        var result = checker.Check(
        [
            new(1, true, RaftRole.Leader, 1, new CompactedLog(3, 1, [E(4, 1), E(5, 1)]), 3),
            new(2, true, RaftRole.Follower, 1, new CompactedLog(2, 1, [E(3, 1), E(4, 1)]), 3),
        ]);
        Assert.True(result.Holds, result.Reason);
    }

    [Fact]
    public void Checker_SnapshotEndingInAnotherTermThanTheCommittedEntry_BreaksStateMachineSafety()
    {
        var checker = new RaftInvariants();
        Assert.True(checker.Check([new(1, true, RaftRole.Leader, 2, [E(1, 1), E(2, 1), E(3, 1)], 3)]).Holds);
        var result = checker.Check(
        [
            new(1, true, RaftRole.Leader, 2, [E(1, 1), E(2, 1), E(3, 1)], 3),
            new(2, false, RaftRole.Follower, 2, new CompactedLog(3, 2, []), 0),
        ]);
        Assert.Equal(RaftInvariant.StateMachineSafety, result.Invariant);
        Assert.Equal("node 2's snapshot ends at index 3 in term 2, but node 1 committed 3:1 \"c3\" there.", result.Reason);
    }

    [Fact]
    public void Checker_EntryAfterASnapshot_IsComparedWithTheTermBeforeIt()
    {
        // Same entry (3, t2), but before it term 2 on node 1 and term 1 (the snapshot's last term) on node 2.
        var result = new RaftInvariants().Check(
        [
            new(1, true, RaftRole.Follower, 2, [E(1, 1), E(2, 2), E(3, 2, "x")], 0),
            new(2, true, RaftRole.Follower, 2, new CompactedLog(2, 1, [E(3, 2, "x")]), 2),
        ]);
        Assert.Equal(RaftInvariant.LogMatching, result.Invariant);
        Assert.Contains("the entry before it has term 1 on node 2 but term 2 on node 1", result.Reason);
    }

    /// <summary>A 3-node cluster, snapshots every 5 entries, 12 commands committed and compacted on every node.</summary>
    private static RaftCluster CompactedCluster(long seed, out int leader)
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3, snapshotInterval: 5), seed);
        Assert.True(cluster.RunUntil(c => c.RunningLeaders.Count == 1, 200));
        for (int i = 0; i < 12; i++)
        {
            cluster.ProposeToLeader($"cmd-{i}");
            cluster.RunTicks(1);
        }

        Assert.True(cluster.RunUntil(c => c.Options.NodeIds.All(id => c.Persisted(id).Snapshot.LastIncludedIndex >= 10), 200));
        Assert.False(cluster.HasViolation, cluster.ViolationReason);
        leader = cluster.RunningLeaders[0].Id;
        return cluster;
    }
}
