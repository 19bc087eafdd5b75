namespace Workbook.Core.Reliability.Locks;

/// <summary>
/// Learner code plugged into a lock simulation in place of the strategy's own rules (the exercises of episode 23).
/// Each hook left null keeps the strategy's behaviour.
/// </summary>
/// <remarks>
/// <see cref="Release"/> runs inside the lock service as one atomic step (as a Lua script does in Redis);
/// <see cref="AcceptWrite"/> runs inside the storage; <see cref="LeaseCheck"/> runs on the client and sees only
/// its own clock's readings (true time × its clock rate).
/// </remarks>
public sealed record LockHooks
{
    /// <summary>
    /// The release, run atomically at the lock service: (service, key, owner value, true time in ms) → whether it
    /// removed the lock. Replaces DEL or compare-and-delete.
    /// </summary>
    public Func<LockService, string, string, double, bool>? Release { get; init; }

    /// <summary>
    /// The storage's accept rule: (the write's token, the tokens of every write received before it, in arrival
    /// order) → accept. Replaces the storage's fencing check.
    /// </summary>
    public Func<long, long[], bool>? AcceptWrite { get; init; }

    /// <summary>
    /// The client's own lease check, on its clock: (when it sent the acquiring request, when the grant's reply
    /// arrived, now, the lease, the clock-drift bound) → the lease is still valid. Times in ms on the client's clock.
    /// </summary>
    public Func<double, double, double, double, double, bool>? LeaseCheck { get; init; }

    /// <summary>No hooks: every strategy's own rules.</summary>
    public static LockHooks None { get; } = new();
}
