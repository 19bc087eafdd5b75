using System.Globalization;

namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// Feeds a tracker a stream of events and samples the managed heap after a full collection every
/// few events, to show whether the tracker's retained memory grows with the events or stays bounded.
/// </summary>
/// <remarks>
/// The events cycle through four types ("page-view", "click", "purchase", "error"), one every
/// <c>secondsPerEvent</c> of logical time, so the only memory that can grow is what the tracker keeps.
/// <see cref="GC.GetTotalMemory(bool)"/> counts the whole process's heap: run it where no other thread
/// allocates and retains, or treat small differences as noise (the notebook prints a control; the tests of
/// boundedness measure a structure by letting go of it instead).
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
    public static MemoryGrowth Measure(Func<IEventTracker> createTracker, int events, int sampleEvery, double secondsPerEvent = 0.001) =>
        Measure(createTracker, Every(events, nameof(events), sampleEvery), secondsPerEvent);

    /// <summary>Creates a tracker, feeds it events and samples the heap at 0 events and after each count in <paramref name="sampleAt"/>.</summary>
    /// <param name="createTracker">Creates the tracker to measure (called once, after the baseline is taken).</param>
    /// <param name="sampleAt">Event counts to sample after; strictly increasing integers &gt; 0 (the last is the number of events fed).</param>
    /// <param name="secondsPerEvent">Logical time between events, in seconds; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleAt"/> is empty, not increasing or not positive; or <paramref name="secondsPerEvent"/> is out of range.</exception>
    public static MemoryGrowth Measure(Func<IEventTracker> createTracker, IReadOnlyList<int> sampleAt, double secondsPerEvent = 0.001)
    {
        ArgumentNullException.ThrowIfNull(createTracker);
        ValidateSamplePoints(sampleAt);
        Guard.PositiveFinite(secondsPerEvent, nameof(secondsPerEvent));
        return Run(() =>
        {
            var tracker = createTracker();
            return (i => tracker.Track(EventTypes[i % EventTypes.Length], i * secondsPerEvent), tracker);
        }, sampleAt);
    }

    /// <summary>Creates a cache, sends it <paramref name="requests"/> requests with distinct keys and samples the heap every <paramref name="sampleEvery"/> requests.</summary>
    /// <param name="createCache">Creates the cache to measure (called once, after the baseline is taken).</param>
    /// <param name="requests">How many requests to send; an integer &gt; 0.</param>
    /// <param name="sampleEvery">Requests between samples; an integer in [1, <paramref name="requests"/>].</param>
    /// <exception cref="ArgumentNullException"><paramref name="createCache"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public static MemoryGrowth MeasureCache(Func<IRequestCache> createCache, int requests, int sampleEvery) =>
        MeasureCache(createCache, Every(requests, nameof(requests), sampleEvery));

    /// <summary>Creates a cache, sends it requests with distinct keys and samples the heap at 0 requests and after each count in <paramref name="sampleAt"/>.</summary>
    /// <param name="createCache">Creates the cache to measure (called once, after the baseline is taken).</param>
    /// <param name="sampleAt">Request counts to sample after; strictly increasing integers &gt; 0.</param>
    /// <remarks>Request i has the key <c>/search?q=i</c> (a new string each time) and the value is one shared string, so what grows is keys and entries.</remarks>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleAt"/> is empty, not increasing or not positive.</exception>
    public static MemoryGrowth MeasureCache(Func<IRequestCache> createCache, IReadOnlyList<int> sampleAt)
    {
        ArgumentNullException.ThrowIfNull(createCache);
        ValidateSamplePoints(sampleAt);
        return Run(() =>
        {
            var cache = createCache();
            return (i => cache.GetOrAdd(RequestKey(i), ComputeResponse), cache);
        }, sampleAt);
    }

    /// <summary>The key of request <paramref name="i"/> in <see cref="MeasureCache(Func{IRequestCache}, IReadOnlyList{int})"/>: <c>/search?q=i</c>.</summary>
    /// <param name="i">The request number.</param>
    /// <returns>A new string.</returns>
    public static string RequestKey(int i) => string.Create(CultureInfo.InvariantCulture, $"/search?q={i}");

    private const string Response = "cached response";

    private static string ComputeResponse(string key) => Response;

    private static MemoryGrowth Run(Func<(Action<int> Step, object Target)> create, IReadOnlyList<int> sampleAt)
    {
        // Implementation note: the sample list is sized before the baseline so its growth is not
        // counted as the measured structure's.
        var samples = new List<MemorySample>(sampleAt.Count + 1);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        var (step, target) = create();
        samples.Add(Sample(0, baseline));
        int i = 0;
        foreach (int until in sampleAt)
        {
            while (i < until)
            {
                step(++i);
            }

            samples.Add(Sample(i, baseline));
        }

        GC.KeepAlive(target);
        return new MemoryGrowth(baseline, samples);
    }

    private static int[] Every(int total, string totalName, int sampleEvery)
    {
        Guard.Positive(total, totalName);
        Guard.Positive(sampleEvery, nameof(sampleEvery));
        if (sampleEvery > total)
        {
            throw Guard.OutOfRange(nameof(sampleEvery), $"an integer in [1, {total}] (at most {totalName})", sampleEvery.ToString(CultureInfo.InvariantCulture));
        }

        return [.. Enumerable.Range(1, total / sampleEvery).Select(k => k * sampleEvery)];
    }

    private static void ValidateSamplePoints(IReadOnlyList<int> sampleAt)
    {
        ArgumentNullException.ThrowIfNull(sampleAt);
        for (int k = 0; k < sampleAt.Count; k++)
        {
            if (sampleAt[k] <= 0 || (k > 0 && sampleAt[k] <= sampleAt[k - 1]))
            {
                throw Guard.OutOfRange(nameof(sampleAt), "strictly increasing integers > 0", $"{sampleAt[k].ToString(CultureInfo.InvariantCulture)} at position {k}");
            }
        }

        if (sampleAt.Count == 0)
        {
            throw Guard.OutOfRange(nameof(sampleAt), "at least one sample point", "an empty list");
        }
    }

    private static MemorySample Sample(long events, long baseline)
    {
        long total = GC.GetTotalMemory(forceFullCollection: true);
        return new MemorySample(events, total, total - baseline);
    }
}
