// Reference answers for notebooks/ep23-spot-the-bug.ipynb, one block per exercise (see the ep01 file for the format).

// exercise: ep23.leak-bytes
long RetainedBytes(long events, int capacity, int stackChars, int overheadBytes) =>
    Math.Min(events, capacity) * (2L * stackChars + overheadBytes);   // kept events × (UTF-16: 2 bytes per char + overhead), in long

// exercise: ep23.bounded-tracker
class MyBoundedTracker : IRecentEventTracker
{
    private readonly TrackedEvent[] slots;   // preallocated: memory is fixed at construction
    private int next;                        // the slot the next event overwrites
    private int count;

    public MyBoundedTracker(int capacity) => slots = new TrackedEvent[capacity];

    public int Capacity => slots.Length;

    public void Track(string eventType, double timestampSeconds)
    {
        slots[next] = new TrackedEvent(timestampSeconds, eventType);   // time and type only, no stack trace
        next = (next + 1) % slots.Length;
        count = Math.Min(count + 1, slots.Length);
    }

    public IReadOnlyList<TrackedEvent> Snapshot()
    {
        int oldest = count < slots.Length ? 0 : next;                  // once full, the oldest is the next to overwrite
        return Enumerable.Range(0, count).Select(i => slots[(oldest + i) % slots.Length]).ToArray();
    }
}

IRecentEventTracker NewBoundedTracker(int capacity) => new MyBoundedTracker(capacity);

// exercise: ep23.bounded-cache
class MyBoundedCache : IRequestCache
{
    private readonly int capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, string Value)>> index = new();
    private readonly LinkedList<(string Key, string Value)> byUse = new();   // most recently used first
    private readonly object gate = new();

    public MyBoundedCache(int capacity) => this.capacity = capacity;

    public int Count
    {
        get { lock (gate) { return index.Count; } }
    }

    public string GetOrAdd(string key, Func<string, string> compute)
    {
        lock (gate)
        {
            if (index.TryGetValue(key, out var hit))
            {
                byUse.Remove(hit);                 // a hit makes the key the most recently used
                byUse.AddFirst(hit);
                return hit.Value.Value;
            }

            if (index.Count == capacity)
            {
                index.Remove(byUse.Last!.Value.Key);   // evict the least recently used
                byUse.RemoveLast();
            }

            string value = compute(key);
            index[key] = byUse.AddFirst((key, value));
            return value;
        }
    }
}

IRequestCache NewBoundedCache(int capacity) => new MyBoundedCache(capacity);

// exercise: ep23.count-interleavings
long CountInterleavings(int threads, int stepsPerThread)
{
    long total = 1;                                                   // (nk)! / (k!)^n = C(k, k)·C(2k, k)·…·C(nk, k)
    for (int i = 1; i <= threads; i++)
    {
        long binomial = 1;
        for (int j = 1; j <= stepsPerThread; j++)
        {
            binomial = binomial * ((i - 1) * stepsPerThread + j) / j;  // exact at every step: C((i-1)k + j, j)
        }

        total *= binomial;
    }

    return total;
}

// exercise: ep23.fix-pool
class MyFixedPool(SharedList<int> free, SimLock gate) : ISimPool
{
    public async Task<PoolCheckout> CheckoutAsync(SimThread t)
    {
        await gate.EnterAsync(t);                                     // the lock covers the check AND the act
        try
        {
            if (await free.CountAsync(t) == 0)
            {
                return PoolCheckout.NoConnection("no free connection");
            }

            int id = await free.LastAsync(t);
            await free.RemoveLastAsync(t);
            return PoolCheckout.Granted(id);
        }
        finally
        {
            gate.Exit(t);
        }
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
        while (await free.CountAsync(t) == 0)                         // look again after every wake-up
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
        available.Pulse(t);                                           // wake one waiter
        available.Gate.Exit(t);
    }
}

ISimBlockingPool NewBlockingPool(SharedList<int> free, SimCondition available) => new MyBlockingPool(free, available);

// exercise: ep23.owner-checked-release
bool Release(LockService service, string key, string owner, double nowMs)
{
    if (!service.TryGet(key, nowMs, out var value) || value != owner)   // absent, lapsed, or someone else's: leave it
    {
        return false;
    }

    return service.Delete(key, nowMs, out _);                            // still ours: delete it (one atomic step, like the Lua script)
}

// exercise: ep23.fencing-check
bool AcceptWrite(long token, long[] earlierTokens) =>
    earlierTokens.Length == 0 || token >= earlierTokens.Max();           // reject only a token LOWER than the highest seen

// exercise: ep23.lease-lapse
double LeaseLapsesAtMs(double requestSentAtMs, double oneWayDelayMs, double leaseMs, double serviceClockDrift) =>
    requestSentAtMs + oneWayDelayMs + leaseMs / (1 + serviceClockDrift); // starts on arrival; a fast clock counts L in L/(1+δ)

// exercise: ep23.lease-check
bool LeaseStillValid(double requestSentAtMs, double replyReceivedAtMs, double nowMs, double leaseMs, double maxClockDrift) =>
    // The service keeps the lease at least L/(1+ρ) true ms after the SEND; my clock shows at least (1−ρ) of that.
    nowMs - requestSentAtMs < leaseMs * (1 - maxClockDrift) / (1 + maxClockDrift);
