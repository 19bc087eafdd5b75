using Workbook.Core.Exercises;
using Workbook.Core.Resilience;
using Workbook.Core.Resilience.Breakers.Predictive;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>Episode 22, expert track: ROC area with ties, the pooled trip decision, the Hystrix defaults' false-trip probability, a feature's contribution.</summary>
public static class Episode22ExpertExercises
{
    /// <summary>The exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep22.pooled-trip",
            Title = "The shared store's trip decision",
            Track = Track.Intermediate,
            Signature = "bool PooledTrips(int[] failures, int[] calls, int minimumThroughput, double failureRatio)",
            Reference = (Func<int[], int[], int, double, bool>)PooledTrips,
            Cases =
            [
                [new[] { 1, 1, 0, 1 }, new[] { 10, 10, 10, 10 }, 40, 0.1], // 3/40 < 0.1
                [new[] { 1, 1, 1, 1 }, new[] { 10, 10, 10, 10 }, 40, 0.1], // 4/40 = 0.1: trips (≥)
                [new[] { 10 }, new[] { 10 }, 40, 0.1],                      // all fail, below the minimum
                [new[] { 10, 0, 0 }, new[] { 10, 10, 10 }, 30, 0.5],        // one bad instance: 10/30 < 0.5
                [new[] { 10, 0, 0 }, new[] { 10, 10, 10 }, 30, 0.3],        // ... but ≥ 0.3
                [new[] { 0, 0 }, new[] { 0, 0 }, 1, 0.5],                   // no calls at all
                [new[] { 3, 9 }, new[] { 30, 10 }, 40, 0.4],                // 12/40 = 0.3 pooled < 0.4; the mean of ratios, 0.5, would trip
            ],
            Hints =
            [
                "Add up the failures and the calls of every instance first, then apply one rule to the sums: trip when the pooled calls reach the " +
                "minimum throughput and pooled failures / pooled calls is at or above the ratio.",
            ],
            KnownMistakes =
            [
                new("the mean of the instances' ratios", (Func<int[], int[], int, double, bool>)((f, c, m, r) =>
                    c.Sum() >= m && c.Sum() > 0 && f.Zip(c, (a, b) => b == 0 ? 0 : a / (double)b).Average() >= r),
                    "Averaging ratios gives an instance with 10 calls the same say as one with 30. Pool the counts: Σfailures / Σcalls."),
                new("strictly above the ratio", (Func<int[], int[], int, double, bool>)((f, c, m, r) => c.Sum() >= m && c.Sum() > 0 && f.Sum() / (double)c.Sum() > r),
                    "Polly and this breaker trip at or above the ratio (>=), as the seed's _should_trip does not."),
                new("no minimum throughput", (Func<int[], int[], int, double, bool>)((f, c, m, r) => c.Sum() > 0 && f.Sum() / (double)c.Sum() >= r),
                    "With fewer pooled calls than the minimum throughput the ratio is not compared at all: one failure in one call is not evidence."),
            ],
        },
        new()
        {
            Id = "ep22.roc-auc",
            Title = "ROC area with ties",
            Track = Track.Intermediate,
            Signature = "double RocArea(double[] scores, bool[] outageAhead)",
            Reference = (Func<double[], bool[], double>)((s, y) => RocAnalysis.Compute(s, y).Area),
            Cases =
            [
                [new[] { 0.9, 0.5, 0.5, 0.5, 0.2 }, new[] { true, true, true, false, false }],
                [new[] { 0.3, 0.3, 0.3, 0.3 }, new[] { true, false, true, false }],
                [new[] { 4.0, 3, 2, 1 }, new[] { true, true, false, false }],
                [new[] { 1.0, 2, 3, 4 }, new[] { true, true, false, false }],
                [new[] { 0.1, 0.4, 0.35, 0.8, 0.4, 0.4 }, new[] { false, false, true, true, true, false }],
            ],
            Hints =
            [
                "The area is the probability that a random positive scores above a random negative, a tie counting one half. Sort the scores, give tied " +
                "scores their mean rank, sum the positives' ranks R, and U = R − n₁(n₁ + 1)/2; the area is U / (n₁n₀).",
            ],
            KnownMistakes =
            [
                new("ties counted as wins", (Func<double[], bool[], double>)((s, y) => Pairs(s, y, 1)),
                    "A positive and a negative with the same score are a coin toss: count one half, not one. All-equal scores must give 0.5."),
                new("ties counted as losses", (Func<double[], bool[], double>)((s, y) => Pairs(s, y, 0)),
                    "A tie counts one half, not zero; otherwise a score with few distinct values (an error count) is judged worse than it is."),
            ],
        },
        new()
        {
            Id = "ep22.hystrix-false-trip",
            Title = "How often do Hystrix's defaults trip on a healthy window?",
            Track = Track.Beginner,
            Signature = "double HystrixFalseTrip(double requestsPerSecond, double baselineFailureRate)",
            Reference = (Func<double, double, double>)((l, p) =>
                BreakerTripMath.FullWindowTripProbability(CircuitBreakerDefaults.TripConditionFor("Hystrix"), p, l)),
            Cases = [[5.0, 0.1], [5.0, 0.3], [1.5, 0.3], [20.0, 0.4], [2.0, 0.0]],
            RelativeTolerance = 1e-6,
            AbsoluteTolerance = 1e-300,
            Hints =
            [
                "Hystrix's defaults as a TripCondition: CircuitBreakerDefaults.TripConditionFor(\"Hystrix\"). Episode 13's " +
                "BreakerTripMath.FullWindowTripProbability(condition, p0, λ) gives P(a full 10 s window trips).",
            ],
            KnownMistakes =
            [
                new("ignoring the minimum throughput", (Func<double, double, double>)((l, p) =>
                    BreakerTripMath.WindowTripProbability(new TripCondition(SlidingWindowKind.TimeBased, 10, 1, 0.5, TripComparison.TruncatedPercentAtLeast), p, (int)Math.Ceiling(l * 10))),
                    "At 1.5 calls per second a 10 s window holds 15 calls, below requestVolumeThreshold 20: Hystrix never compares the ratio, so it never trips."),
            ],
        },
    ];

    private static bool PooledTrips(int[] failures, int[] calls, int minimumThroughput, double failureRatio)
    {
        int f = failures.Sum(), c = calls.Sum();
        return c > 0 && c >= minimumThroughput && f / (double)c >= failureRatio;
    }

    private static double Pairs(double[] s, bool[] y, double tie)
    {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < s.Length; i++)
        {
            for (int j = 0; j < s.Length; j++)
            {
                if (y[i] && !y[j])
                {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? tie : 0;
                }
            }
        }

        return wins / pairs;
    }
}
