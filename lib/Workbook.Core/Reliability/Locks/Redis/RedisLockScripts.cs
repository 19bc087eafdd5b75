namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>The three Lua scripts the Redis lock runs; Redis runs each one atomically (no other command in between).</summary>
/// <remarks>
/// They mirror the simulation: <see cref="Acquire"/> is <see cref="LockService.SetIfAbsent"/> handing out the next
/// grant number, <see cref="Release"/> is <see cref="LockService.CompareAndDelete"/>, and <see cref="FencedWrite"/>
/// is <see cref="StorageService.TryWrite"/> with fencing on (a token equal to the highest is accepted).
/// </remarks>
public static class RedisLockScripts
{
    /// <summary>
    /// KEYS[1] the lock, KEYS[2] its token counter; ARGV[1] the owner's value, ARGV[2] the lease in ms.
    /// Returns {token, '', 0} when granted, {0, holder, remaining ms} when the lock is held.
    /// </summary>
    public const string Acquire = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {redis.call('INCR', KEYS[2]), '', 0}
        end
        return {0, redis.call('GET', KEYS[1]) or '', redis.call('PTTL', KEYS[1])}
        """;

    /// <summary>KEYS[1] the lock; ARGV[1] the releasing owner's value. Deletes the lock only if it holds that value; returns 1 or 0.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>
    /// KEYS[1] the stored data, KEYS[2] the highest token accepted; ARGV[1] the writer's token, ARGV[2] the data.
    /// Writes only if the token is at least the highest accepted; returns 1 (accepted) or 0 (rejected).
    /// </summary>
    public const string FencedWrite = """
        local highest = tonumber(redis.call('GET', KEYS[2]) or '0')
        if tonumber(ARGV[1]) < highest then
          return 0
        end
        redis.call('SET', KEYS[2], ARGV[1])
        redis.call('SET', KEYS[1], ARGV[2])
        return 1
        """;
}
