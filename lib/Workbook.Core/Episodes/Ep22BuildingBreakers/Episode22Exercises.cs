using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>
/// Episode 22 — building circuit breakers. Four one-idea exercises (admit a call, the window's trip decision,
/// Polly's buckets, the seed's debugging challenge) and three breakers that the learner implements as a class
/// (<see cref="IReplayableBreaker"/>) and passes as a factory: each is replayed through its track's shared
/// scenario file (<see cref="BreakerScenarioFiles"/>) by a trial (<see cref="Episode22Replays"/>).
/// </summary>
/// <remarks>
/// The breaker exercises have no cases: the scenarios are the cases, read from data/resilience/breaker-scenarios/
/// at check time, so the learner's breaker is held to the same file as the C#, F#, Go and Rust versions. Their
/// references are the library's <see cref="BeginnerBreaker"/> and <see cref="IntermediateBreaker"/> on a logical
/// clock, and the files' production rules (<see cref="PollyRuleBreaker"/>).
/// </remarks>
public static class Episode22Exercises
{
    /// <summary>All episode 22 breaker exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep22.admit-call",
            Title = "Does the breaker let this call through?",
            Track = Track.Beginner,
            Signature = "bool AdmitCall(BreakerState state, double secondsSinceOpened, double resetTimeout, bool probeInFlight)",
            Reference = (Func<BreakerState, double, double, bool, bool>)AdmitCall,
            Cases =
            [
                [BreakerState.Closed, 0.0, 10.0, false],
                [BreakerState.Closed, 100.0, 10.0, false],
                [BreakerState.Open, 3.0, 10.0, false],
                [BreakerState.Open, 10.0, 10.0, false],
                [BreakerState.HalfOpen, 12.0, 10.0, true],
                [BreakerState.Isolated, 1000.0, 10.0, false],
                [BreakerState.Open, 9.999, 10.0, false],
                [BreakerState.Open, 25.0, 10.0, false],
                [BreakerState.Open, 0.0, 10.0, false],
                [BreakerState.HalfOpen, 12.0, 10.0, false],
                [BreakerState.Open, 0.25, 0.25, false],
            ],
            Hints =
            [
                "Closed: every call goes through. Open: rejected until the reset timeout has passed since the breaker opened (elapsed ≥ timeout), " +
                "then this call becomes the probe. Half-open: only if no probe is in flight. Isolated (opened by hand): never.",
            ],
            KnownMistakes =
            [
                new("strict timeout", (Func<BreakerState, double, double, bool, bool>)((s, e, t, p) => s switch
                    {
                        BreakerState.Closed => true,
                        BreakerState.Open => e > t,
                        BreakerState.HalfOpen => !p,
                        _ => false,
                    }),
                    "At exactly the reset timeout the timeout has passed: elapsed ≥ timeout, not >. (Polly: a call at exactly the end of the break is the probe.)"),
                new("every call probes", (Func<BreakerState, double, double, bool, bool>)((s, e, t, p) => s switch
                    {
                        BreakerState.Closed or BreakerState.HalfOpen => true,
                        BreakerState.Open => e >= t,
                        _ => false,
                    }),
                    "Half-open lets ONE probe through: while it is in flight every other call is rejected, or a recovering service gets the whole load at once."),
                new("isolated times out", (Func<BreakerState, double, double, bool, bool>)((s, e, t, p) => s switch
                    {
                        BreakerState.Closed => true,
                        BreakerState.Open or BreakerState.Isolated => e >= t,
                        _ => !p,
                    }),
                    "Isolated is an operator's switch: it rejects every call, however long ago it was set, until someone resets it by hand."),
            ],
        },
        new()
        {
            Id = "ep22.seed-challenge",
            Title = "The seed's breaker: a healthy past delays the trip",
            Track = Track.Beginner,
            Signature = "int FailuresToTrip(int priorSuccesses, double failureThreshold)",
            Reference = (Func<int, double, int>)SeedFailuresToTrip,
            Cases = [[0, 0.5], [10, 0.5], [1000, 0.5], [9, 0.1], [3, 0.75], [100, 0.2], [60, 0.25], [1, 0.0]],
            Hints =
            [
                "The seed's breaker (section 2.2) never forgets: after each failure it computes failures / (failures + successes) over its whole life and opens " +
                "when that is GREATER than the threshold. Count failures f = 1, 2, ... after priorSuccesses successes until f / (f + successes) > threshold.",
            ],
            KnownMistakes =
            [
                new("at least the threshold", (Func<int, double, int>)((s, p) => Enumerable.Range(1, int.MaxValue - 1).First(f => f / (double)(f + s) >= p)),
                    "The seed compares with >: at 10 failures after 10 successes the ratio is exactly 0.5, not above it; one more failure is needed."),
                new("failures reset by a success", (Func<int, double, int>)((s, p) => 1),
                    "The seed's counters are never reset (that is the real bug behind its claim 3): the successes of a healthy past stay in the denominator, " +
                    "so the longer the service was healthy, the more failures an outage needs before the breaker trips."),
            ],
        },
        new()
        {
            Id = "ep22.window-ratio",
            Title = "Should a count window open the breaker?",
            Track = Track.Intermediate,
            Signature = "bool ShouldOpen(int failures, int calls, int minimumCalls, double failureRatio)",
            Reference = (Func<int, int, int, double, bool>)ShouldOpen,
            Cases =
            [
                [5, 9, 10, 0.5],
                [6, 10, 10, 0.5],
                [1, 2, 1, 0.5],
                [7, 25, 10, 0.28],
                [6, 25, 10, 0.28],
                [10, 10, 10, 1.0],
                [9, 10, 10, 1.0],
                [0, 0, 1, 0.5],
                [1, 1, 1, 0.01],
                [0, 5, 5, 0.2],
            ],
            Hints =
            [
                "Two conditions, both needed: the window holds at least minimumCalls calls, and failures / calls is at least failureRatio (≥). " +
                "Divide as doubles and compare the ratio with the setting.",
            ],
            KnownMistakes =
            [
                new("no minimum", (Func<int, int, int, double, bool>)((f, n, m, r) => n > 0 && f / (double)n >= r),
                    "Below minimumCalls the ratio is not judged at all: 5 failures in 9 calls is 56 %, but with a minimum of 10 the breaker waits for more calls."),
                new("strict minimum", (Func<int, int, int, double, bool>)((f, n, m, r) => n > m && f / (double)n >= r),
                    "minimumCalls calls are enough: with a minimum of 10, the 10th call is judged (calls ≥ minimumCalls)."),
                new("ratio times calls", (Func<int, int, int, double, bool>)((f, n, m, r) => n >= m && f >= r * n),
                    "failures ≥ ratio × calls looks the same but rounds differently: 0.28 × 25 is 7.000000000000001 in doubles, so 7 failures in 25 calls " +
                    "(exactly 28 %) would not open. Compare failures / (double)calls with the ratio."),
                new("strict ratio", (Func<int, int, int, double, bool>)((f, n, m, r) => n >= m && f / (double)n > r),
                    "The breaker opens when the ratio REACHES the setting (≥), as in Polly and resilience4j: 1 failure in 2 calls opens a 0.5 breaker."),
            ],
        },
        new()
        {
            Id = "ep22.buckets-in-window",
            Title = "Which calls does a rolling window of buckets still count?",
            Track = Track.Intermediate,
            Signature = "int CallsInWindow(long[] callTimesMs, long samplingDurationMs, long nowMs)",
            Reference = (Func<long[], long, long, int>)CallsInWindow,
            Cases =
            [
                [new long[] { 0, 99, 100, 250 }, 1000L, 1000L],
                [new long[] { 50, 149, 1049 }, 1000L, 1049L],
                [new long[] { 50, 149, 1049, 1050 }, 1000L, 1050L],
                [Array.Empty<long>(), 1000L, 500L],
                [new long[] { 500 }, 1000L, 1499L],
                [new long[] { 500 }, 1000L, 1500L],
                [new long[] { 0, 10, 60, 120, 130 }, 500L, 510L],
            ],
            Hints =
            [
                "Polly's window is 10 buckets of samplingDuration / 10. A bucket starts at the first call that finds no current bucket or finds the current one " +
                "at least a bucket length old; calls join the current bucket. At time now, a bucket is dropped whole once now − start ≥ samplingDuration.",
            ],
            KnownMistakes =
            [
                new("grid buckets", (Func<long[], long, long, int>)((calls, sd, now) =>
                        calls.GroupBy(t => Math.Floor(t / (sd / 10.0)) * (sd / 10.0)).Where(g => now - g.Key < sd).Sum(g => g.Count())),
                    "Polly's buckets are not aligned to a grid of samplingDuration / 10: a bucket starts at its first call. With calls at 50 and 149 ms in one bucket " +
                    "(started at 50), both are still counted at 1049 ms."),
                new("per-call window", (Func<long[], long, long, int>)((calls, sd, now) => calls.Count(t => now - t < sd)),
                    "A bucket leaves the window whole, with all its calls: a call at 99 ms in the bucket started at 0 ms is dropped at 1000 ms with it, " +
                    "although it is only 901 ms old."),
                new("strict expiry", (Func<long[], long, long, int>)StrictExpiry,
                    "A bucket is dropped once now − start ≥ samplingDuration: at exactly samplingDuration after its start it no longer counts."),
            ],
        },
        new()
        {
            Id = "ep22.beginner-breaker",
            Title = "A consecutive-failures breaker, replayed through the shared scenario file",
            Track = Track.Intermediate,
            Signature = "IReplayableBreaker NewBeginnerBreaker(int failureThreshold, double resetTimeout)",
            Reference = (Func<int, double, IReplayableBreaker>)((failureThreshold, resetTimeout) => new BeginnerBreakerAdapter(failureThreshold, resetTimeout)),
            Cases = [],
            Hints =
            [
                "Keep three fields: the state, the count of consecutive failures, and the time the breaker opened. TryCall(time): closed → true; open → true " +
                "(and half-open, this call is the probe) once time − openedAt ≥ resetTimeout, else false. Record: a success closes and resets the count; " +
                "a failure adds one and opens at the threshold — or, on a probe, opens at once with openedAt = time. StateAt reads half-open when an open " +
                "breaker's timeout has passed, without changing anything.",
            ],
            KnownMistakes =
            [
                Consecutive("strict timeout", ConsecutiveSlip.StrictTimeout,
                    "Half-open too late: at exactly resetTimeout after the opening the timeout has passed (elapsed ≥ timeout, not >), and StateAt must " +
                    "report half-open from then on, before any call arrives (this file's rule; Polly's differs)."),
                Consecutive("count not reset by a success", ConsecutiveSlip.NoResetOnSuccess,
                    "The failures must be CONSECUTIVE: a success sets the count back to 0, so failure, failure, success, failure does not reach 3."),
                Consecutive("timeout from the first failure", ConsecutiveSlip.TimeoutFromFirstFailure,
                    "The timeout counts from the moment the breaker OPENED (the failure that reached the threshold), not from the first failure of the streak."),
                Consecutive("failed probe keeps the old timeout", ConsecutiveSlip.FailedProbeKeepsOpeningTime,
                    "A failed probe opens the breaker again and restarts the timeout from the probe: set the opening time again, or the next call slips through at once."),
            ],
            Trial = answer => Episode22Replays.Replay(answer, BreakerScenarioFiles.ConsecutiveFailures, s => [s.FailureThreshold, s.ResetTimeout]),
            TimeLimit = TimeSpan.FromSeconds(10),
        },
        new()
        {
            Id = "ep22.count-window-breaker",
            Title = "A count-window breaker with N probes, replayed through the shared scenario file",
            Track = Track.Expert,
            Signature = "IReplayableBreaker NewWindowBreaker(CountWindowSettings settings)",
            Reference = (Func<CountWindowSettings, IReplayableBreaker>)(settings => new IntermediateBreakerAdapter(settings)),
            Cases = [],
            Hints =
            [
                "Closed: keep the outcomes of the last WindowSize calls (a ring buffer or a queue). After a FAILURE, open when the window holds at least " +
                "MinimumCalls outcomes and failures / calls ≥ FailureRatio. Open: rejected until OpenDuration has passed since the opening (≥). Half-open: let " +
                "HalfOpenProbes probes through; close when all have succeeded, reopen (from now) at the first failure. Empty the window on every change of state.",
            ],
            KnownMistakes =
            [
                CountWindow("strict ratio", CountWindowSlip.StrictRatio,
                    "The breaker opens when the failure ratio REACHES the setting (≥): 2 failures in a window of 4 opens a 0.5 breaker."),
                CountWindow("whole-life counts", CountWindowSlip.WholeLife,
                    "Only the last WindowSize calls count: older outcomes leave the window. Counting everything since the start is the seed's bug — a long healthy " +
                    "past hides a fresh outage."),
                CountWindow("window kept after closing", CountWindowSlip.KeepsWindow,
                    "Empty the window on every change of state: a breaker that closes after its probes starts counting afresh, or the failures from before the " +
                    "outage open it again at once."),
                CountWindow("closes on the first probe", CountWindowSlip.ClosesOnFirstProbe,
                    "With HalfOpenProbes = N the breaker closes only after N successful probes; until then it stays half-open."),
            ],
            Trial = answer => Episode22Replays.Replay(answer, BreakerScenarioFiles.CountWindow, s => [s]),
            TimeLimit = TimeSpan.FromSeconds(10),
        },
        new()
        {
            Id = "ep22.production-breaker",
            Title = "Polly's rules: time buckets, minimum throughput, one probe — replayed through the production scenario files",
            Track = Track.Expert,
            Signature = "IReplayableBreaker NewProductionBreaker(BreakerScenarioOptions options)",
            Reference = (Func<BreakerScenarioOptions, IReplayableBreaker>)(options => new PollyRuleBreaker(options)),
            Cases = [],
            Hints =
            [
                "Times are milliseconds. Closed: record each outcome in the current bucket; a new bucket starts at a call that finds the current one at least " +
                "SamplingDuration / 10 old; drop whole buckets once now − start ≥ SamplingDuration. After a failure, open when the sampled calls reach " +
                "MinimumThroughput and failures / calls ≥ FailureRatio, blocked until now + BreakDuration. Open: the first call at or after that time is the one " +
                "probe (success closes and forgets the buckets, failure reopens). StateAt reports open until a call arrives (Polly's lazy half-open).",
            ],
            KnownMistakes =
            [
                new("grid buckets", (Func<BreakerScenarioOptions, IReplayableBreaker>)(o => new PollyRuleBreaker(o, ProductionSlip.GridBuckets)),
                    "Polly's buckets start at the first call after the previous bucket's length has passed, not on a grid of SamplingDuration / 10: the success at " +
                    "149 ms shares the bucket started at 50 ms and leaves the window with it at 1050 ms."),
                new("eager half-open", (Func<BreakerScenarioOptions, IReplayableBreaker>)(o => new PollyRuleBreaker(o, ProductionSlip.EagerHalfOpen)),
                    "Polly leaves open only when a call arrives after the break: reading the state (an `advance` step) still reports open. Move to half-open in TryCall."),
            ],
            Trial = answer => Episode22Replays.Replay(answer, BreakerScenarioFiles.Production, o => [o], o => FormattableString.Invariant(
                $"failureRatio = {o.FailureRatio}, minimumThroughput = {o.MinimumThroughput}, samplingDuration = {o.SamplingDurationMilliseconds} ms, breakDuration = {o.BreakDurationMilliseconds} ms")),
            TimeLimit = TimeSpan.FromSeconds(10),
        },
    ];

    /// <summary>Reference of <c>ep22.admit-call</c>.</summary>
    internal static bool AdmitCall(BreakerState state, double secondsSinceOpened, double resetTimeout, bool probeInFlight) => state switch
    {
        BreakerState.Closed => true,
        BreakerState.Open => secondsSinceOpened >= resetTimeout,
        BreakerState.HalfOpen => !probeInFlight,
        _ => false,
    };

    /// <summary>Reference of <c>ep22.seed-challenge</c>: the seed's own test, failure after failure.</summary>
    internal static int SeedFailuresToTrip(int priorSuccesses, double failureThreshold)
    {
        int failures = 1;
        while (!(failures / (double)(failures + priorSuccesses) > failureThreshold))
        {
            failures++;
        }

        return failures;
    }

    /// <summary>Reference of <c>ep22.window-ratio</c>.</summary>
    internal static bool ShouldOpen(int failures, int calls, int minimumCalls, double failureRatio) =>
        calls >= minimumCalls && failures / (double)calls >= failureRatio;

    /// <summary>Reference of <c>ep22.buckets-in-window</c>: Polly's rolling buckets, replayed call by call.</summary>
    internal static int CallsInWindow(long[] callTimesMs, long samplingDurationMs, long nowMs) =>
        Buckets(callTimesMs, samplingDurationMs).Where(b => nowMs - b.Start < samplingDurationMs).Sum(b => b.Calls);

    private static int StrictExpiry(long[] callTimesMs, long samplingDurationMs, long nowMs) =>
        Buckets(callTimesMs, samplingDurationMs).Where(b => nowMs - b.Start <= samplingDurationMs).Sum(b => b.Calls);

    private static List<(long Start, int Calls)> Buckets(long[] callTimesMs, long samplingDurationMs)
    {
        double length = samplingDurationMs / 10.0;
        var buckets = new List<(long Start, int Calls)>();
        foreach (long t in callTimesMs)
        {
            if (buckets.Count == 0 || t - buckets[^1].Start >= length)
            {
                buckets.Add((t, 0));
            }

            buckets[^1] = (buckets[^1].Start, buckets[^1].Calls + 1);
        }

        return buckets;
    }

    private static KnownMistake Consecutive(string name, ConsecutiveSlip slip, string hint) =>
        new(name, (Func<int, double, IReplayableBreaker>)((threshold, timeout) => new ConsecutiveSlipBreaker(threshold, timeout, slip)), hint);

    private static KnownMistake CountWindow(string name, CountWindowSlip slip, string hint) =>
        new(name, (Func<CountWindowSettings, IReplayableBreaker>)(settings => new CountWindowSlipBreaker(settings, slip)), hint);
}
