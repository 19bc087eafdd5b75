namespace Workbook.Core.Reliability.Leaks;

/// <summary>What <see cref="LruRequestCache.Peek"/> found: the cached value, or why there is none.</summary>
/// <remarks>The library's "no answer" convention: <see cref="HasValue"/> with a <see cref="Reason"/>, never null.</remarks>
public sealed record CacheLookup
{
    private CacheLookup(bool hasValue, string value, string reason) => (HasValue, Value, Reason) = (hasValue, value, reason);

    /// <summary>Whether the key is cached.</summary>
    public bool HasValue { get; }

    /// <summary>The cached value; empty when <see cref="HasValue"/> is false.</summary>
    public string Value { get; }

    /// <summary>Why there is no value (empty when <see cref="HasValue"/> is true).</summary>
    public string Reason { get; }

    /// <summary>A cached value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The lookup.</returns>
    public static CacheLookup Found(string value) => new(true, value, "");

    /// <summary>No cached value.</summary>
    /// <param name="reason">Why, in words.</param>
    /// <returns>The lookup.</returns>
    public static CacheLookup Missing(string reason) => new(false, "", reason);
}
