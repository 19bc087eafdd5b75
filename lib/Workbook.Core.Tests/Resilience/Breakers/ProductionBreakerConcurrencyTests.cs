using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

public class ProductionBreakerConcurrencyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProductionBreakerOptions Options(double ratio = 0.5, int minimum = 4) =>
        new(ratio, minimum, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2));

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
    public void HalfOpen_ManyThreadsRacing_GetExactlyOneProbePerBreak(int threads)
    {
        const int rounds = 400, attemptsPerThread = 20;
        var time = new FakeTimeProvider(Start);
        var breaker = new ProductionBreaker(Options(), time);
        var events = new List<BreakerTransition>();
        breaker.StateChanged += events.Add; // raised under the breaker's lock, so List is safe
        for (int i = 0; i < 4; i++)
        {
            Assert.True(breaker.TryAcquire(out var p));
            breaker.RecordFailure(p); // 4 of 4 failed: open
        }

        for (int round = 0; round < rounds; round++)
        {
            time.Advance(TimeSpan.FromSeconds(2)); // the break is over; time stands still during the race
            int granted = 0, rejected = 0;
            var probes = new CallPermit[threads];
            RunTogether(threads, t =>
            {
                for (int a = 0; a < attemptsPerThread; a++)
                {
                    if (breaker.TryAcquire(out var permit))
                    {
                        Interlocked.Increment(ref granted);
                        Assert.True(permit.IsProbe);
                        probes[t] = permit;
                    }
                    else
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            });

            // Exactly one call in the whole race was let through, and every attempt is accounted for.
            Assert.Equal(1, granted);
            Assert.Equal(threads * attemptsPerThread, granted + rejected);
            Assert.Equal(BreakerState.HalfOpen, breaker.State);
            var probe = probes.Single(p => p.IsProbe);
            if (round % 2 == 0)
            {
                breaker.RecordFailure(probe); // re-open; the next round races again
            }
            else
            {
                breaker.RecordSuccess(probe);
                for (int i = 0; i < 4; i++)
                {
                    Assert.True(breaker.TryAcquire(out var p));
                    breaker.RecordFailure(p);
                }
            }
        }

        // No lost or duplicated transition: the events form one chain, each starting where the last ended.
        Assert.Equal(BreakerState.Open, events[0].To);
        for (int i = 1; i < events.Count; i++)
        {
            Assert.Equal(events[i - 1].To, events[i].From);
        }

        // Per round: Open→HalfOpen then HalfOpen→Open (even) or HalfOpen→Closed→Open (odd); plus the first trip.
        Assert.Equal(1 + rounds * 2 + rounds / 2, events.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    public void Closed_ConcurrentRecords_AddUp(int threads)
    {
        const int perThread = 20_000;
        var time = new FakeTimeProvider(Start);
        var breaker = new ProductionBreaker(Options(ratio: 1, minimum: 1_000_000), time); // never trips

        RunTogether(threads, t =>
        {
            for (int i = 0; i < perThread; i++)
            {
                Assert.True(breaker.TryAcquire(out var permit));
                if (i % 4 == 0)
                {
                    breaker.RecordFailure(permit);
                }
                else
                {
                    breaker.RecordSuccess(permit);
                }
            }
        });

        // Each thread: 20,000 calls, every 4th failed → 5,000 failures and 15,000 successes.
        Assert.Equal(new BreakerHealth(15_000 * threads, 5_000 * threads), breaker.Health());
    }

    [Fact]
    public void Closed_ConcurrentFailures_OpenExactlyOnce()
    {
        var time = new FakeTimeProvider(Start);
        var breaker = new ProductionBreaker(Options(ratio: 0.5, minimum: 10), time);
        int opened = 0;
        breaker.StateChanged += e => Interlocked.Increment(ref opened);

        RunTogether(8, _ =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                if (breaker.TryAcquire(out var permit))
                {
                    breaker.RecordFailure(permit);
                }
            }
        });

        Assert.Equal(BreakerState.Open, breaker.State);
        Assert.Equal(1, opened); // many threads saw the ratio met; one transition
    }
}
