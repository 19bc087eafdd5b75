using System.Globalization;
using System.Text;

namespace Workbook.Cli.Figures;

/// <summary>One PDF page to print: an SVG image and the page size in CSS pixels.</summary>
/// <param name="Svg">The SVG markup, with its root <c>width</c> and <c>height</c> equal to the page size.</param>
/// <param name="Width">Page width in CSS pixels (0.75 pt each).</param>
/// <param name="Height">Page height in CSS pixels.</param>
internal sealed record PdfPage(string Svg, int Width, int Height);

/// <summary>The temporary page Chromium prints to PDF: one printed page per figure, each the size of its figure.</summary>
/// <remarks>
/// Each figure's SVG sits in its own block with a named CSS page (<c>@page fN { size: W px H px }</c>)
/// and a page break after it; all margins are zero. Chromium lays out page sizes on a 300 dpi grid, so
/// a side that is not a multiple of 0.24 pt comes out up to 0.12 pt (a sixth of a pixel) larger.
/// </remarks>
internal static class PdfPrintPage
{
    /// <summary>Builds the page.</summary>
    internal static string Build(IReadOnlyList<PdfPage> pages)
    {
        var html = new StringBuilder(pages.Sum(p => p.Svg.Length) + 4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>figure print</title>\n<style>\n")
            .Append("@page { margin: 0; }\n");
        for (var i = 0; i < pages.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"@page f{i} {{ size: {pages[i].Width}px {pages[i].Height}px; }}\n");
        }

        html.Append("html, body { margin: 0; padding: 0; }\n")
            .Append(".page { overflow: hidden; break-after: page; print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n")
            .Append(".page:last-child { break-after: auto; }\n")
            .Append(".page > svg { display: block; }\n")
            .Append("</style>\n</head>\n<body>\n");
        for (var i = 0; i < pages.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"page\" style=\"page: f{i}; width: {pages[i].Width}px; height: {pages[i].Height}px;\">")
                .Append(pages[i].Svg)
                .Append("</div>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
