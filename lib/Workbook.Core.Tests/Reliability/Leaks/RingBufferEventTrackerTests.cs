using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

public class RingBufferEventTrackerTests
{
    [Fact]
    public void KeepsExactlyTheLastCapacityEvents_OldestFirst()
    {
        var tracker = new RingBufferEventTracker(capacity: 3);
        string[] types = ["a", "b", "c", "d", "e"];
        for (int i = 0; i < types.Length; i++)
        {
            tracker.Track(types[i], timestampSeconds: i + 1);
        }

        // Hand-worked: 5 events into 3 slots; a (t=1) and b (t=2) were overwritten, c d e remain in order.
        Assert.Equal([new TrackedEvent(3, "c"), new TrackedEvent(4, "d"), new TrackedEvent(5, "e")], tracker.Snapshot());
        Assert.Equal(3, tracker.Count);
        Assert.Equal(5, tracker.TotalTracked);
    }

    [Fact]
    public void BeforeItIsFull_KeepsEveryEvent_OldestFirst()
    {
        var tracker = new RingBufferEventTracker(capacity: 4);
        tracker.Track("x", 0.5);
        tracker.Track("y", 1.5);

        Assert.Equal([new TrackedEvent(0.5, "x"), new TrackedEvent(1.5, "y")], tracker.Snapshot());
        Assert.Empty(new RingBufferEventTracker(2).Snapshot());
    }

    [Fact]
    public void WrapsExactlyAtCapacity_AndAfterSeveralLaps()
    {
        var tracker = new RingBufferEventTracker(capacity: 2);
        tracker.Track("p", 1);
        tracker.Track("q", 2);
        Assert.Equal([new TrackedEvent(1, "p"), new TrackedEvent(2, "q")], tracker.Snapshot());

        for (int i = 3; i <= 7; i++)
        {
            tracker.Track("r" + i, i);
        }

        // Hand-worked: 7 events, capacity 2: the last two are r6 (t=6) then r7 (t=7).
        Assert.Equal([new TrackedEvent(6, "r6"), new TrackedEvent(7, "r7")], tracker.Snapshot());
    }

    [Fact]
    public void CapacityOne_KeepsOnlyTheNewest()
    {
        var tracker = new RingBufferEventTracker(capacity: 1);
        tracker.Track("old", 1);
        tracker.Track("new", 2);
        Assert.Equal([new TrackedEvent(2, "new")], tracker.Snapshot());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void RejectsCapacityNotPositive(int capacity) =>
        BadInput.Rejects(() => new RingBufferEventTracker(capacity), "capacity", "an integer > 0");

    [Fact]
    public void RejectsBlankTypeAndBadTimestamps()
    {
        var tracker = new RingBufferEventTracker(4);
        BadInput.RejectsArgument(() => tracker.Track(" ", 1), "eventType", "must contain text");
        BadInput.Rejects(() => tracker.Track("a", -1), "timestampSeconds", "a finite number >= 0");
        BadInput.Rejects(() => tracker.Track("a", double.NaN), "timestampSeconds", "a finite number >= 0");
        BadInput.Rejects(() => tracker.Track("a", double.PositiveInfinity), "timestampSeconds", "a finite number >= 0");
        Assert.Equal(0, tracker.TotalTracked);
    }
}
