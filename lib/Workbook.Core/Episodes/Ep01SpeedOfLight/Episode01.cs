using Workbook.Core.Charts;
using Workbook.Core.Exercises;

namespace Workbook.Core.Episodes.Ep01SpeedOfLight;

/// <summary>Episode 1 as a unit: its notebook <c>notebooks/ep01-speed-of-light.ipynb</c>, its figures and its exercises.</summary>
public sealed class Episode01() : Episode(1, "speed-of-light", "The speed of light: the floor under every latency")
{
    /// <inheritdoc/>
    public override IReadOnlyList<WorkbookFigure> Figures => Episode01Figures.All;

    /// <inheritdoc/>
    public override IReadOnlyList<Exercise> Exercises => Episode01Exercises.All;
}
