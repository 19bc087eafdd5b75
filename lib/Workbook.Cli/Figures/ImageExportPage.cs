using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workbook.Core.Charts;

namespace Workbook.Cli.Figures;

/// <summary>One image for the export page to render.</summary>
/// <param name="FigureIndex">Index into the figure JSON list given to <see cref="ImageExportPage.Build"/>.</param>
/// <param name="Format"><c>png</c> or <c>svg</c>.</param>
/// <param name="Width">Width in CSS pixels.</param>
/// <param name="Height">Height in CSS pixels.</param>
/// <param name="Scale">Pixel density; a PNG has <c>Width × Scale</c> by <c>Height × Scale</c> pixels.</param>
internal sealed record ImageRequest(int FigureIndex, string Format, double Width, double Height, double Scale);

/// <summary>One PDF page: the SVG of figure <paramref name="FigureIndex"/> printed on a page of <paramref name="Width"/> × <paramref name="Height"/> CSS pixels (0.75 pt each).</summary>
/// <param name="FigureIndex">Index into the figure JSON list; an SVG request for this figure must be in the same run.</param>
/// <param name="Width">Page width in CSS pixels.</param>
/// <param name="Height">Page height in CSS pixels.</param>
internal sealed record PdfPageRequest(int FigureIndex, int Width, int Height);

/// <summary>The result of one <see cref="ImageRequest"/>: the file's bytes, or why there are none.</summary>
internal sealed record ImageOutcome(byte[]? Bytes, string? Error);

/// <summary>
/// The temporary page that headless Chromium loads to turn figure JSON into PNG and SVG, and the
/// reader of what the page leaves in its DOM.
/// </summary>
/// <remarks>
/// <para>
/// The page inlines plotly.js and every figure, calls <c>Plotly.toImage</c> for each request in
/// turn, and writes one JSON result into <c>&lt;pre id="workbook-export-result"&gt;</c>: per image either
/// base64 bytes or an error message. Chromium's <c>--dump-dom</c> prints the DOM when the page's
/// virtual time budget runs out, and <see cref="ParseDump"/> reads the result back. Base64 keeps the
/// payload ASCII, so nothing in it is changed by HTML serialization.
/// </para>
/// <para>
/// Determinism: plotly.js names clip paths and traces with <c>Math.random()</c>, which would make
/// every SVG different. The page replaces <c>Math.random</c> with a small seeded generator
/// (mulberry32) and reseeds it before every image, and renders a fresh copy of the figure each time,
/// so an image does not depend on which other images share the run.
/// </para>
/// <para>
/// PDF: when pages are requested, the page also has one block per PDF page with a named CSS page of
/// the figure's size (<c>@page pN { size: W px H px }</c>, no margins); once the images are done the
/// script puts each figure's SVG into its block, and Chromium, started with <c>--print-to-pdf</c> as
/// well, prints only those blocks when the virtual time budget ends. Chromium rounds page sizes up to
/// its print grid (up to about a pixel more); <see cref="PdfPageSplitter"/> trims them back.
/// </para>
/// </remarks>
internal static partial class ImageExportPage
{
    /// <summary>The id of the element that carries the JSON result.</summary>
    internal const string ResultElementId = "workbook-export-result";

    /// <summary>Builds the page.</summary>
    /// <param name="figureJsons">Figure JSON from <see cref="ChartHtml.FigureJson"/>.</param>
    /// <param name="requests">The images to render, in order.</param>
    /// <param name="pdfPages">The PDF pages to prepare for printing, in page order; empty for none.</param>
    internal static string Build(IReadOnlyList<string> figureJsons, IReadOnlyList<ImageRequest> requests, IReadOnlyList<PdfPageRequest> pdfPages)
    {
        var page = new StringBuilder(PlotlyJs.Source.Length + figureJsons.Sum(j => j.Length) + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>figure export</title>\n")
            .Append("<style>\n@page { margin: 0; }\n");
        for (var i = 0; i < pdfPages.Count; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"@page p{i} {{ size: {pdfPages[i].Width}px {pdfPages[i].Height}px; }}\n");
        }

        // Implementation note: the body starts on the first PDF page's named page, or Chromium prints
        // the body's own empty default page first; and print shows only the page blocks, not the
        // result element nor the measuring div plotly.js leaves at the end of the body.
        page.Append(pdfPages.Count > 0 ? "html, body { margin: 0; padding: 0; page: p0; }\n" : "html, body { margin: 0; padding: 0; }\n")
            .Append(".print-page { overflow: hidden; print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n")
            .Append(".print-page + .print-page { break-before: page; }\n")
            .Append(".print-page > svg { display: block; }\n")
            .Append("@media print { body > :not(.print-page) { display: none !important; } }\n")
            .Append("</style>\n")
            .Append("<script>\n")
            .Append("var workbookSeed = 1;\n")
            .Append("Math.random = function () {\n")
            .Append("  workbookSeed = (workbookSeed + 0x6D2B79F5) | 0;\n")
            .Append("  var t = workbookSeed;\n")
            .Append("  t = Math.imul(t ^ (t >>> 15), t | 1);\n")
            .Append("  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);\n")
            .Append("  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;\n")
            .Append("};\n")
            .Append("</script>\n")
            .Append("<script>\n").Append(PlotlyJs.Source).Append("\n</script>\n")
            .Append("</head>\n<body>\n")
            .Append("<pre id=\"").Append(ResultElementId).Append("\"></pre>\n");
        for (var i = 0; i < pdfPages.Count; i++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"print-page\" id=\"print-{i}\" style=\"page: p{i}; width: {pdfPages[i].Width}px; height: {pdfPages[i].Height}px;\"></div>\n");
        }

        page.Append("<script>\n")
            .Append("var figures = [\n");
        foreach (var json in figureJsons)
        {
            page.Append(json.Replace("<", "\\u003c", StringComparison.Ordinal)).Append(",\n");
        }

        page.Append("];\nvar requests = [\n");
        foreach (var r in requests)
        {
            page.Append(CultureInfo.InvariantCulture,
                $"{{figure: {r.FigureIndex}, format: \"{r.Format}\", width: {r.Width.ToString("R", CultureInfo.InvariantCulture)}, height: {r.Height.ToString("R", CultureInfo.InvariantCulture)}, scale: {r.Scale.ToString("R", CultureInfo.InvariantCulture)}}},\n");
        }

        page.Append("];\nvar pdfPages = [\n");
        foreach (var p in pdfPages)
        {
            page.Append(CultureInfo.InvariantCulture, $"{{figure: {p.FigureIndex}, width: {p.Width}, height: {p.Height}}},\n");
        }

        page.Append("];\n")
            .Append("""
                function utf8Base64(text) {
                  var bytes = new TextEncoder().encode(text);
                  var binary = "";
                  for (var i = 0; i < bytes.length; i += 0x8000) {
                    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                  }
                  return btoa(binary);
                }
                // Every figure is drawn with the same seed, so figures share plotly's ids (clip paths, legend
                // groups); one print page holds them all, so each page's ids and references get its own prefix.
                function uniqueIds(root, prefix) {
                  var renamed = {};
                  root.querySelectorAll("[id]").forEach(function (el) { renamed[el.id] = prefix + el.id; el.id = prefix + el.id; });
                  root.querySelectorAll("*").forEach(function (el) {
                    for (var a = 0; a < el.attributes.length; a++) {
                      var attr = el.attributes[a];
                      if (attr.value.indexOf("#") < 0) { continue; }
                      var value = attr.value.replace(/#([A-Za-z_][\w.\-]*)/g, function (m, id) { return renamed[id] ? "#" + renamed[id] : m; });
                      if (value !== attr.value) { el.setAttribute(attr.name, value); }
                    }
                  });
                }
                function finish(payload) {
                  document.getElementById("workbook-export-result").textContent = JSON.stringify(payload);
                  document.querySelectorAll("script").forEach(function (s) { s.remove(); });
                }
                (async function () {
                  var results = [];
                  var svgs = {};
                  for (var i = 0; i < requests.length; i++) {
                    var r = requests[i];
                    workbookSeed = 1;
                    try {
                      var figure = structuredClone(figures[r.figure]);
                      var data = await Plotly.toImage(figure, {format: r.format, width: r.width, height: r.height, scale: r.scale, imageDataOnly: true});
                      if (r.format === "svg") { svgs[r.figure] = data; }
                      results.push({base64: r.format === "svg" ? utf8Base64(data) : data});
                    } catch (e) {
                      results.push({error: String((e && e.message) || e)});
                    }
                  }
                  for (var k = 0; k < pdfPages.length; k++) {
                    var block = document.getElementById("print-" + k);
                    block.innerHTML = svgs[pdfPages[k].figure] || "";
                    var svg = block.querySelector("svg");
                    if (svg) {
                      uniqueIds(block, "page" + k + "-");
                      svg.setAttribute("width", pdfPages[k].width);
                      svg.setAttribute("height", pdfPages[k].height);
                    }
                  }
                  finish({complete: true, results: results});
                })().catch(function (e) { finish({complete: false, error: String((e && e.message) || e), results: []}); });

                """)
            .Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Reads the results out of the DOM that Chromium printed.</summary>
    /// <param name="dumpedDom">Chromium's <c>--dump-dom</c> output.</param>
    /// <param name="expected">How many images were requested.</param>
    /// <returns>One outcome per request, in request order.</returns>
    /// <exception cref="InvalidOperationException">The page did not finish, or its result is malformed; the message says which.</exception>
    internal static IReadOnlyList<ImageOutcome> ParseDump(string dumpedDom, int expected)
    {
        var match = ResultPattern().Match(dumpedDom);
        if (!match.Success || match.Groups["json"].Length == 0)
        {
            throw new InvalidOperationException(
                "the export page did not finish before Chromium printed it (no result in the DOM); " +
                "the virtual time budget may be too small or plotly.js failed to load");
        }

        using var document = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups["json"].Value));
        var root = document.RootElement;
        if (!root.GetProperty("complete").GetBoolean())
        {
            throw new InvalidOperationException($"the export page failed: {root.GetProperty("error").GetString()}");
        }

        var results = root.GetProperty("results");
        if (results.GetArrayLength() != expected)
        {
            throw new InvalidOperationException($"the export page returned {results.GetArrayLength()} images, expected {expected}");
        }

        return results.EnumerateArray()
            .Select(r => r.TryGetProperty("base64", out var data)
                ? new ImageOutcome(Convert.FromBase64String(data.GetString() ?? string.Empty), null)
                : new ImageOutcome(null, r.GetProperty("error").GetString() ?? "unknown error"))
            .ToList();
    }

    [GeneratedRegex("<pre id=\"workbook-export-result\">(?<json>[^<]*)</pre>", RegexOptions.CultureInvariant)]
    private static partial Regex ResultPattern();
}
