// Typical wrong answers for notebooks/ep22-building-circuit-breakers.ipynb; every check must report "failed".

// exercise: ep22.admit-call
bool AdmitCall(BreakerState state, double secondsSinceOpened, double resetTimeout, bool probeInFlight) => state switch
{
    BreakerState.Closed => true,
    BreakerState.Open => secondsSinceOpened > resetTimeout,           // strict: rejects the call at exactly the timeout
    BreakerState.HalfOpen => !probeInFlight,
    _ => false,
};

// exercise: ep22.seed-challenge
int FailuresToTrip(int priorSuccesses, double failureThreshold)
{
    int failures = 1;
    while ((double)failures / (failures + priorSuccesses) < failureThreshold)   // stops at "reaches"; the seed needs "exceeds"
    {
        failures++;
    }

    return failures;
}

// exercise: ep22.window-ratio
bool ShouldOpen(int failures, int calls, int minimumCalls, double failureRatio) =>
    calls >= minimumCalls && failures >= failureRatio * calls;               // 0.28 * 25 = 7.000000000000001

// exercise: ep22.buckets-in-window
int CallsInWindow(long[] callTimesMs, long samplingDurationMs, long nowMs) =>
    callTimesMs.Count(t => nowMs - t < samplingDurationMs);                   // per call, not whole buckets

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
        state = StateAt(time);
        return state != BreakerState.Open;
    }

    public void Record(bool success, double time)
    {
        if (success)
        {
            if (state == BreakerState.HalfOpen)
            {
                state = BreakerState.Closed;
                failures = 0;
            }                                                         // a success in the closed state leaves the count as it is
        }
        else if (state == BreakerState.HalfOpen || ++failures >= failureThreshold)
        {
            state = BreakerState.Open;
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
    private readonly Queue<bool> window = new();
    private BreakerState state = BreakerState.Closed;
    private double openedAt;

    public MyWindowBreaker(CountWindowSettings settings) => this.settings = settings;

    public bool TryCall(double time)
    {
        if (state == BreakerState.Open && time - openedAt >= settings.OpenDuration)
        {
            state = BreakerState.HalfOpen;
        }

        return state != BreakerState.Open;
    }

    public void Record(bool success, double time)
    {
        if (state == BreakerState.HalfOpen)
        {
            state = success ? BreakerState.Closed : BreakerState.Open;   // closes on the FIRST successful probe
            openedAt = time;
            window.Clear();
            return;
        }

        window.Enqueue(!success);
        if (window.Count > settings.WindowSize)
        {
            window.Dequeue();
        }

        if (!success && window.Count >= settings.MinimumCalls && (double)window.Count(f => f) / window.Count >= settings.FailureRatio)
        {
            state = BreakerState.Open;
            openedAt = time;
            window.Clear();
        }
    }

    public BreakerState StateAt(double time) =>
        state == BreakerState.Open && time - openedAt >= settings.OpenDuration ? BreakerState.HalfOpen : state;
}

IReplayableBreaker NewWindowBreaker(CountWindowSettings settings) => new MyWindowBreaker(settings);

// exercise: ep22.production-breaker
class MyProductionBreaker : IReplayableBreaker
{
    private readonly BreakerScenarioOptions options;
    private readonly Dictionary<long, (int Calls, int Failures)> buckets = new();
    private BreakerState state = BreakerState.Closed;
    private double blockedUntil;

    public MyProductionBreaker(BreakerScenarioOptions options) => this.options = options;

    public bool TryCall(double nowMs)
    {
        if (state == BreakerState.Open && nowMs >= blockedUntil)
        {
            state = BreakerState.HalfOpen;
            return true;
        }

        return state == BreakerState.Closed;
    }

    public void Record(bool success, double nowMs)
    {
        if (state == BreakerState.HalfOpen)
        {
            state = success ? BreakerState.Closed : BreakerState.Open;
            blockedUntil = nowMs + options.BreakDurationMilliseconds;
            buckets.Clear();
            return;
        }

        long bucketLength = options.SamplingDurationMilliseconds / 10;
        long start = (long)nowMs / bucketLength * bucketLength;           // buckets on a fixed grid: not Polly's rule
        buckets[start] = buckets.TryGetValue(start, out var b) ? (b.Calls + 1, b.Failures + (success ? 0 : 1)) : (1, success ? 0 : 1);
        foreach (long old in buckets.Keys.Where(k => nowMs - k >= options.SamplingDurationMilliseconds).ToList())
        {
            buckets.Remove(old);
        }

        int calls = buckets.Values.Sum(v => v.Calls);
        int failures = buckets.Values.Sum(v => v.Failures);
        if (!success && calls >= options.MinimumThroughput && (double)failures / calls >= options.FailureRatio)
        {
            state = BreakerState.Open;
            blockedUntil = nowMs + options.BreakDurationMilliseconds;
        }
    }

    public BreakerState StateAt(double nowMs) => state;
}

IReplayableBreaker NewProductionBreaker(BreakerScenarioOptions options) => new MyProductionBreaker(options);

// exercise: ep22.backoff-ceiling
double BackoffCeiling(double baseMs, double capMs, int retry) =>
    Math.Min(capMs, baseMs * Math.Pow(2, retry + 1));              // one doubling too many

// exercise: ep22.decorrelated-jitter
double DecorrelatedDelay(double baseMs, double capMs, double previousMs, double u) =>
    Math.Min(capMs, u * 3 * previousMs);                            // drawn from 0 instead of base

// exercise: ep22.retry-budget
bool RetryAllowed(double[] requestTimesMs, double[] retryTimesMs, double nowMs, double windowMs, double ratio, double minPerSecond) =>
    retryTimesMs.Length + 1 <= ratio * requestTimesMs.Length + minPerSecond * windowMs / 1000;   // no window

// exercise: ep22.retry-amplification
double WorstCaseCalls(int layers, int retriesPerLayer) =>
    1 + layers * retriesPerLayer;                                   // added instead of multiplied

// exercise: ep22.pooled-trip
bool PooledTrips(int[] failures, int[] calls, int minimumThroughput, double failureRatio) =>
    calls.Sum() >= minimumThroughput && failures.Zip(calls, (f, c) => c == 0 ? 0 : (double)f / c).Average() >= failureRatio;   // mean of ratios

// exercise: ep22.roc-auc
double RocArea(double[] scores, bool[] outageAhead)
{
    double wins = 0; int pairs = 0;
    for (int i = 0; i < scores.Length; i++)
        for (int j = 0; j < scores.Length; j++)
            if (outageAhead[i] && !outageAhead[j]) { pairs++; if (scores[i] >= scores[j]) wins++; }   // a tie counted as a win
    return wins / pairs;
}

// exercise: ep22.hystrix-false-trip
double HystrixFalseTrip(double requestsPerSecond, double baselineFailureRate) =>
    BreakerTripMath.WindowTripProbability(
        new TripCondition(SlidingWindowKind.TimeBased, 10, 1, 0.5, TripComparison.TruncatedPercentAtLeast),   // requestVolumeThreshold forgotten
        baselineFailureRate, (int)Math.Ceiling(requestsPerSecond * 10));
