namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>Who holds a lock right now: <see cref="IsHeld"/>, the owner's value and the lease left.</summary>
/// <param name="IsHeld">Whether the lock key exists; the other fields mean something only then.</param>
/// <param name="Owner">The value the holder stored (empty when free).</param>
/// <param name="RemainingMs">The lease left, in milliseconds, by the server's clock (0 when free).</param>
public sealed record RedisLockHolder(bool IsHeld, string Owner, long RemainingMs)
{
    /// <summary>"held by X" or "free".</summary>
    /// <returns>One line.</returns>
    public override string ToString() => IsHeld ? $"held by {Owner}" : "free";
}
