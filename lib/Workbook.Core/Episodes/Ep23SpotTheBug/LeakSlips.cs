using System.Collections.Concurrent;
using System.Diagnostics;
using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>A tracker that appends every event to a list and shows the last <c>capacity</c>: looks bounded, leaks.</summary>
internal sealed class ListBackedTracker(int capacity) : IRecentEventTracker
{
    private readonly List<TrackedEvent> events = [];

    public int Capacity => capacity;

    public void Track(string eventType, double timestampSeconds) => events.Add(new TrackedEvent(timestampSeconds, eventType));

    public IReadOnlyList<TrackedEvent> Snapshot() => events.Skip(Math.Max(0, events.Count - capacity)).ToArray();
}

/// <summary>A ring buffer that still captures a stack trace per event (the seed's bug 1, bounded).</summary>
internal sealed class StackKeepingTracker(int capacity) : IRecentEventTracker
{
    private readonly RingBufferEventTracker ring = new(capacity);
    private readonly string[] stacks = new string[capacity];
    private int next;

    public int Capacity => capacity;

    public void Track(string eventType, double timestampSeconds)
    {
        ring.Track(eventType, timestampSeconds);
        stacks[next] = new StackTrace(1, false).ToString();
        next = (next + 1) % capacity;
    }

    public IReadOnlyList<TrackedEvent> Snapshot() => ring.Snapshot();
}

/// <summary>A ring buffer whose snapshot lists the newest event first.</summary>
internal sealed class NewestFirstTracker(int capacity) : IRecentEventTracker
{
    private readonly RingBufferEventTracker ring = new(capacity);

    public int Capacity => capacity;

    public void Track(string eventType, double timestampSeconds) => ring.Track(eventType, timestampSeconds);

    public IReadOnlyList<TrackedEvent> Snapshot() => ring.Snapshot().Reverse().ToArray();
}

/// <summary>A cache that empties itself when full: bounded, but the hot key is lost at every clear.</summary>
internal sealed class ClearWhenFullCache(int capacity) : IRequestCache
{
    private readonly ConcurrentDictionary<string, string> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public string GetOrAdd(string key, Func<string, string> compute)
    {
        if (!entries.ContainsKey(key) && entries.Count >= capacity)
        {
            entries.Clear();
        }

        return entries.GetOrAdd(key, compute);
    }
}

/// <summary>A cache that evicts the oldest INSERTED key (first in, first out), ignoring use.</summary>
internal sealed class FifoCache(int capacity) : IRequestCache
{
    private readonly Dictionary<string, string> entries = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public string GetOrAdd(string key, Func<string, string> compute)
    {
        lock (gate)
        {
            if (entries.TryGetValue(key, out var hit))
            {
                return hit;
            }

            if (entries.Count == capacity)
            {
                entries.Remove(order.Dequeue());
            }

            string value = compute(key);
            entries.Add(key, value);
            order.Enqueue(key);
            return value;
        }
    }
}
