namespace Workbook.Cli.Figures;

/// <summary>The outcome of <see cref="FigureExporter.Export(IReadOnlyList{Workbook.Core.Charts.WorkbookFigure}, FigureExportOptions)"/>.</summary>
/// <param name="WrittenFiles">Every file written, in the order it was written: text files, shared plotly.js and HTML, images, PDFs, the contact sheet, archives.</param>
/// <param name="ImageStatus">What became of the PNG, SVG and PDF files.</param>
/// <param name="Message">
/// One line for the user when <paramref name="ImageStatus"/> is <see cref="ImageExportStatus.NoBrowser"/>
/// or <see cref="ImageExportStatus.Failed"/>; otherwise <see langword="null"/>.
/// </param>
/// <param name="BrowserTime">Wall-clock time the browser ran, or <see cref="TimeSpan.Zero"/> when it did not run.</param>
public sealed record FigureExportResult(
    IReadOnlyList<string> WrittenFiles,
    ImageExportStatus ImageStatus,
    string? Message,
    TimeSpan BrowserTime);
