using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Scenarios;

namespace Workbook.Core.Tests.Consensus.Scenarios;

public class RaftScenariosTests
{
    public static TheoryData<string> Ids => [.. RaftScenarios.All.Select(s => s.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Scenario_PassesWithTheStandardCore_OnSeveralSeeds(string id)
    {
        var scenario = RaftScenarios.Get(id);
        foreach (var seed in new long[] { 1, 2 })
        {
            var outcome = scenario.Run(seed);
            Assert.True(outcome.Passed, $"{id} seed {seed}: {outcome.Reason}");
            Assert.False(outcome.HasViolation);
            Assert.True(outcome.Rpcs > 0);
        }
    }

    [Fact]
    public void Scenario_IsDeterministicGivenTheSeed()
    {
        var a = RaftScenarios.Get("raft.figure8-unreliable").Run(5);
        var b = RaftScenarios.Get("raft.figure8-unreliable").Run(5);
        Assert.Equal(a.Cluster.Trace.Select(e => e.ToString()), b.Cluster.Trace.Select(e => e.ToString()));
        Assert.Equal((a.Rpcs, a.Bytes, a.Ticks), (b.Rpcs, b.Bytes, b.Ticks));
    }

    [Fact]
    public void Catalog_MirrorsThe6_5840Tests_WithUniqueIds()
    {
        Assert.Equal(28, RaftScenarios.All.Count); // 21 for 3A-3C, 7 for 3D
        Assert.Equal(RaftScenarios.All.Count, RaftScenarios.All.Select(s => s.Id).Distinct().Count());
        Assert.All(RaftScenarios.All, s => Assert.Matches("^Test[A-Za-z0-9]+3[ABCD]$", s.Mirrors));
        BadInput.RejectsArgument(() => RaftScenarios.Get("raft.nope"), "id", "must be one of raft.initial-election");
        BadInput.Rejects(() => RaftScenarios.Get("raft.basic-agree").Run(new RaftClusterOptions(2), 1), "options", "at least 3 nodes");
    }

    // Broken setups: the standard core cannot be broken here (RaftNode is not changed), so each scenario is
    // shown to fail on a setup where its property cannot hold: a network that loses everything, or a
    // timing that makes the scenario's bound unreachable.
    [Theory]
    [InlineData("raft.initial-election")]
    [InlineData("raft.basic-agree")]
    [InlineData("raft.fail-agree")]
    [InlineData("raft.persist1")]
    [InlineData("raft.backup")]
    public void Scenario_FailsWhenTheNetworkLosesEveryMessage(string id)
    {
        var outcome = RaftScenarios.Get(id).Run(new RaftClusterOptions(RaftScenarios.Get(id).NodeCount, new NetworkOptions(lossProbability: 1)), 1);
        Assert.False(outcome.Passed);
        Assert.False(outcome.HasViolation); // no safety problem: a liveness check failed
        Assert.Matches("expected one leader, got none|failed to reach agreement", outcome.Reason);
    }

    [Fact]
    public void RpcBytes_StaysWellBelowItsBound_OnTheStandardCore()
    {
        // 10 commands of 5,000 bytes to 2 followers: at least 2 × 50,000 bytes must travel (independent lower bound).
        var outcome = RaftScenarios.Get("raft.rpc-bytes").Run(1);
        Assert.True(outcome.Passed, outcome.Reason);
        Assert.InRange(outcome.Bytes, 2 * 50_000, 3 * 50_000 * 5 + 50_000 + 20_000);
        TestContext.Current.TestOutputHelper?.WriteLine($"rpc-bytes: {outcome.Bytes:N0} bytes, {outcome.Rpcs} RPCs, {outcome.Ticks} ticks");
    }
}
