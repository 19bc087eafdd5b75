using System.Globalization;
using StackExchange.Redis;

namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>
/// The simulation's lock failures replayed against a real Redis server, in real time: the seed's naive acquire
/// (its two commands interleaved by hand), the unchecked DEL, the owner-checked release, and a paused client's
/// write without and with fencing.
/// </summary>
/// <remarks>
/// Client A's pause is a sleep longer than its lease (<see cref="RedisScenarioTiming"/>), so its lease lapses on
/// the server while A is stopped, as under a long GC pause. Each scenario runs on its own lock under a fresh key
/// prefix and deletes its keys at the end. The steps are the commands as sent and the replies as received.
/// A server that goes away (or a connection already disposed) does not throw: the outcome is not complete and its
/// one-line <see cref="RedisScenarioOutcome.Reason"/> says so and how to start a server.
/// </remarks>
public static class RedisLockScenarios
{
    /// <summary>Runs every scenario, in the order of the notebook.</summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <param name="timing">The lease and pause lengths; the defaults when null.</param>
    /// <param name="time">The clock the pauses sleep on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The five outcomes.</returns>
    public static async Task<IReadOnlyList<RedisScenarioOutcome>> RunAllAsync(RedisConnection connection, RedisScenarioTiming? timing = null, TimeProvider? time = null) =>
    [
        await NaiveRaceAsync(connection).ConfigureAwait(false),
        await UncheckedReleaseAsync(connection, timing, time).ConfigureAwait(false),
        await OwnerCheckedReleaseAsync(connection, timing, time).ConfigureAwait(false),
        await PausedWriterAsync(connection, fencing: false, timing, time).ConfigureAwait(false),
        await PausedWriterAsync(connection, fencing: true, timing, time).ConfigureAwait(false),
    ];

    /// <summary>The seed's acquire raced by hand: A EXISTS, B EXISTS, A PSETEX, B PSETEX — both believe they hold the lock.</summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <returns>The outcome; <see cref="RedisScenarioOutcome.SafetyViolated"/> when both clients believe they acquired.</returns>
    public static Task<RedisScenarioOutcome> NaiveRaceAsync(RedisConnection connection) =>
        Guarded(connection, "naive EXISTS then PSETEX", () => NaiveRaceCoreAsync(connection));

    private static async Task<RedisScenarioOutcome> NaiveRaceCoreAsync(RedisConnection connection)
    {
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), "naive");
        const int leaseMs = 10000;
        var steps = new List<string>();
        try
        {
            var aSawLock = await redisLock.NaiveExistsAsync().ConfigureAwait(false);
            steps.Add($"A: EXISTS lock → {Bit(aSawLock)}");
            var bSawLock = await redisLock.NaiveExistsAsync().ConfigureAwait(false);
            steps.Add($"B: EXISTS lock → {Bit(bSawLock)}");
            if (!aSawLock)
            {
                await redisLock.NaiveSetAsync("A", leaseMs).ConfigureAwait(false);
                steps.Add($"A: PSETEX lock {leaseMs} A → OK (A believes it holds the lock)");
            }

            if (!bSawLock)
            {
                await redisLock.NaiveSetAsync("B", leaseMs).ConfigureAwait(false);
                steps.Add($"B: PSETEX lock {leaseMs} B → OK (B believes it holds the lock)");
            }

            var holder = await redisLock.HolderAsync().ConfigureAwait(false);
            steps.Add($"GET lock → {holder}");
            var both = !aSawLock && !bSawLock;
            return new RedisScenarioOutcome(
                "naive EXISTS then PSETEX",
                steps,
                both,
                both ? $"both A and B acquired; the lock is {holder}, so A works unprotected" : "only one client acquired");
        }
        finally
        {
            await redisLock.DeleteKeysAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A's lease lapses while it is paused, B acquires, A's plain DEL deletes B's lock and C gets in beside B.</summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <param name="timing">The lease and pause lengths; the defaults when null.</param>
    /// <param name="time">The clock the pause sleeps on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The outcome; <see cref="RedisScenarioOutcome.SafetyViolated"/> when C acquires while B still believes it holds the lock.</returns>
    public static Task<RedisScenarioOutcome> UncheckedReleaseAsync(RedisConnection connection, RedisScenarioTiming? timing = null, TimeProvider? time = null) =>
        Guarded(connection, "unchecked DEL", () => ReleaseAfterPauseAsync(connection, ownerChecked: false, timing ?? new RedisScenarioTiming(), time ?? TimeProvider.System));

    /// <summary>As <see cref="UncheckedReleaseAsync"/>, but A releases with the owner-checked script, which refuses: B keeps the lock and C is refused.</summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <param name="timing">The lease and pause lengths; the defaults when null.</param>
    /// <param name="time">The clock the pause sleeps on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The outcome; <see cref="RedisScenarioOutcome.SafetyViolated"/> false when the release refused.</returns>
    public static Task<RedisScenarioOutcome> OwnerCheckedReleaseAsync(RedisConnection connection, RedisScenarioTiming? timing = null, TimeProvider? time = null) =>
        Guarded(connection, "owner-checked release", () => ReleaseAfterPauseAsync(connection, ownerChecked: true, timing ?? new RedisScenarioTiming(), time ?? TimeProvider.System));

    /// <summary>
    /// A acquires, checks that it holds the lock, pauses past its lease; B acquires and writes; A wakes and writes.
    /// Without fencing the storage accepts A's stale write; with fencing it rejects token 1 after token 2.
    /// </summary>
    /// <param name="connection">A connected <see cref="RedisConnection"/>.</param>
    /// <param name="fencing">Whether the writes go through the fenced-write script.</param>
    /// <param name="timing">The lease and pause lengths; the defaults when null.</param>
    /// <param name="time">The clock the pause sleeps on; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The outcome; <see cref="RedisScenarioOutcome.SafetyViolated"/> when A's stale write was accepted.</returns>
    public static Task<RedisScenarioOutcome> PausedWriterAsync(RedisConnection connection, bool fencing, RedisScenarioTiming? timing = null, TimeProvider? time = null) =>
        Guarded(connection, fencing ? "paused writer, fenced write" : "paused writer, no fencing", () => PausedWriterCoreAsync(connection, fencing, timing, time));

    private static async Task<RedisScenarioOutcome> PausedWriterCoreAsync(RedisConnection connection, bool fencing, RedisScenarioTiming? timing, TimeProvider? time)
    {
        timing ??= new RedisScenarioTiming();
        time ??= TimeProvider.System;
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), fencing ? "fenced" : "unfenced");
        var steps = new List<string>();
        try
        {
            var a = await redisLock.AcquireAsync("A", timing.LeaseMs).ConfigureAwait(false);
            steps.Add($"A: acquire (SET lock A NX PX {timing.LeaseMs}, INCR token) → {a}");
            steps.Add($"A: GET lock → {await redisLock.HolderAsync().ConfigureAwait(false)} (A's check passes)");
            await Task.Delay(TimeSpan.FromMilliseconds(timing.PauseMs), time).ConfigureAwait(false);
            steps.Add($"A: paused {timing.PauseMs} ms; its {timing.LeaseMs} ms lease lapsed on the server meanwhile");
            var b = await redisLock.AcquireAsync("B", timing.LongLeaseMs).ConfigureAwait(false);
            steps.Add($"B: acquire (SET lock B NX PX {timing.LongLeaseMs}, INCR token) → {b}");
            var bAccepted = await WriteAsync(redisLock, fencing, b, "B's data").ConfigureAwait(false);
            steps.Add($"B: {WriteText(fencing, b, "B's data")} → {Verdict(bAccepted)}");
            var aAccepted = await WriteAsync(redisLock, fencing, a, "A's stale data").ConfigureAwait(false);
            steps.Add($"A: {WriteText(fencing, a, "A's stale data")} → {Verdict(aAccepted)}");
            var data = await redisLock.ReadDataAsync().ConfigureAwait(false);
            steps.Add($"GET data → {data}");
            return new RedisScenarioOutcome(
                fencing ? "paused writer, fenced write" : "paused writer, no fencing",
                steps,
                aAccepted,
                aAccepted
                    ? $"A's stale write was accepted after B's: the storage holds \"{data}\""
                    : $"the storage rejected A's token {a.Token} after accepting token {b.Token}: it holds \"{data}\"");
        }
        finally
        {
            await redisLock.DeleteKeysAsync().ConfigureAwait(false);
        }
    }

    private static async Task<RedisScenarioOutcome> ReleaseAfterPauseAsync(RedisConnection connection, bool ownerChecked, RedisScenarioTiming timing, TimeProvider time)
    {
        var redisLock = new RedisLock(connection, RedisLock.NewRunPrefix(), ownerChecked ? "owner-checked" : "unchecked");
        var steps = new List<string>();
        try
        {
            var a = await redisLock.AcquireAsync("A", timing.LeaseMs).ConfigureAwait(false);
            steps.Add($"A: acquire (SET lock A NX PX {timing.LeaseMs}, INCR token) → {a}");
            await Task.Delay(TimeSpan.FromMilliseconds(timing.PauseMs), time).ConfigureAwait(false);
            steps.Add($"A: paused {timing.PauseMs} ms; its {timing.LeaseMs} ms lease lapsed on the server meanwhile");
            var b = await redisLock.AcquireAsync("B", timing.LongLeaseMs).ConfigureAwait(false);
            steps.Add($"B: acquire (SET lock B NX PX {timing.LongLeaseMs}, INCR token) → {b}");
            var deleted = ownerChecked
                ? await redisLock.ReleaseIfOwnerAsync("A").ConfigureAwait(false)
                : await redisLock.ReleaseUncheckedAsync().ConfigureAwait(false);
            steps.Add(ownerChecked
                ? $"A: release script (DEL only if lock == A) → {Bit(deleted)}"
                : $"A: DEL lock → {Bit(deleted)} (it deleted B's lock)");
            steps.Add($"GET lock → {await redisLock.HolderAsync().ConfigureAwait(false)}");
            var c = await redisLock.AcquireAsync("C", timing.LongLeaseMs).ConfigureAwait(false);
            steps.Add($"C: acquire (SET lock C NX PX {timing.LongLeaseMs}, INCR token) → {c}");
            return new RedisScenarioOutcome(
                ownerChecked ? "owner-checked release" : "unchecked DEL",
                steps,
                c.IsGranted,
                c.IsGranted
                    ? $"A's DEL freed B's lock: B (token {b.Token}) and C (token {c.Token}) both believe they hold it"
                    : "the release script refused to delete B's lock; B keeps it and C is refused");
        }
        finally
        {
            await redisLock.DeleteKeysAsync().ConfigureAwait(false);
        }
    }

    private static async Task<RedisScenarioOutcome> Guarded(RedisConnection connection, string name, Func<Task<RedisScenarioOutcome>> run)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception error) when (error is RedisConnectionException or RedisTimeoutException or ObjectDisposedException)
        {
            var endpoint = connection.Options.Endpoint;
            var reason = error switch
            {
                ObjectDisposedException => $"the connection to Redis at {endpoint} was closed (disposed); run the connect cell again",
                RedisTimeoutException => $"Redis at {endpoint} gave no reply within {connection.Options.TimeoutMs.ToString(CultureInfo.InvariantCulture)} ms, so the server went away or is stuck; start one with {RedisConnectOptions.StartCommand}, then run the connect cell again",
                _ => $"the connection to Redis at {endpoint} was lost, so the server went away; start one with {RedisConnectOptions.StartCommand}, then run the connect cell again",
            };
            return RedisScenarioOutcome.Interrupted(name, reason);
        }
    }

    private static Task<bool> WriteAsync(RedisLock redisLock, bool fencing, RedisLockGrant grant, string value) =>
        fencing ? redisLock.WriteFencedAsync(grant.Token, value) : WriteUnfencedAsync(redisLock, value);

    private static async Task<bool> WriteUnfencedAsync(RedisLock redisLock, string value)
    {
        await redisLock.WriteUnfencedAsync(value).ConfigureAwait(false);
        return true;
    }

    private static string WriteText(bool fencing, RedisLockGrant grant, string value) =>
        fencing ? $"fenced write (token {grant.Token}, \"{value}\")" : $"SET data \"{value}\"";

    private static string Verdict(bool accepted) => accepted ? "accepted" : "rejected";

    private static string Bit(bool value) => value ? "1" : "0";
}
