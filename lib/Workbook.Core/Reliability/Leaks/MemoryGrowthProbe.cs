namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// Feeds a tracker a stream of events and samples the managed heap after a full collection every
/// few events, to show whether the tracker's retained memory grows with the events or stays bounded.
/// </summary>
/// <remarks>
/// The events cycle through four types ("page-view", "click", "purchase", "error"), one every
/// <c>secondsPerEvent</c> of logical time, so the only memory that can grow is what the tracker keeps.
/// <see cref="GC.GetTotalMemory(bool)"/> counts the whole process's heap: run it where no other thread
/// allocates and retains (tests put it in a collection that does not run in parallel).
/// </remarks>
public static class MemoryGrowthProbe
{
    private static readonly string[] EventTypes = ["page-view", "click", "purchase", "error"];

    /// <summary>Creates a tracker, feeds it <paramref name="events"/> events and samples the heap every <paramref name="sampleEvery"/> events.</summary>
    /// <param name="createTracker">Creates the tracker to measure (called once, after the baseline is taken).</param>
    /// <param name="events">How many events to feed; an integer &gt; 0.</param>
    /// <param name="sampleEvery">Events between samples; an integer in [1, <paramref name="events"/>].</param>
    /// <param name="secondsPerEvent">Logical time between events, in seconds; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentNullException"><paramref name="createTracker"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public static MemoryGrowth Measure(Func<IEventTracker> createTracker, int events, int sampleEvery, double secondsPerEvent = 0.001)
    {
        ArgumentNullException.ThrowIfNull(createTracker);
        Guard.Positive(events, nameof(events));
        Guard.Positive(sampleEvery, nameof(sampleEvery));
        if (sampleEvery > events)
        {
            throw Guard.OutOfRange(nameof(sampleEvery), $"an integer in [1, {events}] (at most {nameof(events)})", sampleEvery.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Guard.PositiveFinite(secondsPerEvent, nameof(secondsPerEvent));

        // Implementation note: the sample list is sized before the baseline so its growth is not
        // counted as the tracker's.
        var samples = new List<MemorySample>((events / sampleEvery) + 2);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        var tracker = createTracker();
        samples.Add(Sample(0, baseline));
        for (int i = 1; i <= events; i++)
        {
            tracker.Track(EventTypes[i % EventTypes.Length], i * secondsPerEvent);
            if (i % sampleEvery == 0)
            {
                samples.Add(Sample(i, baseline));
            }
        }

        GC.KeepAlive(tracker);
        return new MemoryGrowth(baseline, samples);
    }

    private static MemorySample Sample(long events, long baseline)
    {
        long total = GC.GetTotalMemory(forceFullCollection: true);
        return new MemorySample(events, total, total - baseline);
    }
}
