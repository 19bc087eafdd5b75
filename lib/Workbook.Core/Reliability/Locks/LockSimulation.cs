using Workbook.Core.Simulation;

namespace Workbook.Core.Reliability.Locks;

/// <summary>
/// A seeded discrete-event simulation of clients taking a lock from a <see cref="LockService"/> and
/// writing to a <see cref="StorageService"/>, with process pauses, message delays and clock drift.
/// </summary>
/// <remarks>
/// Same options and seed, same run. Events at the same time run in the order they were scheduled.
/// A paused client's events wait for the pause to end; the services never pause. The lock key is
/// "resource"; each section's owner value is unique ("c0-r1"), as the Redis docs require.
/// Every step is logged as a <see cref="LockEvent"/> (<see cref="LockRun.Transcript"/>); <see cref="LockHooks"/>
/// replace the release, the storage's accept rule or the client's lease check with learner code.
/// </remarks>
public static class LockSimulation
{
    private const string Key = "resource";

    /// <summary>Runs one simulation.</summary>
    /// <param name="options">The setting.</param>
    /// <param name="seed">The seed of the delays, random pauses and clock drifts.</param>
    /// <returns>The sections, writes, events and safety checks of the run.</returns>
    public static LockRun Run(LockSimulationOptions options, long seed) => Run(options, seed, LockHooks.None);

    /// <summary>Runs one simulation with learner code in place of some of the strategy's rules.</summary>
    /// <param name="options">The setting.</param>
    /// <param name="seed">The seed of the delays, random pauses and clock drifts.</param>
    /// <param name="hooks">The replaced rules (null members keep the strategy's).</param>
    /// <returns>The sections, writes, events and safety checks of the run.</returns>
    public static LockRun Run(LockSimulationOptions options, long seed, LockHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hooks);
        return new Runner(options, seed, hooks).Run();
    }

    private sealed class Runner
    {
        private const string LockActor = "lock";
        private const string StoreActor = "store";
        private readonly LockSimulationOptions options;
        private readonly long seed;
        private readonly LockHooks hooks;
        private readonly PriorityQueue<Action, (double Time, long Order)> queue = new();
        private readonly LockService lockService;
        private readonly StorageService storage;
        private readonly List<ProcessPause>[] pauses;
        private readonly double[] clockRates;
        private readonly string[] clientNames;
        private readonly List<CriticalSection> sections = [];
        private readonly List<StorageWrite> writes = [];
        private readonly List<long> receivedTokens = [];
        private readonly List<LockEvent> events = [];
        private Xoshiro256StarStar random;
        private long order;
        private int foreignDeletes;
        private long holderToken;

        public Runner(LockSimulationOptions options, long seed, LockHooks hooks)
        {
            this.options = options;
            this.seed = seed;
            this.hooks = hooks;
            random = new Xoshiro256StarStar(seed);
            lockService = new LockService(options.ServiceClockDrift);
            storage = new StorageService(options.Strategy == LockStrategy.FencingTokens);
            pauses = new List<ProcessPause>[options.ClientCount];
            clockRates = new double[options.ClientCount];
            clientNames = new string[options.ClientCount];
            for (var c = 0; c < options.ClientCount; c++)
            {
                clientNames[c] = $"c{c}";
                pauses[c] = [.. options.Pauses.Where(p => p.ClientIndex == c)];
                clockRates[c] = 1 + (options.HasClientClockDrifts ? options.ClientClockDrifts[c]
                    : options.MaxClientClockDrift > 0 ? options.MaxClientClockDrift * ((2 * random.NextDouble()) - 1) : 0);
                if (options.PauseRatePerSecond > 0)
                {
                    var meanGapMs = 1000 / options.PauseRatePerSecond;
                    for (var t = random.NextExponential(meanGapMs); t < options.HorizonMs; t += random.NextExponential(meanGapMs))
                    {
                        pauses[c].Add(new ProcessPause(c, t, random.NextExponential(options.PauseMeanMs)));
                    }
                }
            }
        }

        private double Now { get; set; }

        public LockRun Run()
        {
            for (var c = 0; c < options.ClientCount; c++)
            {
                var client = c;
                AtClient(client, client * options.StartSpacingMs, () => StartRound(client, 0));
            }

            while (queue.TryDequeue(out var action, out var at))
            {
                Now = at.Time;
                action();
            }

            return new LockRun(options, seed, [.. sections.OrderBy(s => s.AcquiredAtMs).ThenBy(s => s.ClientIndex)], writes, foreignDeletes, WithPauses());
        }

        private void Log(string actor, LockEventKind kind, string detail) => events.Add(new LockEvent(Now, actor, kind, detail));

        private static string F(double ms) => ms.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

        // Pauses that started before the last event, merged in: a pause event comes before other events at its time.
        private List<LockEvent> WithPauses()
        {
            if (events.Count == 0)
            {
                return events;
            }

            var last = events[^1].TimeMs;
            var pauseEvents = pauses.SelectMany(list => list)
                .Where(p => p.StartMs <= last)
                .SelectMany(p => new[]
                {
                    new LockEvent(p.StartMs, clientNames[p.ClientIndex], LockEventKind.PauseStarted, $"{F(p.DurationMs)} ms, to {F(p.EndMs)}"),
                    new LockEvent(p.EndMs, clientNames[p.ClientIndex], LockEventKind.PauseEnded, string.Empty),
                })
                .OrderBy(e => e.TimeMs).ThenBy(e => e.Actor, StringComparer.Ordinal)
                .ToList();
            var merged = new List<LockEvent>(events.Count + pauseEvents.Count);
            int i = 0;
            foreach (var e in events)
            {
                while (i < pauseEvents.Count && pauseEvents[i].TimeMs <= e.TimeMs)
                {
                    merged.Add(pauseEvents[i++]);
                }

                merged.Add(e);
            }

            merged.AddRange(pauseEvents.Skip(i));
            return merged;
        }

        private void Schedule(double time, Action action) => queue.Enqueue(action, (time, order++));

        // A client's event waits while the client is paused; it runs at the end of the pause.
        private void AtClient(int client, double time, Action action) =>
            Schedule(time, () =>
            {
                var pause = pauses[client].Find(p => p.StartMs <= Now && Now < p.EndMs);
                if (pause is null)
                {
                    action();
                }
                else
                {
                    AtClient(client, pause.EndMs, action);
                }
            });

        private double Delay() =>
            options.MessageDelayMaxMs > options.MessageDelayMinMs
                ? options.MessageDelayMinMs + ((options.MessageDelayMaxMs - options.MessageDelayMinMs) * random.NextDouble())
                : options.MessageDelayMinMs;

        // A request reaches the lock service after one delay; its reply reaches the client after another.
        private void Call<T>(int client, Func<T> atService, Action<T> atClient) =>
            Schedule(Now + Delay(), () =>
            {
                var reply = atService();
                AtClient(client, Now + Delay(), () => atClient(reply));
            });

        private void Retry(int client, int round, string why)
        {
            Log(clientNames[client], LockEventKind.RetryScheduled, $"{why}; retry at {F(Now + options.RetryMs)}");
            AtClient(client, Now + options.RetryMs, () => StartRound(client, round));
        }

        private LockGrant Granted(LockGrant grant, string owner)
        {
            if (!grant.IsGranted)
            {
                Log(LockActor, LockEventKind.Refused, $"{owner}: {grant.Reason}");
                return grant;
            }

            Log(LockActor, LockEventKind.Granted, $"{owner}, token {grant.Token}, lease to {F(grant.ExpiresAtMs)}");
            holderToken = grant.Token;
            Schedule(grant.ExpiresAtMs, () =>
            {
                if (holderToken == grant.Token)
                {
                    holderToken = 0;
                    Log(LockActor, LockEventKind.LeaseLapsed, $"{owner}, token {grant.Token}");
                }
            });
            return grant;
        }

        private void StartRound(int client, int round)
        {
            if (round >= options.RoundsPerClient || Now > options.HorizonMs)
            {
                return;
            }

            var owner = $"c{client}-r{round}";
            var sentAt = Now;
            if (options.Strategy == LockStrategy.NaiveGetThenSet)
            {
                Log(clientNames[client], LockEventKind.RequestSent, $"GET resource ({owner})");
                Call(client, () =>
                {
                    var present = lockService.TryGet(Key, Now, out var value);
                    Log(LockActor, LockEventKind.RequestArrived, present ? $"GET from {owner}: held by {value}" : $"GET from {owner}: absent");
                    return present;
                }, present =>
                {
                    if (present)
                    {
                        Retry(client, round, "key held");
                        return;
                    }

                    var setSentAt = Now;
                    Log(clientNames[client], LockEventKind.RequestSent, $"SET resource {owner} PX {F(options.LeaseMs)}");
                    Call(client, () => Granted(lockService.Set(Key, owner, options.LeaseMs, Now), owner), grant => Acquired(client, round, owner, grant, setSentAt));
                });
            }
            else
            {
                Log(clientNames[client], LockEventKind.RequestSent, $"SET resource {owner} NX PX {F(options.LeaseMs)}");
                Call(client, () => Granted(lockService.SetIfAbsent(Key, owner, options.LeaseMs, Now), owner), grant =>
                {
                    if (grant.IsGranted)
                    {
                        Acquired(client, round, owner, grant, sentAt);
                    }
                    else
                    {
                        Retry(client, round, "refused");
                    }
                });
            }
        }

        private bool LeaseStillValid(int client, double requestSentAt, double acquiredAt)
        {
            var rate = clockRates[client];
            if (hooks.LeaseCheck is { } check)
            {
                var bound = options.HasClientClockDrifts ? options.ClientClockDrifts.Max(Math.Abs) : options.MaxClientClockDrift;
                return check(requestSentAt * rate, acquiredAt * rate, Now * rate, options.LeaseMs, bound);
            }

            // The client's own clock: elapsed true time scaled by its rate, counted from the request.
            return (Now - requestSentAt) * rate < options.LeaseMs;
        }

        private void Acquired(int client, int round, string owner, LockGrant grant, double requestSentAt)
        {
            var acquiredAt = Now;
            var name = clientNames[client];
            Log(name, LockEventKind.Acquired, $"token {grant.Token} (request sent at {F(requestSentAt)})");
            AtClient(client, Now + options.WorkMs, () =>
            {
                var checkedAt = Now;
                var ownClock = F((Now - requestSentAt) * clockRates[client]);
                if (!LeaseStillValid(client, requestSentAt, acquiredAt))
                {
                    Log(name, LockEventKind.CheckFailed, $"own clock: {ownClock} ms since the request; lease {F(options.LeaseMs)}");
                    Release(client, round, owner, grant, acquiredAt, write: null, checkedAt);
                    return;
                }

                Log(name, LockEventKind.CheckPassed, $"own clock: {ownClock} ms since the request; lease {F(options.LeaseMs)}");
                AtClient(client, Now + options.CheckToWriteMs, () =>
                {
                    var sentAt = Now;
                    Log(name, LockEventKind.WriteSent, $"token {grant.Token}");
                    Schedule(Now + Delay(), () =>
                    {
                        var accepted = hooks.AcceptWrite is { } rule ? rule(grant.Token, [.. receivedTokens]) : storage.TryWrite(grant.Token);
                        receivedTokens.Add(grant.Token);
                        var held = lockService.Holds(Key, owner, Now);
                        string NotHeld() => lockService.TryGet(Key, Now, out var current)
                            ? $", writer no longer holds the key ({current} does)"
                            : ", writer no longer holds the key (key absent)";
                        var write = new StorageWrite(client, grant.Token, sentAt, Now, accepted, held);
                        writes.Add(write);
                        Log(StoreActor, accepted ? LockEventKind.WriteAccepted : LockEventKind.WriteRejected,
                            $"{name}, token {grant.Token}{(held ? string.Empty : NotHeld())}");
                        AtClient(client, Now + Delay(), () => Release(client, round, owner, grant, acquiredAt, write, checkedAt));
                    });
                });
            });
        }

        private void Release(int client, int round, string owner, LockGrant grant, double acquiredAt, StorageWrite? write, double checkedAt)
        {
            sections.Add(new CriticalSection(client, round, grant.Token, acquiredAt, grant.ExpiresAtMs, Now, write, checkedAt));
            Log(clientNames[client], LockEventKind.ReleaseSent, $"{owner}{(options.Strategy is LockStrategy.NaiveGetThenSet or LockStrategy.SetNxUncheckedDelete && hooks.Release is null ? " (DEL)" : string.Empty)}");
            Schedule(Now + Delay(), () => ReleaseAtService(owner));
            StartRound(client, round + 1);
        }

        private void ReleaseAtService(string owner)
        {
            if (hooks.Release is { } release)
            {
                var heldBefore = lockService.TryGet(Key, Now, out var before);
                release(lockService, Key, owner, Now);
                var heldAfter = lockService.TryGet(Key, Now, out var after);
                if (heldBefore && !heldAfter)
                {
                    LogRemoval(owner, before);
                }
                else if (heldBefore && before == owner && after == owner)
                {
                    Log(LockActor, LockEventKind.OwnLockKept, owner);
                }
                else
                {
                    Log(LockActor, LockEventKind.ReleaseRemovedNothing, heldBefore ? $"{owner}; key held by {before}" : $"{owner}; key absent");
                }

                return;
            }

            if (options.Strategy is LockStrategy.NaiveGetThenSet or LockStrategy.SetNxUncheckedDelete)
            {
                if (lockService.Delete(Key, Now, out var deleted))
                {
                    LogRemoval(owner, deleted);
                }
                else
                {
                    Log(LockActor, LockEventKind.ReleaseRemovedNothing, $"{owner}; key absent");
                }
            }
            else
            {
                var heldBy = lockService.TryGet(Key, Now, out var value) ? value : string.Empty;
                if (lockService.CompareAndDelete(Key, owner, Now))
                {
                    holderToken = 0;
                    Log(LockActor, LockEventKind.Released, owner);
                }
                else
                {
                    Log(LockActor, LockEventKind.ReleaseRemovedNothing, heldBy.Length > 0 ? $"{owner}; key held by {heldBy}, kept" : $"{owner}; key absent");
                }
            }
        }

        private void LogRemoval(string owner, string removed)
        {
            holderToken = 0;
            if (removed == owner)
            {
                Log(LockActor, LockEventKind.Released, owner);
            }
            else
            {
                foreignDeletes++;
                Log(LockActor, LockEventKind.ForeignDelete, $"{owner} deleted {removed}'s lock");
            }
        }
    }
}
