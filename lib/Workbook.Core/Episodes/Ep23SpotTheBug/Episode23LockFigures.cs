using Workbook.Core.Charts;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>Episode 23's figures for the lock (placeholder until the part is built).</summary>
public static class Episode23LockFigures
{
    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } = [];
}
