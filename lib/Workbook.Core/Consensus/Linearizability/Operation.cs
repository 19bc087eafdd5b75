using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// One operation of a concurrent history: which client called it, what it asked, when it was invoked
/// and, if the client ever heard back, what it was answered and when.
/// </summary>
/// <remarks>
/// Times are logical ticks; two operations overlap unless one responded strictly before the other
/// was invoked (equal times overlap). An operation without a response (a timeout, a crashed client)
/// may or may not have taken effect, at any time after its invocation, as in Knossos and Porcupine.
/// For the key-value store, <see cref="KvOperation"/> builds these.
/// </remarks>
/// <typeparam name="TInput">What the client asked.</typeparam>
/// <typeparam name="TOutput">What it was answered.</typeparam>
public sealed record Operation<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    /// <summary>A completed operation: invoked at <paramref name="invokedAt"/>, answered <paramref name="output"/> at <paramref name="respondedAt"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clientId"/> is negative, or <paramref name="respondedAt"/> is before <paramref name="invokedAt"/>.</exception>
    public Operation(int clientId, TInput input, long invokedAt, TOutput output, long respondedAt)
        : this(clientId, input, invokedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (respondedAt < invokedAt)
        {
            throw Guard.OutOfRange(
                nameof(respondedAt),
                $"a time >= invokedAt ({invokedAt.ToString(CultureInfo.InvariantCulture)}): a response cannot come before its invocation",
                respondedAt.ToString(CultureInfo.InvariantCulture));
        }

        Output = output;
        RespondedAt = respondedAt;
    }

    /// <summary>An operation that never returned: it may or may not have taken effect.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clientId"/> is negative.</exception>
    public Operation(int clientId, TInput input, long invokedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ClientId = Guard.NonNegative(clientId, nameof(clientId));
        Input = input;
        InvokedAt = invokedAt;
    }

    /// <summary>The client that called the operation; a client calls one operation at a time.</summary>
    public int ClientId { get; }

    /// <summary>What the client asked.</summary>
    public TInput Input { get; }

    /// <summary>The logical time of the call.</summary>
    public long InvokedAt { get; }

    /// <summary>Whether the client heard back. When false, <see cref="Output"/> and <see cref="RespondedAt"/> are null.</summary>
    [MemberNotNullWhen(true, nameof(Output), nameof(RespondedAt))]
    public bool HasResponse => RespondedAt is not null;

    /// <summary>What the client was answered; null exactly when <see cref="HasResponse"/> is false.</summary>
    public TOutput? Output { get; }

    /// <summary>The logical time of the answer; null exactly when <see cref="HasResponse"/> is false.</summary>
    public long? RespondedAt { get; }

    /// <summary>The operation as <c>client 1: get(x) → "1" [3, 7]</c>, or <c>[3, no response]</c>.</summary>
    public override string ToString() => HasResponse
        ? string.Create(CultureInfo.InvariantCulture, $"client {ClientId}: {Input} → {Output} [{InvokedAt}, {RespondedAt}]")
        : string.Create(CultureInfo.InvariantCulture, $"client {ClientId}: {Input} [{InvokedAt}, no response]");
}
