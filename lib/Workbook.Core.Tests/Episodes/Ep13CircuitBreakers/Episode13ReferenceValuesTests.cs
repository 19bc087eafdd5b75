using Workbook.Core.Tests.Exercises;
using Workbook.Core.Tests.Resilience;

namespace Workbook.Core.Tests.Episodes.Ep13CircuitBreakers;

/// <summary>
/// Every episode 13 reference answer against a value that does not come from the library: binomial tails
/// in exact rational arithmetic (<see cref="ExactBinomial"/>, p = a/b), closed forms written out here, and
/// exact scans built on those tails. Tolerances: 1e-12 relative for arithmetic; 1e-9 where the library
/// works with the double nearest to p (0.05 is not exactly 1/20) or sums a recursion to 10⁻¹⁵.
/// </summary>
public class Episode13ReferenceValuesTests
{
    private static double Tail(int n, int a, int b, int k) => ExactBinomial.UpperTail(n, a, b, k);

    private static int CriticalCount(int n, int a, int b, double alpha) => ExactBinomial.CriticalCount(n, a, b, alpha);

    /// <summary>The first n whose exact power P(X &gt; k(n) | p₁) reaches the target, k(n) the critical count at p₀ (no bisection).</summary>
    private static int SmallestWindow(int a0, int b0, int a1, int b1, double alpha, double targetPower)
    {
        for (int n = 1; ; n++)
        {
            if (Tail(n, a1, b1, CriticalCount(n, a0, b0, alpha)) >= targetPower)
            {
                return n;
            }
        }
    }

    /// <summary>Section 6's fixed-wait closed form: E[close] = τ + (d − τ + d/(e^{d/τ} − 1) + d(1 − q)/q).</summary>
    private static double FixedWaitClose(double d, double tau, double q) => d + (d / (Math.Exp(d / tau) - 1)) + (d * (1 - q) / q);

    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // P(X > k), X ~ Binomial(n, p₀), summed exactly: a middle value, a small window, and the far tail
        // (≈ 6.2e-21) where 1 − CDF is exactly 0 in double.
        new("ep13.false-trip", [100, 0.05, 9], Tail(100, 1, 20, 9), 1e-9, "exact rational tail"),
        new("ep13.false-trip", [20, 0.01, 1], Tail(20, 1, 100, 1), 1e-9, "exact rational tail"),
        new("ep13.false-trip", [1000, 0.001, 20], Tail(1000, 1, 1000, 20), 1e-9, "exact rational tail, far"),

        // First tripping count f (f/n ≥ threshold) over λ: 50/50 = 1 s; 50/200 = 0.25 s; ⌈0.25·20⌉ = 5, 5/2 = 2.5 s;
        // 55 % of 100 = 55 failures (not 56), 55/10 = 5.5 s.
        new("ep13.outage-delay", [100, 0.5, 50.0], 1.0, 1e-12, "hand"),
        new("ep13.outage-delay", [1000, 0.05, 200.0], 0.25, 1e-12, "hand"),
        new("ep13.outage-delay", [20, 0.25, 2.0], 2.5, 1e-12, "hand"),
        new("ep13.outage-delay", [100, 0.55, 10.0], 5.5, 1e-12, "hand, the 0.55 × 100 rounding trap"),

        // z = κx + (1 − κ)z₋₁: 0.1·1 + 0.9·0.05 = 0.145; 0.2·0 + 0.8·0.05 = 0.04; a fixed point stays; κ = 1 takes x.
        new("ep13.ewma-update", [0.05, 1.0, 0.1], 0.145, 1e-12, "hand"),
        new("ep13.ewma-update", [0.05, 0.0, 0.2], 0.04, 1e-12, "hand"),
        new("ep13.ewma-update", [0.3, 0.3, 0.5], 0.3, 1e-12, "fixed point"),
        new("ep13.ewma-update", [0.1, 0.4, 1.0], 0.4, 1e-12, "κ = 1: no memory"),

        // Smallest k with P(X > k | p₀) ≤ α, scanned on exact tails.
        new("ep13.critical-count", [100, 0.05, 0.01], CriticalCount(100, 1, 20, 0.01), 0, "exact scan"),
        new("ep13.critical-count", [20, 0.01, 0.05], CriticalCount(20, 1, 100, 0.05), 0, "exact scan"),
        new("ep13.critical-count", [1000, 0.02, 0.001], CriticalCount(1000, 1, 50, 0.001), 0, "exact scan"),
        new("ep13.critical-count", [10, 0.2, 0.0001], CriticalCount(10, 1, 5, 0.0001), 0, "exact scan, tiny α"),
        new("ep13.critical-count", [400, 0.01, 0.01], CriticalCount(400, 1, 100, 0.01), 0, "exact scan"),

        // Below the minimum throughput nothing trips; otherwise P(X ≥ f*) with f* = 15 of 150 at 10 %,
        // 50 of 100 at 50 %, and 110 of 200 at 55 % (Math.Ceiling(0.55 × 200) would say 111).
        new("ep13.library-trip", [90, 100, 0.1, 0.5], 0, 0, "below minimum throughput"),
        new("ep13.library-trip", [150, 100, 0.1, 0.2], Tail(150, 1, 5, 14), 1e-9, "exact rational tail"),
        new("ep13.library-trip", [100, 20, 0.5, 0.2], Tail(100, 1, 5, 49), 1e-9, "exact rational tail, far"),
        new("ep13.library-trip", [200, 100, 0.55, 0.5], Tail(200, 1, 2, 109), 1e-9, "exact rational tail"),

        // UCL_t = p₀ + L·σ·√(κ/(2 − κ)·(1 − (1 − κ)^{2t})), σ = √(p₀(1 − p₀)/b).
        // κ = 1, b = 1: 0.1 + 3·√0.09 = 1.0. t = 1, κ = 0.2: the factor is 0.2/1.8 · 0.36 = 0.04, so
        // UCL = 0.05 + 3·0.2·√(0.0475/20) = 0.0792404. t = 100: (0.8)^200 ≈ 4e-20 is gone, the factor is 1/9,
        // and UCL = 0.05 + σ = 0.0987340.
        new("ep13.ewma-limit", [0.1, 1, 1.0, 3.0, 1], 1.0, 1e-12, "hand"),
        new("ep13.ewma-limit", [0.05, 20, 0.2, 3.0, 1], 0.05 + (3 * 0.2 * Math.Sqrt(0.0475 / 20)), 1e-12, "hand"),
        new("ep13.ewma-limit", [0.05, 20, 0.2, 3.0, 100], 0.05 + Math.Sqrt(0.0475 / 20), 1e-12, "steady-state limit"),

        // A fixed wait (growth 1, cap = the wait) has the closed form of section 6.
        new("ep13.backoff-close", [5.0, 1.0, 5.0, 300.0, 0.7], FixedWaitClose(5, 300, 0.7), 1e-9, "closed form"),
        new("ep13.backoff-close", [60.0, 1.0, 60.0, 30.0, 0.5], FixedWaitClose(60, 30, 0.5), 1e-9, "closed form"),
        new("ep13.backoff-close", [10.0, 2.0, 10.0, 50.0, 0.8], FixedWaitClose(10, 50, 0.8), 1e-9, "closed form: the cap makes growth 2 a fixed wait"),

        // The exact scan over n, on rational tails (no bisection).
        new("ep13.smallest-window", [0.1, 0.3, 0.01, 0.95], SmallestWindow(1, 10, 3, 10, 0.01, 0.95), 0, "exact scan"),
        new("ep13.smallest-window", [0.05, 0.2, 0.01, 0.9], SmallestWindow(1, 20, 1, 5, 0.01, 0.9), 0, "exact scan"),
        new("ep13.smallest-window", [0.05, 0.5, 0.01, 0.99], SmallestWindow(1, 20, 1, 2, 0.01, 0.99), 0, "exact scan"),

        // κ = 1 makes the chain exact: UCL = 0.05 + 3·√(0.0475/20) = 0.196, a batch of 20 signals at X ≥ 4
        // (20 × 0.196 = 3.92), and the run length is geometric: ARL = 1 / P(X > 3). A limit above 1 never signals.
        new("ep13.ewma-arl", [0.05, 0.2, 20, 1.0, 3.0, 200], 1 / Tail(20, 1, 5, 3), 1e-9, "geometric, exact"),
        new("ep13.ewma-arl", [0.05, 0.05, 20, 1.0, 3.0, 200], 1 / Tail(20, 1, 20, 3), 1e-9, "geometric, exact, in control"),
        new("ep13.ewma-arl", [0.3, 0.6, 1, 0.5, 3.0, 100], double.PositiveInfinity, 0, "UCL ≥ 1"),
    ];

    public static TheoryData<ReferenceValue> Cases() => ReferenceValues.AsTheoryData(Rows());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    [Fact]
    public void EveryEpisode13Exercise_HasAnIndependentValue() => ReferenceValues.AssertCoversEveryExercise(13, Rows());

    [Fact]
    public void FalseTrip_FallsAsTheThresholdRises_AndCriticalCountGrowsWithTheWindow()
    {
        // Properties, not values: a higher k trips less often; a larger window at the same α needs a larger k.
        var falseTrip = Workbook.Core.Exercises.ExerciseCatalog.Get("ep13.false-trip").Reference;
        var tails = Enumerable.Range(0, 20).Select(k => (double)falseTrip.DynamicInvoke(100, 0.05, k)!).ToArray();
        Assert.All(tails.Zip(tails.Skip(1)), pair => Assert.True(pair.Second < pair.First));

        var critical = Workbook.Core.Exercises.ExerciseCatalog.Get("ep13.critical-count").Reference;
        var counts = new[] { 10, 20, 50, 100, 500 }.Select(n => (int)critical.DynamicInvoke(n, 0.05, 0.01)!).ToArray();
        Assert.All(counts.Zip(counts.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }
}
