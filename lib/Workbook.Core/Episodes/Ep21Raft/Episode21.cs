using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>Episode 21 as a unit: its notebook <c>notebooks/ep21-raft.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode21() : Episode(21, "raft", "Raft")
{
    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => Episode21Figures.All;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => Episode21Exercises.All;
}
