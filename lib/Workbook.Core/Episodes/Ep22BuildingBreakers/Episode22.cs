using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>Episode 22 as a unit: its notebook <c>notebooks/ep22-building-circuit-breakers.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode22() : Episode(22, "building-circuit-breakers", "Building circuit breakers")
{
    private static readonly IReadOnlyList<WorkbookFigure> AllFigures =
        [.. Episode22Figures.All, .. Episode22PolicyFigures.All, .. Episode22ExpertFigures.All];

    private static readonly IReadOnlyList<Exercise> AllExercises =
        [.. Episode22Exercises.All, .. Episode22PolicyExercises.All, .. Episode22ExpertExercises.All];

    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => AllFigures;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => AllExercises;
}
