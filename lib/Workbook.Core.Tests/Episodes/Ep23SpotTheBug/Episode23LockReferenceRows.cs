using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>Reference values for the lock exercises, worked by hand (the arithmetic is in each row's source).</summary>
public static class Episode23LockReferenceRows
{
    public static IEnumerable<ReferenceValue> Rows() =>
    [
        new("ep23.lease-lapse", [0.0, 1.0, 50.0, 0.0], 51.0, 1e-12, "hand: 0 + 1 + 50"),
        new("ep23.lease-lapse", [0.0, 1.0, 50.0, 0.5], 103.0 / 3, 1e-12, "hand: 1 + 50/1.5 = 1 + 100/3 = 103/3"),
        new("ep23.lease-lapse", [100.0, 5.0, 1000.0, 0.25], 905.0, 1e-12, "hand: 105 + 1000/1.25 = 105 + 800"),
        new("ep23.lease-lapse", [0.0, 0.0, 50.0, -0.2], 62.5, 1e-12, "hand: a slow clock, 50/0.8 = 62.5"),
        new("ep23.lease-lapse", [10.0, 2.0, 30_000.0, 0.01], 12 + (3_000_000.0 / 101), 1e-12, "hand: 12 + 30000/1.01 = 12 + 3,000,000/101"),
        new("ep23.fencing-check", [1L, Array.Empty<long>()], true, "hand: the first write"),
        new("ep23.fencing-check", [3L, new long[] { 3 }], true, "Kleppmann 2016: only a LOWER token is rejected"),
        new("ep23.fencing-check", [5L, new long[] { 1, 2 }], true, "hand: 5 >= max(1, 2)"),
        new("ep23.fencing-check", [2L, new long[] { 3, 1 }], false, "hand: 2 < max(3, 1) = 3"),
        new("ep23.fencing-check", [3L, new long[] { 1, 5, 2 }], false, "hand: 3 < 5"),
        new("ep23.lease-check", [0.0, 4.0, 45.0, 50.0, 0.05], true, "hand: 45 < 50 × 0.95/1.05 = 45.238"),
        new("ep23.lease-check", [0.0, 4.0, 46.0, 50.0, 0.05], false, "hand: 46 > 45.238"),
        new("ep23.lease-check", [0.0, 8.0, 50.0, 50.0, 0.0], false, "hand: 50 is not < 50 (no drift)"),
        new("ep23.lease-check", [0.0, 2.0, 20.0, 50.0, 0.5], false, "hand: 20 > 50 × 0.5/1.5 = 16.67"),
        new("ep23.lease-check", [1000.0, 1003.0, 1047.0, 50.0, 0.01], true, "hand: 47 < 50 × 0.99/1.01 = 49.01"),
        new("ep23.lease-check", [0.0, 2.0, 14.0, 50.0, 0.5], true, "hand: 14 < 50 × 0.5/1.5 = 16.67 (the over-conservative 50 × 0.5² = 12.5 would refuse)"),
    ];

    /// <summary>
    /// Exercises checked by a trial alone (no cases): each has a test in this part's exercise tests that runs the
    /// reference and the known mistake through the trial on a hand-worked scenario and asserts what the trial reports.
    /// </summary>
    public static IEnumerable<string> TrialExerciseIds() => ["ep23.owner-checked-release"];
}
