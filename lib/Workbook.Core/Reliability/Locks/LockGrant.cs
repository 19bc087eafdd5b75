using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Reliability.Locks;

/// <summary>The answer to a SET: granted with a token and a lease end, or refused with a reason.</summary>
public sealed record LockGrant
{
    private LockGrant(bool isGranted, long token, double expiresAtMs, string reason)
    {
        IsGranted = isGranted;
        Token = token;
        ExpiresAtMs = expiresAtMs;
        Reason = reason;
    }

    /// <summary>Whether the lock was granted; <see cref="Token"/> and <see cref="ExpiresAtMs"/> mean something only then.</summary>
    public bool IsGranted { get; }

    /// <summary>The grant number (1, 2, 3, … in grant order), usable as a fencing token.</summary>
    public long Token { get; }

    /// <summary>When the lease lapses, in true milliseconds.</summary>
    public double ExpiresAtMs { get; }

    /// <summary>Why the lock was refused (empty when granted).</summary>
    public string Reason { get; }

    internal static LockGrant Granted(long token, double expiresAtMs) => new(true, token, expiresAtMs, string.Empty);

    internal static LockGrant Refused(string reason) => new(false, 0, 0, reason);
}
