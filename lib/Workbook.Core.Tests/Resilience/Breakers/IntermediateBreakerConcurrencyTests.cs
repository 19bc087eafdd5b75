using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Plain multi-threaded stress of <see cref="IntermediateBreaker"/> (one lock): real threads released together
/// by a barrier, time standing still during each race. The systematic counterpart is <see cref="CoyoteBreakerTests"/>.
/// </summary>
public class IntermediateBreakerConcurrencyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Probes = 3;

    private static IntermediateBreakerOptions Options(int minimumCalls = 4) =>
        new(windowSize: 8, minimumCalls: minimumCalls, failureRatio: 0.5, openDuration: TimeSpan.FromSeconds(2), halfOpenProbes: Probes);

    private static void RunTogether(int threads, Action<int> body)
    {
        using var barrier = new Barrier(threads);
        var workers = Enumerable.Range(0, threads)
            .Select(i => new Thread(() => { barrier.SignalAndWait(); body(i); }))
            .ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void HalfOpen_ManyThreadsRacing_GetAtMostTheProbesPerBreak(int threads)
    {
        const int rounds = 300, attemptsPerThread = 10;
        var time = new FakeTimeProvider(Start);
        var breaker = new IntermediateBreaker(Options(), time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add; // raised under the breaker's lock, so List is safe
        for (int i = 0; i < 4; i++)
        {
            Assert.True(breaker.AllowRequest());
            breaker.RecordFailure(); // 4 of 4 failed: open
        }

        int expectedEvents = 1;
        for (int round = 0; round < rounds; round++)
        {
            time.Advance(TimeSpan.FromSeconds(2)); // the open duration is over; time stands still during the race
            int granted = 0, rejected = 0, inFlight = 0, maxInFlight = 0;
            RunTogether(threads, _ =>
            {
                for (int a = 0; a < attemptsPerThread; a++)
                {
                    if (!breaker.AllowRequest())
                    {
                        Interlocked.Increment(ref rejected);
                        continue;
                    }

                    Interlocked.Increment(ref granted);
                    int now = Interlocked.Increment(ref inFlight);
                    InterlockedMax(ref maxInFlight, now);
                    Thread.SpinWait(20); // hold the probe a moment so that others race while it is out
                    // Probes are not answered during the race, so every grant is a probe.
                }
            });

            // Every attempt is accounted for, and exactly the N probes were handed out (no more, no fewer).
            Assert.Equal(threads * attemptsPerThread, granted + rejected);
            Assert.Equal(Math.Min(Probes, threads * attemptsPerThread), granted);
            Assert.True(maxInFlight <= Probes, $"{maxInFlight} probes in flight, at most {Probes} allowed");
            Assert.Equal(BreakerState.HalfOpen, breaker.State);

            // Answer the probes from several threads: odd rounds all succeed (close), even rounds one fails (re-open).
            RunTogether(granted, t =>
            {
                if (round % 2 == 0 && t == 0)
                {
                    breaker.RecordFailure();
                }
                else
                {
                    breaker.RecordSuccess();
                }
            });
            if (round % 2 == 0)
            {
                Assert.Equal(BreakerState.Open, breaker.State);
                expectedEvents += 2; // Open→HalfOpen, HalfOpen→Open
            }
            else
            {
                Assert.Equal(BreakerState.Closed, breaker.State);
                for (int i = 0; i < 4; i++)
                {
                    Assert.True(breaker.AllowRequest());
                    breaker.RecordFailure();
                }

                expectedEvents += 3; // Open→HalfOpen, HalfOpen→Closed, Closed→Open
            }
        }

        // No lost or duplicated transition: one chain, each event starting where the last ended.
        Assert.Equal(BreakerState.Open, events[0].To);
        for (int i = 1; i < events.Count; i++)
        {
            Assert.Equal(events[i - 1].To, events[i].From);
        }

        Assert.Equal(expectedEvents, events.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void Closed_ConcurrentRecords_AddUpInTheWindow(int threads)
    {
        const int perThread = 4_000;
        int n = threads * perThread, failures = n / 4; // every 4th call of each thread fails
        // The window holds n + 1 outcomes and needs all of them; the ratio is met by exactly failures + 1 of n + 1.
        // So one more failure opens the breaker only if none of the n concurrent outcomes was lost.
        var time = new FakeTimeProvider(Start);
        var options = new IntermediateBreakerOptions(n + 1, n + 1, (failures + 1) / (double)(n + 1), TimeSpan.FromSeconds(2), 1);
        var breaker = new IntermediateBreaker(options, time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add;

        RunTogether(threads, _ =>
        {
            for (int i = 0; i < perThread; i++)
            {
                Assert.True(breaker.AllowRequest());
                if (i % 4 == 0)
                {
                    breaker.RecordFailure();
                }
                else
                {
                    breaker.RecordSuccess();
                }
            }
        });

        Assert.Empty(events); // n outcomes are fewer than the minimum: still closed
        Assert.True(breaker.AllowRequest());
        breaker.RecordFailure();
        var only = Assert.Single(events);
        Assert.Equal((BreakerState.Closed, BreakerState.Open), (only.From, only.To));
    }

    [Fact]
    public void Closed_TheCountCheck_FailsWhenOneOutcomeIsMissing()
    {
        // The control for the test above: the same options with one success fewer do not open.
        const int n = 8, failures = 2;
        var breaker = new IntermediateBreaker(new IntermediateBreakerOptions(n + 1, n + 1, (failures + 1) / (double)(n + 1), TimeSpan.FromSeconds(2), 1), new FakeTimeProvider(Start));
        for (int i = 0; i < n - 1; i++)
        {
            breaker.AllowRequest();
            if (i % 4 == 0)
            {
                breaker.RecordFailure();
            }
            else
            {
                breaker.RecordSuccess();
            }
        }

        breaker.RecordFailure();
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void Closed_ConcurrentFailures_OpenExactlyOnce()
    {
        var time = new FakeTimeProvider(Start);
        var breaker = new IntermediateBreaker(Options(minimumCalls: 8), time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add;

        RunTogether(8, _ =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                if (breaker.AllowRequest())
                {
                    breaker.RecordFailure();
                }
            }
        });

        Assert.Equal(BreakerState.Open, breaker.State);
        var only = Assert.Single(events); // many threads met the ratio; one transition
        Assert.Equal((BreakerState.Closed, BreakerState.Open), (only.From, only.To));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
