namespace Workbook.Cli.Figures;

/// <summary>What became of the PNG and SVG images of an export run.</summary>
public enum ImageExportStatus
{
    /// <summary>Only HTML was requested; no browser was needed.</summary>
    NotRequested,

    /// <summary>Every requested image was rendered and written.</summary>
    Rendered,

    /// <summary>No browser was available, so no image was written (the HTML was).</summary>
    NoBrowser,

    /// <summary>The browser ran but failed, timed out or returned incomplete results; see the message.</summary>
    Failed,
}
