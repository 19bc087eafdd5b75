// Reference answers for notebooks/ep22-building-circuit-breakers.ipynb, one block per exercise (see the ep01 file for the format).
// The notebook's setup cell brings in Workbook.Core.Resilience.Breakers and Workbook.Core.Resilience.Breakers.Scenarios.

// exercise: ep22.admit-call
bool AdmitCall(BreakerState state, double secondsSinceOpened, double resetTimeout, bool probeInFlight) => state switch
{
    BreakerState.Closed => true,                                      // every call goes through
    BreakerState.Open => secondsSinceOpened >= resetTimeout,          // from exactly the timeout on, this call is the probe
    BreakerState.HalfOpen => !probeInFlight,                          // one probe at a time
    _ => false,                                                       // isolated: only an operator lets calls through again
};

// exercise: ep22.seed-challenge
int FailuresToTrip(int priorSuccesses, double failureThreshold)
{
    int failures = 1;
    while (!((double)failures / (failures + priorSuccesses) > failureThreshold))   // the seed's test, over its whole life
    {
        failures++;
    }

    return failures;
}

// exercise: ep22.window-ratio
bool ShouldOpen(int failures, int calls, int minimumCalls, double failureRatio) =>
    calls >= minimumCalls && (double)failures / calls >= failureRatio;       // divide, then compare: 7/25 is exactly 0.28

// exercise: ep22.buckets-in-window
int CallsInWindow(long[] callTimesMs, long samplingDurationMs, long nowMs)
{
    double bucketLength = samplingDurationMs / 10.0;
    var starts = new List<long>();
    var counts = new List<int>();
    foreach (long t in callTimesMs)
    {
        if (starts.Count == 0 || t - starts[^1] >= bucketLength)
        {
            starts.Add(t);                                            // a bucket starts at its first call
            counts.Add(0);
        }

        counts[^1]++;
    }

    int inWindow = 0;
    for (int i = 0; i < starts.Count; i++)
    {
        if (nowMs - starts[i] < samplingDurationMs)                   // dropped whole once now - start >= samplingDuration
        {
            inWindow += counts[i];
        }
    }

    return inWindow;
}

// exercise: ep22.beginner-breaker
class MyBreaker : IReplayableBreaker
{
    private readonly int failureThreshold;
    private readonly double resetTimeout;
    private BreakerState state = BreakerState.Closed;
    private int failures;
    private double openedAt;

    public MyBreaker(int failureThreshold, double resetTimeout)
    {
        this.failureThreshold = failureThreshold;
        this.resetTimeout = resetTimeout;
    }

    public bool TryCall(double time)
    {
        state = StateAt(time);                                        // an open breaker whose timeout has passed is half-open
        return state != BreakerState.Open;                            // closed, or the half-open probe
    }

    public void Record(bool success, double time)
    {
        if (success)
        {
            state = BreakerState.Closed;                              // a probe's success closes; any success ends the streak
            failures = 0;
        }
        else if (state == BreakerState.HalfOpen || ++failures >= failureThreshold)
        {
            state = BreakerState.Open;                                // the threshold, or a failed probe: open from now
            openedAt = time;
            failures = 0;
        }
    }

    public BreakerState StateAt(double time) =>
        state == BreakerState.Open && time - openedAt >= resetTimeout ? BreakerState.HalfOpen : state;
}

IReplayableBreaker NewBeginnerBreaker(int failureThreshold, double resetTimeout) => new MyBreaker(failureThreshold, resetTimeout);

// exercise: ep22.count-window-breaker
class MyWindowBreaker : IReplayableBreaker
{
    private readonly CountWindowSettings settings;
    private readonly Queue<bool> window = new();                      // true = the call failed; oldest first
    private BreakerState state = BreakerState.Closed;
    private double openedAt;
    private int probesOut;
    private int probesSucceeded;

    public MyWindowBreaker(CountWindowSettings settings) => this.settings = settings;

    public bool TryCall(double time)
    {
        if (StateAt(time) == BreakerState.HalfOpen && state == BreakerState.Open)
        {
            MoveTo(BreakerState.HalfOpen);
        }

        if (state == BreakerState.Closed)
        {
            return true;
        }

        if (state == BreakerState.HalfOpen && probesOut < settings.HalfOpenProbes)
        {
            probesOut++;
            return true;
        }

        return false;
    }

    public void Record(bool success, double time)
    {
        if (state == BreakerState.HalfOpen)
        {
            if (!success)
            {
                Open(time);                                           // the first failing probe reopens
            }
            else if (++probesSucceeded == settings.HalfOpenProbes)
            {
                MoveTo(BreakerState.Closed);                          // every probe succeeded
            }

            return;
        }

        window.Enqueue(!success);
        if (window.Count > settings.WindowSize)
        {
            window.Dequeue();                                         // the oldest outcome leaves
        }

        int failed = window.Count(f => f);
        if (!success && window.Count >= settings.MinimumCalls && (double)failed / window.Count >= settings.FailureRatio)
        {
            Open(time);
        }
    }

    public BreakerState StateAt(double time) =>
        state == BreakerState.Open && time - openedAt >= settings.OpenDuration ? BreakerState.HalfOpen : state;

    private void Open(double time)
    {
        MoveTo(BreakerState.Open);
        openedAt = time;
    }

    private void MoveTo(BreakerState to)
    {
        state = to;
        window.Clear();                                               // every transition starts a fresh count
        probesOut = probesSucceeded = 0;
    }
}

IReplayableBreaker NewWindowBreaker(CountWindowSettings settings) => new MyWindowBreaker(settings);

// exercise: ep22.production-breaker
class MyProductionBreaker : IReplayableBreaker
{
    private readonly BreakerScenarioOptions options;
    private readonly List<(double Start, int Calls, int Failures)> buckets = new();
    private BreakerState state = BreakerState.Closed;
    private double blockedUntil;

    public MyProductionBreaker(BreakerScenarioOptions options) => this.options = options;

    public bool TryCall(double nowMs)
    {
        if (state == BreakerState.Open && nowMs >= blockedUntil)
        {
            state = BreakerState.HalfOpen;                            // Polly moves on only when a call arrives: this is the probe
            return true;
        }

        return state == BreakerState.Closed;
    }

    public void Record(bool success, double nowMs)
    {
        if (state == BreakerState.HalfOpen)
        {
            if (success)
            {
                state = BreakerState.Closed;
                buckets.Clear();                                      // closing forgets the old health
            }
            else
            {
                Open(nowMs);
            }

            return;
        }

        double bucketLength = options.SamplingDurationMilliseconds / 10.0;
        if (buckets.Count == 0 || nowMs - buckets[^1].Start >= bucketLength)
        {
            buckets.Add((nowMs, 0, 0));                               // a bucket starts at the first call, not on a grid
        }

        var current = buckets[^1];
        buckets[^1] = (current.Start, current.Calls + 1, current.Failures + (success ? 0 : 1));
        buckets.RemoveAll(b => nowMs - b.Start >= options.SamplingDurationMilliseconds);

        int calls = buckets.Sum(b => b.Calls);
        int failures = buckets.Sum(b => b.Failures);
        if (!success && calls >= options.MinimumThroughput && (double)failures / calls >= options.FailureRatio)
        {
            Open(nowMs);
        }
    }

    public BreakerState StateAt(double nowMs) => state;             // lazy: open until a call arrives after the break

    private void Open(double nowMs)
    {
        state = BreakerState.Open;
        blockedUntil = nowMs + options.BreakDurationMilliseconds;
    }
}

IReplayableBreaker NewProductionBreaker(BreakerScenarioOptions options) => new MyProductionBreaker(options);

// exercise: ep22.backoff-ceiling
double BackoffCeiling(double baseMs, double capMs, int retry) =>
    Math.Min(capMs, baseMs * Math.Pow(2, retry));                  // retry 0 waits at most base

// exercise: ep22.decorrelated-jitter
double DecorrelatedDelay(double baseMs, double capMs, double previousMs, double u) =>
    Math.Min(capMs, baseMs + u * (3 * previousMs - baseMs));       // uniform on [base, 3 · previous], capped

// exercise: ep22.retry-budget
bool RetryAllowed(double[] requestTimesMs, double[] retryTimesMs, double nowMs, double windowMs, double ratio, double minPerSecond)
{
    int InWindow(double[] times) => times.Count(t => t <= nowMs && nowMs - t < windowMs);
    var allowance = ratio * InWindow(requestTimesMs) + minPerSecond * windowMs / 1000;
    return InWindow(retryTimesMs) + 1 <= allowance;                 // count the retry about to be made
}

// exercise: ep22.retry-amplification
double WorstCaseCalls(int layers, int retriesPerLayer) =>
    Math.Pow(retriesPerLayer + 1, layers);                          // r + 1 calls per call, layer after layer

// exercise: ep22.pooled-trip
bool PooledTrips(int[] failures, int[] calls, int minimumThroughput, double failureRatio)
{
    int f = failures.Sum(), c = calls.Sum();                          // pool the counts, not the ratios
    return c > 0 && c >= minimumThroughput && (double)f / c >= failureRatio;
}

// exercise: ep22.roc-auc
double RocArea(double[] scores, bool[] outageAhead)
{
    var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
    double rankSum = 0;
    for (int i = 0; i < order.Length;)
    {
        int j = i;
        while (j < order.Length && scores[order[j]] == scores[order[i]]) j++;
        double midRank = (i + 1 + j) / 2.0;                              // tied scores share their mean rank
        for (int k = i; k < j; k++) if (outageAhead[order[k]]) rankSum += midRank;
        i = j;
    }
    int n1 = outageAhead.Count(y => y), n0 = scores.Length - n1;
    return (rankSum - n1 * (n1 + 1) / 2.0) / ((double)n1 * n0);        // U / (n1 n0)
}

// exercise: ep22.hystrix-false-trip
double HystrixFalseTrip(double requestsPerSecond, double baselineFailureRate) =>
    BreakerTripMath.FullWindowTripProbability(CircuitBreakerDefaults.TripConditionFor("Hystrix"), baselineFailureRate, requestsPerSecond);
