using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class LivenessTests
{
    [Fact]
    public void Bound_ForTheDefaultCluster_IsTheHandComputedValue()
    {
        // Timeouts 10..19 (10 values), dmax = 2, 5 nodes. The worst majority is 3 nodes with 1 that can win:
        // p = Σ_{x=10}^{19} (1/10)·((19 − x − 2)/10)² = (1² + … + 7²)/1000 = 140/1000 = 0.14.
        // k = ⌈ln 1e-6 / ln 0.86⌉ = ⌈13.8155 / 0.150823⌉ = ⌈91.60⌉ = 92; R = 19 + 4 = 23; B = 2 + 93·23 = 2,141.
        var bound = LivenessBound.For(new RaftClusterOptions(5), 2);
        Assert.Equal(0.14, bound.RoundSuccessProbability, 12);
        Assert.Equal((3, 92, 23, 2141), (bound.WorstMajority, bound.Rounds, bound.RoundTicks, bound.BoundTicks));
        Assert.True(Math.Pow(1 - bound.RoundSuccessProbability, bound.Rounds) <= 1e-6);
        Assert.True(Math.Pow(1 - bound.RoundSuccessProbability, bound.Rounds - 1) > 1e-6);
    }

    [Theory]
    [InlineData(3, 1, 10, 19, 2)]
    [InlineData(4, 2, 10, 19, 1)]
    [InlineData(5, 3, 5, 12, 3)]
    public void RoundSuccess_MatchesBruteForceOverEveryDraw(int m, int winners, int min, int max, int delay)
    {
        // Independent method: enumerate all (max − min + 1)^m timeout vectors and count those whose smallest
        // draw is one of the first `winners` nodes and beats every other draw by more than `delay`.
        int values = max - min + 1;
        long total = 0, good = 0;
        var draw = new int[m];
        for (long code = 0; code < (long)Math.Pow(values, m); code++)
        {
            long c = code;
            for (int i = 0; i < m; i++)
            {
                draw[i] = min + (int)(c % values);
                c /= values;
            }

            total++;
            int first = Array.IndexOf(draw, draw.Min());
            if (first < winners && draw.Where((_, i) => i != first).All(x => x > draw[first] + delay))
            {
                good++;
            }
        }

        Assert.Equal((double)good / total, LivenessBound.RoundSuccess(m, winners, min, max, delay), 12);
    }

    [Fact]
    public void Bound_RejectsADelayThatNoTimeoutSpreadCanBeat()
    {
        BadInput.Rejects(() => LivenessBound.For(new RaftClusterOptions(3), 9), "maxDelayTicks", "below the spread of election timeouts");
        BadInput.Rejects(() => LivenessBound.For(new RaftClusterOptions(3), 0), "maxDelayTicks", "an integer > 0");
        BadInput.Rejects(() => LivenessBound.For(new RaftClusterOptions(3), 2, 0), "missProbability", "(0, 0.5]");
        Assert.Equal(1, LivenessBound.For(new RaftClusterOptions(1), 2).Rounds);
    }

    [Fact]
    public void Monitor_FiresOnlyAfterTheBound_AndOnlyWhenAQuietMajorityIsConnected()
    {
        // A cold start elects its first leader after at least 10 ticks (the shortest timeout): a bound of
        // 5 ticks must fire at the 6th leaderless tick; 2,141 must not.
        var tight = Observe(new RaftCluster(new RaftClusterOptions(5), 3), new LivenessMonitor(5), 100);
        Assert.True(tight.HasViolation);
        Assert.Equal(6, tight.ViolationTick);
        Assert.Contains("had no leader for 6 ticks (bound 5)", tight.Violation, StringComparison.Ordinal);

        var loose = Observe(new RaftCluster(new RaftClusterOptions(5), 3), new LivenessMonitor(2141), 300);
        Assert.False(loose.HasViolation);
        Assert.InRange(loose.LongestLeaderlessTicks, 10, 60);
        Assert.Equal(300, loose.QuietTicks);

        // No connected majority (three groups) or a lossy network: nothing to check.
        var split = new RaftCluster(new RaftClusterOptions(5), 3, [new ScenarioStep(0, new ClusterAction.Split([[1, 2], [3, 4], [5]]))]);
        Assert.Equal(0, Observe(split, new LivenessMonitor(5), 100).QuietTicks);
        var lossy = new RaftCluster(new RaftClusterOptions(5, new NetworkOptions(lossProbability: 0.01)), 3);
        Assert.Equal(0, Observe(lossy, new LivenessMonitor(5), 100).QuietTicks);
        BadInput.Rejects(() => new LivenessMonitor(0), "boundTicks", "an integer > 0");
    }

    private static LivenessMonitor Observe(RaftCluster cluster, LivenessMonitor monitor, int ticks)
    {
        for (int i = 0; i < ticks && !monitor.HasViolation; i++)
        {
            cluster.Step();
            monitor.Observe(cluster);
        }

        return monitor;
    }
}
