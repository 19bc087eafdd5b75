namespace Workbook.Cli.Figures;

/// <summary>The file formats a figure can be exported to; combine them with <c>|</c>.</summary>
[Flags]
public enum FigureFormats
{
    /// <summary>No files.</summary>
    None = 0,

    /// <summary>A self-contained HTML page with plotly.js inlined: interactive, renders offline.</summary>
    Html = 1,

    /// <summary>A PNG image rendered by headless Chromium.</summary>
    Png = 2,

    /// <summary>An SVG image rendered by headless Chromium; its text stays text.</summary>
    Svg = 4,

    /// <summary>HTML, PNG and SVG.</summary>
    All = Html | Png | Svg,
}
