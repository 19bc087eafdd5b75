namespace Workbook.Cli.Figures;

/// <summary>The file formats a figure can be exported to; combine them with <c>|</c>.</summary>
/// <remarks>
/// Whatever the formats, every figure also gets <c>&lt;id&gt;.txt</c> (title, caption, alt text), and
/// every export writes the contact sheet <c>index.html</c>.
/// </remarks>
[Flags]
public enum FigureFormats
{
    /// <summary>No files.</summary>
    None = 0,

    /// <summary>A responsive show-notes page (using the export's shared plotly.js) and an embeddable fragment: interactive, renders offline.</summary>
    Html = 1,

    /// <summary>A PNG image rendered by headless Chromium.</summary>
    Png = 2,

    /// <summary>An SVG image rendered by headless Chromium; its text stays text.</summary>
    Svg = 4,

    /// <summary>A one-page PDF of the figure's size, printed by headless Chromium from the SVG; its text stays text.</summary>
    Pdf = 8,

    /// <summary>HTML, PNG and SVG: what an export writes when no format is named.</summary>
    Default = Html | Png | Svg,

    /// <summary>Every format: HTML, PNG, SVG and PDF.</summary>
    All = Default | Pdf,
}
