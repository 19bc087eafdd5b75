using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>What the key-value store answered: a value, or no value.</summary>
/// <remarks>
/// A put and an append answer <see cref="Ok"/>; a get answers <see cref="Of"/> a value, or
/// <see cref="Absent"/> when the key holds nothing ("absent" is not the empty string).
/// </remarks>
public sealed record KvOutput
{
    private KvOutput(string? value, bool isOk)
    {
        Value = value;
        IsOk = isOk;
    }

    /// <summary>The answer of a put or an append.</summary>
    public static KvOutput Ok { get; } = new(null, isOk: true);

    /// <summary>The answer of a get of a key that holds no value.</summary>
    public static KvOutput Absent { get; } = new(null, isOk: false);

    /// <summary>Whether this is <see cref="Ok"/>, the answer of a put or an append.</summary>
    public bool IsOk { get; }

    /// <summary>Whether the answer carries a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool HasValue => Value is not null;

    /// <summary>The value a get returned; null exactly when <see cref="HasValue"/> is false.</summary>
    public string? Value { get; }

    /// <summary>The answer of a get that returned <paramref name="value"/>.</summary>
    public static KvOutput Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, isOk: false);
    }

    /// <summary>The value in quotes, <c>absent</c>, or <c>ok</c>.</summary>
    public override string ToString() => HasValue ? $"\"{Value}\"" : IsOk ? "ok" : "absent";
}
