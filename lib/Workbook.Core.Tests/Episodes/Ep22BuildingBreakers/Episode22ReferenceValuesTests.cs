using Workbook.Core.Exercises;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;
using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep22BuildingBreakers;

/// <summary>
/// Every episode 22 reference against values worked out by hand: the admission rule, the seed's whole-life ratio
/// (solved as an inequality), the window's trip decision, Polly's buckets counted on paper, and for the three
/// breakers a step sequence written here (not taken from the shared files) and replayed through the reference factory.
/// </summary>
public class Episode22ReferenceValuesTests
{
    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // Closed admits; open admits from elapsed = timeout on (the probe); half-open only without a probe in flight; isolated never.
        new("ep22.admit-call", [BreakerState.Closed, 0.0, 10.0, false], 1, 0, "closed"),
        new("ep22.admit-call", [BreakerState.Open, 10.0, 10.0, false], 1, 0, "exactly at the timeout"),
        new("ep22.admit-call", [BreakerState.Open, 9.999, 10.0, false], 0, 0, "just before"),
        new("ep22.admit-call", [BreakerState.HalfOpen, 12.0, 10.0, true], 0, 0, "probe in flight"),
        new("ep22.admit-call", [BreakerState.Isolated, 1e6, 10.0, false], 0, 0, "isolated"),

        // f / (f + S) > p  ⇔  f > pS / (1 − p): S = 10, p = 0.5 → f > 10 → 11; S = 100, p = 0.2 → f > 25 → 26; S = 0 → 1.
        new("ep22.seed-challenge", [10, 0.5], 11, 0, "f > 10"),
        new("ep22.seed-challenge", [100, 0.2], 26, 0, "f > 25 (25/125 = 0.2 is not above)"),
        new("ep22.seed-challenge", [3, 0.75], 10, 0, "4f > 3f + 9 → f > 9"),
        new("ep22.seed-challenge", [0, 0.5], 1, 0, "no history: the first failure trips (ratio 1)"),

        // 7 of 25 is exactly 28 %: opens (the ratio·count form says 7 < 7.000000000000001); below the minimum never opens.
        new("ep22.window-ratio", [7, 25, 10, 0.28], 1, 0, "7/25 = 0.28"),
        new("ep22.window-ratio", [6, 25, 10, 0.28], 0, 0, "6/25 = 0.24"),
        new("ep22.window-ratio", [9, 9, 10, 0.5], 0, 0, "below the minimum"),
        new("ep22.window-ratio", [5, 10, 10, 0.5], 1, 0, "both boundaries"),

        // Buckets of 100 ms for a 1000 ms window. Calls 50, 149 share the bucket started at 50; 1049, 1050 the one at 1049.
        new("ep22.buckets-in-window", [new long[] { 50, 149, 1049, 1050 }, 1000L, 1050L], 2, 0, "bucket 50 dropped at 1050 (1000 ≥ 1000)"),
        new("ep22.buckets-in-window", [new long[] { 50, 149, 1049 }, 1000L, 1049L], 3, 0, "bucket 50 still counted at 1049 (999)"),
        // Calls 0, 99 (bucket 0), 100 (bucket 100), 250 (bucket 250); at 1000 bucket 0 leaves with the 99 ms call.
        new("ep22.buckets-in-window", [new long[] { 0, 99, 100, 250 }, 1000L, 1000L], 2, 0, "whole bucket leaves"),
        new("ep22.buckets-in-window", [Array.Empty<long>(), 1000L, 0L], 0, 0, "no calls"),

        // Backoff ceiling min(cap, base·2^k): 100·2³ = 800; 100·2⁶ = 6400 capped at 5000; retry 0 waits at most base.
        new("ep22.backoff-ceiling", [100.0, 5000.0, 0], 100, 0, "retry 0: base"),
        new("ep22.backoff-ceiling", [100.0, 5000.0, 3], 800, 0, "100 · 8"),
        new("ep22.backoff-ceiling", [100.0, 5000.0, 6], 5000, 0, "6400 capped"),

        // Decorrelated: min(cap, base + u(3·prev − base)): u = 0 gives base; 100 + 0.5·2900 = 1550; 100 + 0.9·2900 = 2710 capped at 1000.
        new("ep22.decorrelated-jitter", [100.0, 10_000.0, 100.0, 0.0], 100, 0, "u = 0: base"),
        new("ep22.decorrelated-jitter", [100.0, 10_000.0, 1000.0, 0.5], 1550, 1e-12, "middle of [100, 3000]"),
        new("ep22.decorrelated-jitter", [100.0, 1000.0, 1000.0, 0.9], 1000, 0, "capped"),

        // Budget: 10 requests in the window at 10 % pay for one retry (Finagle's example); a second is refused; expired requests pay nothing; a reserve of 1/s over 10 s pays for 10.
        new("ep22.retry-budget", [new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, Array.Empty<double>(), 10.0, 10_000.0, 0.1, 0.0], 1, 0, "1 ≤ 0.1 · 10"),
        new("ep22.retry-budget", [new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, new double[] { 5 }, 10.0, 10_000.0, 0.1, 0.0], 0, 0, "2 > 1"),
        new("ep22.retry-budget", [new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, Array.Empty<double>(), 10_010.0, 10_000.0, 0.1, 0.0], 0, 0, "all requests expired"),
        new("ep22.retry-budget", [Array.Empty<double>(), Array.Empty<double>(), 0.0, 10_000.0, 0.1, 1.0], 1, 0, "reserve of 10"),

        // Worst case (r + 1)^L: 3 layers retrying twice = 27; one layer of 3 retries = 4; no retries = 1.
        new("ep22.retry-amplification", [3, 2], 27, 0, "3³"),
        new("ep22.retry-amplification", [1, 3], 4, 0, "4¹"),
        new("ep22.retry-amplification", [4, 0], 1, 0, "no retries"),

        // Pooled counts: 4 of 40 = 0.1 ≥ 0.1 trips; 3 of 40 does not; 10 of 20 is below the pooled minimum of 40.
        new("ep22.pooled-trip", [new[] { 2, 2, 0 }, new[] { 10, 10, 20 }, 40, 0.1], 1, 0, "4/40 = 0.1"),
        new("ep22.pooled-trip", [new[] { 1, 2, 0 }, new[] { 10, 10, 20 }, 40, 0.1], 0, 0, "3/40 = 0.075"),
        new("ep22.pooled-trip", [new[] { 5, 5 }, new[] { 10, 10 }, 40, 0.1], 0, 0, "20 calls < 40"),

        // AUC by counting pairs: scores 0.1, 0.4 quiet, 0.35, 0.8 outage-ahead → (0.35 > 0.1) + (0.8 > both) = 3 of 4 pairs; a tie is worth ½.
        new("ep22.roc-auc", [new[] { 0.1, 0.4, 0.35, 0.8 }, new[] { false, false, true, true }], 0.75, 1e-12, "3 of 4 pairs"),
        new("ep22.roc-auc", [new[] { 0.5, 0.5 }, new[] { true, false }], 0.5, 1e-12, "one tied pair"),
        new("ep22.roc-auc", [new[] { 1.0, 2.0, 3.0 }, new[] { false, true, true }], 1.0, 1e-12, "perfect"),

        // Hystrix: 10 s window, ≥ 20 calls, ≥ 50 %. P(X ≥ 25 | 50, 0.1) and P(X ≥ 10 | 20, 0.1) summed exactly with rationals; 15 calls never trip.
        new("ep22.hystrix-false-trip", [5.0, 0.1], 1.014983870006761e-12, 1e-9, "50 calls, 25 failures"),
        new("ep22.hystrix-false-trip", [2.0, 0.1], 7.15090402108378e-06, 1e-9, "20 calls, 10 failures"),
        new("ep22.hystrix-false-trip", [1.5, 0.1], 0, 0, "15 calls < 20"),
    ];

    /// <summary>A step sequence for a breaker exercise, written by hand from the README's rules.</summary>
    public sealed record ReplayRow(string Id, object?[] FactoryArguments, ScenarioStep[] Steps, string Source)
    {
        public override string ToString() => $"{Id}: {Source}";
    }

    private static ScenarioStep S(double t, StepOutcome o, bool admitted, BreakerState state) => new(t, o, admitted, state);

    private const StepOutcome Ok = StepOutcome.Success;
    private const StepOutcome Fail = StepOutcome.Failure;
    private const StepOutcome Read = StepOutcome.None;
    private const BreakerState Closed = BreakerState.Closed;
    private const BreakerState Open = BreakerState.Open;
    private const BreakerState Half = BreakerState.HalfOpen;

    public static IEnumerable<ReplayRow> ReplayRows() =>
    [
        // Threshold 2, timeout 4 s: F S F F → open at 3; 6.5 rejected; 7 half-open; the probe at 7 fails → open from 7; 10.9 open; 11 probe closes.
        new("ep22.beginner-breaker", [2, 4.0],
        [
            S(0, Fail, true, Closed), S(1, Ok, true, Closed), S(2, Fail, true, Closed), S(3, Fail, true, Open), S(6.5, Ok, false, Open),
            S(7, Read, false, Half), S(7, Fail, true, Open), S(10.9, Read, false, Open), S(11, Ok, true, Closed),
        ], "hand"),

        // Window 5, minimum 3, ratio 0.4, 1 s, 2 probes: F S S (3 calls, 1/3 < 0.4) F → 2/4 = 0.5, open at 0.3; half-open at 1.3; probe S then F → open from 1.3;
        // at 2.3 two successful probes close it.
        new("ep22.count-window-breaker", [new CountWindowSettings(5, 3, 0.4, 1.0, 2)],
        [
            S(0, Fail, true, Closed), S(0.1, Ok, true, Closed), S(0.2, Ok, true, Closed), S(0.3, Fail, true, Open), S(1.2, Ok, false, Open),
            S(1.3, Read, false, Half), S(1.3, Ok, true, Half), S(1.3, Fail, true, Open), S(2.3, Ok, true, Half), S(2.3, Ok, true, Closed),
        ], "hand"),

        // Ratio 0.5, minimum 2, 1000 ms window, 500 ms break: F at 0 and 100 (two buckets) → 2/2, open until 600; 599 rejected; 600 still reads open
        // (lazy); the probe at 600 fails → open until 1100; the probe at 1100 closes and forgets; one failure at 1150 stays below the minimum.
        new("ep22.production-breaker", [new BreakerScenarioOptions(0.5, 2, 1000, 500)],
        [
            S(0, Fail, true, Closed), S(100, Fail, true, Open), S(599, Ok, false, Open), S(600, Read, false, Open), S(600, Fail, true, Open),
            S(1100, Ok, true, Closed), S(1150, Fail, true, Closed), S(1200, Ok, true, Closed),
        ], "hand"),
    ];

    [Theory]
    [MemberData(nameof(RowData))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    public static TheoryData<ReferenceValue> RowData() => ReferenceValues.AsTheoryData(Rows());

    public static TheoryData<string> ReplayIds()
    {
        var data = new TheoryData<string>();
        foreach (var row in ReplayRows())
        {
            data.Add(row.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReplayIds))]
    public void ReferenceBreaker_ReplaysAHandWrittenSequence(string id)
    {
        var row = ReplayRows().Single(r => r.Id == id);
        var breaker = (IReplayableBreaker)ExerciseCatalog.Get(id).Reference.DynamicInvoke(row.FactoryArguments)!;

        var result = ScenarioReplay.Run(breaker, row.Steps);

        Assert.True(result.Matched, result.Reason);
    }

    [Fact]
    public void EveryExercise_HasARow() =>
        ReferenceValues.AssertCoversEveryExercise(22, Rows().Concat(ReplayRows().Select(r => new ReferenceValue(r.Id, r.FactoryArguments, 0, 0, r.Source))));
}
