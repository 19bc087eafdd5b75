using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Threshold 3 consecutive failures, reset timeout 5 s; expected states worked out by hand.
public class BeginnerBreakerTests
{
    private static (BeginnerBreaker Breaker, FakeTimeProvider Time) Build()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (new BeginnerBreaker(3, TimeSpan.FromSeconds(5), time), time);
    }

    private static void Fail(BeginnerBreaker breaker)
    {
        Assert.True(breaker.AllowRequest());
        breaker.RecordFailure();
    }

    [Fact]
    public void ConsecutiveFailures_ReachingThreshold_Open()
    {
        var (breaker, _) = Build();
        Fail(breaker);
        Fail(breaker); // streak 2 < 3
        Assert.Equal(BreakerState.Closed, breaker.State);

        Fail(breaker); // streak 3: open
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.False(breaker.AllowRequest());
    }

    [Fact]
    public void ASuccess_EndsTheStreak()
    {
        var (breaker, _) = Build();
        Fail(breaker);
        Fail(breaker);
        Assert.True(breaker.AllowRequest());
        breaker.RecordSuccess(); // streak back to 0
        Fail(breaker);
        Fail(breaker); // streak 2: F F S F F never has 3 in a row

        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void Open_AfterResetTimeout_LetsOneTrialThrough_SuccessCloses()
    {
        var (breaker, time) = Build();
        Fail(breaker); Fail(breaker); Fail(breaker); // open at t = 0

        time.Advance(TimeSpan.FromSeconds(4.999));
        Assert.False(breaker.AllowRequest());
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 5 s
        Assert.Equal(BreakerState.HalfOpen, breaker.State);
        Assert.True(breaker.AllowRequest());   // the trial
        Assert.False(breaker.AllowRequest());  // only one

        breaker.RecordSuccess();
        Assert.Equal(BreakerState.Closed, breaker.State);
        Fail(breaker); Fail(breaker); // streak restarted from 0: 2 < 3
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void HalfOpen_TrialFailure_ReopensForAFullTimeout()
    {
        var (breaker, time) = Build();
        Fail(breaker); Fail(breaker); Fail(breaker); // open at t = 0
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(breaker.AllowRequest());
        time.Advance(TimeSpan.FromSeconds(1));
        breaker.RecordFailure(); // at t = 6 s: open until t = 11 s

        Assert.Equal(BreakerState.Open, breaker.State);
        time.Advance(TimeSpan.FromSeconds(4.999)); // t = 10.999 s
        Assert.False(breaker.AllowRequest());
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 11 s
        Assert.True(breaker.AllowRequest());
    }

    [Fact]
    public void Open_LateAnswers_AreIgnored()
    {
        var (breaker, time) = Build();
        Fail(breaker); Fail(breaker); Fail(breaker); // open at t = 0
        time.Advance(TimeSpan.FromSeconds(3));
        breaker.RecordSuccess(); // a call from before the trip answers late: must not close
        breaker.RecordFailure(); // nor extend the break to t = 8 s
        Assert.Equal(BreakerState.Open, breaker.State);

        time.Advance(TimeSpan.FromSeconds(2)); // t = 5 s
        Assert.True(breaker.AllowRequest());
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        var time = new FakeTimeProvider();
        BadInput.Rejects(() => new BeginnerBreaker(0, TimeSpan.FromSeconds(1), time), "failureThreshold", "an integer >= 1");
        BadInput.Rejects(() => new BeginnerBreaker(1, TimeSpan.Zero, time), "resetTimeout", "a duration > 0");
        BadInput.Rejects(() => new BeginnerBreaker(1, TimeSpan.FromSeconds(-1), time), "resetTimeout", "a duration > 0");
    }
}
