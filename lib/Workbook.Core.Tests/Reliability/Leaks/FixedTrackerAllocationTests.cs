using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

public class FixedTrackerAllocationTests
{
    private static readonly string[] Types = ["page-view", "click", "purchase", "error"];

    private static long AllocatedByFeeding(IEventTracker tracker, int events)
    {
        // Warm up (JIT, first use of every slot and bucket) with the same timestamps, then measure a second pass later in time.
        Feed(tracker, events, offsetSeconds: 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Feed(tracker, events, offsetSeconds: events * 0.001);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Feed(IEventTracker tracker, int events, double offsetSeconds)
    {
        for (int i = 0; i < events; i++)
        {
            tracker.Track(Types[i % Types.Length], offsetSeconds + (i * 0.001));
        }
    }

    [Fact]
    public void RingBuffer_AllocatesNothingPerEvent_AfterWarmUp() =>
        Assert.Equal(0, AllocatedByFeeding(new RingBufferEventTracker(1_000), 200_000));

    [Fact]
    public void BucketedCounter_AllocatesNothingPerEvent_AfterWarmUp() =>
        Assert.Equal(0, AllocatedByFeeding(new BucketedEventCounter(bucketSeconds: 1, bucketCount: 60), 200_000));

    [Fact]
    public void UnboundedTracker_AllocatesAtLeastItsStackTracePerEvent()
    {
        var tracker = new UnboundedEventTracker();
        tracker.Track("warm", 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 50; i++)
        {
            tracker.Track("click", i);
        }

        long perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / 50;
        // Property: each event allocates at least the stack string it keeps (2 bytes per char).
        Assert.True(perEvent >= 2 * tracker.Events[^1].StackTrace.Length, $"{perEvent} B/event");
    }
}
