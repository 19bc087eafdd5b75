namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The first fix for the leak: keeps only the last <see cref="Capacity"/> events (time and type, no
/// stack trace) in a fixed array, overwriting the oldest, so its memory is set at construction.
/// </summary>
/// <remarks>
/// The seed's fix, <c>deque(maxlen=...)</c>, in C#. Use it when the recent events themselves are
/// wanted (a debugging trail); use <see cref="BucketedEventCounter"/> when only rates per type are.
/// Not thread-safe: one writer, as in the seed.
/// </remarks>
public sealed class RingBufferEventTracker : IRecentEventTracker
{
    private readonly TrackedEvent[] slots;
    private int next;

    /// <summary>Creates an empty tracker that keeps at most <paramref name="capacity"/> events.</summary>
    /// <param name="capacity">How many of the most recent events are kept; an integer &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public RingBufferEventTracker(int capacity)
    {
        Capacity = Guard.Positive(capacity, nameof(capacity));
        slots = new TrackedEvent[capacity];
    }

    /// <summary>The most events kept at once.</summary>
    public int Capacity { get; }

    /// <summary>How many events are kept now: the number tracked, up to <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    /// <summary>How many events were tracked in all, including those overwritten.</summary>
    public long TotalTracked { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestampSeconds"/> is negative, NaN or infinite.</exception>
    public void Track(string eventType, double timestampSeconds)
    {
        EventTrackerInput.Validate(eventType, timestampSeconds);
        slots[next] = new TrackedEvent(timestampSeconds, eventType);
        next = next + 1 == slots.Length ? 0 : next + 1;
        Count = Math.Min(Count + 1, Capacity);
        TotalTracked++;
    }

    /// <summary>The events kept now, oldest first (a copy).</summary>
    public IReadOnlyList<TrackedEvent> Snapshot()
    {
        var result = new TrackedEvent[Count];
        // Implementation note: while the buffer is not full the oldest event is in slot 0; once it
        // is full the oldest is the slot the next event will overwrite.
        int oldest = Count < Capacity ? 0 : next;
        for (int i = 0; i < Count; i++)
        {
            result[i] = slots[(oldest + i) % Capacity];
        }

        return result;
    }
}
