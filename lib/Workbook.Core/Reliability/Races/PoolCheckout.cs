using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Reliability.Races;

/// <summary>The answer to a checkout: a connection id, or no connection and the reason why.</summary>
/// <remarks>
/// The library's one "no answer" form: <see cref="IsGranted"/> says whether <see cref="ConnectionId"/> is valid, and
/// <see cref="Reason"/> says in words why there is no connection (the pool was empty, or the wait timed out).
/// </remarks>
public sealed record PoolCheckout
{
    private PoolCheckout(bool isGranted, int connectionId, string? reason)
    {
        IsGranted = isGranted;
        ConnectionId = connectionId;
        Reason = reason;
    }

    /// <summary>Whether a connection was handed out.</summary>
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsGranted { get; }

    /// <summary>The connection handed out; valid only when <see cref="IsGranted"/> (−1 otherwise).</summary>
    public int ConnectionId { get; }

    /// <summary>Why no connection was handed out; null when <see cref="IsGranted"/>.</summary>
    public string? Reason { get; }

    /// <summary>A checkout that handed out <paramref name="connectionId"/>.</summary>
    /// <param name="connectionId">The connection handed out.</param>
    /// <returns>The checkout.</returns>
    public static PoolCheckout Granted(int connectionId) => new(true, connectionId, null);

    /// <summary>A checkout that handed out nothing.</summary>
    /// <param name="reason">Why, in words.</param>
    /// <returns>The checkout.</returns>
    public static PoolCheckout NoConnection(string reason) => new(false, -1, Guard.NotBlank(reason, nameof(reason)));

    /// <inheritdoc/>
    public override string ToString() => IsGranted ? $"connection {ConnectionId}" : $"no connection ({Reason})";
}
