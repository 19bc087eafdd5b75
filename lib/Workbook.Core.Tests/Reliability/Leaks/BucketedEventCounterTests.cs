using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

public class BucketedEventCounterTests
{
    [Fact]
    public void CountsPerTypePerBucket()
    {
        var counter = new BucketedEventCounter(bucketSeconds: 10, bucketCount: 3);
        // Bucket 0 = [0, 10): click at 0, 9.99; view at 5. Bucket 1 = [10, 20): click at 10. Bucket 2 = [20, 30): view at 25, 29.
        counter.Track("click", 0);
        counter.Track("view", 5);
        counter.Track("click", 9.99);
        counter.Track("click", 10);
        counter.Track("view", 25);
        counter.Track("view", 29);

        Assert.Equal(
            [
                new EventTypeCount(0, 0, "click", 2),
                new EventTypeCount(0, 0, "view", 1),
                new EventTypeCount(1, 10, "click", 1),
                new EventTypeCount(2, 20, "view", 2),
            ],
            counter.Counts());
    }

    [Fact]
    public void MovingPastTheWindow_DropsTheOldestBuckets_AndCountsLateEvents()
    {
        var counter = new BucketedEventCounter(bucketSeconds: 1, bucketCount: 2);
        counter.Track("a", 0.5);  // bucket 0
        counter.Track("a", 1.5);  // bucket 1
        counter.Track("b", 2.5);  // bucket 2: bucket 0 is dropped (keeps 1 and 2)
        counter.Track("a", 0.9);  // bucket 0 is gone: late
        counter.Track("b", 1.1);  // bucket 1 is kept: counted there

        Assert.Equal(
            [new EventTypeCount(1, 1, "a", 1), new EventTypeCount(1, 1, "b", 1), new EventTypeCount(2, 2, "b", 1)],
            counter.Counts());
        Assert.Equal(1, counter.LateEvents);

        counter.Track("c", 10.2); // bucket 10: a jump longer than the window clears both kept buckets
        Assert.Equal([new EventTypeCount(10, 10, "c", 1)], counter.Counts());
    }

    [Fact]
    public void PastTheTypeLimit_CountsTheRestAsOther()
    {
        var counter = new BucketedEventCounter(bucketSeconds: 1, bucketCount: 1, maxEventTypesPerBucket: 2);
        foreach (string type in new[] { "u1", "u2", "u3", "u1", "u4" })
        {
            counter.Track(type, 0);
        }

        // Hand-worked: u1 and u2 fill the two slots; u3 and u4 go to "(other)"; the second u1 is still u1.
        Assert.Equal(
            [
                new EventTypeCount(0, 0, BucketedEventCounter.OtherEventType, 2),
                new EventTypeCount(0, 0, "u1", 2),
                new EventTypeCount(0, 0, "u2", 1),
            ],
            counter.Counts());
    }

    [Fact]
    public void Empty_HasNoCounts() => Assert.Empty(new BucketedEventCounter(1, 1).Counts());

    [Fact]
    public void RejectsBadOptionsAndTimestamps()
    {
        BadInput.Rejects(() => new BucketedEventCounter(0, 1), "bucketSeconds", "a finite number > 0");
        BadInput.Rejects(() => new BucketedEventCounter(double.NaN, 1), "bucketSeconds", "a finite number > 0");
        BadInput.Rejects(() => new BucketedEventCounter(1, 0), "bucketCount", "an integer > 0");
        BadInput.Rejects(() => new BucketedEventCounter(1, 1, 0), "maxEventTypesPerBucket", "an integer > 0");
        var counter = new BucketedEventCounter(1e-3, 1);
        BadInput.Rejects(() => counter.Track("a", -0.5), "timestampSeconds", "a finite number >= 0");
        BadInput.Rejects(() => counter.Track("a", 1e300), "timestampSeconds", "fewer than 2^62 buckets");
    }
}
