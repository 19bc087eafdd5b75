using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep20ConsistentHashing;

/// <summary>Episode 20 as a unit: its notebook <c>notebooks/ep20-consistent-hashing.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode20() : Episode(20, "consistent-hashing", "Consistent hashing")
{
    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => Episode20Figures.All;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => Episode20Exercises.All;
}
