using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Policies;

namespace Workbook.Core.Tests.Resilience.Policies;

/// <summary>The real (async) policies on a FakeTimeProvider: order of wrapping, timeout, bulkhead, fallback, retry with a breaker.</summary>
public class PipelineTests
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Pipeline_RunsTheFirstPolicyOutermost()
    {
        var log = new List<string>();
        var pipeline = new ResiliencePipeline(new Logging("outer", log), new Logging("inner", log));
        var result = await pipeline.ExecuteAsync(_ => { log.Add("call"); return Task.FromResult(42); }, TestContext.Current.CancellationToken);
        Assert.Equal(42, result);
        Assert.Equal(["outer in", "inner in", "call", "inner out", "outer out"], log);
    }

    [Fact]
    public async Task RetryOutsideTheBreaker_StopsWhenTheBreakerOpens()
    {
        var time = Clock();
        var breaker = new ProductionBreaker(new ProductionBreakerOptions(failureRatio: 0.5, minimumThroughput: 2), time);
        var calls = 0;
        var pipeline = new ResiliencePipeline(
            new RetryPolicy(new BackoffOptions(0, 0, maxRetryAttempts: 5, JitterKind.None), time, seed: 1),
            new BreakerPolicy(breaker));

        await Assert.ThrowsAsync<BrokenCircuitException>(() => pipeline.ExecuteAsync<int>(_ => { calls++; throw new InvalidOperationException("down"); }, TestContext.Current.CancellationToken));

        // Two failures reach the minimum throughput at ratio 1 >= 0.5: the breaker opens and the third try is rejected.
        Assert.Equal(2, calls);
        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public async Task Retry_AsksTheBudget_AndStopsWhenItIsEmpty()
    {
        var time = Clock();
        var budget = new RetryBudget(new RetryBudgetOptions(windowMilliseconds: 1_000, minRetriesPerSecond: 1, retryRatio: 0));
        var retry = new RetryPolicy(new BackoffOptions(0, 0, maxRetryAttempts: 5, JitterKind.None), time, seed: 1, budget);
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.ExecuteAsync<int>(_ => { calls++; throw new InvalidOperationException("down"); }, TestContext.Current.CancellationToken));

        // The reserve, 1/s over 1 s, pays for exactly one retry: 2 calls, not 6.
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Timeout_CancelsTheCall_AfterItsDuration()
    {
        var time = Clock();
        var timeout = new TimeoutPolicy(200, time);
        var running = timeout.ExecuteAsync(async token => { await Task.Delay(TimeSpan.FromSeconds(10), time, token); return 1; }, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => running);
    }

    [Theory]
    [InlineData(150.0, 150.0, false)]
    [InlineData(200.0, 200.0, false)]
    [InlineData(200.5, 200.0, true)]
    [InlineData(double.PositiveInfinity, 200.0, true)]
    public void Clip_IsMinOfCallAndTimeout(double call, double waited, bool timedOut) =>
        Assert.Equal(new TimeoutOutcome(waited, timedOut), new TimeoutPolicy(200, TimeProvider.System).Clip(call));

    [Fact]
    public async Task Bulkhead_RunsTwo_QueuesOne_RejectsTheFourth_AndHandsTheSlotOver()
    {
        var bulkhead = new BulkheadPolicy(maxConcurrent: 2, maxQueue: 1);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new List<int>();
        var token = TestContext.Current.CancellationToken;
        var running = Enumerable.Range(0, 3).Select(i => bulkhead.ExecuteAsync(_ => { lock (started) { started.Add(i); } return gates[i].Task; }, token)).ToArray();

        Assert.Equal((2, 1), (bulkhead.Running, bulkhead.Queued));
        await Assert.ThrowsAsync<BulkheadRejectedException>(() => bulkhead.ExecuteAsync(_ => Task.FromResult(0), token));

        gates[0].SetResult(10);
        Assert.Equal(10, await running[0]);
        await WaitUntil(() => { lock (started) { return started.Count == 3; } });
        Assert.Equal((2, 0), (bulkhead.Running, bulkhead.Queued));
        gates[1].SetResult(11);
        gates[2].SetResult(12);
        var results = await Task.WhenAll(running);
        Assert.Equal(new[] { 10, 11, 12 }, results);
        Assert.Equal((0, 0), (bulkhead.Running, bulkhead.Queued));
    }

    [Fact]
    public async Task Fallback_ReplacesAFailure_ButNotASuccess()
    {
        var fallback = new FallbackPolicy<string>(e => "cached: " + e.Message);
        var pipeline = new ResiliencePipeline(fallback);
        var token = TestContext.Current.CancellationToken;
        Assert.Equal("fresh", await pipeline.ExecuteAsync(_ => Task.FromResult("fresh"), token));
        Assert.Equal("cached: down", await pipeline.ExecuteAsync<string>(_ => throw new InvalidOperationException("down"), token));
        Assert.Equal(1, fallback.Replaced);
        await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.ExecuteAsync(_ => Task.FromResult(1), token));
    }

    [Fact]
    public async Task ATimeoutOutsideTheBreaker_IsNotCountedByIt()
    {
        var time = Clock();
        var breaker = new ProductionBreaker(new ProductionBreakerOptions(failureRatio: 0.5, minimumThroughput: 2), time);
        var pipeline = new ResiliencePipeline(new TimeoutPolicy(100, time), new BreakerPolicy(breaker));
        var token = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            var running = pipeline.ExecuteAsync(async t => { await Task.Delay(TimeSpan.FromSeconds(5), time, t); return 0; }, token);
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Assert.ThrowsAsync<TimeoutException>(() => running);
        }

        Assert.Equal(new BreakerHealth(0, 0), breaker.Health());
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }

    private sealed class Logging(string name, List<string> log) : IResiliencePolicy
    {
        public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
        {
            log.Add(name + " in");
            var result = await next(cancellationToken);
            log.Add(name + " out");
            return result;
        }
    }
}
