using Workbook.Core.Charts;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>Episode 22's figures (a stub: the figures are written separately).</summary>
public static class Episode22Figures
{
    /// <summary>All episode 22 figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } = [];
}
