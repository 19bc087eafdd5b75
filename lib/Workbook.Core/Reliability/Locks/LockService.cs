namespace Workbook.Core.Reliability.Locks;

/// <summary>
/// A Redis-like key-value store for locks, as a pure state machine: GET, SET with a lease,
/// <c>SET NX PX</c>, DEL and a compare-and-delete (what the Lua release script does). Time is passed in.
/// </summary>
/// <remarks>
/// Every successful SET hands out the next grant number (1, 2, 3, …), which serves as a fencing
/// token. The service measures leases on its own clock, which runs at 1 + <c>clockDrift</c> times
/// true time: a fast clock (drift &gt; 0) lets a lease lapse early, one of the ways a lease-based
/// lock fails (Kleppmann 2016). Expired keys vanish lazily, as in Redis.
/// </remarks>
public sealed class LockService
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long lastToken;

    /// <summary>Creates an empty service.</summary>
    /// <param name="clockDrift">How fast the service's clock runs relative to true time, minus 1; a finite number in (-1, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clockDrift"/> is outside (-1, 1).</exception>
    public LockService(double clockDrift = 0)
    {
        ClockDrift = Guard.InRangeExclusive(clockDrift, -1, 1, nameof(clockDrift));
    }

    /// <summary>The service clock's rate minus 1 (0: a perfect clock).</summary>
    /// <value>The default is 0.</value>
    public double ClockDrift { get; }

    /// <summary>The last grant number handed out (0 before the first grant).</summary>
    public long LastToken => lastToken;

    /// <summary>Reads a key.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <param name="value">The value stored, or an empty string when the key is absent.</param>
    /// <returns>Whether the key is present (and its lease not lapsed).</returns>
    public bool TryGet(string key, double nowMs, out string value)
    {
        Guard.NotBlank(key, nameof(key));
        if (Live(key, nowMs) is { } entry)
        {
            value = entry.Value;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Whether the key holds <paramref name="value"/> at <paramref name="nowMs"/>.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="value">The value to compare; not blank.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <returns>True when the key is present with that value.</returns>
    public bool Holds(string key, string value, double nowMs) =>
        TryGet(key, nowMs, out var current) && string.Equals(current, Guard.NotBlank(value, nameof(value)), StringComparison.Ordinal);

    /// <summary><c>SET key value PX leaseMs</c>: stores the value unconditionally.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="value">The owner's value; not blank.</param>
    /// <param name="leaseMs">The lease; a finite number &gt; 0.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <returns>The grant: its token and when the lease lapses in true time.</returns>
    public LockGrant Set(string key, string value, double leaseMs, double nowMs)
    {
        Guard.NotBlank(key, nameof(key));
        Guard.NotBlank(value, nameof(value));
        Guard.PositiveFinite(leaseMs, nameof(leaseMs));
        return Store(key, value, leaseMs, nowMs);
    }

    /// <summary><c>SET key value NX PX leaseMs</c>: stores the value only if the key is absent.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="value">The owner's value; not blank.</param>
    /// <param name="leaseMs">The lease; a finite number &gt; 0.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <returns>The grant, whose <see cref="LockGrant.IsGranted"/> is false (with a reason) when the key was held.</returns>
    public LockGrant SetIfAbsent(string key, string value, double leaseMs, double nowMs)
    {
        Guard.NotBlank(key, nameof(key));
        Guard.NotBlank(value, nameof(value));
        Guard.PositiveFinite(leaseMs, nameof(leaseMs));
        return Live(key, nowMs) is { } held
            ? LockGrant.Refused($"the key is held by {held.Value} until {Guard.Format(held.ExpiresAtMs)} ms")
            : Store(key, value, leaseMs, nowMs);
    }

    /// <summary><c>DEL key</c>: removes the key whoever holds it.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <param name="deletedValue">The value removed, or an empty string when nothing was removed.</param>
    /// <returns>Whether a live key was removed.</returns>
    public bool Delete(string key, double nowMs, out string deletedValue)
    {
        var found = TryGet(key, nowMs, out deletedValue);
        entries.Remove(key);
        return found;
    }

    /// <summary>The release script: <c>if GET key == ownerToken then DEL key</c>, atomically.</summary>
    /// <param name="key">The key; not blank.</param>
    /// <param name="ownerToken">The value the releasing client stored; not blank.</param>
    /// <param name="nowMs">True time, in milliseconds.</param>
    /// <returns>Whether the key held <paramref name="ownerToken"/> and was removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="ownerToken"/> is empty or blank.</exception>
    public bool CompareAndDelete(string key, string ownerToken, double nowMs)
    {
        Guard.NotBlank(ownerToken, nameof(ownerToken));
        if (!Holds(key, ownerToken, nowMs))
        {
            return false;
        }

        entries.Remove(key);
        return true;
    }

    private LockGrant Store(string key, string value, double leaseMs, double nowMs)
    {
        Guard.NonNegativeFinite(nowMs, nameof(nowMs));
        var expiresAt = nowMs + (leaseMs / (1 + ClockDrift));
        var token = ++lastToken;
        entries[key] = new Entry(value, token, expiresAt);
        return LockGrant.Granted(token, expiresAt);
    }

    private Entry? Live(string key, double nowMs)
    {
        Guard.NonNegativeFinite(nowMs, nameof(nowMs));
        if (!entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (nowMs < entry.ExpiresAtMs)
        {
            return entry;
        }

        entries.Remove(key);
        return null;
    }

    private sealed record Entry(string Value, long Token, double ExpiresAtMs);
}
