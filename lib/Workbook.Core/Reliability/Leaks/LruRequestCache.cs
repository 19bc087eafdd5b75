using System.Globalization;

namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The fix for <see cref="UnboundedRequestCache"/>: holds at most <see cref="Capacity"/> entries and,
/// when a new key arrives at a full cache, evicts the least recently used one (LRU).
/// </summary>
/// <remarks>
/// LRU promises something simple to state and to test: a key used within the last <see cref="Capacity"/>
/// distinct keys is still cached, so a hot key survives any stream of one-off keys (CLOCK only
/// approximates this; clearing the whole cache when full breaks it). A dictionary finds an entry and a
/// linked list keeps the order of use, both behind one lock; the value is computed outside the lock, so
/// two threads missing the same key may both compute it (as <c>ConcurrentDictionary.GetOrAdd</c> may).
/// One lock is a bottleneck at high core counts: production caches (BitFaster.Caching's
/// <c>ConcurrentLru</c>, <c>MemoryCache</c> with a <c>SizeLimit</c>) split or defer the bookkeeping.
/// </remarks>
public sealed class LruRequestCache : IRequestCache
{
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, string>>> index;
    private readonly LinkedList<KeyValuePair<string, string>> byRecency = new(); // most recently used first
    private readonly Lock gate = new();

    /// <summary>Creates an empty cache that holds at most <paramref name="capacity"/> entries.</summary>
    /// <param name="capacity">The most entries held at once; an integer &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public LruRequestCache(int capacity)
    {
        Capacity = Guard.Positive(capacity, nameof(capacity));
        index = new Dictionary<string, LinkedListNode<KeyValuePair<string, string>>>(Math.Min(capacity, 1 << 16), StringComparer.Ordinal);
    }

    /// <summary>The most entries held at once.</summary>
    public int Capacity { get; }

    /// <inheritdoc/>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return index.Count;
            }
        }
    }

    /// <summary>How many entries were evicted to make room, in all.</summary>
    public long Evictions { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="compute"/> is null.</exception>
    public string GetOrAdd(string key, Func<string, string> compute)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        lock (gate)
        {
            if (index.TryGetValue(key, out var hit))
            {
                MoveToFront(hit);
                return hit.Value.Value;
            }
        }

        string value = compute(key);
        lock (gate)
        {
            if (index.TryGetValue(key, out var raced))
            {
                // Another thread added the key while this one computed: keep the first value.
                MoveToFront(raced);
                return raced.Value.Value;
            }

            LinkedListNode<KeyValuePair<string, string>> node;
            if (index.Count == Capacity)
            {
                // Implementation note: the evicted node is reused for the new entry, so a full cache
                // allocates no list nodes.
                node = byRecency.Last!;
                byRecency.RemoveLast();
                index.Remove(node.Value.Key);
                Evictions++;
                node.Value = new KeyValuePair<string, string>(key, value);
            }
            else
            {
                node = new LinkedListNode<KeyValuePair<string, string>>(new KeyValuePair<string, string>(key, value));
            }

            byRecency.AddFirst(node);
            index.Add(key, node);
            return value;
        }
    }

    /// <summary>Looks a key up without computing anything and without counting it as a use.</summary>
    /// <param name="key">The key; not null.</param>
    /// <returns>The cached value, or a reason why there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public CacheLookup Peek(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            return index.TryGetValue(key, out var node)
                ? CacheLookup.Found(node.Value.Value)
                : CacheLookup.Missing(string.Create(CultureInfo.InvariantCulture,
                    $"'{key}' is not cached: never added, or evicted as the least recently used of {Capacity} entries."));
        }
    }

    /// <summary>The cached keys from least to most recently used: the first is the next to be evicted.</summary>
    public IReadOnlyList<string> KeysLeastRecentFirst()
    {
        lock (gate)
        {
            var keys = new List<string>(index.Count);
            for (var node = byRecency.Last; node is not null; node = node.Previous)
            {
                keys.Add(node.Value.Key);
            }

            return keys;
        }
    }

    private void MoveToFront(LinkedListNode<KeyValuePair<string, string>> node)
    {
        if (node != byRecency.First)
        {
            byRecency.Remove(node);
            byRecency.AddFirst(node);
        }
    }
}
