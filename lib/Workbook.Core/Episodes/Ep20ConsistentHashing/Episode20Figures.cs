using Workbook.Core.Charts;

namespace Workbook.Core.Episodes.Ep20ConsistentHashing;

/// <summary>The figures of episode 20 — consistent hashing.</summary>
public static class Episode20Figures
{
    /// <summary>The figures of episode 20, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } = [];
}
