namespace Workbook.Core.Charts;

/// <summary>Named sizes for exported figures (see <see cref="FigureLayout.FromPreset"/>).</summary>
public enum FigurePreset
{
    /// <summary>Each figure's own web size (<see cref="ChartStyle.Width"/> wide), as in the notebook: show notes. The default.</summary>
    Notes,

    /// <summary>1920 × 1080, a full 16:9 slide.</summary>
    Slide,

    /// <summary>1080 × 1080, a square social post; the legend goes below the plot.</summary>
    Square,

    /// <summary>1080 × 1350, a 4:5 portrait social post; the legend goes below the plot.</summary>
    Portrait,
}
