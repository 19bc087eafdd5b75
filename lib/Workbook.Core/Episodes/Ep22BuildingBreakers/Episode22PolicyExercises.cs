using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Policies;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>
/// Episode 22 — the policies around a breaker: the exponential ceiling, decorrelated jitter, a retry budget and
/// retry amplification through layers.
/// </summary>
/// <remarks>
/// Randomness is passed in (the uniform draw u) so every case is deterministic. Delays are in milliseconds.
/// Known mistakes are the usual slips: 2^(k+1) for the first retry, a missing cap, jitter drawn from 0 instead of
/// base, a budget checked before counting the new retry, and amplification added instead of multiplied.
/// </remarks>
public static class Episode22PolicyExercises
{
    /// <summary>All episode 22 policy exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep22.backoff-ceiling",
            Title = "The exponential backoff ceiling",
            Track = Track.Beginner,
            Signature = "double BackoffCeiling(double baseMs, double capMs, int retry)",
            Reference = (Func<double, double, int, double>)((baseMs, capMs, retry) =>
                Backoff.Ceiling(new BackoffOptions(baseMs, capMs, maxRetryAttempts: 0, JitterKind.None), retry)),
            // Below the cap, exactly at it (100 · 2^5 = 3,200), beyond it, base 0 and a large retry number.
            Cases = [[100.0, 10_000.0, 0], [100.0, 10_000.0, 3], [100.0, 3_200.0, 5], [100.0, 3_200.0, 6], [50.0, 1_000.0, 40], [0.0, 1_000.0, 4], [250.0, 250.0, 2]],
            Hints =
            [
                "Retry k (counting from 0) waits at most base · 2^k, and never more than the cap: min(cap, base · 2^k). " +
                "The first retry (k = 0) waits at most base itself.",
            ],
            KnownMistakes =
            [
                new("one doubling too many", (Func<double, double, int, double>)((b, c, k) => Math.Min(c, b * Math.Pow(2, k + 1))),
                    "The first retry is k = 0 and waits at most base, not 2 · base: the exponent is k, not k + 1."),
                new("no cap", (Func<double, double, int, double>)((b, _, k) => b * Math.Pow(2, k)),
                    "Without the cap the 40th retry of a 50 ms base would wait 55 billion seconds. Take min(cap, base · 2^k)."),
            ],
        },
        new()
        {
            Id = "ep22.decorrelated-jitter",
            Title = "Decorrelated jitter with the draw passed in",
            Track = Track.Beginner,
            Signature = "double DecorrelatedDelay(double baseMs, double capMs, double previousMs, double u)",
            Reference = (Func<double, double, double, double, double>)((baseMs, capMs, previousMs, u) =>
                Backoff.NextDelay(new BackoffOptions(baseMs, capMs, maxRetryAttempts: 0, JitterKind.Decorrelated), 0, previousMs, u)),
            // u = 0 gives base; previous = base gives [base, 3 base]; the cap binds; a draw in the middle.
            Cases =
            [
                [100.0, 10_000.0, 100.0, 0.0], [100.0, 10_000.0, 100.0, 0.5], [100.0, 10_000.0, 400.0, 0.25],
                [100.0, 1_000.0, 900.0, 0.75], [100.0, 1_000.0, 900.0, 0.1], [20.0, 5_000.0, 60.0, 0.9],
            ],
            Hints =
            [
                "Decorrelated jitter draws uniformly between base and three times the previous delay, then caps it: " +
                "min(cap, base + u · (3 · previous − base)). It does not use the retry number at all.",
            ],
            KnownMistakes =
            [
                new("drawn from 0", (Func<double, double, double, double, double>)((b, c, p, u) => Math.Min(c, u * 3 * p)),
                    "The draw starts at base, not at 0: with u = 0 the delay is base, so a retry never follows at once."),
                new("no cap", (Func<double, double, double, double, double>)((b, _, p, u) => b + u * (3 * p - b)),
                    "Without min(cap, …) the delay can grow threefold per retry for ever; the cap bounds it."),
                new("grows from base, not from the previous delay", (Func<double, double, double, double, double>)((b, c, _, u) => Math.Min(c, b + u * 2 * b)),
                    "The upper end is three times the PREVIOUS delay, so the delays can grow from retry to retry."),
            ],
        },
        new()
        {
            Id = "ep22.retry-budget",
            Title = "Is a retry within the budget?",
            Track = Track.Intermediate,
            Signature = "bool RetryAllowed(double[] requestTimesMs, double[] retryTimesMs, double nowMs, double windowMs, double ratio, double minPerSecond)",
            Reference = (Func<double[], double[], double, double, double, double, bool>)RetryAllowed,
            // Each known mistake's first wrong case is one only it gets wrong (a bool answer cannot show which slip it was).
            Cases =
            [
                // 10 requests long expired, no reserve: nothing is allowed (an answer without a window allows 2).
                [Times(0, 100, 200, 300, 400, 500, 600, 700, 800, 900), Times(), 20_000.0, 10_000.0, 0.2, 0.0],
                // 10 requests in the window, ratio 0.2, no reserve: 2 retries allowed; 1 made → allowed; 2 made → refused.
                [Times(0, 100, 200, 300, 400, 500, 600, 700, 800, 900), Times(950), 1_000.0, 10_000.0, 0.2, 0.0],
                [Times(0, 100, 200, 300, 400, 500, 600, 700, 800, 900), Times(950, 960), 1_000.0, 10_000.0, 0.2, 0.0],
                // The same, 10 s later: everything expired (now − t >= window), the reserve 0.1/s · 10 s = 1 allows one retry.
                [Times(0, 100, 200, 300, 400, 500, 600, 700, 800, 900), Times(950, 960), 10_960.0, 10_000.0, 0.2, 0.1],
                // Allowance 2.5 (ratio 0.5 of 5 requests): 2 retries made, a third would make 3 > 2.5.
                [Times(0, 1, 2, 3, 4), Times(5, 6), 7.0, 1_000.0, 0.5, 0.0],
                // A request exactly one window old has expired; one just inside has not.
                [Times(0, 1), Times(), 1_000.0, 1_000.0, 1.0, 0.0],
                [Times(0, 1), Times(), 1_000.5, 1_000.0, 0.5, 0.0],
                // No traffic at all: only the reserve, 2/s over 1 s = 2 retries.
                [Times(), Times(100), 200.0, 1_000.0, 0.2, 2.0],
            ],
            Hints =
            [
                "Count the requests and the retries made in the last window: an event at time t counts while now − t < window. " +
                "The budget allows ratio · requests + minPerSecond · window / 1000 retries. The new retry is allowed when " +
                "the retries already made plus this one stay within that: retries + 1 <= allowance.",
            ],
            KnownMistakes =
            [
                new("checked before counting the new retry", (Func<double[], double[], double, double, double, double, bool>)((q, r, now, w, ratio, min) =>
                    Count(r, now, w) < ratio * Count(q, now, w) + min * w / 1000),
                    "retries < allowance lets a third retry through when 2.5 are allowed. Count the retry you are about to make: retries + 1 <= allowance."),
                new("no window", (Func<double[], double[], double, double, double, double, bool>)((q, r, now, w, ratio, min) =>
                    r.Length + 1 <= ratio * q.Length + min * w / 1000),
                    "Requests and retries older than the window no longer count (Finagle's deposits expire after ttl); otherwise an old burst of requests pays for retries today."),
                new("no reserve", (Func<double[], double[], double, double, double, double, bool>)((q, r, now, w, ratio, _) =>
                    Count(r, now, w) + 1 <= ratio * Count(q, now, w)),
                    "The reserve, minPerSecond · window in seconds, lets a client with little traffic retry at all."),
            ],
        },
        new()
        {
            Id = "ep22.retry-amplification",
            Title = "Retries multiply through layers",
            Track = Track.Beginner,
            Signature = "double WorstCaseCalls(int layers, int retriesPerLayer)",
            Reference = (Func<int, int, double>)RetryAmplification.WorstCase,
            Cases = [[1, 3], [2, 3], [3, 3], [5, 2], [0, 4], [4, 0], [10, 1]],
            Hints =
            [
                "A layer that retries r times calls the layer below up to r + 1 times, and each of those calls is itself retried " +
                "by the layers below. With L layers the bottom dependency sees up to (r + 1)^L calls for one user request.",
            ],
            KnownMistakes =
            [
                new("retries only, not the first attempt", (Func<int, int, double>)((l, r) => Math.Pow(r, l)),
                    "Each layer makes its first attempt AND r retries: r + 1 calls per call from above, so (r + 1)^L."),
                new("added instead of multiplied", (Func<int, int, double>)((l, r) => 1 + l * r),
                    "The layers multiply: each of the 4 calls the top layer makes is itself tried 4 times by the next layer (3 retries each), so 4 · 4 = 16 for 2 layers, not 1 + 2 · 3 = 7."),
            ],
        },
    ];

    private static bool RetryAllowed(double[] requestTimesMs, double[] retryTimesMs, double nowMs, double windowMs, double ratio, double minPerSecond) =>
        Count(retryTimesMs, nowMs, windowMs) + 1 <= ratio * Count(requestTimesMs, nowMs, windowMs) + minPerSecond * windowMs / 1000;

    private static int Count(double[] times, double now, double window) => times.Count(t => t <= now && now - t < window);

    private static double[] Times(params double[] times) => times;
}
