namespace Workbook.Core.Reliability.Races.Interleavings;

/// <summary>Ready-made races for pools: threads that check out (and give back) connections, with the checks that catch a double checkout.</summary>
/// <remarks>
/// Every thread logs the connection it gets; the run fails the moment a thread gets a connection another thread
/// holds, and at the end unless every id is back on the free list exactly once (or, without releases, unless every
/// id is either held or free). A non-blocking pool must also hand out what it has: a refusal fails the run when the
/// pool has a connection for every thread, or when the refused checkout ran alone (no other thread inside the pool, as
/// in the serial schedule) and the free list was not empty.
/// </remarks>
public static class PoolRaces
{
    /// <summary>Threads that each check out once from a non-blocking pool, and give the connection back when <paramref name="release"/>.</summary>
    /// <param name="newPool">Makes the pool from the free list (ids 0 … size − 1) and a lock.</param>
    /// <param name="poolSize">Connections; at least 1.</param>
    /// <param name="threads">Threads; at least 1.</param>
    /// <param name="release">Whether each thread gives its connection back.</param>
    /// <returns>A factory of fresh setups for the explorer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="poolSize"/> or <paramref name="threads"/> is below 1.</exception>
    public static Func<RaceSetup> Checkouts(Func<SharedList<int>, SimLock, ISimPool> newPool, int poolSize, int threads, bool release = false)
    {
        ArgumentNullException.ThrowIfNull(newPool);
        Guard.Positive(poolSize, nameof(poolSize));
        Guard.Positive(threads, nameof(threads));
        return () =>
        {
            var free = new SharedList<int>("free", Enumerable.Range(0, poolSize));
            var pool = newPool(free, new SimLock("gate"));
            var holders = new Dictionary<int, SimThread>();
            var inPool = new InPool(free);
            var program = new Func<SimThread, Task>(async t =>
            {
                inPool.Enter(t);
                var checkout = await pool.CheckoutAsync(t);
                var call = inPool.Exit(t);
                int freeAtStart = call.FreeAtStart;
                if (!checkout.IsGranted)
                {
                    t.Log($"gets no connection ({checkout.Reason})");
                    if (poolSize >= threads)
                    {
                        t.Check(false, $"refused: {t.Name} got no connection, though the pool has {poolSize} for {threads} threads (the free list held {freeAtStart} of {poolSize} when it asked)");
                    }
                    else if (call.Alone && freeAtStart > 0)
                    {
                        t.Check(false, $"refused: {t.Name} got no connection, though no other thread was in the pool and the free list held {freeAtStart} of {poolSize}");
                    }

                    return;
                }

                Take(t, holders, checkout.ConnectionId);
                if (release)
                {
                    holders.Remove(checkout.ConnectionId);
                    inPool.Enter(t);
                    await pool.ReleaseAsync(t, checkout.ConnectionId);
                    inPool.Exit(t);
                }
            });
            return new RaceSetup([.. Enumerable.Repeat(program, threads)], check => CheckIds(check, free, holders.Keys, poolSize));
        };
    }

    /// <summary>Threads that each check out from a blocking pool (waiting if need be), then give the connection back.</summary>
    /// <param name="newPool">Makes the pool from the free list (ids 0 … size − 1) and a condition tied to a lock.</param>
    /// <param name="poolSize">Connections; at least 1.</param>
    /// <param name="threads">Threads; at least 1.</param>
    /// <returns>A factory of fresh setups for the explorer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="poolSize"/> or <paramref name="threads"/> is below 1.</exception>
    public static Func<RaceSetup> BlockingCheckouts(Func<SharedList<int>, SimCondition, ISimBlockingPool> newPool, int poolSize, int threads)
    {
        ArgumentNullException.ThrowIfNull(newPool);
        Guard.Positive(poolSize, nameof(poolSize));
        Guard.Positive(threads, nameof(threads));
        return () =>
        {
            var free = new SharedList<int>("free", Enumerable.Range(0, poolSize));
            var pool = newPool(free, new SimCondition("available", new SimLock("gate")));
            var holders = new Dictionary<int, SimThread>();
            var program = new Func<SimThread, Task>(async t =>
            {
                int id = await pool.CheckoutAsync(t);
                Take(t, holders, id);
                holders.Remove(id);
                await pool.ReleaseAsync(t, id);
            });
            return new RaceSetup([.. Enumerable.Repeat(program, threads)], check => CheckIds(check, free, [], poolSize));
        };
    }

    /// <summary>
    /// Enumerates every interleaving of <paramref name="threads"/> threads that each check out once from a pool of as many
    /// connections, and counts those in which a connection went to two threads. Every run goes to its end (the check is
    /// made after the last thread), so each interleaving is counted once.
    /// </summary>
    /// <param name="newPool">Makes the pool from the free list and a lock.</param>
    /// <param name="threads">Threads; 1 to 4 (4 threads of the seed's pool: 369,600 interleavings).</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is outside 1 to 4.</exception>
    public static InterleavingCount CountDoubleCheckouts(Func<SharedList<int>, SimLock, ISimPool> newPool, int threads)
    {
        ArgumentNullException.ThrowIfNull(newPool);
        if (threads is < 1 or > 4)
        {
            throw Guard.OutOfRange(nameof(threads), "an integer from 1 to 4", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var result = InterleavingExplorer.ExploreAll(() =>
        {
            var free = new SharedList<int>("free", Enumerable.Range(0, threads));
            var pool = newPool(free, new SimLock("gate"));
            var got = new List<int>();
            var program = new Func<SimThread, Task>(async t =>
            {
                var checkout = await pool.CheckoutAsync(t);
                if (checkout.IsGranted)
                {
                    got.Add(checkout.ConnectionId);
                }
            });
            return new RaceSetup([.. Enumerable.Repeat(program, threads)], check => check.Check(got.Distinct().Count() == got.Count, "double checkout"));
        }, new ExplorationOptions(maxSchedules: int.MaxValue, stopAtFirstFailure: false));
        return new InterleavingCount(threads, result.SchedulesRun, result.FailingSchedules);
    }

    // Which threads are inside a pool call; for each call, the free count at its first step and whether any other
    // thread took a step between that first step and the call's return.
    private sealed class InPool(SharedList<int> free)
    {
        private readonly Dictionary<SimThread, Call> _calls = [];
        private RunEngine? _watched;

        public void Enter(SimThread t)
        {
            if (!ReferenceEquals(_watched, t.Engine))
            {
                _watched = t.Engine;
                t.Engine.StepStarting += OnStep;
            }

            _calls[t] = new Call();
        }

        public Call Exit(SimThread t)
        {
            _calls.Remove(t, out var call);
            call ??= new Call();
            if (!call.Started)
            {
                call.FreeAtStart = free.Items.Count;       // a call without a step ran alone, at this moment
            }

            return call;
        }

        private void OnStep(SimThread stepping)
        {
            foreach (var (thread, call) in _calls)
            {
                if (ReferenceEquals(thread, stepping) && !call.Started)
                {
                    call.Started = true;
                    call.FreeAtStart = free.Items.Count;
                }
                else if (!ReferenceEquals(thread, stepping) && call.Started)
                {
                    call.Alone = false;
                }
            }
        }
    }

    private sealed class Call
    {
        public bool Started { get; set; }

        public bool Alone { get; set; } = true;

        public int FreeAtStart { get; set; }
    }

    private static void Take(SimThread t, Dictionary<int, SimThread> holders, int id)
    {
        t.Log($"gets connection {id}");
        if (holders.TryGetValue(id, out var holder))
        {
            t.Check(false, $"double checkout: {t.Name} got connection {id}, which {holder.Name} holds");
            return;
        }

        holders[id] = t;
    }

    private static void CheckIds(RaceChecker check, SharedList<int> free, IEnumerable<int> held, int poolSize)
    {
        var all = free.Items.Concat(held).Order().ToList();
        check.Check(all.SequenceEqual(Enumerable.Range(0, poolSize)),
            $"connections lost or duplicated: free [{string.Join(", ", free.Items)}], held [{string.Join(", ", held)}], expected each of 0 … {poolSize - 1} once");
    }
}
