namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The second fix for the leak: counts events per type in fixed time buckets and keeps only the last
/// <see cref="BucketCount"/> buckets, so memory is bounded by buckets × event types, not by events.
/// </summary>
/// <remarks>
/// Use it when rates per type are what the tracker is for (dashboards, alerts); use
/// <see cref="RingBufferEventTracker"/> when the recent events themselves are wanted. An event type
/// is often built from request data, which would make the types (and memory) unbounded again: past
/// <see cref="MaxEventTypesPerBucket"/> distinct types a bucket counts the rest as
/// <see cref="OtherEventType"/>. Events older than the oldest kept bucket are counted only in
/// <see cref="LateEvents"/>. Not thread-safe: one writer.
/// </remarks>
public sealed class BucketedEventCounter : IEventTracker
{
    /// <summary>The type under which a bucket counts events once it holds <see cref="MaxEventTypesPerBucket"/> types.</summary>
    public const string OtherEventType = "(other)";

    private readonly Dictionary<string, long>[] buckets;
    private const double MaxBucketIndex = 4611686018427387904; // 2^62
    private long newestIndex = -1;

    /// <summary>Creates an empty counter.</summary>
    /// <param name="bucketSeconds">The width of one time bucket, in seconds; a finite number &gt; 0.</param>
    /// <param name="bucketCount">How many of the most recent buckets are kept; an integer &gt; 0.</param>
    /// <param name="maxEventTypesPerBucket">How many distinct types one bucket counts separately; an integer &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public BucketedEventCounter(double bucketSeconds, int bucketCount, int maxEventTypesPerBucket = 64)
    {
        BucketSeconds = Guard.PositiveFinite(bucketSeconds, nameof(bucketSeconds));
        BucketCount = Guard.Positive(bucketCount, nameof(bucketCount));
        MaxEventTypesPerBucket = Guard.Positive(maxEventTypesPerBucket, nameof(maxEventTypesPerBucket));
        buckets = new Dictionary<string, long>[bucketCount];
        for (int i = 0; i < bucketCount; i++)
        {
            buckets[i] = new Dictionary<string, long>(StringComparer.Ordinal);
        }
    }

    /// <summary>The width of one time bucket, in seconds.</summary>
    public double BucketSeconds { get; }

    /// <summary>How many of the most recent buckets are kept.</summary>
    public int BucketCount { get; }

    /// <summary>How many distinct types one bucket counts separately before using <see cref="OtherEventType"/>.</summary>
    /// <value>The default is 64.</value>
    public int MaxEventTypesPerBucket { get; }

    /// <summary>Events that arrived for a bucket already dropped (older than the kept window); not counted by type.</summary>
    public long LateEvents { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestampSeconds"/> is negative, NaN or infinite.</exception>
    public void Track(string eventType, double timestampSeconds)
    {
        EventTrackerInput.Validate(eventType, timestampSeconds);
        if (timestampSeconds / BucketSeconds >= MaxBucketIndex)
        {
            throw Guard.OutOfRange(
                nameof(timestampSeconds),
                $"a finite number in [0, {Guard.Format(MaxBucketIndex * BucketSeconds)}) (fewer than 2^62 buckets of {Guard.Format(BucketSeconds)} s)",
                Guard.Format(timestampSeconds));
        }

        long index = (long)Math.Floor(timestampSeconds / BucketSeconds);
        if (index > newestIndex)
        {
            // Implementation note: moving forward recycles the buckets between the old newest and the
            // new one (at most BucketCount of them); Clear keeps each dictionary's storage.
            long firstToClear = Math.Max(newestIndex + 1, index - BucketCount + 1);
            for (long b = firstToClear; b <= index; b++)
            {
                buckets[b % BucketCount].Clear();
            }

            newestIndex = index;
        }
        else if (index <= newestIndex - BucketCount)
        {
            LateEvents++;
            return;
        }

        var counts = buckets[index % BucketCount];
        string key = counts.Count < MaxEventTypesPerBucket || counts.ContainsKey(eventType) ? eventType : OtherEventType;
        counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>The counts in the kept buckets: one row per bucket and type, by bucket then type (ordinal).</summary>
    public IReadOnlyList<EventTypeCount> Counts()
    {
        var rows = new List<EventTypeCount>();
        if (newestIndex < 0)
        {
            return rows;
        }

        for (long b = Math.Max(0, newestIndex - BucketCount + 1); b <= newestIndex; b++)
        {
            foreach (var (type, count) in buckets[b % BucketCount].OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                rows.Add(new EventTypeCount(b, b * BucketSeconds, type, count));
            }
        }

        return rows;
    }
}
