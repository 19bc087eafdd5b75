using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep23SpotTheBug;

/// <summary>
/// Every episode 23 reference against values worked out independently (rows kept per part: the leak, the race and
/// the lock), and every exercise covered by a row or by a trial test.
/// </summary>
public class Episode23ReferenceValuesTests
{
    public static IEnumerable<ReferenceValue> Rows() =>
        [.. Episode23LeakReferenceRows.Rows(), .. Episode23RaceReferenceRows.Rows(), .. Episode23LockReferenceRows.Rows()];

    private static IEnumerable<string> TrialExerciseIds() =>
        [.. Episode23LeakReferenceRows.TrialExerciseIds(), .. Episode23RaceReferenceRows.TrialExerciseIds(), .. Episode23LockReferenceRows.TrialExerciseIds()];

    [Theory]
    [MemberData(nameof(RowData))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    public static TheoryData<ReferenceValue> RowData() => ReferenceValues.AsTheoryData(Rows());

    [Fact]
    public void EveryExercise_HasAReferenceRowOrATrialTest() =>
        ReferenceValues.AssertCoversEveryExercise(23, Rows().Concat(TrialExerciseIds().Select(id => new ReferenceValue(id, [], 0, 0, "trial test"))));
}
