using System.Collections.Concurrent;

namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The leak in a cache: a <see cref="ConcurrentDictionary{TKey, TValue}"/> filled with <c>GetOrAdd</c>
/// and keyed by request data, so every distinct request adds an entry that is never removed.
/// </summary>
/// <remarks>
/// Thread-safe and fast, which is why it is written so often; with keys from a bounded set (enum
/// values, tenant ids) it is fine. With keys from request data (query strings, user ids, URLs) its
/// memory grows with the number of distinct requests ever seen. The fix is <see cref="LruRequestCache"/>.
/// </remarks>
public sealed class UnboundedRequestCache : IRequestCache
{
    private readonly ConcurrentDictionary<string, string> entries = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public int Count => entries.Count;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="compute"/> is null.</exception>
    public string GetOrAdd(string key, Func<string, string> compute)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        return entries.GetOrAdd(key, compute);
    }
}
