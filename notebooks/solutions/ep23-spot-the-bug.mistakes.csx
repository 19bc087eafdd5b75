// Typical wrong answers for notebooks/ep23-spot-the-bug.ipynb, one block per exercise (see the ep01 file for the format).; every check must report "failed".

// exercise: ep23.leak-bytes
long RetainedBytes(long events, int capacity, int stackChars, int overheadBytes) =>
    Math.Min(events, capacity) * ((long)stackChars + overheadBytes);   // one byte per char: forgets that UTF-16 takes 2

// exercise: ep23.bounded-tracker
class MyBoundedTracker : IRecentEventTracker
{
    private readonly List<TrackedEvent> events = new();   // grows with every event: only Snapshot is bounded
    private readonly int capacity;

    public MyBoundedTracker(int capacity) => this.capacity = capacity;

    public int Capacity => capacity;

    public void Track(string eventType, double timestampSeconds) => events.Add(new TrackedEvent(timestampSeconds, eventType));

    public IReadOnlyList<TrackedEvent> Snapshot() => events.Skip(Math.Max(0, events.Count - capacity)).ToArray();
}

IRecentEventTracker NewBoundedTracker(int capacity) => new MyBoundedTracker(capacity);

// exercise: ep23.bounded-cache
class MyBoundedCache : IRequestCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> entries = new();   // never evicts

    public MyBoundedCache(int capacity)
    {
    }

    public int Count => entries.Count;

    public string GetOrAdd(string key, Func<string, string> compute) => entries.GetOrAdd(key, compute);
}

IRequestCache NewBoundedCache(int capacity) => new MyBoundedCache(capacity);

// exercise: ep23.count-interleavings
long CountInterleavings(int threads, int stepsPerThread)
{
    long f = 1;                                                       // (nk)!: every order, even a thread's own steps reordered
    for (int i = 2; i <= threads * stepsPerThread; i++)
    {
        f *= i;
    }

    return f;
}

// exercise: ep23.fix-pool
class MyFixedPool(SharedList<int> free, SimLock gate) : ISimPool
{
    public async Task<PoolCheckout> CheckoutAsync(SimThread t)
    {
        await gate.EnterAsync(t);
        int count = await free.CountAsync(t);                         // the lock covers the check only
        gate.Exit(t);
        if (count == 0)
        {
            return PoolCheckout.NoConnection("no free connection");
        }

        int id = await free.LastAsync(t);
        await free.RemoveLastAsync(t);
        return PoolCheckout.Granted(id);
    }

    public async Task ReleaseAsync(SimThread t, int connectionId)
    {
        await gate.EnterAsync(t);
        await free.AddAsync(t, connectionId);
        gate.Exit(t);
    }
}

ISimPool NewFixedPool(SharedList<int> free, SimLock gate) => new MyFixedPool(free, gate);

// exercise: ep23.blocking-pool
class MyBlockingPool(SharedList<int> free, SimCondition available) : ISimBlockingPool
{
    public async Task<int> CheckoutAsync(SimThread t)
    {
        await available.Gate.EnterAsync(t);
        if (await free.CountAsync(t) == 0)                            // if, not while: a woken thread does not look again
        {
            await available.WaitAsync(t);
        }

        int id = await free.LastAsync(t);
        await free.RemoveLastAsync(t);
        available.Gate.Exit(t);
        return id;
    }

    public async Task ReleaseAsync(SimThread t, int connectionId)
    {
        await available.Gate.EnterAsync(t);
        await free.AddAsync(t, connectionId);
        available.Pulse(t);
        available.Gate.Exit(t);
    }
}

ISimBlockingPool NewBlockingPool(SharedList<int> free, SimCondition available) => new MyBlockingPool(free, available);

// exercise: ep23.owner-checked-release
bool Release(LockService service, string key, string owner, double nowMs) =>
    service.Delete(key, nowMs, out _);                                   // plain DEL: deletes whoever holds the key

// exercise: ep23.fencing-check
bool AcceptWrite(long token, long[] earlierTokens) =>
    earlierTokens.Length == 0 || token >= earlierTokens[^1];             // compared with the last write, not the highest

// exercise: ep23.lease-lapse
double LeaseLapsesAtMs(double requestSentAtMs, double oneWayDelayMs, double leaseMs, double serviceClockDrift) =>
    requestSentAtMs + oneWayDelayMs + leaseMs * (1 + serviceClockDrift); // multiplied by (1 + drift) instead of dividing

// exercise: ep23.lease-check
bool LeaseStillValid(double requestSentAtMs, double replyReceivedAtMs, double nowMs, double leaseMs, double maxClockDrift) =>
    nowMs - replyReceivedAtMs < leaseMs * (1 - maxClockDrift) / (1 + maxClockDrift); // measured from the reply
