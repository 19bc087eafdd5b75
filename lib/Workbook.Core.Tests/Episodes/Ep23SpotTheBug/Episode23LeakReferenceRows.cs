using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>Reference values for the leak exercises, worked by hand: kept events × (2 bytes per char + overhead).</summary>
public static class Episode23LeakReferenceRows
{
    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // The seed's tracker (no bound): 2,000 × (2 · 21,200 + 75) = 2,000 × 42,475 = 84,950,000 bytes.
        new("ep23.leak-bytes", [2_000L, int.MaxValue, 21_200, 75], 84_950_000, 0, "2,000 × 42,475"),
        // 10 M events of the same: 424,750,000,000 bytes (≈ 425 GB; more than int.MaxValue).
        new("ep23.leak-bytes", [10_000_000L, int.MaxValue, 21_200, 75], 424_750_000_000, 0, "10⁷ × 42,475"),
        // Bounded at 10,000 with no stack, 16 bytes per event (the ring buffer's slot: a double and a reference):
        // 10,000 × 16 = 160,000 bytes, however many events.
        new("ep23.leak-bytes", [10_000_000L, 10_000, 0, 16], 160_000, 0, "min(10⁷, 10⁴) × 16"),
        // Not yet full: 5,000 × 16 = 80,000.
        new("ep23.leak-bytes", [5_000L, 10_000, 0, 16], 80_000, 0, "5,000 × 16"),
        // One past capacity with stacks: 1,000 × (6,000 + 100) = 6,100,000.
        new("ep23.leak-bytes", [1_001L, 1_000, 3_000, 100], 6_100_000, 0, "1,000 × 6,100"),
        new("ep23.leak-bytes", [0L, 100, 500, 40], 0, 0, "no events"),
    ];

    /// <summary>
    /// Exercises checked by a trial alone (no cases): each has a test in this part's exercise tests that runs the
    /// reference and the known mistake through the trial on a hand-worked scenario and asserts what the trial reports.
    /// </summary>
    public static IEnumerable<string> TrialExerciseIds() => ["ep23.bounded-tracker", "ep23.bounded-cache"];
}
