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
/// </remarks>
public static class LockSimulation
{
    private const string Key = "resource";

    /// <summary>Runs one simulation.</summary>
    /// <param name="options">The setting.</param>
    /// <param name="seed">The seed of the delays, random pauses and clock drifts.</param>
    /// <returns>The sections, writes and safety checks of the run.</returns>
    public static LockRun Run(LockSimulationOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Runner(options, seed).Run();
    }

    private sealed class Runner
    {
        private readonly LockSimulationOptions options;
        private readonly long seed;
        private readonly PriorityQueue<Action, (double Time, long Order)> queue = new();
        private readonly LockService lockService;
        private readonly StorageService storage;
        private readonly List<ProcessPause>[] pauses;
        private readonly double[] clockRates;
        private readonly List<CriticalSection> sections = [];
        private readonly List<StorageWrite> writes = [];
        private Xoshiro256StarStar random;
        private long order;
        private int foreignDeletes;

        public Runner(LockSimulationOptions options, long seed)
        {
            this.options = options;
            this.seed = seed;
            random = new Xoshiro256StarStar(seed);
            lockService = new LockService(options.ServiceClockDrift);
            storage = new StorageService(options.Strategy == LockStrategy.FencingTokens);
            pauses = new List<ProcessPause>[options.ClientCount];
            clockRates = new double[options.ClientCount];
            for (var c = 0; c < options.ClientCount; c++)
            {
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

            return new LockRun(options, seed, [.. sections.OrderBy(s => s.AcquiredAtMs).ThenBy(s => s.ClientIndex)], writes, foreignDeletes);
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
                Call(client, () => lockService.TryGet(Key, Now, out _), present =>
                {
                    if (present)
                    {
                        AtClient(client, Now + options.RetryMs, () => StartRound(client, round));
                        return;
                    }

                    var setSentAt = Now;
                    Call(client, () => lockService.Set(Key, owner, options.LeaseMs, Now), grant => Acquired(client, round, owner, grant, setSentAt));
                });
            }
            else
            {
                Call(client, () => lockService.SetIfAbsent(Key, owner, options.LeaseMs, Now), grant =>
                {
                    if (grant.IsGranted)
                    {
                        Acquired(client, round, owner, grant, sentAt);
                    }
                    else
                    {
                        AtClient(client, Now + options.RetryMs, () => StartRound(client, round));
                    }
                });
            }
        }

        private void Acquired(int client, int round, string owner, LockGrant grant, double requestSentAt)
        {
            var acquiredAt = Now;
            AtClient(client, Now + options.WorkMs, () =>
            {
                // The client's own clock: elapsed true time scaled by its rate, counted from the request.
                var stillValid = (Now - requestSentAt) * clockRates[client] < options.LeaseMs;
                if (!stillValid)
                {
                    Release(client, round, owner, grant, acquiredAt, write: null);
                    return;
                }

                AtClient(client, Now + options.CheckToWriteMs, () =>
                {
                    var sentAt = Now;
                    Schedule(Now + Delay(), () =>
                    {
                        var write = new StorageWrite(client, grant.Token, sentAt, Now, storage.TryWrite(grant.Token), lockService.Holds(Key, owner, Now));
                        writes.Add(write);
                        AtClient(client, Now + Delay(), () => Release(client, round, owner, grant, acquiredAt, write));
                    });
                });
            });
        }

        private void Release(int client, int round, string owner, LockGrant grant, double acquiredAt, StorageWrite? write)
        {
            sections.Add(new CriticalSection(client, round, grant.Token, acquiredAt, grant.ExpiresAtMs, Now, write));
            Schedule(Now + Delay(), () =>
            {
                if (options.Strategy is LockStrategy.NaiveGetThenSet or LockStrategy.SetNxUncheckedDelete)
                {
                    if (lockService.Delete(Key, Now, out var deleted) && deleted != owner)
                    {
                        foreignDeletes++;
                    }
                }
                else
                {
                    lockService.CompareAndDelete(Key, owner, Now);
                }
            });
            StartRound(client, round + 1);
        }
    }
}
