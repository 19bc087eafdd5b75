using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep19Queueing;

/// <summary>Episode 19 as a unit: its notebook <c>notebooks/ep19-queueing.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode19() : Episode(19, "queueing", "Little's law, queueing models and capacity planning, exact at any scale")
{
    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => Episode19Figures.All;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => Episode19Exercises.All;
}
