using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>What the key-value store answered: a value, or no value.</summary>
/// <remarks>
/// A put and an append answer <see cref="Ok"/>; a get answers <see cref="Of"/> a value, or
/// <see cref="Absent"/> when the key holds nothing. <see cref="Ok"/> and <see cref="Absent"/> are the
/// same answer, "no value", named for the operation that gives it.
/// </remarks>
public sealed record KvOutput
{
    private KvOutput(string? value) => Value = value;

    /// <summary>The answer of a put or an append.</summary>
    public static KvOutput Ok { get; } = new((string?)null);

    /// <summary>The answer of a get of a key that holds no value.</summary>
    public static KvOutput Absent => Ok;

    /// <summary>Whether the answer carries a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool HasValue => Value is not null;

    /// <summary>The value a get returned; null exactly when <see cref="HasValue"/> is false.</summary>
    public string? Value { get; }

    /// <summary>The answer of a get that returned <paramref name="value"/>.</summary>
    public static KvOutput Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value);
    }

    /// <summary>The value in quotes, or <c>absent</c>.</summary>
    public override string ToString() => HasValue ? $"\"{Value}\"" : "absent";
}
