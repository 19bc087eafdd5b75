using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>Reference values for the race exercises, each worked out by hand.</summary>
public static class Episode23RaceReferenceRows
{
    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // (nk)! / (k!)^n, by hand.
        new("ep23.count-interleavings", [1, 5], 1, 0, "one thread: one order"),
        new("ep23.count-interleavings", [2, 1], 2, 0, "2! / (1!·1!) = 2"),
        new("ep23.count-interleavings", [2, 2], 6, 0, "4! / (2!·2!) = 24 / 4 = 6"),
        new("ep23.count-interleavings", [2, 3], 20, 0, "6! / (3!·3!) = 720 / 36 = 20"),
        new("ep23.count-interleavings", [3, 1], 6, 0, "3! = 6"),
        new("ep23.count-interleavings", [3, 2], 90, 0, "6! / 2!^3 = 720 / 8 = 90"),
        new("ep23.count-interleavings", [2, 10], 184_756, 0, "C(20, 10) = 184,756 (Pascal's triangle)"),
        new("ep23.count-interleavings", [4, 2], 2_520, 0, "8! / 2!^4 = 40,320 / 16 = 2,520"),
        new("ep23.count-interleavings", [3, 4], 34_650, 0, "12! / 4!^3 = 479,001,600 / 13,824 = 34,650"),
    ];

    /// <summary>
    /// Exercises checked by a trial alone (no cases): each has a test in this part's exercise tests that runs the
    /// reference and the known mistake through the trial on a hand-worked scenario and asserts what the trial reports.
    /// </summary>
    public static IEnumerable<string> TrialExerciseIds() => ["ep23.fix-pool", "ep23.blocking-pool"];
}
