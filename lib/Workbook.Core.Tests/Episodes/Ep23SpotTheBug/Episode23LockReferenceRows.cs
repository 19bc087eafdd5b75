using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>Reference values for the lock exercises (placeholder until the part is built).</summary>
public static class Episode23LockReferenceRows
{
    public static IEnumerable<ReferenceValue> Rows() => [];

    /// <summary>
    /// Exercises checked by a trial alone (no cases): each has a test in this part's exercise tests that runs the
    /// reference and the known mistake through the trial on a hand-worked scenario and asserts what the trial reports.
    /// </summary>
    public static IEnumerable<string> TrialExerciseIds() => [];
}
