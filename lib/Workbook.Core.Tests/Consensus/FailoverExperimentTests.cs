using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

public class FailoverExperimentTests
{
    // etcd's defaults at 1 tick = 10 ms: heartbeat 10, election timeout drawn from [100, 199], delay 1.
    private const int Heartbeat = 10;
    private const int TimeoutMin = 100;
    private const int TimeoutMax = 199;
    private const int Delay = 1;

    [Theory]
    [InlineData(1L)]
    [InlineData(2L)]
    [InlineData(3L)]
    public void EtcdTiming_EveryFailover_WithinDerivedBounds(long seed)
    {
        var result = FailoverExperiment.Run(new FailoverExperimentOptions(kills: 30), seed);

        Assert.True(result.IsComplete, result.Reason);
        Assert.Equal(30, result.Samples.Count);
        foreach (var s in result.Samples)
        {
            // Detection: a survivor's timer was last reset by a heartbeat sent at most one heartbeat interval
            // before the crash (or still in flight, at most Delay after it), and fires TimeoutMin..TimeoutMax
            // ticks after that reset.
            Assert.InRange(s.FirstCandidateTicks, TimeoutMin - Heartbeat, TimeoutMax + Delay);

            // Upper bound: the first timer fires by Delay + TimeoutMax; each further election starts within
            // TimeoutMax of the one before (the candidate's own timer); the winning round takes a vote
            // request and reply (2·Delay) plus the tick that acts on it, the write one AppendEntries round
            // trip plus one tick: Delay + Elections·TimeoutMax + 2·(2·Delay + 1).
            var bound = Delay + (s.Elections * TimeoutMax) + (2 * ((2 * Delay) + 1));
            Assert.InRange(s.FailoverTicks, TimeoutMin - Heartbeat, bound);
            Assert.True(s.FirstCandidateTicks <= s.LeaderElectedTicks && s.LeaderElectedTicks < s.FailoverTicks, s.ToString());
            Assert.NotEqual(s.KilledLeaderId, s.NewLeaderId);
            Assert.True(s.Elections >= 1, s.ToString());
            Assert.Equal(s.FailoverTicks * 10.0, s.FailoverMilliseconds);
        }
    }

    [Fact]
    public void EtcdTiming_MeanDetection_MatchesMinimumOfTwoUniformTimeouts()
    {
        // Independent expectation, by hand: with 3 nodes, 2 survivors hold timeouts T1, T2 drawn uniformly
        // from {100..199} (n = 100 values) at their last reset. E[min] = 100 + Σ_{k=1}^{99} ((100 − k)/100)²
        // = 100 + 328,350/10,000 = 132.835 ticks. A heartbeat sent in tick h arrives at the start of tick h + 1
        // (delay 1) and resets the timer; the node's own tick that tick counts 1, so the timer fires in tick
        // h + T. The crash, at the start of tick c, lands d = c − h ∈ {1..10} ticks after the last heartbeat
        // was sent, uniformly (the experiment draws the phase), mean 5.5. Detection = min(T1, T2) − d, so its
        // mean is 132.835 − 5.5 = 127.335 ticks. Tolerance: 4 standard errors of the sample mean.
        var result = FailoverExperiment.Run(new FailoverExperimentOptions(kills: 400), seed: 11);
        Assert.True(result.IsComplete, result.Reason);
        var detection = result.Samples.Select(s => (double)s.FirstCandidateTicks).ToArray();
        var mean = detection.Average();
        var sd = Math.Sqrt(detection.Sum(x => (x - mean) * (x - mean)) / (detection.Length - 1));
        var standardError = sd / Math.Sqrt(detection.Length);
        Assert.InRange(mean, 127.335 - (4 * standardError), 127.335 + (4 * standardError));
    }

    [Fact]
    public void EqualElectionTimeouts_SplitVotesForever_StopsWithReason()
    {
        // Without randomisation every node times out on the same tick, votes for itself and refuses the
        // others: no leader is ever elected (the reason Raft randomises the timeout).
        var options = new FailoverExperimentOptions(kills: 2, electionTimeoutMinTicks: 20, electionTimeoutMaxTicks: 20, heartbeatIntervalTicks: 5, maxTicksPerKill: 400);
        var result = FailoverExperiment.Run(options, seed: 5);

        Assert.False(result.IsComplete);
        Assert.Empty(result.Samples);
        Assert.Contains("stopped at kill 1 of 2", result.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.FailoverMillisecondsPercentile(0.5));
    }

    [Fact]
    public void Run_IsAPureFunctionOfOptionsAndSeed()
    {
        var options = new FailoverExperimentOptions(kills: 5);
        var first = FailoverExperiment.Run(options, seed: 42);
        var again = FailoverExperiment.Run(options, seed: 42);
        var other = FailoverExperiment.Run(options, seed: 43);

        Assert.Equal(first.Samples, again.Samples);
        Assert.NotEqual(first.Samples.Select(s => s.FailoverTicks), other.Samples.Select(s => s.FailoverTicks));
    }

    [Fact]
    public void Percentile_IsNearestRankOfTheSamples()
    {
        var result = FailoverExperiment.Run(new FailoverExperimentOptions(kills: 4), seed: 8);
        var sorted = result.Samples.Select(s => s.FailoverTicks * 10.0).Order().ToArray();

        // Nearest rank of 4 values: 0.5 → the 2nd, 0.75 → the 3rd, 1 → the 4th, 0.01 → the 1st.
        Assert.Equal(sorted[1], result.FailoverMillisecondsPercentile(0.5));
        Assert.Equal(sorted[2], result.FailoverMillisecondsPercentile(0.75));
        Assert.Equal(sorted[3], result.FailoverMillisecondsPercentile(1));
        Assert.Equal(sorted[0], result.FailoverMillisecondsPercentile(0.01));
    }

    [Fact]
    public void BadInput_NamesTheParameterAndRange()
    {
        BadInput.Rejects(() => new FailoverExperimentOptions(kills: 0), "kills", "an integer in [1, 10000]");
        BadInput.Rejects(() => new FailoverExperimentOptions(nodeCount: 2), "nodeCount", "an integer in [3, 9]");
        BadInput.Rejects(() => new FailoverExperimentOptions(electionTimeoutMinTicks: 10), "electionTimeoutMinTicks", "an integer > 10");
        BadInput.Rejects(() => new FailoverExperimentOptions(electionTimeoutMaxTicks: 99), "electionTimeoutMaxTicks", ">= 100");
        BadInput.Rejects(() => new FailoverExperimentOptions(minDelayTicks: 0), "minDelayTicks", "> 0");
        BadInput.Rejects(() => new FailoverExperimentOptions(settleTicks: -1), "settleTicks", ">= 0");
        BadInput.Rejects(() => new FailoverExperimentOptions(maxTicksPerKill: 397), "maxTicksPerKill", ">= 398");
        var result = FailoverExperiment.Run(new FailoverExperimentOptions(kills: 1), seed: 1);
        BadInput.Rejects(() => result.FailoverMillisecondsPercentile(0), "fraction", "(0, 1]");
        BadInput.Rejects(() => result.FailoverMillisecondsPercentile(double.NaN), "fraction", "(0, 1]");
        Assert.Throws<ArgumentNullException>(() => FailoverExperiment.Run(null!, 1));
    }
}
