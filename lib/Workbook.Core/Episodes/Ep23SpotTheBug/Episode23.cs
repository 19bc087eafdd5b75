using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23 as a unit: its notebook <c>notebooks/ep23-spot-the-bug.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode23() : Episode(23, "spot-the-bug", "Spot the bug: a leak, a race and a lock")
{
    private static readonly IReadOnlyList<WorkbookFigure> AllFigures =
        [.. Episode23LeakFigures.All, .. Episode23RaceFigures.All, .. Episode23LockFigures.All];

    private static readonly IReadOnlyList<Exercise> AllExercises =
        [.. Episode23LeakExercises.All, .. Episode23RaceExercises.All, .. Episode23LockExercises.All];

    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => AllFigures;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => AllExercises;
}
