namespace Workbook.Core.Reliability.Locks;

/// <summary>How the simulated clients take and give back the lock (issue 14, "the lock").</summary>
/// <remarks>
/// The four strategies are the four steps of the lesson: each fixes the failure of the one before,
/// and only <see cref="FencingTokens"/> keeps a paused client from writing stale data (Kleppmann,
/// "How to do distributed locking", 2016).
/// </remarks>
public enum LockStrategy
{
    /// <summary>GET, then SET with a lease if the key was absent: two clients can both see it absent (the seed's buggy lock).</summary>
    NaiveGetThenSet,

    /// <summary>Atomic <c>SET key value NX PX lease</c>, released with a plain DEL that may delete another client's lock.</summary>
    SetNxUncheckedDelete,

    /// <summary><c>SET NX PX</c>, released by a compare-and-delete (the Lua script): a paused client still writes after its lease expired.</summary>
    OwnerCheckedRelease,

    /// <summary>As <see cref="OwnerCheckedRelease"/>, and every write carries the lock's token; the storage rejects a token lower than one it has seen.</summary>
    FencingTokens,
}
