namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>The answer to an acquire: granted with a fencing token, or refused with the holder and a reason.</summary>
public sealed record RedisLockGrant
{
    private RedisLockGrant(bool isGranted, long token, string reason)
    {
        IsGranted = isGranted;
        Token = token;
        Reason = reason;
    }

    /// <summary>Whether the lock was granted; <see cref="Token"/> means something only then.</summary>
    public bool IsGranted { get; }

    /// <summary>The fencing token: 1, 2, 3, … in grant order for this lock (0 when refused).</summary>
    public long Token { get; }

    /// <summary>Why the lock was refused (empty when granted).</summary>
    public string Reason { get; }

    /// <summary>"granted, token N" or "refused: reason".</summary>
    /// <returns>One line.</returns>
    public override string ToString() => IsGranted ? $"granted, token {Token}" : $"refused: {Reason}";

    internal static RedisLockGrant Granted(long token) => new(true, token, string.Empty);

    internal static RedisLockGrant Refused(string reason) => new(false, 0, reason);
}
