using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class RaftClusterTests
{
    // Stated a priori: a quiet network with delays <= 2 ticks needs one timeout (<= 19 ticks) plus a vote
    // round trip (<= 4 ticks) for an uncontested election; allow five such rounds for split votes and for
    // disruption by nodes that raised their terms while cut off.
    private const int LeaderBoundTicks = 5 * (19 + (2 * 2));

    [Fact]
    public void AScenarioStepNamingAnUnknownNode_IsRefusedAtConstruction_NamingTheStep()
    {
        BadInput.Rejects(() => new RaftCluster(new RaftClusterOptions(3), 1, [new ScenarioStep(40, new ClusterAction.Crash(7))]), "scenario", "node 7 in the step at tick 40");
        BadInput.Rejects(() => new RaftCluster(new RaftClusterOptions(3), 1, [new ScenarioStep(5, new ClusterAction.Split([[1, 2], [4]]))]), "scenario", "node 4 in the step at tick 5");
        BadInput.Rejects(() => new RaftCluster(new RaftClusterOptions(3), 1, [new ScenarioStep(5, new ClusterAction.Propose(0, "x"))]), "scenario", "nodes of the cluster [1, 2, 3]");
    }

    [Fact]
    public void ElectionTimeoutContext_RejectsAnEmptyOrNonPositiveRange()
    {
        BadInput.Rejects(() => new ElectionTimeoutContext(0, 5, 1), "minTicks", "> 0");
        BadInput.Rejects(() => new ElectionTimeoutContext(10, 9, 1), "maxTicks", ">= minTicks = 10");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void NetworkOptions_RejectProbabilitiesOutsideUnitInterval(double p)
    {
        BadInput.Rejects(() => new NetworkOptions(lossProbability: p), "lossProbability", "in [0, 1]");
        BadInput.Rejects(() => new NetworkOptions(duplicationProbability: p), "duplicationProbability", "in [0, 1]");
        BadInput.Rejects(() => new NetworkOptions(reorderProbability: p), "reorderProbability", "in [0, 1]");
    }

    [Fact]
    public void NetworkOptions_RejectBadDelays()
    {
        BadInput.Rejects(() => new NetworkOptions(minDelayTicks: 0), "minDelayTicks", "> 0");
        BadInput.Rejects(() => new NetworkOptions(minDelayTicks: 3, maxDelayTicks: 2), "maxDelayTicks", ">= 3");
    }

    [Fact]
    public void ClusterOptions_RejectEmptyClusterAndTimeoutNotAboveHeartbeat()
    {
        BadInput.Rejects(() => new RaftClusterOptions(0), "nodeCount", "> 0");
        BadInput.Rejects(() => new RaftClusterOptions(3, electionTimeoutMinTicks: 2, heartbeatIntervalTicks: 2), "electionTimeoutMinTicks", "> 2");
    }

    [Fact]
    public void Cluster_RejectsUnknownNodesBadSplitsAndProposalsToCrashedNodes()
    {
        var cluster = new RaftCluster(new RaftClusterOptions(3), seed: 1);
        BadInput.RejectsArgument(() => cluster.Isolate(4), "nodeId", "a node id of the cluster, 1 to 3");
        BadInput.RejectsArgument(() => cluster.Crash(0), "nodeId", "a node id of the cluster, 1 to 3");
        BadInput.RejectsArgument(() => cluster.Split([[1, 2], [7]]), "groups", "a node id of the cluster, 1 to 3");
        BadInput.RejectsArgument(() => cluster.Split([[1, 2], [2, 3]]), "groups", "every node exactly once");
        BadInput.RejectsArgument(() => cluster.Split([[1, 2]]), "groups", "every node exactly once");
        BadInput.RejectsArgument(() => cluster.Restart(2), "nodeId", "a crashed node");
        cluster.Crash(2);
        BadInput.RejectsArgument(() => cluster.Propose(2, "x"), "nodeId", "a running node; node 2 is crashed");
        BadInput.RejectsArgument(() => cluster.Crash(2), "nodeId", "a running node");
        BadInput.Rejects(() => new RaftCluster(new RaftClusterOptions(3), 1, [new ScenarioStep(-1, new ClusterAction.Heal())]), "scenario", "ticks >= 0");

        // The same rule holds inside a scenario: the proposal runs at tick 5, after the crash at tick 3.
        var scripted = new RaftCluster(
            new RaftClusterOptions(3), 1, [new ScenarioStep(3, new ClusterAction.Crash(1)), new ScenarioStep(5, new ClusterAction.Propose(1, "x"))]);
        scripted.RunTicks(5);
        BadInput.RejectsArgument(scripted.Step, "nodeId", "node 1 is crashed");
    }

    [Fact]
    public void Run_IsAPureFunctionOfOptionsScenarioAndSeed()
    {
        var options = new RaftClusterOptions(5, new NetworkOptions(1, 4, lossProbability: 0.1, duplicationProbability: 0.05, reorderProbability: 0.2));
        ScenarioStep[] scenario =
        [
            .. Enumerable.Range(0, 30).Select(i => new ScenarioStep(40 + (10 * i), new ClusterAction.ProposeToLeader($"c{i}"))),
            new(100, new ClusterAction.Split([[1, 2], [3, 4, 5]])),
            new(150, new ClusterAction.Crash(3)),
            new(200, new ClusterAction.Heal()),
            new(220, new ClusterAction.Restart(3)),
            new(250, new ClusterAction.Isolate(5)),
            new(300, new ClusterAction.SetNetwork(NetworkOptions.Reliable)),
            new(310, new ClusterAction.Heal()),
        ];

        string Trace(long seed) => string.Join("\n", RaftCluster.Run(options, scenario, seed, 400).Trace);

        var first = Trace(42);
        Assert.Equal(first, Trace(42));
        Assert.NotEqual(first, Trace(43));

        // The trace shows every kind of event the scenario should cause.
        foreach (var kind in new[] { "send", "deliver", "drop Lost", "drop Partitioned", "drop ReceiverCrashed", "(duplicate)", "role Candidate->Leader", "commit", "crash", "restart", "partition 1,2 | 3,4,5" })
        {
            Assert.Contains(kind, first, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Network_WithoutReorderingIsFirstInFirstOutPerLink_WithReorderingItIsNot()
    {
        static int Overtakes(double reorder)
        {
            var cluster = RaftCluster.Run(new RaftClusterOptions(3, new NetworkOptions(1, 5, reorderProbability: reorder)), [], seed: 7, ticks: 300);
            var lastSent = new Dictionary<(int, int), long>();
            int overtakes = 0;
            foreach (var delivered in cluster.Trace.OfType<MessageDelivered>())
            {
                var link = (delivered.Message.From, delivered.Message.To);
                if (lastSent.TryGetValue(link, out var previous) && delivered.SentAtTick < previous)
                {
                    overtakes++;
                }

                lastSent[link] = Math.Max(previous, delivered.SentAtTick);
            }

            return overtakes;
        }

        Assert.Equal(0, Overtakes(0));
        Assert.True(Overtakes(0.5) > 0, "reordering never happened");
    }

    [Fact]
    public void Leader_ElectedWithinStatedBound_OnceAMajorityIsConnectedAndTheNetworkQuiet()
    {
        const int QuietAt = 60;
        int worst = 0;
        for (long seed = 1; seed <= 200; seed++)
        {
            // Until tick 60 every node is cut off and the network is lossy: terms climb apart. Then 1, 2, 3 connect, quietly.
            var cluster = new RaftCluster(
                new RaftClusterOptions(5, new NetworkOptions(1, 2, lossProbability: 0.3, duplicationProbability: 0.1)),
                seed,
                [
                    new(0, new ClusterAction.Split([[1], [2], [3], [4], [5]])),
                    new(QuietAt, new ClusterAction.SetNetwork(NetworkOptions.Reliable)),
                    new(QuietAt, new ClusterAction.Split([[1, 2, 3], [4], [5]])),
                ]);
            cluster.RunTicks(QuietAt);
            Assert.Empty(cluster.RunningLeaders);
            bool elected = cluster.RunUntil(HasLeaderOfMajority, LeaderBoundTicks);
            Assert.True(elected, $"seed {seed}: no leader among 1, 2, 3 within {LeaderBoundTicks} ticks of tick {QuietAt}");
            worst = Math.Max(worst, (int)(cluster.Now - QuietAt));
        }

        Assert.True(worst <= LeaderBoundTicks, $"worst {worst}");

        static bool HasLeaderOfMajority(RaftCluster c)
        {
            int[] majority = [1, 2, 3];
            long top = majority.Max(id => c.Node(id).CurrentTerm);
            return majority.Any(id => c.Node(id).Role == RaftRole.Leader && c.Node(id).CurrentTerm == top)
                && majority.All(id => c.Node(id).KnownLeaderId is { } l && c.Node(l).Role == RaftRole.Leader);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void PartitionedMinority_CannotCommit_AndAHealedPartitionConverges(long seed)
    {
        var cluster = new RaftCluster(new RaftClusterOptions(5), seed);
        Assert.True(cluster.RunUntil(c => c.RunningLeaders.Count == 1, 200));
        int oldLeader = cluster.RunningLeaders[0].Id;
        cluster.Propose(oldLeader, "before");
        Assert.True(cluster.RunUntil(c => c.Applied(oldLeader).Any(e => e.Command == "before"), 50));

        int partner = oldLeader % 5 + 1;
        int[] minority = [oldLeader, partner];
        int[] majority = [.. Enumerable.Range(1, 5).Except(minority)];
        cluster.Split([minority, majority]);
        long minorityCommit = cluster.Node(oldLeader).CommitIndex;
        for (int i = 0; i < 5; i++)
        {
            Assert.True(cluster.Propose(oldLeader, $"minority-{i}").IsAccepted);
            cluster.RunTicks(3);
        }

        Assert.True(cluster.RunUntil(c => majority.Any(id => c.Node(id).Role == RaftRole.Leader), 200), "the majority elects no leader");
        int newLeader = majority.First(id => cluster.Node(id).Role == RaftRole.Leader);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(cluster.Propose(newLeader, $"majority-{i}").IsAccepted);
            cluster.RunTicks(3);
        }

        cluster.RunTicks(100);
        foreach (var id in minority)
        {
            Assert.Equal(minorityCommit, cluster.Node(id).CommitIndex);
        }

        Assert.DoesNotContain(cluster.Trace.OfType<EntryCommitted>(), e => e.Entry.Command.StartsWith("minority-", StringComparison.Ordinal));
        Assert.All(majority, id => Assert.Contains(cluster.Applied(id), e => e.Command == "majority-4"));

        cluster.Heal();
        cluster.RunTicks(100);
        var reference = cluster.Node(newLeader);
        Assert.Equal(RaftRole.Leader, reference.Role);
        foreach (var id in Enumerable.Range(1, 5))
        {
            var node = cluster.Node(id);
            Assert.Equal(reference.CommitIndex, node.CommitIndex);
            Assert.Equal(reference.Log.Take((int)reference.CommitIndex), node.Log.Take((int)node.CommitIndex));
            Assert.DoesNotContain(node.Log, e => e.Command.StartsWith("minority-", StringComparison.Ordinal));
        }

        Assert.Equal(["before", .. Enumerable.Range(0, 5).Select(i => $"majority-{i}")], reference.Log.Where(e => !e.IsNoOp).Select(e => e.Command));
    }

    [Fact]
    public void CommandsProposedToTheLeader_CommitUnderTenPercentLoss()
    {
        var options = new RaftClusterOptions(5, new NetworkOptions(1, 3, lossProbability: 0.1));
        for (long seed = 1; seed <= 20; seed++)
        {
            var cluster = new RaftCluster(options, seed);
            var committed = new List<string>();
            for (int i = 0; i < 20; i++)
            {
                string command = $"cmd-{i}";
                int attempts = 0;

                // A client that retries at the current leader until its command commits.
                while (!cluster.Trace.OfType<EntryCommitted>().Any(e => e.Entry.Command == command))
                {
                    Assert.True(++attempts <= 20, $"seed {seed}: {command} not committed after 20 attempts");
                    Assert.True(cluster.RunUntil(c => c.RunningLeaders.Count > 0, 500), $"seed {seed}: no leader");
                    var leader = cluster.RunningLeaders[0];
                    var result = cluster.Propose(leader.Id, command);
                    Assert.True(result.IsAccepted);
                    cluster.RunUntil(c => c.Trace.OfType<EntryCommitted>().Any(e => e.Entry.Command == command) || leader.Role != RaftRole.Leader, 100);
                }

                committed.Add(command);
            }

            cluster.RunTicks(200);
            Assert.True(cluster.Trace.OfType<MessageDropped>().Count(d => d.Reason == DropReason.Lost) > 0);
            foreach (var id in Enumerable.Range(1, 5))
            {
                // Every node applies every command in the order the client saw them commit (a retried one may commit twice: no duplicate detection below the KV store).
                var commands = cluster.Applied(id).Where(e => !e.IsNoOp).Select(e => e.Command).Distinct().ToList();
                Assert.Equal(committed, commands);
            }
        }
    }
}
