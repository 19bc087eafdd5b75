using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>The contents of the key-value store at one point of a sequential execution: an immutable map from key to value.</summary>
/// <remarks>
/// States compare by contents, so the checker can recognise that two different orders of the same
/// operations led to the same store (the memoization of <see cref="LinearizabilityChecker"/>).
/// </remarks>
public sealed class KvState : IEquatable<KvState>
{
    private readonly ImmutableSortedDictionary<string, string> values;
    private readonly int hash;

    private KvState(ImmutableSortedDictionary<string, string> values)
    {
        this.values = values;
        var combined = new HashCode();
        foreach (var (key, value) in values)
        {
            combined.Add(key, StringComparer.Ordinal);
            combined.Add(value, StringComparer.Ordinal);
        }

        hash = combined.ToHashCode();
    }

    /// <summary>The empty store: every key absent.</summary>
    public static KvState Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <summary>The number of keys that hold a value.</summary>
    public int Count => values.Count;

    /// <summary>The value of <paramref name="key"/>, if it holds one.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => values.TryGetValue(key, out value);

    /// <summary>This store with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public KvState With(string key, string value) => new(values.SetItem(key, value));

    /// <inheritdoc/>
    public bool Equals(KvState? other) =>
        other is not null && (ReferenceEquals(this, other) || (hash == other.hash && values.Count == other.values.Count
            && values.All(pair => other.values.TryGetValue(pair.Key, out var v) && string.Equals(v, pair.Value, StringComparison.Ordinal))));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KvState);

    /// <inheritdoc/>
    public override int GetHashCode() => hash;

    /// <summary>The store as <c>{x="1", y="2"}</c>, keys in ordinal order; <c>{}</c> when empty.</summary>
    public override string ToString() => "{" + string.Join(", ", values.Select(p => $"{p.Key}=\"{p.Value}\"")) + "}";
}
