using MathNet.Numerics.Distributions;
using Workbook.Core.Exercises;
using Workbook.Core.Resilience;

namespace Workbook.Core.Episodes.Ep13CircuitBreakers;

/// <summary>
/// Episode 13 — the mathematics of circuit breakers. The references are the library's resilience
/// functions; the known mistakes are the seed sketch's, the off-by-ones learners make with "more than
/// k" against "at least k", the far-tail cancellation of 1 − CDF, and unit slips.
/// </summary>
/// <remarks>
/// Notebook order: three short "try it" exercises inside the sections they practise (false-trip after
/// section 1, outage-delay after section 4, ewma-update after the EWMA definition), then the synthesis
/// exercises of section 9. Symbols follow the notebook's notation box: κ is the EWMA smoothing weight.
/// </remarks>
public static class Episode13Exercises
{
    /// <summary>All episode 13 exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep13.false-trip",
            Title = "The false-trip probability of a trip threshold",
            Track = Track.Beginner,
            Signature = "double FalseTripProbability(int windowSize, double baselineFailureRate, int criticalFailureCount)",
            Reference = (Func<int, double, int, double>)((windowSize, baselineFailureRate, criticalFailureCount) =>
                TripThreshold.ExceedanceProbability(windowSize, baselineFailureRate, criticalFailureCount)),

            // The last two cases are far tails (about 6.2e-72 and 6.2e-21) where 1 − CDF returns exactly 0.
            Cases = [[100, 0.05, 9], [100, 0.05, 5], [20, 0.01, 1], [50, 0.1, 10], [1000, 0.02, 30], [100, 0.01, 49], [1000, 0.001, 20]],
            RelativeTolerance = 1e-9,
            AbsoluteTolerance = 0,
            Hints =
            [
                "The breaker trips when more than k of the n calls fail: P(X > k) with X ~ Binomial(n, p₀). Sum the terms Binomial.PMF(p₀, n, i) for i = k + 1 … n.",
                "Far in the tail, 1 − Binomial.CDF(p₀, n, k) cancels to exactly 0: CDF rounds to 1.0. Summing the small terms themselves keeps every digit.",
            ],
            KnownMistakes =
            [
                // Listed first: in the far tail "at least k" computed as 1 − CDF(k − 1) also returns 0.
                new("1 − CDF", (Func<int, double, int, double>)((n, p, k) => 1 - Binomial.CDF(p, n, k)),
                    "1 − CDF is right on paper, but here CDF(k) rounds to 1.0 and the difference is exactly 0 — a wrong answer, not a small one " +
                    "(the true value is far below 10⁻¹⁶). Sum the small side instead: Σ Binomial.PMF(p₀, n, i) for i = k + 1 … n."),
                new("at least k", (Func<int, double, int, double>)((n, p, k) => 1 - Binomial.CDF(p, n, k - 1)),
                    "That is P(X ≥ k). The rule is \"more than k failures\": P(X > k), the terms i = k + 1 … n."),
                new("forgot the complement", (Func<int, double, int, double>)((n, p, k) => Binomial.CDF(p, n, k)),
                    "Binomial.CDF(p, n, k) is P(X ≤ k), the chance of NOT tripping. You want the other side, P(X > k)."),
            ],
        },
        new()
        {
            Id = "ep13.outage-delay",
            Title = "How long a count-based breaker takes to notice an outage",
            Track = Track.Intermediate,
            Signature = "double OutageDetectionSeconds(int windowSize, double failureThreshold, double requestsPerSecond)",
            Reference = (Func<int, double, double, double>)((windowSize, failureThreshold, requestsPerSecond) =>
                BreakerTripMath.DetectionDelayAllFailures(
                    new TripCondition(windowSize: windowSize, minimumThroughput: windowSize, failureThreshold: failureThreshold, comparison: TripComparison.RatioAtLeast),
                    requestsPerSecond).Seconds!.Value),
            Cases = [[100, 0.5, 50.0], [100, 0.5, 10.0], [20, 0.25, 2.0], [10, 0.25, 1.0], [1000, 0.05, 200.0], [100, 0.55, 10.0]],
            Hints =
            [
                "Each new failure pushes one old success out of the full window of n calls. The breaker trips at the first failure count f with f / (double)n ≥ threshold.",
                "The failing calls arrive at 1/λ, 2/λ, …, so the f-th arrives at f / λ seconds.",
            ],
            KnownMistakes =
            [
                new("whole window", (Func<int, double, double, double>)((n, r, rate) => n / rate),
                    "The breaker does not wait for the whole window to fill with failures: it trips once the failure share reaches the threshold, after ⌈threshold × n⌉ of them."),
                new("rounded down", (Func<int, double, double, double>)((n, r, rate) => Math.Floor(r * n) / rate),
                    "With ⌊threshold × n⌋ failures the share is still below the threshold when threshold × n is not a whole number: round up."),
                new("first failure at t = 0", (Func<int, double, double, double>)((n, r, rate) => (FirstTrippingCount(n, r) - 1) / rate),
                    "The first failing call arrives at 1/λ, not at 0 (calls at 1/λ, 2/λ, …): f failures take f / λ seconds."),
                new("ceiling in floating point", (Func<int, double, double, double>)((n, r, rate) => Math.Ceiling(r * n) / rate),
                    "⌈threshold × n⌉ is right on paper, but in double 0.55 × 100 is 55.000000000000007, so Math.Ceiling gives 56. Find the smallest f with f / (double)n >= threshold, the comparison the breaker itself makes."),
                new("milliseconds", (Func<int, double, double, double>)((n, r, rate) => 1000.0 * FirstTrippingCount(n, r) / rate),
                    "That is the delay in milliseconds. requestsPerSecond is per second, so f / λ is already in seconds, the unit asked for."),
                new("threshold read as a percentage", (Func<int, double, double, double>)((n, r, rate) => FirstTrippingCount(n, r / 100) / rate),
                    "failureThreshold is a fraction (0.5 means 50 %), not a percentage: compare failures / calls with it as it is, without dividing by 100."),
            ],
        },
        new()
        {
            Id = "ep13.ewma-update",
            Title = "One step of an exponentially weighted moving average",
            Track = Track.Beginner,
            Signature = "double NextEwma(double previous, double observation, double smoothingWeight)",
            Reference = (Func<double, double, double, double>)((previous, observation, smoothingWeight) =>
                EwmaMath.Next(previous, observation, smoothingWeight)),
            Cases = [[0.05, 1.0, 0.1], [0.05, 0.0, 0.2], [0.2, 0.35, 0.05], [0.3, 0.3, 0.5], [0.1, 0.4, 1.0]],
            Hints = ["z_t = κ·x_t + (1 − κ)·z_{t−1}: the new observation gets the weight κ, the old average the rest."],
            KnownMistakes =
            [
                new("weights swapped", (Func<double, double, double, double>)((z, x, weight) => (weight * z) + ((1 - weight) * x)),
                    "The weights are swapped: a small κ must change the average only a little, so the observation gets κ and the old value 1 − κ."),
                new("plain average", (Func<double, double, double, double>)((z, x, weight) => (z + x) / 2),
                    "Averaging the two gives κ = 0.5 whatever κ is. Weight the observation by κ."),
            ],
        },
        new()
        {
            Id = "ep13.critical-count",
            Title = "The critical failure count for a false-trip budget",
            Track = Track.Intermediate,
            Signature = "int CriticalFailureCount(int windowSize, double baselineFailureRate, double alpha)",
            Reference = (Func<int, double, double, int>)((windowSize, baselineFailureRate, alpha) =>
                TripThreshold.CriticalFailureCount(windowSize, baselineFailureRate, alpha)),
            Cases = [[100, 0.05, 0.01], [20, 0.01, 0.05], [1000, 0.02, 0.001], [50, 0.1, 0.05], [10, 0.2, 0.0001], [400, 0.01, 0.01]],
            Hints =
            [
                "Find the smallest k with P(X > k | p₀) ≤ α, X ~ Binomial(n, p₀): start at k = 0 and go up while the tail is still above α.",
            ],
            KnownMistakes =
            [
                new("at least k", (Func<int, double, double, int>)((n, p, alpha) =>
                        Enumerable.Range(0, n + 2).First(k => k > n || 1 - Binomial.CDF(p, n, k - 1) <= alpha)),
                    "That is the smallest k with P(X ≥ k) ≤ α, one more than needed. The breaker trips on MORE than k failures, so test P(X > k) = 1 − CDF(k)."),
                new("normal approximation", (Func<int, double, double, int>)((n, p, alpha) =>
                        (int)Math.Ceiling((n * p) + (Normal.InvCDF(0, 1, 1 - alpha) * Math.Sqrt(n * p * (1 - p))))),
                    "np₀ + z·√(np₀(1−p₀)) treats a skewed count of rare failures as a bell curve; with p₀ of a few percent it misses the exact tail. Use the binomial tail itself."),
            ],
        },
        new()
        {
            Id = "ep13.library-trip",
            Title = "Will a library's breaker trip on this window?",
            Track = Track.Intermediate,
            Signature = "double WindowTripProbability(int callsInWindow, int minimumThroughput, double failureRatio, double failureRate)",
            Reference = (Func<int, int, double, double, double>)((callsInWindow, minimumThroughput, failureRatio, failureRate) =>
                BreakerTripMath.WindowTripProbability(
                    new TripCondition(
                        windowKind: SlidingWindowKind.TimeBased,
                        windowSize: 1,
                        minimumThroughput: minimumThroughput,
                        failureThreshold: failureRatio,
                        comparison: TripComparison.RatioAtLeast),
                    failureRate,
                    callsInWindow)),
            Cases = [[150, 100, 0.1, 0.05], [150, 100, 0.1, 0.2], [90, 100, 0.1, 0.5], [100, 20, 0.5, 0.2], [40, 20, 0.5, 0.45], [300, 100, 0.25, 0.2], [200, 100, 0.55, 0.5]],
            AbsoluteTolerance = 1e-12,
            Hints =
            [
                "Below the minimum throughput the ratio is never compared: probability 0.",
                "Otherwise the breaker trips at the smallest failure count f* with f* / (double)n >= ratio (⌈ratio × n⌉ on paper): P(X ≥ f*) = Σᵢ₌f*ⁿ Binomial.PMF(p, n, i).",
            ],
            KnownMistakes =
            [
                // Listed first: where the ceiling overshoots by one it equals "strictly above", whose own first failure comes earlier.
                new("ceiling in floating point", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        n < minimum ? 0 : 1 - Binomial.CDF(p, n, Math.Ceiling(ratio * n) - 1)),
                    "⌈ratio × n⌉ is right on paper, but in double 0.55 × 200 is 110.00000000000001, so Math.Ceiling gives 111. Find the smallest f with f / (double)n >= ratio, the comparison Polly makes."),
                new("strictly above", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        n < minimum ? 0 : 1 - Binomial.CDF(p, n, FirstTrippingCount(n, ratio))),
                    "The libraries trip at a ratio equal to or above the threshold (Polly's code compares with >=), so f* failures already trip: P(X ≥ f*), not P(X > f*)."),
                new("ignored minimum throughput", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        1 - Binomial.CDF(p, n, FirstTrippingCount(n, ratio) - 1)),
                    "A window with fewer calls than the minimum throughput never trips, whatever its failures: return 0 there."),
                new("ratio read as a percentage", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        n < minimum ? 0 : 1 - Binomial.CDF(p, n, FirstTrippingCount(n, ratio / 100) - 1)),
                    "failureRatio is a fraction (0.1 means 10 %, as Polly's FailureRatio), not a percentage like resilience4j's failureRateThreshold: compare failures / calls with it as it is."),
            ],
        },
        new()
        {
            Id = "ep13.ewma-limit",
            Title = "The exact upper control limit of an EWMA chart",
            Track = Track.Intermediate,
            Signature = "double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int observations)",
            Reference = (Func<double, int, double, double, int, double>)((baselineFailureRate, callsPerObservation, smoothingWeight, limitWidth, observations) =>
                EwmaMath.ControlLimits(baselineFailureRate, EwmaMath.FailureFractionStandardDeviation(baselineFailureRate, callsPerObservation),
                    smoothingWeight, limitWidth, observations).Upper),
            Cases = [[0.05, 20, 0.2, 3.0, 1], [0.05, 20, 0.2, 3.0, 100], [0.01, 100, 0.1, 2.7, 5], [0.1, 1, 1.0, 3.0, 1], [0.02, 50, 0.05, 2.8, 30]],
            Hints =
            [
                "σ of one observation is √(p₀(1 − p₀)/b) for b calls; Var(z_t) = σ² · κ/(2 − κ) · (1 − (1 − κ)^{2t}).",
                "UCL_t = p₀ + L·√Var(z_t).",
            ],
            KnownMistakes =
            [
                new("steady-state limit", (Func<double, int, double, double, int, double>)((p, b, weight, width, t) =>
                        p + (width * Math.Sqrt(p * (1 - p) / b * weight / (2 - weight)))),
                    "That is the steady-state limit. The exact limit after t observations has the factor 1 − (1 − κ)^{2t}, which makes it narrower at the start."),
                new("one call per observation", (Func<double, int, double, double, int, double>)((p, b, weight, width, t) =>
                        p + (width * Math.Sqrt(p * (1 - p) * weight / (2 - weight) * (1 - Math.Pow(1 - weight, 2 * t))))),
                    "The failure fraction of b calls has variance p₀(1 − p₀)/b, not p₀(1 − p₀): divide by the calls per observation."),
                new("Shewhart limit", (Func<double, int, double, double, int, double>)((p, b, weight, width, t) =>
                        p + (width * Math.Sqrt(p * (1 - p) / b))),
                    "p₀ + L·σ is the limit for a single observation (no smoothing). The EWMA averages, so its standard deviation is σ·√(κ/(2 − κ)·(1 − (1 − κ)^{2t})), smaller than σ."),
            ],
        },
        new()
        {
            Id = "ep13.backoff-close",
            Title = "When does a breaker with back-off probing close?",
            Track = Track.Intermediate,
            Signature = "double MeanCloseSeconds(double firstWaitSeconds, double growthFactor, double maxWaitSeconds, double meanRecoverySeconds, double probeSuccessProbability)",
            Reference = (Func<double, double, double, double, double, double>)((firstWaitSeconds, growthFactor, maxWaitSeconds, meanRecoverySeconds, probeSuccessProbability) =>
                HalfOpenRecovery.Expected(
                    new ProbeSchedule(initialWaitSeconds: firstWaitSeconds, growthFactor: growthFactor, maximumWaitSeconds: maxWaitSeconds),
                    meanRecoverySeconds,
                    probeSuccessProbability).MeanCloseTimeSeconds),
            Cases = [[5.0, 1.0, 60.0, 300.0, 0.7], [5.0, 1.5, 120.0, 300.0, 0.7], [2.0, 2.0, 30.0, 600.0, 1.0], [60.0, 1.0, 60.0, 30.0, 0.5], [1.0, 3.0, 1000.0, 100.0, 0.9], [10.0, 2.0, 10.0, 50.0, 0.8]],
            Hints =
            [
                "E[S_J] = Σⱼ d_j·P(J ≥ j), with P(J ≥ j + 1) = e^{−S_j/τ} + B_j and B_j = (1 − q)(B_{j−1} + e^{−S_{j−1}/τ} − e^{−S_j/τ}), B₀ = 0, S₀ = 0.",
                "Loop over probes: add d_j·P(J ≥ j) using the values from BEFORE probe j, then update S, B and the survival e^{−S/τ}, then the next wait min(d_j·g, d_max). Stop when P(J ≥ j) is below 10⁻¹⁵.",
            ],
            KnownMistakes =
            [
                new("recovered means closed", (Func<double, double, double, double, double, double>)((d1, g, cap, tau, q) => BackoffCloseTime(d1, g, cap, tau, q, failedProbesAfterRecovery: false)),
                    "After recovery a probe still fails with probability 1 − q, and each failure costs another wait: keep the B_j term, B_j = (1 − q)(B_{j−1} + e^{−S_{j−1}/τ} − e^{−S_j/τ})."),
                new("survival one probe late", (Func<double, double, double, double, double, double>)((d1, g, cap, tau, q) => BackoffCloseTime(d1, g, cap, tau, q, oneProbeLate: true)),
                    "The wait d_j is paid whenever probe j is needed at all, i.e. with P(J ≥ j) = e^{−S_{j−1}/τ} + B_{j−1}: the values before probe j, not after it."),
                new("delay instead of close time", (Func<double, double, double, double, double, double>)((d1, g, cap, tau, q) => BackoffCloseTime(d1, g, cap, tau, q) - tau),
                    "That is the delay after recovery, E[S_J] − τ. The question asks for the time from opening to closing, E[S_J]."),
                new("no cap", (Func<double, double, double, double, double, double>)((d1, g, cap, tau, q) => BackoffCloseTime(d1, g, cap, tau, q, capped: false)),
                    "Each wait is capped: d_j = min(d₁·g^{j−1}, d_max). Without the cap the waits keep growing and the breaker closes far too late."),
            ],
        },
        new()
        {
            Id = "ep13.smallest-window",
            Title = "The smallest window that detects a degradation",
            Track = Track.Expert,
            Signature = "int SmallestWindow(double baselineFailureRate, double degradedFailureRate, double alpha, double targetPower)",
            Reference = (Func<double, double, double, double, int>)((baselineFailureRate, degradedFailureRate, alpha, targetPower) =>
                TripThreshold.SmallestWindow(baselineFailureRate, degradedFailureRate, alpha, targetPower).WindowSize!.Value),

            // Cases 1 and 4 sit on a saw-tooth where every bisection (on [1, 1000], [1, 100000] or after doubling) returns
            // a larger n (61 instead of 57, 19 instead of 17). Case 1 comes first, and there the normal formula (53), the
            // mixed rules (49) and any bisection (61) all differ, so each mistake gets its own hint.
            Cases = [[0.1, 0.3, 0.01, 0.95], [0.05, 0.2, 0.01, 0.9], [0.01, 0.1, 0.001, 0.95], [0.05, 0.5, 0.01, 0.99], [0.1, 0.2, 0.05, 0.8], [0.02, 0.1, 0.01, 0.9]],
            Hints =
            [
                "For n = 1, 2, 3, …: find the critical count k(n) at (p₀, α), then the power P(X > k | p₁); return the first n whose power reaches the target.",
                "Do not bisect on n: each time k steps up the power drops, so power against n is a saw-tooth and a larger window can fall short again.",
            ],
            KnownMistakes =
            [
                new("normal sample-size formula", (Func<double, double, double, double, int>)((p0, p1, alpha, power) =>
                        (int)Math.Ceiling(Math.Pow(
                            ((Normal.InvCDF(0, 1, 1 - alpha) * Math.Sqrt(p0 * (1 - p0))) + (Normal.InvCDF(0, 1, power) * Math.Sqrt(p1 * (1 - p1)))) / (p1 - p0), 2))),
                    "The normal-approximation sample size ignores that a count is a whole number and that rare failures are skewed; the exact binomial search gives a different n. Scan n and use the binomial tail."),
                new("bisection on n", (Func<double, double, double, double, int>)((p0, p1, alpha, power) =>
                        {
                            int low = 1, high = 1000;
                            while (low < high)
                            {
                                int mid = (low + high) / 2;
                                int k = TripThreshold.CriticalFailureCount(mid, p0, alpha);
                                if (TripThreshold.ExceedanceProbability(mid, p1, k) >= power)
                                {
                                    high = mid;
                                }
                                else
                                {
                                    low = mid + 1;
                                }
                            }

                            return low;
                        }),
                    "Bisection assumes the power only grows with n, but it is a saw-tooth: each time k steps up, the power drops. Scan n = 1, 2, 3, … and return the first window that qualifies."),
                new("mixed rules", (Func<double, double, double, double, int>)((p0, p1, alpha, power) =>
                        Enumerable.Range(1, 100_000).First(n =>
                            1 - Binomial.CDF(p1, n, TripThreshold.CriticalFailureCount(n, p0, alpha) - 1) >= power)),
                    "The power must use the same rule as the false-trip budget: with k from P(X > k | p₀) ≤ α, the power is P(X > k | p₁), not P(X ≥ k | p₁)."),
            ],
        },
        new()
        {
            Id = "ep13.ewma-arl",
            Title = "The average run length of an EWMA chart, by a Markov chain",
            Track = Track.Expert,
            Signature = "double AverageRunLength(double baselineFailureRate, double actualFailureRate, int callsPerObservation, double smoothingWeight, double limitWidth, int cells)",
            Reference = (Func<double, double, int, double, double, int, double>)((baselineFailureRate, actualFailureRate, callsPerObservation, smoothingWeight, limitWidth, cells) =>
                EwmaRunLength.MarkovChain(
                    new EwmaChartOptions(lambda: smoothingWeight, limitWidth: limitWidth),
                    baselineFailureRate,
                    actualFailureRate,
                    callsPerObservation,
                    cells).Observations),

            // In order: an in-control run (catches a range clamped at p₀, normal moves, calls instead of observations),
            // a detection run (catches a missing first step), a run that a two-sided chart cuts short (a wrong lower
            // boundary), κ = 1 where the chain is exact (ARL = 1/P(X > b·UCL) = 1/0.5886 for these numbers), and a limit
            // above 1 that z can never cross. 2 % covers the discretisation error of 300–400 cells (under 1 % here).
            Cases =
            [
                [0.05, 0.05, 20, 0.2, 3.0, 400], [0.05, 0.10, 20, 0.2, 3.0, 400], [0.01, 0.01, 100, 0.1, 2.7, 400],
                [0.01, 0.03, 100, 0.1, 2.7, 300], [0.05, 0.2, 20, 1.0, 3.0, 200], [0.3, 0.6, 1, 0.5, 3.0, 100],
            ],
            RelativeTolerance = 0.02,
            Hints =
            [
                "UCL = p₀ + L·σ·√(κ/(2 − κ)) with σ = √(p₀(1 − p₀)/b). Split [0, UCL] into M equal cells with midpoints c_i. From c_i, j failures in a batch move z to (1 − κ)c_i + κj/b with probability Binomial.PMF(p, b, j): above UCL is a signal, otherwise it lands in a cell — that is row i of Q.",
                "Solve (I − Q)ℓ = 1 (MathNet: Matrix<double>.Build.DenseIdentity(M), matrix.Solve(Vector<double>.Build.Dense(M, 1.0))); ℓ_i is the mean number of further observations from cell i. The ARL from z₀ = p₀ is 1 + Σⱼ P(j)·ℓ(cell of (1 − κ)p₀ + κj/b), the sum over the moves that stay below UCL.",
                "If UCL ≥ 1 the failure fraction (at most 1) can never push z above it: return double.PositiveInfinity.",
            ],
            KnownMistakes =
            [
                new("range clamped at p₀", (Func<double, double, int, double, double, int, double>)((p0, p, b, w, l, m) => EwmaArlVariant(p0, p, b, w, l, m, EwmaArlMistake.ClampedAtBaseline)),
                    "z goes below p₀ whenever a batch has few failures, and from there it needs longer to reach the limit. The cells must cover [0, UCL], not [p₀, UCL]: clamping z at p₀ makes false alarms look far more frequent."),
                new("normal observations", (Func<double, double, int, double, double, int, double>)((p0, p, b, w, l, m) => EwmaArlVariant(p0, p, b, w, l, m, EwmaArlMistake.NormalObservations)),
                    "A batch's failure fraction is binomial (j failures of b, skewed for small p), not normal: the classical normal-theory chain gets ARL₀ wrong by a factor. Move by κj/b with probability Binomial.PMF(p, b, j)."),
                new("run length in calls", (Func<double, double, int, double, double, int, double>)((p0, p, b, w, l, m) => b * EwmaRunLength.MarkovChain(new EwmaChartOptions(lambda: w, limitWidth: l), p0, p, b, m).Observations),
                    "That is the run length in calls. The chart counts observations (one per batch of b calls): do not multiply by b."),
                new("first observation not counted", (Func<double, double, int, double, double, int, double>)((p0, p, b, w, l, m) => EwmaRunLength.MarkovChain(new EwmaChartOptions(lambda: w, limitWidth: l), p0, p, b, m).Observations - 1),
                    "The first observation counts too: ARL = 1 + Σⱼ P(j)·ℓ(cell reached from z₀ = p₀), the 1 being the observation that makes the first move."),
                new("two-sided limits", (Func<double, double, int, double, double, int, double>)((p0, p, b, w, l, m) => EwmaArlVariant(p0, p, b, w, l, m, EwmaArlMistake.TwoSided)),
                    "A breaker's chart has only an upper limit: z below p₀ − L·σ_z means fewer failures than usual, which is good news, not an alarm. Keep the cells down to 0 and absorb only above UCL."),
            ],
        },
    ];

    /// <summary>The smallest f with f / (double)n ≥ ratio: the comparison the libraries make, without rounding surprises.</summary>
    private static int FirstTrippingCount(int n, double ratio) =>
        new TripCondition(windowSize: n, minimumThroughput: 1, failureThreshold: ratio, comparison: TripComparison.RatioAtLeast)
            .MinimumFailuresToTrip(n).Failures!.Value;

    /// <summary>E[S_J] by the recursion of section 6, with the switches the known mistakes flip.</summary>
    private static double BackoffCloseTime(
        double firstWait, double growth, double cap, double meanRecovery, double q,
        bool failedProbesAfterRecovery = true, bool oneProbeLate = false, bool capped = true)
    {
        double close = 0, time = 0, survival = 1, failedAfterRecovery = 0, wait = firstWait;
        for (int j = 1; j <= 10_000_000; j++)
        {
            double stillOpen = survival + failedAfterRecovery;
            if (stillOpen < 1e-15)
            {
                break;
            }

            time += wait;
            double nextSurvival = Math.Exp(-time / meanRecovery);
            double nextFailed = failedProbesAfterRecovery ? (1 - q) * (failedAfterRecovery + survival - nextSurvival) : 0;
            close += wait * (oneProbeLate ? nextSurvival + nextFailed : stillOpen);
            survival = nextSurvival;
            failedAfterRecovery = nextFailed;
            wait = capped ? Math.Min(wait * growth, cap) : wait * growth;
        }

        return close;
    }

    private enum EwmaArlMistake
    {
        ClampedAtBaseline,
        NormalObservations,
        TwoSided,
    }

    /// <summary>The Markov-chain ARL built the wrong way: the known mistakes of ep13.ewma-arl.</summary>
    private static double EwmaArlVariant(double p0, double p, int b, double weight, double width, int cells, EwmaArlMistake mistake)
    {
        double sigma = Math.Sqrt(p0 * (1 - p0) / b);
        double half = width * sigma * Math.Sqrt(weight / (2 - weight));
        double upper = p0 + half, lower = p0 - half;
        if (upper >= 1)
        {
            return double.PositiveInfinity;
        }

        double bottom = mistake switch
        {
            EwmaArlMistake.ClampedAtBaseline => p0,
            EwmaArlMistake.TwoSided => Math.Max(0, lower),
            _ => 0,
        };
        double cellWidth = (upper - bottom) / cells;
        int Cell(double z) => Math.Clamp((int)((z - bottom) / cellWidth), 0, cells - 1);
        double Move(double z) => mistake == EwmaArlMistake.ClampedAtBaseline ? Math.Max(z, p0) : z;
        bool InControl(double z) => z <= upper && (mistake != EwmaArlMistake.TwoSided || z >= lower);
        double[] pmf = Enumerable.Range(0, b + 1).Select(j => Binomial.PMF(p, b, j)).ToArray();
        double observationSigma = Math.Sqrt(p * (1 - p) / b);

        var iMinusQ = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(cells);
        for (int i = 0; i < cells; i++)
        {
            double centre = bottom + ((i + 0.5) * cellWidth);
            if (mistake == EwmaArlMistake.NormalObservations)
            {
                // x ~ Normal(p, σ_x²): P(next in cell m) = P(x in [(a_m − (1 − κ)c)/κ, (a_{m+1} − (1 − κ)c)/κ]); below 0 joins cell 0.
                for (int m = 0; m < cells; m++)
                {
                    double from = m == 0 ? double.NegativeInfinity : (bottom + (m * cellWidth) - ((1 - weight) * centre)) / weight;
                    double to = (bottom + ((m + 1) * cellWidth) - ((1 - weight) * centre)) / weight;
                    iMinusQ[i, m] -= Normal.CDF(p, observationSigma, to) - (double.IsNegativeInfinity(from) ? 0 : Normal.CDF(p, observationSigma, from));
                }

                continue;
            }

            for (int j = 0; j <= b; j++)
            {
                double next = Move(((1 - weight) * centre) + (weight * j / b));
                if (InControl(next))
                {
                    iMinusQ[i, Cell(next)] -= pmf[j];
                }
            }
        }

        var fromCell = iMinusQ.Solve(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(cells, 1.0));
        if (mistake == EwmaArlMistake.NormalObservations)
        {
            return fromCell[Cell(p0)];
        }

        double arl = 1;
        for (int j = 0; j <= b; j++)
        {
            double next = Move(((1 - weight) * p0) + (weight * j / b));
            if (InControl(next))
            {
                arl += pmf[j] * fromCell[Cell(next)];
            }
        }

        return arl;
    }
}
