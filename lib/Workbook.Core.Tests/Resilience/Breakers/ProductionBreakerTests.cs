using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Timelines use ratio 0.5, minimum throughput 4, sampling 10 s (so buckets of 1 s, counted from the
// breaker's creation) and a 2 s break. Every expected state is worked out by hand in the comments.
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
        Call(breaker, false); // bucket 0 (t in [0, 1 s)): 3 failures

        time.Advance(TimeSpan.FromSeconds(9.999)); // bucket 9: the window is buckets 0..9, still holding the 3
        Call(breaker, false);                      // 4 failures of 4: opens

        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void Window_DropsBucketZero_AtTenSeconds()
    {
        var (breaker, time, _) = Build();
        Call(breaker, false);
        Call(breaker, false);
        Call(breaker, false); // bucket 0: 3 failures

        time.Advance(TimeSpan.FromSeconds(10)); // bucket 10: the window is buckets 1..10, bucket 0 has expired
        Call(breaker, false);                   // 1 call < 4

        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(new BreakerHealth(0, 1), breaker.Health());
    }

    [Fact]
    public void Window_ExpiresBucketByBucket()
    {
        var (breaker, time, _) = Build(failureRatio: 1, minimumThroughput: 100);
        Call(breaker, true);                   // bucket 0
        time.Advance(TimeSpan.FromSeconds(1));
        Call(breaker, true);                   // bucket 1
        Call(breaker, false);                  // bucket 1

        time.Advance(TimeSpan.FromSeconds(8.5)); // t = 9.5 s, bucket 9: buckets 0..9 hold S, S, F
        Assert.Equal(new BreakerHealth(2, 1), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(0.5)); // t = 10 s, bucket 10: bucket 0 gone
        Assert.Equal(new BreakerHealth(1, 1), breaker.Health());
        time.Advance(TimeSpan.FromSeconds(1));   // t = 11 s, bucket 11: bucket 1 gone too
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
