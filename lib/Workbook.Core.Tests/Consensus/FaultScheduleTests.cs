using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class FaultScheduleTests
{
    [Fact]
    public void Schedule_IsAPureFunctionOfOptionsAndSeed()
    {
        var options = new FaultScheduleOptions();
        Assert.Equal(Describe(FaultSchedule.Generate(options, 7)), Describe(FaultSchedule.Generate(options, 7)));
        Assert.NotEqual(Describe(FaultSchedule.Generate(options, 7)), Describe(FaultSchedule.Generate(options, 8)));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(4, 2)]
    [InlineData(3, 3)]
    public void Schedule_KeepsCrashesToAMinority_AndIsQuietInItsWindows(int nodes, long seed)
    {
        var options = new FaultScheduleOptions(nodes);
        var steps = FaultSchedule.Generate(options, seed);
        var down = new HashSet<int>();
        var faulty = true;
        foreach (var step in steps)
        {
            Assert.InRange(step.AtTick, 0, options.DurationTicks - 1);
            bool inWindow = step.AtTick >= options.DurationTicks - options.QuietWindowTicks
                || (step.AtTick >= options.QuietEveryTicks && step.AtTick % options.QuietEveryTicks < options.QuietWindowTicks);
            switch (step.Action)
            {
                case ClusterAction.Crash c:
                    Assert.False(inWindow, $"crash at tick {step.AtTick} in a quiet window");
                    Assert.True(down.Add(c.NodeId));
                    Assert.True(down.Count <= (nodes - 1) / 2, $"{down.Count} nodes down at tick {step.AtTick}");
                    break;
                case ClusterAction.Restart r:
                    Assert.True(down.Remove(r.NodeId), $"restart of running node {r.NodeId} at tick {step.AtTick}");
                    break;
                case ClusterAction.Propose p:
                    Assert.DoesNotContain(p.NodeId, down);
                    break;
                case ClusterAction.Isolate or ClusterAction.Split:
                    Assert.False(inWindow, $"partition at tick {step.AtTick} in a quiet window");
                    break;
                case ClusterAction.SetNetwork n:
                    faulty = !n.Network.IsQuiet;
                    Assert.False(inWindow && faulty, $"faulty network at tick {step.AtTick} in a quiet window");
                    break;
            }
        }

        Assert.Empty(down); // the last window restarts everyone
        Assert.False(faulty);
        Assert.IsType<ClusterAction.Heal>(steps.Last(s => s.Action is ClusterAction.Heal or ClusterAction.Split or ClusterAction.Isolate).Action);

        // Not vacuous: every kind of fault is drawn in a 1,000-tick run.
        var kinds = steps.Select(s => s.Action.GetType().Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "Crash", "Restart", "Isolate", "Split", "Heal", "SetNetwork", "Propose", "ProposeToLeader" }, kinds);
    }

    [Fact]
    public void StandardRun_ChangesLeaderWithUncommittedTails_AndCommits()
    {
        // What makes the schedule strong enough: leaders change and some take commands they never commit.
        var options = new FaultScheduleOptions();
        var run = FaultRun.Run(options.Cluster(), options, 1, 5000);
        Assert.True(run.Passed, run.Reason);
        var leaders = run.Cluster.Trace.OfType<RoleChanged>().Count(r => r.Change.To == RaftRole.Leader);
        var accepted = run.Cluster.Trace.OfType<CommandProposed>().Select(c => c.Result.Entry).OfType<LogEntry>().Where(e => !e.IsNoOp).ToList();
        var applied = run.Cluster.Options.NodeIds.SelectMany(run.Cluster.Applied).ToHashSet();
        var lost = accepted.Count(e => !applied.Contains(e));
        TestContext.Current.TestOutputHelper?.WriteLine($"{leaders} elections, {lost} accepted commands overwritten, {applied.Count} entries applied");

        // Thresholds below the measured values (seed 1: 8 elections, 13 overwritten, 80 applied).
        Assert.True(leaders >= 5, $"{leaders} elections");
        Assert.True(lost >= 3, $"{lost} commands accepted by a leader and later overwritten");
        Assert.True(applied.Count >= 50, $"{applied.Count} entries applied");
    }

    private static List<string> Describe(IReadOnlyList<ScenarioStep> steps) =>
        [.. steps.Select(s => s.Action is ClusterAction.Split split
            ? $"{s.AtTick} split {string.Join(" | ", split.Groups.Select(g => string.Join(",", g)))}"
            : $"{s.AtTick} {s.Action}")];

    [Fact]
    public void Options_RejectBadInput()
    {
        BadInput.Rejects(() => new FaultScheduleOptions(nodeCount: 0), "nodeCount", "an integer in [1, 63]");
        BadInput.Rejects(() => new FaultScheduleOptions(durationTicks: 0), "durationTicks", "an integer > 0");
        BadInput.Rejects(() => new FaultScheduleOptions(meanTicksBetweenFaults: double.NaN), "meanTicksBetweenFaults", ">= 1");
        BadInput.Rejects(() => new FaultScheduleOptions(proposalProbability: 1.5), "proposalProbability", "[0, 1]");
        BadInput.Rejects(() => new FaultScheduleOptions(lossProbability: -0.1), "lossProbability", "[0, 1]");
        BadInput.Rejects(() => new FaultScheduleOptions(duplicationProbability: 2), "duplicationProbability", "[0, 1]");
        BadInput.Rejects(() => new FaultScheduleOptions(reorderProbability: double.PositiveInfinity), "reorderProbability", "[0, 1]");
        BadInput.Rejects(() => new FaultScheduleOptions(maxDelayTicks: 0), "maxDelayTicks", "an integer in [1, 1000]");
        BadInput.Rejects(() => new FaultScheduleOptions(maxDelayTicks: 3, quietMaxDelayTicks: 4), "quietMaxDelayTicks", "an integer in [1, 3]");
        BadInput.Rejects(() => new FaultScheduleOptions(nodeCount: 3, maxCrashedNodes: 4), "maxCrashedNodes", "an integer in [0, 3]");
        BadInput.Rejects(() => new FaultScheduleOptions(durationTicks: 100, quietWindowTicks: 101), "quietWindowTicks", "an integer in [0, 100]");
        BadInput.Rejects(() => new FaultScheduleOptions(quietEveryTicks: 200, quietWindowTicks: 200), "quietEveryTicks", ">= 201");
        BadInput.Rejects(() => FaultRun.Run(new RaftClusterOptions(3), new FaultScheduleOptions(5), 1, 100), "schedule", "3 nodes");
        BadInput.Rejects(() => FaultRun.Run(new RaftClusterOptions(5), new FaultScheduleOptions(5), 1, 0), "livenessBoundTicks", "an integer > 0");
    }

    [Fact]
    public void WithNodeCount_KeepsEverythingElse_AndAMinorityDefault()
    {
        var options = new FaultScheduleOptions(durationTicks: 500, quietEveryTicks: 300, quietWindowTicks: 100, maxDelayTicks: 6);
        var four = options.WithNodeCount(7);
        Assert.Equal((7, 3, 500, 300, 100, 6), (four.NodeCount, four.MaxCrashedNodes, four.DurationTicks, four.QuietEveryTicks, four.QuietWindowTicks, four.MaxDelayTicks));
        Assert.Equal(1, new FaultScheduleOptions(5, maxCrashedNodes: 1).WithNodeCount(7).MaxCrashedNodes);
    }
}
