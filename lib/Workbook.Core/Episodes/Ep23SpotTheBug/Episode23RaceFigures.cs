using Workbook.Core.Charts;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's figures for the race (placeholder until the part is built).</summary>
public static class Episode23RaceFigures
{
    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } = [];
}
