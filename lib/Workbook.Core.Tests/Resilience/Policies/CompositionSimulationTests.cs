using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Policies;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience.Policies;

/// <summary>
/// The composition-order simulation: reproducible, amplification (r + 1) per layer when nothing stops the retries,
/// healthy attempts per request against the geometric closed form, and the two orders' ranking through an outage.
/// </summary>
public class CompositionSimulationTests
{
    private static readonly CompositionSimulationOptions Outage = new();

    [Fact]
    public void SameSeed_SameRun()
    {
        var a = CompositionSimulation.Run(Outage, CompositionOrder.RetryInsideBreaker);
        var b = CompositionSimulation.Run(Outage, CompositionOrder.RetryInsideBreaker);
        Assert.Equal(a.Requests, b.Requests);
        Assert.Equal(a.CallTimes, b.CallTimes);
    }

    [Fact]
    public void RecommendedOrder_LoadsTheDeadDependencyLess_AndAnswersFaster()
    {
        var recommended = CompositionSimulation.Run(Outage, CompositionOrder.RetryOutsideBreaker);
        var other = CompositionSimulation.Run(Outage, CompositionOrder.RetryInsideBreaker);

        Assert.True(recommended.OutageAttemptsPerRequest < 0.6 * other.OutageAttemptsPerRequest,
            $"{recommended.OutageAttemptsPerRequest} vs {other.OutageAttemptsPerRequest}");
        Assert.True(recommended.LatencyPercentile(0.99) < other.LatencyPercentile(0.99));
        Assert.True(recommended.SuccessRate > other.SuccessRate);

        // From 5 s into the outage to its end, the open breaker lets through only its probes (one per 5 s break).
        Assert.InRange(recommended.CallTimes.Count(t => t >= 25_000 && t < 40_000), 1, 6);
        // The other order's breaker sees one outcome per request and none for a hung one, so the dead dependency
        // still takes more than its healthy 50 calls/s for the first 5 s.
        Assert.True(other.CallTimes.Count(t => t >= 20_000 && t < 25_000) > 5 * 50);
        // Its deadline is the only end of a hung call: its p99 is the overall timeout.
        Assert.Equal(Outage.OverallTimeoutMilliseconds, other.LatencyPercentile(0.99));
    }

    [Fact]
    public void WithABreakerThatNeverOpens_EveryOutageRequestMakes_RPlusOne_Calls()
    {
        // Every outage call fails fast and the breaker needs a million calls: nothing stops the retries.
        var options = new CompositionSimulationOptions(hangProbability: 0,
            breaker: new ProductionBreakerOptions(failureRatio: 1, minimumThroughput: 1_000_000, samplingDuration: TimeSpan.FromSeconds(1), breakDuration: TimeSpan.FromSeconds(1)));
        foreach (var order in new[] { CompositionOrder.RetryOutsideBreaker, CompositionOrder.RetryInsideBreaker })
        {
            var run = CompositionSimulation.Run(options, order);
            var outage = run.Requests.Where(r => r.StartMilliseconds >= 20_000 && r.EndMilliseconds < 40_000).ToList();
            Assert.NotEmpty(outage);
            Assert.All(outage, r => Assert.Equal(options.Backoff.MaxRetryAttempts + 1, r.Attempts));
            Assert.All(outage, r => Assert.False(r.Succeeded));
        }
    }

    [Fact]
    public void Healthy_AttemptsPerRequest_MatchTheGeometricClosedForm()
    {
        // No outage, 30,000 requests. An attempt fails with q = 0.01 + 0.99·e^(−190/20) (an error, or a latency
        // 10 + Exp(20) beyond the 200 ms timeout); the mean attempts are 1 + q + q² + q³.
        var options = new CompositionSimulationOptions(durationMilliseconds: 600_000, outageStartMilliseconds: 0, outageEndMilliseconds: 0);
        var run = CompositionSimulation.Run(options, CompositionOrder.RetryOutsideBreaker);
        var q = 0.01 + 0.99 * Math.Exp(-190.0 / 20);
        var expected = 1 + q + q * q + q * q * q;
        var se = Math.Sqrt(q / run.Requests.Count);   // the attempts' variance is about q for small q
        Assert.InRange(run.AttemptsPerRequest, expected - 4 * se, expected + 4 * se);
        Assert.Equal(0, run.BreakerOpenings);
    }

    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(2, 3, 16)]
    [InlineData(3, 2, 27)]
    [InlineData(4, 1, 16)]
    [InlineData(0, 5, 1)]
    public void LayeredRetries_AgainstADeadDependency_Make_RPlusOne_ToTheL_Calls(int layers, int retries, long expected)
    {
        var random = new Xoshiro256StarStar(1);
        Assert.Equal(expected, RetryAmplification.Simulate(layers, retries, 1.0, ref random));
        Assert.Equal(expected, RetryAmplification.WorstCase(layers, retries));
        Assert.Equal(expected, RetryAmplification.ExpectedCalls(layers, retries, 1.0), 9);
    }

    [Theory]
    [InlineData(1, 3, 0.5, 1.875)]   // 1 + ½ + ¼ + ⅛
    [InlineData(2, 1, 0.5, 1.875)]   // 1.5 inner calls per call, then 1 + ¼
    [InlineData(3, 2, 0.0, 1.0)]
    public void ExpectedCalls_HandWorkedValues(int layers, int retries, double p, double expected) =>
        Assert.Equal(expected, RetryAmplification.ExpectedCalls(layers, retries, p), 12);

    [Fact]
    public void ExpectedCalls_MatchesTheSimulatedMean_ForAFlakyDependency()
    {
        var random = new Xoshiro256StarStar(22);
        var sample = Enumerable.Range(0, 20_000).Select(_ => (double)RetryAmplification.Simulate(3, 2, 0.4, ref random)).ToArray();
        var mean = sample.Average();
        var se = Math.Sqrt(sample.Sum(x => (x - mean) * (x - mean)) / (sample.Length - 1) / sample.Length);
        Assert.InRange(RetryAmplification.ExpectedCalls(3, 2, 0.4), mean - 4 * se, mean + 4 * se);
    }
}
