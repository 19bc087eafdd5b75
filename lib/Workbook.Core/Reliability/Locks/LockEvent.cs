using System.Globalization;

namespace Workbook.Core.Reliability.Locks;

/// <summary>What happened in one <see cref="LockEvent"/>.</summary>
public enum LockEventKind
{
    /// <summary>A client sent a request to the lock service (GET, SET, SET NX).</summary>
    RequestSent,

    /// <summary>A GET arrived at the lock service and was answered.</summary>
    RequestArrived,

    /// <summary>The lock service granted the lock (a SET stored the client's value).</summary>
    Granted,

    /// <summary>The lock service refused a SET NX (the key was held).</summary>
    Refused,

    /// <summary>A client received its grant: its critical section starts.</summary>
    Acquired,

    /// <summary>A client received a refusal (or a present key) and will retry.</summary>
    RetryScheduled,

    /// <summary>A client's stop-the-world pause began.</summary>
    PauseStarted,

    /// <summary>A client's pause ended.</summary>
    PauseEnded,

    /// <summary>A lease ran out on the lock service while the key still held that grant.</summary>
    LeaseLapsed,

    /// <summary>A client's own lease check said the lease is still valid.</summary>
    CheckPassed,

    /// <summary>A client's own lease check said the lease ran out; it skips the write.</summary>
    CheckFailed,

    /// <summary>A client sent its write to the storage.</summary>
    WriteSent,

    /// <summary>The storage accepted a write.</summary>
    WriteAccepted,

    /// <summary>The storage rejected a write (a fencing token lower than one it has seen).</summary>
    WriteRejected,

    /// <summary>A client sent its release: its critical section ends.</summary>
    ReleaseSent,

    /// <summary>A release removed the releasing client's own lock.</summary>
    Released,

    /// <summary>A release removed nothing (the lease had lapsed, or the key belonged to another client and the release checked).</summary>
    ReleaseRemovedNothing,

    /// <summary>A release deleted another client's lock.</summary>
    ForeignDelete,

    /// <summary>A release left the releasing client's own live lock in place (a learner's release that never deletes).</summary>
    OwnLockKept,
}

/// <summary>One event of a lock simulation, in true simulated time.</summary>
/// <param name="TimeMs">When it happened, in true milliseconds.</param>
/// <param name="Actor">Who acted: a client ("c0", "c1", …), the lock service ("lock") or the storage ("store").</param>
/// <param name="Kind">What happened.</param>
/// <param name="Detail">The particulars (owner, token, lease end, …), for the transcript.</param>
public sealed record LockEvent(double TimeMs, string Actor, LockEventKind Kind, string Detail)
{
    /// <summary>The event as one transcript line: time (3 decimals), actor, what, particulars.</summary>
    /// <returns>A line such as <c>"   1.000  lock   granted            c0-r0, token 1, lease to 51.000"</c>.</returns>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{TimeMs,9:F3}  {Actor,-5}  {Describe(Kind),-20}  {Detail}").TrimEnd();

    /// <summary>The words the transcript uses for a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Lower-case words ("request sent", "foreign delete").</returns>
    public static string Describe(LockEventKind kind) => kind switch
    {
        LockEventKind.RequestSent => "request sent",
        LockEventKind.RequestArrived => "request arrived",
        LockEventKind.Granted => "granted",
        LockEventKind.Refused => "refused",
        LockEventKind.Acquired => "acquired",
        LockEventKind.RetryScheduled => "retry scheduled",
        LockEventKind.PauseStarted => "pause start",
        LockEventKind.PauseEnded => "pause end",
        LockEventKind.LeaseLapsed => "lease lapsed",
        LockEventKind.CheckPassed => "check passed",
        LockEventKind.CheckFailed => "check failed",
        LockEventKind.WriteSent => "write sent",
        LockEventKind.WriteAccepted => "write accepted",
        LockEventKind.WriteRejected => "write rejected",
        LockEventKind.ReleaseSent => "release sent",
        LockEventKind.Released => "released",
        LockEventKind.ReleaseRemovedNothing => "release: no-op",
        LockEventKind.ForeignDelete => "FOREIGN DELETE",
        LockEventKind.OwnLockKept => "own lock kept",
        _ => kind.ToString(),
    };
}
