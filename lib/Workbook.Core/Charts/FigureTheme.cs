namespace Workbook.Core.Charts;

/// <summary>The colours and text size an exported figure is drawn with (see <see cref="FigureLayout"/>).</summary>
public enum FigureTheme
{
    /// <summary>The workbook's look: white background, dark text, light grey grid. The default.</summary>
    Light,

    /// <summary>Near-black background with light text and dim gridlines, for dark slides.</summary>
    Dark,

    /// <summary>No paper or plot background (PNG alpha, SVG without fill), dark text: for overlays on a slide's own background.</summary>
    Transparent,

    /// <summary>The light look with text, lines and markers 1.25 times larger, like seaborn's "talk" context.</summary>
    Talk,
}
