using Workbook.Core.Exercises;
using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// Episode 23's exercises for the leak: how many bytes a tracker keeps (cases), and a bounded tracker and a
/// bounded cache written by the learner and checked by a trial (<see cref="LeakTrials"/>) through their factories.
/// </summary>
public static class Episode23LeakExercises
{
    /// <summary>The exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep23.leak-bytes",
            Title = "How many bytes does the tracker keep after n events?",
            Track = Track.Beginner,
            Signature = "long RetainedBytes(long events, int capacity, int stackChars, int overheadBytes)",
            Reference = (Func<long, int, int, int, long>)RetainedBytes,
            Cases =
            [
                [2_000L, int.MaxValue, 21_200, 75],
                [10_000_000L, int.MaxValue, 21_200, 75],
                [10_000_000L, 10_000, 0, 16],
                [5_000L, 10_000, 0, 16],
                [0L, 100, 500, 40],
                [1_000L, 1_000, 500, 40],
                [1_001L, 1_000, 3_000, 100],
                [3L, int.MaxValue, 0, 40],
            ],
            Hints =
            [
                "The tracker keeps min(events, capacity) events (capacity = int.MaxValue is the seed's tracker: no bound). Each kept event holds its " +
                "stack trace, stackChars characters of UTF-16 text at 2 bytes each, plus overheadBytes of bookkeeping. Multiply in long: 10 M events " +
                "of 42,475 bytes each (a stack of 21,200 chars, as in the check's cases) is more than int can hold.",
            ],
            KnownMistakes =
            [
                new("one byte per char", (Func<long, int, int, int, long>)((n, c, s, o) => Math.Min(n, c) * ((long)s + o)),
                    ".NET strings are UTF-16: each char takes 2 bytes, so a stack trace of 21,200 chars is 42,400 bytes."),
                new("every event counted", (Func<long, int, int, int, long>)((n, c, s, o) => n * ((2L * s) + o)),
                    "A bounded tracker keeps only the last `capacity` events: count min(events, capacity), not every event tracked."),
                new("int arithmetic", (Func<long, int, int, int, long>)((n, c, s, o) => unchecked((int)Math.Min(n, c) * ((2 * s) + o))),
                    "The product overflowed int (more than 2,147,483,647 bytes): 10 M events × 42,475 bytes is 4.2 × 10¹¹. Compute in long."),
            ],
        },
        new()
        {
            Id = "ep23.bounded-tracker",
            Title = "Fix the tracker: keep the last C events, nothing more",
            Track = Track.Intermediate,
            Signature = "IRecentEventTracker NewBoundedTracker(int capacity)",
            Reference = (Func<int, IRecentEventTracker>)(capacity => new RingBufferEventTracker(capacity)),
            Cases = [],
            Hints =
            [
                "Preallocate an array of `capacity` TrackedEvent slots and an index of the next slot to write. Track writes the event (time and type, " +
                "no stack trace) there and advances the index, wrapping to 0; count events up to capacity. Snapshot copies the kept events oldest " +
                "first: from slot 0 while not full, from the next slot to write once full.",
            ],
            KnownMistakes =
            [
                new("a list that only looks bounded", (Func<int, IRecentEventTracker>)(capacity => new ListBackedTracker(capacity)),
                    "Showing only the last `capacity` events is not enough: the list still holds every event ever tracked. Overwrite (or dequeue) the oldest."),
                new("still keeps a stack trace", (Func<int, IRecentEventTracker>)(capacity => new StackKeepingTracker(capacity)),
                    "Bounded, but each event still captures a stack trace: kilobytes of text per event, times the capacity, and a slow Track. Keep the time and the type only."),
                new("newest first", (Func<int, IRecentEventTracker>)(capacity => new NewestFirstTracker(capacity)),
                    "Snapshot lists the events oldest first, as they happened: start at the oldest kept slot (the next one to overwrite, once full)."),
            ],
            Trial = LeakTrials.BoundedTracker,
            TimeLimit = TimeSpan.FromSeconds(20),
        },
        new()
        {
            Id = "ep23.bounded-cache",
            Title = "Fix the cache: at most C entries, the least recently used evicted",
            Track = Track.Intermediate,
            Signature = "IRequestCache NewBoundedCache(int capacity)",
            Reference = (Func<int, IRequestCache>)(capacity => new LruRequestCache(capacity)),
            Cases = [],
            Hints =
            [
                "Keep a Dictionary<string, LinkedListNode<…>> to find entries and a LinkedList in order of use (most recent first), both behind one lock. " +
                "A hit moves the node to the front and returns its value; a miss computes the value, and if the cache is full removes the last node " +
                "(the least recently used) from the list and the dictionary before adding the new one at the front.",
            ],
            KnownMistakes =
            [
                new("ConcurrentDictionary without eviction", (Func<int, IRequestCache>)(capacity => new UnboundedRequestCache()),
                    "GetOrAdd on a ConcurrentDictionary never removes anything: with keys from request data every distinct request adds an entry forever. Evict when full."),
                new("clear everything when full", (Func<int, IRequestCache>)(capacity => new ClearWhenFullCache(capacity)),
                    "Emptying the whole cache when it is full keeps it bounded but throws away the hot keys with the cold ones: every clear is a burst of misses. Evict one entry, the least recently used."),
                new("first in, first out", (Func<int, IRequestCache>)(capacity => new FifoCache(capacity)),
                    "Evicting the oldest INSERTED key ignores use: a key asked for all the time is evicted `capacity` insertions after it was added. A hit must move the key to the front."),
            ],
            Trial = LeakTrials.BoundedCache,
            TimeLimit = TimeSpan.FromSeconds(20),
        },
    ];

    /// <summary>Reference of <c>ep23.leak-bytes</c>: min(n, C) kept events × (2 bytes per UTF-16 char + overhead).</summary>
    internal static long RetainedBytes(long events, int capacity, int stackChars, int overheadBytes) =>
        Math.Min(events, capacity) * ((2L * stackChars) + overheadBytes);
}
