using System.Globalization;
using StackExchange.Redis;

namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>
/// One lock on a real Redis server, with the storage it protects: the safe acquire (<c>SET NX PX</c> plus a
/// fencing token), the seed's naive acquire (<c>EXISTS</c> then <c>PSETEX</c>), both releases and both writes.
/// </summary>
/// <remarks>
/// The single-instance pattern of Redis's <c>SET</c> documentation, with Kleppmann's (2016) fencing token added:
/// the acquire and the token are one Lua script, so a grant and its token cannot be split. Every key starts with
/// the prefix (see <see cref="NewRunPrefix"/>), so runs on one server do not collide; <see cref="DeleteKeysAsync"/>
/// removes them. Methods are async because each is a round trip; each is bounded by the connection's timeout.
/// </remarks>
public sealed class RedisLock
{
    private readonly IDatabase database;
    private readonly RedisKey lockKey;
    private readonly RedisKey tokenKey;
    private readonly RedisKey dataKey;
    private readonly RedisKey highestKey;

    /// <summary>Creates the lock named <paramref name="resource"/> under <paramref name="keyPrefix"/>.</summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <param name="keyPrefix">The run's key prefix; not blank.</param>
    /// <param name="resource">The lock's name; not blank.</param>
    /// <exception cref="ArgumentException"><paramref name="connection"/> is not connected, or a name is blank.</exception>
    public RedisLock(RedisConnection connection, string keyPrefix, string resource)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.IsConnected)
        {
            throw new ArgumentException($"connection must be connected; got: {connection.Reason}", nameof(connection));
        }

        database = connection.Database;
        LockKey = Guard.NotBlank(keyPrefix, nameof(keyPrefix)) + Guard.NotBlank(resource, nameof(resource));
        lockKey = LockKey;
        tokenKey = LockKey + ":token";
        dataKey = LockKey + ":data";
        highestKey = LockKey + ":highest-token";
    }

    /// <summary>The lock's key; the token counter, the data and the highest accepted token use it plus a suffix.</summary>
    public string LockKey { get; }

    /// <summary>A fresh prefix such as <c>workbook:ep23:3f2a…:</c>, unique to one run.</summary>
    /// <returns>The prefix.</returns>
    public static string NewRunPrefix() => $"workbook:ep23:{Guid.NewGuid():N}:";

    /// <summary>The safe acquire: <c>SET lock owner NX PX leaseMs</c> and, if it succeeded, <c>INCR</c> of the token counter, in one script.</summary>
    /// <param name="owner">The owner's unique value (needed to release); not blank.</param>
    /// <param name="leaseMs">The lease; an integer &gt; 0.</param>
    /// <returns>The grant with its fencing token, or the refusal naming the holder.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseMs"/> is 0 or negative.</exception>
    public async Task<RedisLockGrant> AcquireAsync(string owner, int leaseMs)
    {
        Guard.NotBlank(owner, nameof(owner));
        Guard.Positive(leaseMs, nameof(leaseMs));
        var reply = (RedisResult[])(await database.ScriptEvaluateAsync(RedisLockScripts.Acquire, [lockKey, tokenKey], [owner, leaseMs]).ConfigureAwait(false))!;
        var token = (long)reply[0];
        return token > 0
            ? RedisLockGrant.Granted(token)
            : RedisLockGrant.Refused($"held by {(string?)reply[1]} for another {((long)reply[2]).ToString(CultureInfo.InvariantCulture)} ms");
    }

    /// <summary>The seed's acquire, step 1: <c>EXISTS lock</c>.</summary>
    /// <returns>Whether the lock key exists.</returns>
    public async Task<bool> NaiveExistsAsync() => await database.KeyExistsAsync(lockKey).ConfigureAwait(false);

    /// <summary>The seed's acquire, step 2: <c>PSETEX lock leaseMs owner</c> (SETEX in milliseconds), whoever holds it.</summary>
    /// <param name="owner">The value to store; not blank.</param>
    /// <param name="leaseMs">The lease; an integer &gt; 0.</param>
    /// <returns>A task that completes when the server has stored the value.</returns>
    public async Task NaiveSetAsync(string owner, int leaseMs)
    {
        Guard.NotBlank(owner, nameof(owner));
        Guard.Positive(leaseMs, nameof(leaseMs));
        await database.ExecuteAsync("PSETEX", lockKey, leaseMs, owner).ConfigureAwait(false);
    }

    /// <summary>The seed's whole acquire: <c>EXISTS</c>, then <c>PSETEX</c> if the key was absent (two round trips, not atomic).</summary>
    /// <param name="owner">The value to store; not blank.</param>
    /// <param name="leaseMs">The lease; an integer &gt; 0.</param>
    /// <returns>Whether this client believes it acquired the lock.</returns>
    public async Task<bool> NaiveAcquireAsync(string owner, int leaseMs)
    {
        Guard.NotBlank(owner, nameof(owner));
        Guard.Positive(leaseMs, nameof(leaseMs));
        if (await NaiveExistsAsync().ConfigureAwait(false))
        {
            return false;
        }

        await NaiveSetAsync(owner, leaseMs).ConfigureAwait(false);
        return true;
    }

    /// <summary>The unchecked release: <c>DEL lock</c>, whoever holds it.</summary>
    /// <returns>Whether a key was deleted (possibly another client's).</returns>
    public async Task<bool> ReleaseUncheckedAsync() => await database.KeyDeleteAsync(lockKey).ConfigureAwait(false);

    /// <summary>The owner-checked release: the <see cref="RedisLockScripts.Release"/> script.</summary>
    /// <param name="owner">The value this client stored when it acquired; not blank.</param>
    /// <returns>Whether the lock held <paramref name="owner"/> and was deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is empty or blank.</exception>
    public async Task<bool> ReleaseIfOwnerAsync(string owner)
    {
        Guard.NotBlank(owner, nameof(owner));
        return (long)(await database.ScriptEvaluateAsync(RedisLockScripts.Release, [lockKey], [owner]).ConfigureAwait(false)) == 1;
    }

    /// <summary>Who holds the lock now (<c>GET</c> and <c>PTTL</c>).</summary>
    /// <returns>The holder, or <see cref="RedisLockHolder.IsHeld"/> false.</returns>
    public async Task<RedisLockHolder> HolderAsync()
    {
        var value = await database.StringGetWithExpiryAsync(lockKey).ConfigureAwait(false);
        return value.Value.HasValue
            ? new RedisLockHolder(true, value.Value.ToString(), (long)(value.Expiry?.TotalMilliseconds ?? 0))
            : new RedisLockHolder(false, string.Empty, 0);
    }

    /// <summary>A write to the protected storage with no fencing: <c>SET data value</c>.</summary>
    /// <param name="value">The data; not blank.</param>
    /// <returns>A task that completes when the server has stored it.</returns>
    public async Task WriteUnfencedAsync(string value)
    {
        Guard.NotBlank(value, nameof(value));
        await database.StringSetAsync(dataKey, value).ConfigureAwait(false);
    }

    /// <summary>A fenced write: the <see cref="RedisLockScripts.FencedWrite"/> script.</summary>
    /// <param name="token">The writer's fencing token; an integer &gt;= 1.</param>
    /// <param name="value">The data; not blank.</param>
    /// <returns>Whether the storage accepted the write (the token is at least the highest accepted).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="token"/> is below 1.</exception>
    public async Task<bool> WriteFencedAsync(long token, string value)
    {
        if (token < 1)
        {
            throw Guard.OutOfRange(nameof(token), "an integer >= 1", token.ToString(CultureInfo.InvariantCulture));
        }

        Guard.NotBlank(value, nameof(value));
        return (long)(await database.ScriptEvaluateAsync(RedisLockScripts.FencedWrite, [dataKey, highestKey], [token, value]).ConfigureAwait(false)) == 1;
    }

    /// <summary>The protected storage's data.</summary>
    /// <returns>The last accepted value, or an empty string when nothing was written.</returns>
    public async Task<string> ReadDataAsync() => (await database.StringGetAsync(dataKey).ConfigureAwait(false)).ToString() ?? string.Empty;

    /// <summary>Deletes the lock, its token counter, the data and the highest accepted token.</summary>
    /// <returns>A task that completes when they are gone.</returns>
    public async Task DeleteKeysAsync() => await database.KeyDeleteAsync([lockKey, tokenKey, dataKey, highestKey]).ConfigureAwait(false);
}
