using System.Globalization;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>What a client asked the key-value store: get a key, put a value, or append to a value.</summary>
/// <remarks>
/// Create one with <see cref="Get"/>, <see cref="Put"/> or <see cref="Append"/>. Keys must contain
/// text; values may be empty. A get has no value of its own (<see cref="Value"/> is empty).
/// </remarks>
public sealed record KvInput
{
    private KvInput(KvOperationKind kind, string key, string value)
    {
        Kind = kind;
        Key = key;
        Value = value;
    }

    /// <summary>Which operation this is.</summary>
    public KvOperationKind Kind { get; }

    /// <summary>The key the operation reads or writes; each key is checked on its own (see <see cref="KvModel"/>).</summary>
    public string Key { get; }

    /// <summary>The value written by a put or appended by an append; empty for a get.</summary>
    public string Value { get; }

    /// <summary>A read of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or blank.</exception>
    public static KvInput Get(string key) => new(KvOperationKind.Get, Guard.NotBlank(key, nameof(key)), string.Empty);

    /// <summary>A write of <paramref name="value"/> to <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or blank.</exception>
    public static KvInput Put(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(KvOperationKind.Put, Guard.NotBlank(key, nameof(key)), value);
    }

    /// <summary>An append of <paramref name="value"/> to the value of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty or blank.</exception>
    public static KvInput Append(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(KvOperationKind.Append, Guard.NotBlank(key, nameof(key)), value);
    }

    /// <summary>The operation as a learner would write it: <c>get(x)</c>, <c>put(x, "1")</c>, <c>append(x, "1")</c>.</summary>
    public override string ToString() => Kind switch
    {
        KvOperationKind.Get => string.Create(CultureInfo.InvariantCulture, $"get({Key})"),
        KvOperationKind.Put => string.Create(CultureInfo.InvariantCulture, $"put({Key}, \"{Value}\")"),
        _ => string.Create(CultureInfo.InvariantCulture, $"append({Key}, \"{Value}\")"),
    };
}
