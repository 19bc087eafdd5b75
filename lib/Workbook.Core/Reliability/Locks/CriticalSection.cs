namespace Workbook.Core.Reliability.Locks;

/// <summary>One time a client believed it held the lock: from the grant's reply to the release it sent.</summary>
/// <param name="ClientIndex">The client, 0-based.</param>
/// <param name="Round">Which of the client's rounds (0-based).</param>
/// <param name="Token">The lock service's grant number for this section (1, 2, 3, … in grant order).</param>
/// <param name="AcquiredAtMs">When the client received the grant.</param>
/// <param name="LeaseExpiresAtMs">When the lock service lets the lease lapse (true time, after the service's clock drift).</param>
/// <param name="ReleasedAtMs">When the client sent its release (the end of the section as the client sees it).</param>
/// <param name="Write">The write the client sent in the section, if it sent one (see <see cref="HasWrite"/>).</param>
/// <param name="CheckedAtMs">When the client ran its own lease check (true time); it writes only if the check passed.</param>
public sealed record CriticalSection(
    int ClientIndex, int Round, long Token, double AcquiredAtMs, double LeaseExpiresAtMs, double ReleasedAtMs, StorageWrite? Write, double CheckedAtMs)
{
    /// <summary>Whether the client wrote in this section (it skips the write when its own clock says the lease ran out).</summary>
    public bool HasWrite => Write is not null;

    /// <summary>Whether the client's check passed although the lock service had already let the lease lapse (its clock misled it).</summary>
    public bool CheckPassedAfterLeaseLapsed => HasWrite && CheckedAtMs >= LeaseExpiresAtMs;

    /// <summary>Whether this section and <paramref name="other"/>, of another client, overlap in time.</summary>
    /// <param name="other">Another section.</param>
    /// <returns>True when the two intervals share a stretch of positive length and belong to different clients.</returns>
    public bool Overlaps(CriticalSection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.ClientIndex != ClientIndex && AcquiredAtMs < other.ReleasedAtMs && other.AcquiredAtMs < ReleasedAtMs;
    }
}
