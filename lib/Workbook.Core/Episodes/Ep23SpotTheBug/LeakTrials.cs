using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// The trials of episode 23's leak exercises: the learner's bounded tracker and bounded cache, built through
/// their factories and run on a fixed stream, with the first failing check reported in words.
/// </summary>
/// <remarks>
/// The tracker trial checks (a) content: the last C events, oldest first; (b) retention: an early event is no
/// longer reachable (a weak reference, after a full collection) once C later events have arrived, which does not
/// depend on what other threads allocate; (c) cost: after warm-up, fewer than <see cref="MaxBytesPerEvent"/> bytes
/// allocated per event on this thread (a stack trace per event costs kilobytes). The cache trial checks values,
/// the entry count after every request, and that a key used every <see cref="HotKeyEvery"/> requests is computed
/// once (the LRU promise). A <see cref="NotImplementedException"/> propagates (the checker reports not attempted);
/// other exceptions are reported by the checker as errors.
/// </remarks>
public static class LeakTrials
{
    /// <summary>The most bytes per event a tracker may allocate after warm-up in the trial.</summary>
    public const int MaxBytesPerEvent = 512;

    /// <summary>The cache trial's capacity.</summary>
    public const int CacheCapacity = 100;

    /// <summary>The cache trial asks for the hot key once every this many requests.</summary>
    public const int HotKeyEvery = 50;

    private const int RetentionCapacity = 1_000;
    private const int RetentionEvents = 5_000;
    private const int AllocationEvents = 5_000;
    private const int CacheRequests = 20_000;
    private const string HotKey = "/hot";
    private static readonly string[] SharedTypes = ["page-view", "click", "purchase", "error"];

    /// <summary>Runs the bounded-tracker trial on a factory <c>IRecentEventTracker(int capacity)</c>.</summary>
    /// <param name="factory">The learner's factory.</param>
    /// <returns>Passed, or the first failing check.</returns>
    public static TrialOutcome BoundedTracker(Delegate factory)
    {
        ArgumentNullException.ThrowIfNull(factory);

        // (a) Content, worked by hand: capacity 3 after e1..e2 holds e1, e2; after e1..e10 holds e8, e9, e10; capacity 1 after e1..e5 holds e5.
        foreach (var (capacity, events, expectedFirst) in new[] { (3, 2, 1), (3, 10, 8), (1, 5, 5) })
        {
            var tracker = BuildTracker(factory, capacity);
            for (int i = 1; i <= events; i++)
            {
                tracker.Track(Invariant($"e{i}"), i);
            }

            var expected = Enumerable.Range(expectedFirst, events - expectedFirst + 1).Select(i => new TrackedEvent(i, Invariant($"e{i}"))).ToArray();
            var got = tracker.Snapshot() ?? [];
            if (!got.SequenceEqual(expected))
            {
                return TrialOutcome.Fail(
                    Invariant($"capacity {capacity}, events e1 … e{events} at t = 1 … {events} s, then Snapshot()"),
                    "content",
                    Invariant($"Snapshot() gave {Show(got)}; expected the last {expected.Length}, oldest first: {Show(expected)}."),
                    hint: "Keep the last `capacity` events and return them oldest first: once full, each new event replaces the oldest.");
            }
        }

        // (b) Retention: the first event must be unreachable once capacity later events have pushed it out.
        var retained = BuildTracker(factory, RetentionCapacity);
        var first = TrackUnique(retained);
        for (int i = 1; i <= RetentionEvents; i++)
        {
            retained.Track(SharedTypes[i % SharedTypes.Length], i * 0.001);
        }

        int kept = retained.Snapshot()?.Count ?? 0;
        if (kept != RetentionCapacity)
        {
            return TrialOutcome.Fail(
                Invariant($"capacity {RetentionCapacity:N0}, {RetentionEvents + 1:N0} events"),
                "content",
                Invariant($"Snapshot() holds {kept:N0} events; expected the last {RetentionCapacity:N0}."),
                hint: "Once full, the tracker holds exactly `capacity` events: the newest ones.");
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        if (first.IsAlive)
        {
            return TrialOutcome.Fail(
                Invariant($"capacity {RetentionCapacity:N0}, {RetentionEvents + 1:N0} events, then a full garbage collection"),
                "retains old events",
                Invariant($"the 1st event is still reachable from your tracker after {RetentionEvents:N0} later events: it keeps every event, so its memory grows with the events (the leak)."),
                hint: "Drop the oldest event when a new one arrives at a full tracker (a ring buffer, or a queue you dequeue from): nothing older than the last `capacity` events may stay reachable.");
        }

        // (c) Cost after warm-up: bytes allocated on this thread per event.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= AllocationEvents; i++)
        {
            retained.Track(SharedTypes[i % SharedTypes.Length], 10 + (i * 0.001));
        }

        double perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)AllocationEvents;
        GC.KeepAlive(retained);
        if (perEvent > MaxBytesPerEvent)
        {
            return TrialOutcome.Fail(
                Invariant($"capacity {RetentionCapacity:N0}, {AllocationEvents:N0} events after warm-up"),
                "allocates per event",
                Invariant($"your tracker allocated {perEvent:N0} bytes per event (more than {MaxBytesPerEvent}): it builds something large for every event, such as a stack trace."),
                hint: "Store only the event's time and type (a TrackedEvent): a stack trace is kilobytes of text per event and costs milliseconds to capture.");
        }

        return TrialOutcome.Pass(Invariant(
            $"capacities 3 and 1: last events oldest first; capacity {RetentionCapacity:N0}: an early event released after {RetentionEvents:N0} more, {perEvent:N0} bytes allocated per event"));
    }

    /// <summary>Runs the bounded-cache trial on a factory <c>IRequestCache(int capacity)</c>.</summary>
    /// <param name="factory">The learner's factory.</param>
    /// <returns>Passed, or the first failing check.</returns>
    public static TrialOutcome BoundedCache(Delegate factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var cache = factory.DynamicInvoke(CacheCapacity) as IRequestCache
            ?? throw new InvalidOperationException("The factory returned null or another type, not a new cache implementing IRequestCache.");
        string run = Invariant($"capacity {CacheCapacity}, {CacheRequests:N0} requests with distinct keys, the key {HotKey} every {HotKeyEvery}th");

        int computed = 0;
        string Compute(string key)
        {
            computed++;
            return "value of " + key;
        }

        string firstKey = MemoryGrowthProbe.RequestKey(0);
        string firstValue = cache.GetOrAdd(firstKey, Compute);
        string again = cache.GetOrAdd(firstKey, Compute);
        if (firstValue != "value of " + firstKey || again != firstValue || computed != 1)
        {
            return TrialOutcome.Fail(
                Invariant($"capacity {CacheCapacity}, the key {firstKey} asked for twice"),
                "values",
                Invariant($"got \"{firstValue}\", then \"{again}\", with {computed} calls of compute; expected \"value of {firstKey}\" twice and one call (the second is a hit)."),
                hint: "On a miss call compute(key), store the value and return it; on a hit return the stored value without calling compute.");
        }

        int hotComputed = 0;
        string ComputeHot(string key)
        {
            hotComputed++;
            return "hot value";
        }

        for (int i = 1; i <= CacheRequests; i++)
        {
            if (i % HotKeyEvery == 1)
            {
                int entriesBefore = cache.Count;
                string hot = cache.GetOrAdd(HotKey, ComputeHot);
                if ((hot != "hot value" || hotComputed > 1) && entriesBefore < CacheCapacity / 2 && i > CacheCapacity)
                {
                    return TrialOutcome.Fail(
                        run + Invariant($", request {i:N0}"),
                        "cache emptied",
                        Invariant($"the key {HotKey}, asked for every {HotKeyEvery} requests, had to be computed again at request {i:N0}, and the cache held only {entriesBefore} entries just before: it was emptied, hot keys with cold ones."),
                        hint: "Evict ONE entry when the cache is full, the least recently used, not all of them.");
                }

                if (hot != "hot value" || hotComputed > 1)
                {
                    return TrialOutcome.Fail(
                        run + Invariant($", request {i:N0}"),
                        "hot key evicted",
                        Invariant($"the key {HotKey}, asked for every {HotKeyEvery} requests, had to be computed again at request {i:N0}: it was evicted although only {HotKeyEvery - 1} other keys were used since its last use (capacity {CacheCapacity})."),
                        hint: "Evict the LEAST RECENTLY USED entry: a hit moves the key to the front of the order of use, and a new key at a full cache evicts the one at the back.");
                }
            }

            string key = MemoryGrowthProbe.RequestKey(i);
            string value = cache.GetOrAdd(key, Compute);
            if (value != "value of " + key)
            {
                return TrialOutcome.Fail(run + Invariant($", request {i:N0}"), "values",
                    Invariant($"GetOrAdd(\"{key}\", …) returned \"{value}\"; expected \"value of {key}\"."),
                    hint: "Return the value stored for THIS key (or compute it): a value stored for another key is a wrong answer, not a cache hit.");
            }

            if (cache.Count > CacheCapacity)
            {
                return TrialOutcome.Fail(run + Invariant($", request {i:N0}"), "over capacity",
                    Invariant($"after {i + 2:N0} distinct keys the cache holds {cache.Count:N0} entries, more than its capacity of {CacheCapacity}: it never evicts, so its memory grows with every distinct request (the leak)."),
                    hint: "Before adding a key to a full cache, remove one entry (the least recently used), so Count never exceeds the capacity.");
            }
        }

        return TrialOutcome.Pass(run + Invariant($": never above {CacheCapacity} entries, every value right, the hot key computed once"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference TrackUnique(IEventTracker tracker)
    {
        // A new string no one else refers to: only the tracker can keep it alive.
        string type = new StringBuilder("first-event-").Append(Environment.CurrentManagedThreadId).ToString();
        tracker.Track(type, 0);
        return new WeakReference(type);
    }

    private static IRecentEventTracker BuildTracker(Delegate factory, int capacity) =>
        factory.DynamicInvoke(capacity) as IRecentEventTracker
            ?? throw new InvalidOperationException("The factory returned null or another type, not a new tracker implementing IRecentEventTracker.");

    private static string Show(IReadOnlyList<TrackedEvent> events) =>
        events.Count == 0 ? "nothing" : string.Join(", ", events.Select(e => Invariant($"{e.EventType} at {e.TimestampSeconds:0.###} s")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
