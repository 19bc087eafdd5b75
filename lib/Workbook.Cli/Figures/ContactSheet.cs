using System.Globalization;
using System.Net;
using System.Text;
using Workbook.Core.Charts;

namespace Workbook.Cli.Figures;

/// <summary>One figure on the contact sheet: its words, its size and the files written for it.</summary>
/// <param name="Text">Headline, subtitle, caption, alt text and id.</param>
/// <param name="EpisodeFolder">The figure's episode folder, <c>epNN</c>.</param>
/// <param name="Rendering">The figure JSON and image size of the export.</param>
/// <param name="Files">The figure's files, as paths relative to the export folder with <c>/</c> separators, in the order written.</param>
internal sealed record ContactSheetEntry(FigureText Text, string EpisodeFolder, FigureRendering Rendering, IReadOnlyList<string> Files);

/// <summary>The contact sheet <c>index.html</c> every export writes: a thumbnail, the words and links for each figure.</summary>
/// <remarks>
/// <para>
/// The page works from the file system with no network: thumbnails are the exported PNG, else the
/// SVG, else (HTML only) a small live chart drawn with the export's shared plotly.js. The alt text is
/// the image's <c>alt</c> and is shown in full under each card, ready to copy. Figures are grouped
/// by episode, with a link to the episode's archive when <c>--zip</c> wrote one.
/// </para>
/// <para>
/// The sheet lists the figures of the export that wrote it (an export into a folder used before
/// replaces the sheet); it has no date in it, so the same export gives the same bytes.
/// </para>
/// </remarks>
internal static class ContactSheet
{
    /// <summary>The contact sheet's file name in the export folder.</summary>
    internal const string FileName = "index.html";

    /// <summary>Builds the page.</summary>
    /// <param name="entries">The exported figures, in export order.</param>
    /// <param name="archives">The archive written for each episode folder (<c>ep01</c> → <c>ep01.zip</c>); empty without <c>--zip</c>.</param>
    /// <param name="sharedPlotlyJs">The shared plotly.js's file name in the export folder, or <see langword="null"/> when none was written.</param>
    internal static string Build(IReadOnlyList<ContactSheetEntry> entries, IReadOnlyDictionary<string, string> archives, string? sharedPlotlyJs)
    {
        var html = new StringBuilder(8192 + (entries.Count * 4096));
        var liveCharts = sharedPlotlyJs is not null && entries.Any(e => Thumbnail(e) is null && HasHtml(e));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>Workbook figures: {entries.Count} {(entries.Count == 1 ? "figure" : "figures")}</title>\n")
            .Append("<style>\n")
            .Append("body { margin: 0; padding: 16px; font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; color: #222; background: #f4f4f4; }\n")
            .Append("h1 { font-size: 1.4rem; margin: 0 0 0.3rem; }\n")
            .Append("h2 { font-size: 1.15rem; margin: 1.5rem 0 0.6rem; }\n")
            .Append(".sheet-note { margin: 0 0 1rem; color: #555; }\n")
            .Append(".sheet-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); gap: 16px; }\n")
            .Append(".card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px; overflow-wrap: anywhere; }\n")
            .Append(".card img, .card .live { display: block; width: 100%; height: auto; background: #fff; border: 1px solid #eee; }\n")
            .Append(".card .placeholder { padding: 2rem 0; text-align: center; color: #777; border: 1px dashed #ccc; }\n")
            .Append(".card h3 { font-size: 1rem; line-height: 1.3; margin: 0.6rem 0 0.2rem; }\n")
            .Append(".card p { font-size: 0.88rem; line-height: 1.4; margin: 0.3rem 0; }\n")
            .Append(".card .id { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; color: #555; }\n")
            .Append(".card details { font-size: 0.85rem; margin: 0.3rem 0; }\n")
            .Append(".card .files a { display: inline-block; margin: 0.2rem 0.5rem 0 0; font-size: 0.85rem; }\n")
            .Append("</style>\n");
        if (liveCharts)
        {
            html.Append("<script src=\"").Append(sharedPlotlyJs).Append("\" charset=\"utf-8\"></script>\n");
        }

        html.Append("</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Workbook figures</h1>\n<p class=\"sheet-note\">{entries.Count} {(entries.Count == 1 ? "figure" : "figures")}; each card links its files. The alt text under each card is the image's alt attribute, ready to copy.</p>\n");
        foreach (var episode in entries.GroupBy(e => e.EpisodeFolder))
        {
            html.Append("<section>\n<h2>Episode ").Append(int.Parse(episode.Key.AsSpan(2), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            if (archives.TryGetValue(episode.Key, out var archive))
            {
                html.Append(" <a href=\"").Append(Href(archive)).Append("\">").Append(WebUtility.HtmlEncode(archive)).Append("</a>");
            }

            html.Append("</h2>\n<div class=\"sheet-grid\">\n");
            foreach (var entry in episode)
            {
                AppendCard(html, entry, sharedPlotlyJs is not null);
            }

            html.Append("</div>\n</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendCard(StringBuilder html, ContactSheetEntry entry, bool sharedPlotlyJs)
    {
        var text = entry.Text;
        var alt = WebUtility.HtmlEncode(text.AltText);
        var cardId = "card-" + text.Id;
        html.Append("<article class=\"card\" id=\"").Append(cardId).Append("\">\n");
        if (Thumbnail(entry) is { } image)
        {
            html.Append("<a href=\"").Append(Href(image)).Append("\"><img src=\"").Append(Href(image)).Append("\" alt=\"").Append(alt)
                .Append(CultureInfo.InvariantCulture, $"\" width=\"{entry.Rendering.Width}\" height=\"{entry.Rendering.Height}\" loading=\"lazy\"></a>\n");
        }
        else if (sharedPlotlyJs && HasHtml(entry))
        {
            var liveId = "live-" + text.Id;
            html.Append("<div id=\"").Append(liveId).Append("\" class=\"live\" role=\"img\" aria-label=\"").Append(alt)
                .Append(CultureInfo.InvariantCulture, $"\" style=\"aspect-ratio: {entry.Rendering.CanvasWidth.ToString("0.##", CultureInfo.InvariantCulture)} / {entry.Rendering.CanvasHeight.ToString("0.##", CultureInfo.InvariantCulture)};\"></div>\n")
                .Append(ChartHtml.ThumbnailDrawScript(entry.Rendering, liveId));
        }
        else
        {
            html.Append("<div class=\"placeholder\" role=\"img\" aria-label=\"").Append(alt).Append("\">no image exported</div>\n");
        }

        html.Append("<h3>").Append(WebUtility.HtmlEncode(text.Headline)).Append("</h3>\n");
        if (text.Subtitle.Length > 0)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(text.Subtitle)).Append("</p>\n");
        }

        html.Append("<p class=\"id\">").Append(text.Id)
            .Append(CultureInfo.InvariantCulture, $" · {entry.Rendering.Width} × {entry.Rendering.Height} px</p>\n")
            .Append("<p>").Append(WebUtility.HtmlEncode(text.Caption)).Append("</p>\n")
            .Append("<details><summary>Alt text</summary><p>").Append(alt).Append("</p></details>\n")
            .Append("<p class=\"files\">");
        foreach (var file in entry.Files)
        {
            html.Append("<a href=\"").Append(Href(file)).Append("\">").Append(Label(file)).Append("</a>");
        }

        html.Append("</p>\n</article>\n");
    }

    private static string? Thumbnail(ContactSheetEntry entry) =>
        entry.Files.FirstOrDefault(f => f.EndsWith(".png", StringComparison.Ordinal))
        ?? entry.Files.FirstOrDefault(f => f.EndsWith(".svg", StringComparison.Ordinal));

    private static bool HasHtml(ContactSheetEntry entry) =>
        entry.Files.Any(f => f.EndsWith(".html", StringComparison.Ordinal));

    private static string Label(string file) =>
        file.EndsWith(".embed.html", StringComparison.Ordinal) ? "embed"
        : file.EndsWith(".txt", StringComparison.Ordinal) ? "text"
        : Path.GetExtension(file).TrimStart('.').ToUpperInvariant();

    private static string Href(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));
}
