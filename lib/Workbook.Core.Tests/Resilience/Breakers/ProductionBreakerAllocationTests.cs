using Microsoft.Extensions.Time.Testing;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

public class ProductionBreakerAllocationTests
{
    private static long AllocatedBy(Action action)
    {
        action(); // warm up: JIT and first-use allocations are not the closed path's
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void ClosedSuccessPath_AllocatesNothing_FakeClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var breaker = new ProductionBreaker(new ProductionBreakerOptions(0.5, 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), time);

        long bytes = AllocatedBy(() =>
        {
            for (int i = 0; i < 100_000; i++)
            {
                breaker.TryAcquire(out var permit);
                breaker.RecordSuccess(permit);
            }
        });

        Assert.Equal(0, bytes);
        Assert.Equal(BreakerState.Closed, breaker.State);
    }

    [Fact]
    public void ClosedPath_WithSomeFailuresAndBucketTurnover_AllocatesNothing_SystemClock()
    {
        // 0.5 s sampling = 50 ms buckets on the real clock, so the loop also recycles buckets.
        var options = new ProductionBreakerOptions(0.5, 100, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        var breaker = new ProductionBreaker(options, TimeProvider.System);

        long bytes = AllocatedBy(() =>
        {
            for (int i = 0; i < 200_000; i++)
            {
                breaker.TryAcquire(out var permit);
                if (i % 10 == 0)
                {
                    breaker.RecordFailure(permit); // 10 % failed < 50 %: stays closed
                }
                else
                {
                    breaker.RecordSuccess(permit);
                }
            }
        });

        Assert.Equal(0, bytes);
        Assert.Equal(BreakerState.Closed, breaker.State);
    }
}
