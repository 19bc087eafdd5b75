using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Timelines use ratio 0.5, minimum throughput 4, sampling 10 s (so buckets of 1 s, each starting at the first
// outcome after the previous bucket's second has passed, as in Polly) and a 2 s break. Every expected state is
// worked out by hand in the comments.
public class ProductionBreakerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (ProductionBreaker Breaker, FakeTimeProvider Time, List<BreakerTransition> Events) Build(
        double failureRatio = 0.5, int minimumThroughput = 4)
    {
        var time = new FakeTimeProvider(Start);
        var options = new ProductionBreakerOptions(failureRatio, minimumThroughput, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));
        var breaker = new ProductionBreaker(options, time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add;
        return (breaker, time, events);
    }

    private static void Call(ProductionBreaker breaker, bool succeeds)
    {
        Assert.True(breaker.TryAcquire(out var permit), "a closed breaker grants every call");
        Assert.False(permit.IsProbe);
        if (succeeds)
        {
            breaker.RecordSuccess(permit);
        }
        else
        {
            breaker.RecordFailure(permit);
        }
    }

    /// <summary>Trips the breaker at the current time with four failures (4 calls >= 4, 4/4 >= 0.5).</summary>
    private static void Trip(ProductionBreaker breaker)
    {
        for (int i = 0; i < 4; i++)
        {
            Call(breaker, succeeds: false);
        }

        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void Options_Defaults_ArePollys()
    {
        var options = new ProductionBreakerOptions();

        // Polly v8 CircuitBreakerStrategyOptions: 0.1, 100, 30 s, 5 s; Polly.Core splits into 10 windows.
        Assert.Equal(0.1, options.FailureRatio);
        Assert.Equal(100, options.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(3), options.BucketDuration);
    }

    [Fact]
    public void Closed_RatioReachedAtMinimumThroughput_Opens()
    {
        var (breaker, time, events) = Build();

        Call(breaker, true);   // 1 call, 0 failed
        Call(breaker, false);  // 2 calls < 4: no trip
        Call(breaker, true);   // 3 calls
        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(2, 1), breaker.Health());

        Call(breaker, false);  // 4 calls >= 4 and 2/4 = 0.5 >= 0.5: opens

        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal([new BreakerTransition(BreakerState.Closed, BreakerState.Open, Start, false)], events);
        Assert.False(breaker.TryAcquire(out _));
    }

    [Fact]
    public void Closed_RatioBelowThreshold_StaysClosed()
    {
        var (breaker, _, events) = Build();

        // S S S F F: 5 calls, 2/5 = 0.4 < 0.5 after the last failure; after the first failure 1/4 = 0.25.
        foreach (bool ok in new[] { true, true, true, false, false })
        {
            Call(breaker, ok);
        }

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Empty(events);
    }

    [Fact]
    public void MinimumThroughput_GatesTheRatio()
    {
        var (breaker, _, _) = Build();

        // F F F: failure ratio 3/3 = 1, but 3 calls < minimum 4.
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false);
        Assert.Equal(BreakerState.Closed, breaker.State);

        Call(breaker, false); // 4 calls: opens
        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void Window_StillHoldsBucketZero_JustBeforeTenSeconds()
    {
        var (breaker, time, _) = Build();
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false); // a bucket started at t = 0: 3 failures

        time.Advance(TimeSpan.FromSeconds(9.999)); // 9.999 s - 0 < 10 s: the bucket still counts
        Call(breaker, false);                      // 4 failures of 4: opens

        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void Window_DropsBucketZero_AtTenSeconds()
    {
        var (breaker, time, _) = Build();
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false); // a bucket started at t = 0: 3 failures

        time.Advance(TimeSpan.FromSeconds(10)); // 10 s - 0 >= 10 s: that bucket is dropped
        Call(breaker, false);                   // 1 call < 4

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(0, 1), breaker.Health());
    }

    [Fact]
    public void Window_ExpiresBucketByBucket()
    {
        var (breaker, time, _) = Build(failureRatio: 1, minimumThroughput: 100);
        Call(breaker, true);                   // starts bucket A at 0 s
        time.Advance(TimeSpan.FromSeconds(1));
        Call(breaker, true);                   // 1 s - 0 >= 1 s: starts bucket B at 1 s
        Call(breaker, false);                  // bucket B

        time.Advance(TimeSpan.FromSeconds(8.5)); // t = 9.5 s: A and B hold S, S, F
        Assert.Equal(new BreakerHealth(2, 1), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(0.5)); // t = 10 s: A (started at 0) gone
        Assert.Equal(new BreakerHealth(1, 1), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(1));   // t = 11 s: B (started at 1 s) gone too
        Assert.Equal(new BreakerHealth(0, 0), breaker.Health());
    }

    // Polly's rule, not a grid: a bucket starts at its first outcome. Three failures at 0.5 s start a bucket at 0.5 s,
    // which counts until 10.5 s. At 10.4 s one more failure makes 4 of 4 (>= 4, ratio 1 >= 0.5): opens. A grid of 1 s
    // buckets from t = 0 would have dropped [0, 1 s) at 10 s, seen 1 call and stayed closed.
    [Fact]
    public void Window_BucketStartsAtItsFirstOutcome_NotOnAGrid()
    {
        var (breaker, time, _) = Build();
        time.Advance(TimeSpan.FromSeconds(0.5));
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false);

        time.Advance(TimeSpan.FromSeconds(9.9)); // t = 10.4 s
        Call(breaker, false);

        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void Window_BucketStartedAtItsFirstOutcome_IsDroppedOneSamplingDurationLater()
    {
        var (breaker, time, _) = Build();
        time.Advance(TimeSpan.FromSeconds(0.5));
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false); // bucket started at 0.5 s

        time.Advance(TimeSpan.FromSeconds(10)); // t = 10.5 s: 10.5 - 0.5 >= 10 s, dropped
        Call(breaker, false);                   // 1 call < 4

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(0, 1), breaker.Health());
    }

    // A new bucket starts only when an outcome arrives a full bucket after the current one started: outcomes at
    // 0 s and 0.9 s share the bucket of 0 s; the outcome at 1.5 s starts one at 1.5 s (a grid: [1 s, 2 s)). At 10.2 s the
    // bucket of 0 s is gone (both outcomes); the one of 1.5 s counts until 11.5 s (a grid would drop it at 11 s).
    [Fact]
    public void Window_OutcomesWithinABucketLengthOfItsStart_ShareTheBucket()
    {
        var (breaker, time, _) = Build(failureRatio: 1, minimumThroughput: 100);
        Call(breaker, true);                      // bucket at 0 s
        time.Advance(TimeSpan.FromSeconds(0.9));
        Call(breaker, false);                     // 0.9 s: same bucket
        time.Advance(TimeSpan.FromSeconds(0.6));
        Call(breaker, true);                      // 1.5 s: new bucket at 1.5 s

        time.Advance(TimeSpan.FromSeconds(8.4));  // t = 9.9 s: all three count
        Assert.Equal(new BreakerHealth(2, 1), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(0.3));  // t = 10.2 s: the bucket of 0 s (S and F) is gone
        Assert.Equal(new BreakerHealth(1, 0), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(1.299)); // t = 11.499 s: 11.499 - 1.5 < 10 s, still counted
        Assert.Equal(new BreakerHealth(1, 0), breaker.Health());
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 11.5 s: the bucket of 1.5 s is gone
        Assert.Equal(new BreakerHealth(0, 0), breaker.Health());
    }

    [Fact]
    public void Open_RejectsUntilBreakElapses_ThenGrantsOneProbe()
    {
        var (breaker, time, events) = Build();
        Trip(breaker); // at t = 0; blocked until t = 2 s

        time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.False(breaker.TryAcquire(out _));
        Assert.Equal(BreakerState.Open, breaker.State);

        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 2 s
        Assert.True(breaker.TryAcquire(out var probe));
        Assert.True(probe.IsProbe);
        Assert.Equal(BreakerState.HalfOpen, breaker.State);
        Assert.False(breaker.TryAcquire(out _)); // the probe is out: everyone else is rejected

        Assert.Equal(
            [new BreakerTransition(BreakerState.Closed, BreakerState.Open, Start, false),
             new BreakerTransition(BreakerState.Open, BreakerState.HalfOpen, Start.AddSeconds(2), false)],
            events);
    }

    [Fact]
    public void HalfOpen_ProbeSuccess_ClosesAndClearsCounts()
    {
        var (breaker, time, events) = Build();
        Trip(breaker);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.TryAcquire(out var probe));

        breaker.RecordSuccess(probe);

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(0, 0), breaker.Health()); // the 4 failures of the trip are forgotten
        Assert.Equal(new BreakerTransition(BreakerState.HalfOpen, BreakerState.Closed, Start.AddSeconds(2), false), events[^1]);
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false); // 3 calls < 4 after the reset: still closed
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void HalfOpen_ProbeFailure_ReopensForAnotherBreak()
    {
        var (breaker, time, events) = Build();
        Trip(breaker);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.TryAcquire(out var probe));
        time.Advance(TimeSpan.FromSeconds(0.5)); // the probe fails at t = 2.5 s: blocked until 4.5 s

        breaker.RecordFailure(probe);

        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal(new BreakerTransition(BreakerState.HalfOpen, BreakerState.Open, Start.AddSeconds(2.5), false), events[^1]);
        time.Advance(TimeSpan.FromSeconds(1.999)); // t = 4.499 s
        Assert.False(breaker.TryAcquire(out _));
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 4.5 s
        Assert.True(breaker.TryAcquire(out var second));
        Assert.True(second.IsProbe);
    }

    [Fact]
    public void HalfOpen_UnansweredProbe_IsReplacedAfterABreak_AndItsLateAnswerIgnored()
    {
        var (breaker, time, events) = Build();
        Trip(breaker);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.TryAcquire(out var lost)); // probe 1 at t = 2 s; a new probe only from t = 4 s

        time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.False(breaker.TryAcquire(out _));
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 4 s
        Assert.True(breaker.TryAcquire(out var replacement));
        Assert.True(replacement.IsProbe);

        breaker.RecordSuccess(lost); // superseded: must not close
        Assert.Equal(BreakerState.HalfOpen, breaker.State);
        breaker.RecordFailure(replacement);
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal(3, events.Count); // Closed→Open, Open→HalfOpen (once), HalfOpen→Open
    }

    [Fact]
    public void Open_LateOutcomesOfEarlierCalls_NeitherCountNorExtendTheBreak()
    {
        var (breaker, time, _) = Build();
        Assert.True(breaker.TryAcquire(out var early)); // granted while closed, answers after the trip
        Trip(breaker);

        time.Advance(TimeSpan.FromSeconds(1));
        breaker.RecordFailure(early); // at t = 1 s: if it re-opened, the break would last to 3 s

        time.Advance(TimeSpan.FromSeconds(1)); // t = 2 s: the original break is over
        Assert.True(breaker.TryAcquire(out var probe));
        Assert.True(probe.IsProbe);
    }

    [Fact]
    public void Isolate_HoldsOpenUntilReset()
    {
        var (breaker, time, events) = Build();

        breaker.Isolate();
        Assert.Equal(BreakerState.Isolated, breaker.State);
        time.Advance(TimeSpan.FromDays(2)); // far beyond any break duration
        Assert.False(breaker.TryAcquire(out _));

        breaker.Reset();
        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.True(breaker.TryAcquire(out _));
        Assert.Equal(
            [new BreakerTransition(BreakerState.Closed, BreakerState.Isolated, Start, true),
             new BreakerTransition(BreakerState.Isolated, BreakerState.Closed, Start.AddDays(2), true)],
            events);
    }

    [Fact]
    public void Isolate_DuringHalfOpen_ProbeAnswerIsIgnored()
    {
        var (breaker, time, _) = Build();
        Trip(breaker);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.TryAcquire(out var probe));

        breaker.Isolate();
        breaker.RecordSuccess(probe);

        Assert.Equal(BreakerState.Isolated, breaker.State);
    }

    [Fact]
    public void Reset_FromOpen_ClosesAndClearsCounts()
    {
        var (breaker, _, events) = Build();
        Trip(breaker);

        breaker.Reset();

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(0, 0), breaker.Health());
        Assert.True(events[^1].Manual);
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheOptionAndItsRange()
    {
        BadInput.Rejects(() => new ProductionBreakerOptions(failureRatio: 0), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new ProductionBreakerOptions(failureRatio: 1.01), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new ProductionBreakerOptions(failureRatio: double.NaN), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new ProductionBreakerOptions(minimumThroughput: 1), "minimumThroughput", "an integer >= 2");
        BadInput.Rejects(() => new ProductionBreakerOptions(minimumThroughput: 0), "minimumThroughput", "an integer >= 2");
        BadInput.Rejects(() => new ProductionBreakerOptions(samplingDuration: TimeSpan.Zero), "samplingDuration", "a duration in [0.5 s, 1 day]");
        BadInput.Rejects(() => new ProductionBreakerOptions(samplingDuration: TimeSpan.FromSeconds(-1)), "samplingDuration", "a duration in [0.5 s, 1 day]");
        BadInput.Rejects(() => new ProductionBreakerOptions(samplingDuration: TimeSpan.FromMilliseconds(499)), "samplingDuration", "a duration in [0.5 s, 1 day]");
        BadInput.Rejects(() => new ProductionBreakerOptions(samplingDuration: TimeSpan.FromDays(1.5)), "samplingDuration", "a duration in [0.5 s, 1 day]");
        BadInput.Rejects(() => new ProductionBreakerOptions(breakDuration: TimeSpan.Zero), "breakDuration", "a duration in [0.5 s, 1 day]");
        // 30 s / 10 = 3 s per bucket: a 2.9 s break is inside Polly's range but shorter than one bucket.
        BadInput.Rejects(
            () => new ProductionBreakerOptions(samplingDuration: TimeSpan.FromSeconds(30), breakDuration: TimeSpan.FromSeconds(2.9)),
            "breakDuration", "at least one bucket, samplingDuration / 10 = 3 s");
        _ = new ProductionBreakerOptions(samplingDuration: TimeSpan.FromSeconds(30), breakDuration: TimeSpan.FromSeconds(3)); // exactly one bucket: allowed
        _ = new ProductionBreakerOptions(failureRatio: 1, minimumThroughput: 2); // the edges of the ranges: allowed
    }
}
