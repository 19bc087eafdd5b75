using MathNet.Numerics.Distributions;
using Workbook.Core.Resilience;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep13CircuitBreakers;

/// <summary>
/// Episode 13 — the mathematics of circuit breakers. The references are the library's resilience
/// functions; the known mistakes are the seed sketch's and the off-by-ones learners make with
/// "more than k" against "at least k".
/// </summary>
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
            Cases = [[100, 0.05, 9], [100, 0.05, 5], [20, 0.01, 1], [50, 0.1, 10], [1000, 0.02, 30]],
            AbsoluteTolerance = 1e-12,
            Hints =
            [
                "The breaker trips when more than k of the n calls fail: P(X > k) with X ~ Binomial(n, p₀).",
                "MathNet: sum Binomial.PMF(p₀, n, i) for i = k + 1 … n. (1 − Binomial.CDF(p₀, n, k) also works here, but it cancels to nonsense once the tail is below about 10⁻¹².)",
            ],
            KnownMistakes =
            [
                new("at least k", (Func<int, double, int, double>)((n, p, k) => 1 - Binomial.CDF(p, n, k - 1)),
                    "That is P(X ≥ k). The rule is \"more than k failures\": P(X > k) = 1 − P(X ≤ k)."),
                new("forgot the complement", (Func<int, double, int, double>)((n, p, k) => Binomial.CDF(p, n, k)),
                    "Binomial.CDF(p, n, k) is P(X ≤ k), the chance of NOT tripping. Take 1 − CDF."),
            ],
        },
        new()
        {
            Id = "ep13.ewma-update",
            Title = "One step of an exponentially weighted moving average",
            Track = Track.Beginner,
            Signature = "double NextEwma(double previous, double observation, double lambda)",
            Reference = (Func<double, double, double, double>)((previous, observation, lambda) =>
                EwmaMath.Next(previous, observation, lambda)),
            Cases = [[0.05, 1.0, 0.1], [0.05, 0.0, 0.2], [0.2, 0.35, 0.05], [0.3, 0.3, 0.5], [0.1, 0.4, 1.0]],
            Hints = ["z_t = λ·x_t + (1 − λ)·z_{t−1}: the new observation gets weight λ, the old average the rest."],
            KnownMistakes =
            [
                new("weights swapped", (Func<double, double, double, double>)((z, x, lambda) => (lambda * z) + ((1 - lambda) * x)),
                    "The weights are swapped: a small λ must change the average only a little, so the observation gets λ and the old value 1 − λ."),
                new("plain average", (Func<double, double, double, double>)((z, x, lambda) => (z + x) / 2),
                    "Averaging the two halves gives λ = 0.5 whatever λ is. Weight the observation by λ."),
            ],
        },
        new()
        {
            Id = "ep13.outage-delay",
            Title = "How long a count-based breaker takes to notice an outage",
            Track = Track.Beginner,
            Signature = "double OutageDetectionSeconds(int windowSize, double failureThreshold, double requestsPerSecond)",
            Reference = (Func<int, double, double, double>)((windowSize, failureThreshold, requestsPerSecond) =>
                BreakerTripMath.DetectionDelayAllFailuresSeconds(
                    new BreakerOptions { WindowSize = windowSize, MinimumThroughput = windowSize, FailureThreshold = failureThreshold, Rule = TripRule.RatioAtLeast },
                    requestsPerSecond)),
            Cases = [[100, 0.5, 50.0], [100, 0.5, 10.0], [20, 0.25, 2.0], [10, 0.25, 1.0], [1000, 0.05, 200.0], [100, 0.55, 10.0]],
            Hints =
            [
                "Each new failure pushes one old success out of the full window. The breaker trips at the first failure count f with f / (double)N ≥ threshold.",
                "The failing calls arrive at 1/λ, 2/λ, …, so the f-th arrives at f / λ seconds.",
            ],
            KnownMistakes =
            [
                new("whole window", (Func<int, double, double, double>)((n, r, rate) => n / rate),
                    "The breaker does not wait for the whole window to fill with failures: it trips once the failure share reaches the threshold, after ⌈threshold × N⌉ of them."),
                new("rounded down", (Func<int, double, double, double>)((n, r, rate) => Math.Floor(r * n) / rate),
                    "With ⌊threshold × N⌋ failures the share is still below the threshold when threshold × N is not a whole number: round up."),
                new("first failure at t = 0", (Func<int, double, double, double>)((n, r, rate) => (FirstTrippingCount(n, r) - 1) / rate),
                    "The first failing call arrives at 1/λ, not at 0 (calls at 1/λ, 2/λ, …): f failures take f / λ seconds."),
                new("ceiling in floating point", (Func<int, double, double, double>)((n, r, rate) => Math.Ceiling(r * n) / rate),
                    "⌈threshold × N⌉ is right on paper, but in double 0.55 × 100 is 55.000000000000007, so Math.Ceiling gives 56. Find the smallest f with f / (double)N >= threshold, the comparison the breaker itself makes."),
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
            Id = "ep13.ewma-limit",
            Title = "The exact upper control limit of an EWMA chart",
            Track = Track.Intermediate,
            Signature = "double UpperControlLimit(double baselineFailureRate, int callsPerObservation, double lambda, double limitWidth, int observations)",
            Reference = (Func<double, int, double, double, int, double>)((baselineFailureRate, callsPerObservation, lambda, limitWidth, observations) =>
                EwmaMath.ControlLimits(baselineFailureRate, EwmaMath.FailureFractionStandardDeviation(baselineFailureRate, callsPerObservation),
                    lambda, limitWidth, observations).Upper),
            Cases = [[0.05, 20, 0.2, 3.0, 1], [0.05, 20, 0.2, 3.0, 100], [0.01, 100, 0.1, 2.7, 5], [0.1, 1, 1.0, 3.0, 1], [0.02, 50, 0.05, 2.8, 30]],
            Hints =
            [
                "σ of one observation is √(p₀(1 − p₀)/b) for b calls; Var(z_t) = σ² · λ/(2 − λ) · (1 − (1 − λ)^{2t}).",
                "UCL_t = p₀ + L·√Var(z_t).",
            ],
            KnownMistakes =
            [
                new("steady-state limit", (Func<double, int, double, double, int, double>)((p, b, lambda, width, t) =>
                        p + (width * Math.Sqrt(p * (1 - p) / b * lambda / (2 - lambda)))),
                    "That is the steady-state limit. The exact limit after t observations has the factor 1 − (1 − λ)^{2t}, which makes it narrower at the start."),
                new("one call per observation", (Func<double, int, double, double, int, double>)((p, b, lambda, width, t) =>
                        p + (width * Math.Sqrt(p * (1 - p) * lambda / (2 - lambda) * (1 - Math.Pow(1 - lambda, 2 * t))))),
                    "The failure fraction of b calls has variance p₀(1 − p₀)/b, not p₀(1 − p₀): divide by the calls per observation."),
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
                    new BreakerOptions
                    {
                        Kind = SlidingWindowKind.TimeBased,
                        WindowSize = 1,
                        MinimumThroughput = minimumThroughput,
                        FailureThreshold = failureRatio,
                        Rule = TripRule.RatioAtLeast,
                    },
                    failureRate,
                    callsInWindow)),
            Cases = [[150, 100, 0.1, 0.05], [150, 100, 0.1, 0.2], [90, 100, 0.1, 0.5], [100, 20, 0.5, 0.2], [40, 20, 0.5, 0.45], [300, 100, 0.25, 0.2], [200, 100, 0.55, 0.5]],
            AbsoluteTolerance = 1e-12,
            Hints =
            [
                "Below the minimum throughput the ratio is never compared: probability 0.",
                "Otherwise the breaker trips at the smallest failure count f* with f* / (double)N >= ratio (⌈ratio × N⌉ on paper): P(X ≥ f*) = Σᵢ₌f*ᴺ Binomial.PMF(p, N, i).",
            ],
            KnownMistakes =
            [
                // Listed first: where the ceiling overshoots by one it equals "strictly above", whose own first failure comes earlier.
                new("ceiling in floating point", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        n < minimum ? 0 : 1 - Binomial.CDF(p, n, Math.Ceiling(ratio * n) - 1)),
                    "⌈ratio × N⌉ is right on paper, but in double 0.55 × 200 is 110.00000000000001, so Math.Ceiling gives 111. Find the smallest f with f / (double)N >= ratio, the comparison Polly makes."),
                new("strictly above", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        n < minimum ? 0 : 1 - Binomial.CDF(p, n, FirstTrippingCount(n, ratio))),
                    "The libraries trip at a ratio equal to or above the threshold (Polly's code compares with >=), so f* failures already trip: P(X ≥ f*), not P(X > f*)."),
                new("ignored minimum throughput", (Func<int, int, double, double, double>)((n, minimum, ratio, p) =>
                        1 - Binomial.CDF(p, n, FirstTrippingCount(n, ratio) - 1)),
                    "A window with fewer calls than the minimum throughput never trips, whatever its failures: return 0 there."),
            ],
        },
        new()
        {
            Id = "ep13.smallest-window",
            Title = "The smallest window that detects a degradation",
            Track = Track.Expert,
            Signature = "int SmallestWindow(double baselineFailureRate, double degradedFailureRate, double alpha, double targetPower)",
            Reference = (Func<double, double, double, double, int>)((baselineFailureRate, degradedFailureRate, alpha, targetPower) =>
                TripThreshold.SmallestWindow(baselineFailureRate, degradedFailureRate, alpha, targetPower)!.WindowSize),
            Cases = [[0.05, 0.2, 0.01, 0.9], [0.01, 0.1, 0.001, 0.95], [0.05, 0.5, 0.01, 0.99], [0.1, 0.2, 0.05, 0.8], [0.02, 0.1, 0.01, 0.9]],
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
                            int low = 1, high = 100_000;
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
            Id = "ep13.probe-delay",
            Title = "How long a fixed-period breaker stays open after recovery",
            Track = Track.Expert,
            Signature = "double MeanRecoveryDelaySeconds(double periodSeconds, double meanRecoverySeconds, double probeSuccessProbability)",
            Reference = (Func<double, double, double, double>)((periodSeconds, meanRecoverySeconds, probeSuccessProbability) =>
                HalfOpenRecovery.ExpectedForFixedPeriod(periodSeconds, meanRecoverySeconds, probeSuccessProbability).MeanDetectionDelaySeconds),
            Cases = [[5.0, 300.0, 1.0], [5.0, 300.0, 0.7], [60.0, 30.0, 1.0], [60.0, 30.0, 0.5], [10.0, 10.0, 0.9]],
            Hints =
            [
                "Recovery R ~ Exp(mean μ) lands in some probe period; by memorylessness its position U in that period is Exp(μ) conditioned on U ≤ c, in every period.",
                "E[c − U | U ≤ c] = c − μ + c/(e^{c/μ} − 1); each probe after recovery then fails with probability 1 − q, adding c(1 − q)/q on average.",
            ],
            KnownMistakes =
            [
                new("half a period", (Func<double, double, double, double>)((c, mu, q) => (c / 2) + (c * (1 - q) / q)),
                    "c/2 is the limit for outages much longer than the period (recovery spread evenly over it). For a finite mean μ the exact residual is c − μ + c/(e^{c/μ} − 1)."),
                new("forgot failed probes", (Func<double, double, double, double>)((c, mu, q) => c - mu + (c / (Math.Exp(c / mu) - 1))),
                    "After recovery a probe still fails with probability 1 − q; each failure costs another period: add c(1 − q)/q."),
            ],
        },
    ];

    /// <summary>The smallest f with f / (double)n ≥ ratio: the comparison the libraries make, without rounding surprises.</summary>
    private static int FirstTrippingCount(int n, double ratio) =>
        new BreakerOptions { WindowSize = n, MinimumThroughput = 1, FailureThreshold = ratio, Rule = TripRule.RatioAtLeast }
            .MinimumFailuresToTrip(n)!.Value;
}
