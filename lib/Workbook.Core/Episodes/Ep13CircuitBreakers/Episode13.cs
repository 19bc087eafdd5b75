using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep13CircuitBreakers;

/// <summary>Episode 13 as a unit: its notebook <c>notebooks/ep13-circuit-breakers.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode13() : Episode(13, "circuit-breakers", "The mathematics of circuit breakers: when to trip, how fast to notice, how to recover")
{
    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => Episode13Figures.All;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => Episode13Exercises.All;
}
