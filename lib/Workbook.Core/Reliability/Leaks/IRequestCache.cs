namespace Workbook.Core.Reliability.Leaks;

/// <summary>A cache of computed responses keyed by request data (for example a query string), as a request handler uses it.</summary>
/// <remarks>
/// <see cref="UnboundedRequestCache"/> is the leak (one entry per distinct key, forever);
/// <see cref="LruRequestCache"/> is the fix (at most a stated number of entries, the least recently used evicted).
/// </remarks>
public interface IRequestCache
{
    /// <summary>How many entries the cache holds now.</summary>
    int Count { get; }

    /// <summary>Returns the cached value for <paramref name="key"/>, or computes it with <paramref name="compute"/>, caches it and returns it.</summary>
    /// <param name="key">The request data the value depends on; not null.</param>
    /// <param name="compute">Computes the value on a miss; not null.</param>
    /// <returns>The value for <paramref name="key"/>.</returns>
    string GetOrAdd(string key, Func<string, string> compute);
}
