using Polly.CircuitBreaker;
using Workbook.Core.Resilience;
using Workbook.Core.Resilience.Breakers.Mapping;

namespace Workbook.Core.Tests.Resilience.Breakers;

public sealed class HystrixMappingTests
{
    [Fact]
    public void SeedConfigurationMapsToPollyOptionsPollyAccepts()
    {
        var m = HystrixMapping.Map();
        Assert.Equal(0.5, m.Production.FailureRatio);
        Assert.Equal(20, m.Production.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(10), m.Production.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), m.Production.BreakDuration);
        var polly = new CircuitBreakerStrategyOptions
        {
            FailureRatio = m.Production.FailureRatio,
            MinimumThroughput = m.Production.MinimumThroughput,
            SamplingDuration = m.Production.SamplingDuration,
            BreakDuration = m.Production.BreakDuration,
        };
        var validation = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(polly, new(polly), validation, true));
        Assert.Equal(MappingFidelity.IneffectiveInHystrix, m.Mappings.Single(r => r.HystrixSetting == "threadpool.queueSizeRejectionThreshold").Fidelity);
        Assert.Equal(MappingFidelity.IneffectiveInHystrix, m.Mappings.Single(r => r.HystrixSetting == "execution.isolation.semaphore.maxConcurrentRequests").Fidelity);
    }

    // Truncated percent ≥ 50 and ratio ≥ 0.5 agree for every (f, n): the "Exact" claim, checked exhaustively.
    [Fact]
    public void TruncatedPercentEqualsRatioForAWholePercent()
    {
        var hystrix = new TripCondition(SlidingWindowKind.TimeBased, 10, 1, 0.5, TripComparison.TruncatedPercentAtLeast);
        for (int n = 1; n <= 500; n++)
        {
            for (int f = 0; f <= n; f++)
            {
                Assert.Equal(2 * f >= n, hystrix.Trips(f, n));
            }
        }
    }

    // λ = 5/s: 50 calls in 10 s; trip at 25 failures. At p0 = 0.1, P(X ≥ 25) for Binomial(50, 0.1) is about 1.0e-12
    // (independent: summed term by term here). Total outage: 25 failures at 5/s = 5 s.
    [Fact]
    public void AssessmentUsesEpisode13Math()
    {
        var a = HystrixMapping.Assess(HystrixMapping.Map(), 5, 0.1, 0.6);
        double tail = 0;
        for (int k = 25; k <= 50; k++)
        {
            double logC = 0;
            for (int j = 1; j <= k; j++) logC += Math.Log((50 - k + j) / (double)j);
            tail += Math.Exp(logC + (k * Math.Log(0.1)) + ((50 - k) * Math.Log(0.9)));
        }

        Assert.Equal(50, a.CallsInWindow);
        Assert.Equal(tail, a.FalseTripProbability, tail * 1e-9);
        Assert.Equal(5, a.TotalOutageDelay.Seconds);
        Assert.True(a.DetectionProbability > 0.9);
        TestContext.Current.TestOutputHelper!.WriteLine($"false-trip per window {a.FalseTripProbability:G4}, detection at 0.6 {a.DetectionProbability:G4}, delay {a.TotalOutageDelay.Seconds} s");
        var low = HystrixMapping.Assess(HystrixMapping.Map(), 1.5, 0.1, 0.6);
        TestContext.Current.TestOutputHelper!.WriteLine($"λ=1.5: {low.CallsInWindow} calls: {low.TotalOutageDelay.Reason}");
        Assert.False(low.TotalOutageDelay.Trips); // 15 calls < 20
    }
}
