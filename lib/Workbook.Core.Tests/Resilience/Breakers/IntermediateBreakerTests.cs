using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Window 5, minimum 4 calls, ratio 0.6, open 2 s, 2 half-open probes; expected states worked out by hand.
public class IntermediateBreakerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (IntermediateBreaker Breaker, FakeTimeProvider Time, List<BreakerTransition> Events) Build(
        IntermediateBreakerOptions? options = null)
    {
        var time = new FakeTimeProvider(Start);
        var breaker = new IntermediateBreaker(options ?? new IntermediateBreakerOptions(5, 4, 0.6, TimeSpan.FromSeconds(2), 2), time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add;
        return (breaker, time, events);
    }

    private static void Run(IntermediateBreaker breaker, string outcomes)
    {
        foreach (char c in outcomes)
        {
            Assert.True(breaker.AllowRequest());
            if (c == 'S')
            {
                breaker.RecordSuccess();
            }
            else
            {
                breaker.RecordFailure();
            }
        }
    }

    [Fact]
    public void RatioReached_Opens()
    {
        var (breaker, _, events) = Build();
        Run(breaker, "SSFF"); // 4 calls, 2/4 = 0.5 < 0.6
        Assert.Equal(BreakerState.Closed, breaker.State);

        Run(breaker, "F");    // 5 calls, 3/5 = 0.6 >= 0.6
        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal([new BreakerTransition(BreakerState.Closed, BreakerState.Open, Start, false)], events);
    }

    [Fact]
    public void Window_Slides_OldestOutcomeLeaves()
    {
        var (breaker, _, _) = Build();
        Run(breaker, "SFFSS"); // window S F F S S: 2/5
        Run(breaker, "F");     // the first S leaves: F F S S F = 3/5 = 0.6 opens (all six would be 3/6 = 0.5, closed)

        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void MinimumCalls_GatesTheRatio()
    {
        var (breaker, _, _) = Build();
        Run(breaker, "FFF"); // 3/3 failed, but 3 < 4 calls
        Assert.Equal(BreakerState.Closed, breaker.State);
        Run(breaker, "F");
        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void RatioThatIsNotABinaryFraction_TripsExactlyAtIt()
    {
        // 7 failures of 25 at ratio 0.28: 7/25 = 0.28 exactly as doubles, so it must open; the tempting
        // failures >= ratio × count would not, since 0.28 × 25 = 7.000000000000001 in doubles.
        var (breaker, _, _) = Build(new IntermediateBreakerOptions(25, 25, 0.28, TimeSpan.FromSeconds(1), 1));
        Run(breaker, new string('S', 18) + "FFFFFF");
        Assert.Equal(BreakerState.Closed, breaker.State); // 24 calls < 25
        Run(breaker, "F");
        Assert.Equal(BreakerState.Open, breaker.State);
    }

    [Fact]
    public void HalfOpen_LetsTheProbesThrough_AllSucceeding_Closes()
    {
        var (breaker, time, events) = Build();
        Run(breaker, "FFFF"); // open at t = 0

        time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.False(breaker.AllowRequest());
        time.Advance(TimeSpan.FromMilliseconds(1)); // t = 2 s
        Assert.True(breaker.AllowRequest());
        Assert.True(breaker.AllowRequest());
        Assert.False(breaker.AllowRequest()); // only 2 probes

        breaker.RecordSuccess();
        Assert.Equal(BreakerState.HalfOpen, breaker.State); // 1 of 2
        breaker.RecordSuccess();
        Assert.Equal(BreakerState.Closed, breaker.State);
        Assert.Equal(
            [BreakerState.Open, BreakerState.HalfOpen, BreakerState.Closed],
            events.Select(e => e.To));
        Run(breaker, "FFF"); // the window was cleared: 3 < 4 calls
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void HalfOpen_AProbeFailure_Reopens()
    {
        var (breaker, time, _) = Build();
        Run(breaker, "FFFF");
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(breaker.AllowRequest());
        Assert.True(breaker.AllowRequest());
        breaker.RecordSuccess();
        time.Advance(TimeSpan.FromSeconds(1));
        breaker.RecordFailure(); // t = 3 s: open until 5 s

        Assert.Equal(BreakerState.Open, breaker.State);
        time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.False(breaker.AllowRequest());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(breaker.AllowRequest());
    }

    [Fact]
    public void Execute_UsesTheFallback_WhenRejectedOrWhenTheActionThrows()
    {
        var (breaker, _, _) = Build();
        Assert.Equal(1, breaker.Execute(() => 1, () => -1));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(-1, breaker.Execute<int>(() => throw new InvalidOperationException("down"), () => -1));
        }

        // S F F F F: 4/5 >= 0.6 opened the breaker; now the action is not even called.
        Assert.Equal(BreakerState.Open, breaker.State);
        bool called = false;
        Assert.Equal(-1, breaker.Execute(() => { called = true; return 1; }, () => -1));
        Assert.False(called);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        BadInput.Rejects(() => new IntermediateBreakerOptions(windowSize: 0), "windowSize", "an integer >= 1");
        BadInput.Rejects(() => new IntermediateBreakerOptions(windowSize: 5, minimumCalls: 6), "minimumCalls", "an integer in [1, 5]");
        BadInput.Rejects(() => new IntermediateBreakerOptions(minimumCalls: 0), "minimumCalls", "an integer in [1, 20]");
        BadInput.Rejects(() => new IntermediateBreakerOptions(failureRatio: 0), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new IntermediateBreakerOptions(failureRatio: double.PositiveInfinity), "failureRatio", "a finite number in (0, 1]");
        BadInput.Rejects(() => new IntermediateBreakerOptions(openDuration: TimeSpan.Zero), "openDuration", "a duration > 0");
        BadInput.Rejects(() => new IntermediateBreakerOptions(halfOpenProbes: 0), "halfOpenProbes", "an integer >= 1");
    }
}
