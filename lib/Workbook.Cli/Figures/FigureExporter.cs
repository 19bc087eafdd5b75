using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Workbook.Core.Charts;

namespace Workbook.Cli.Figures;

/// <summary>Writes figures to files: <c>&lt;out&gt;/epNN/&lt;figure-id&gt;.txt|.html|.embed.html|.png|.svg|.pdf</c>, the contact sheet and archives.</summary>
/// <remarks>
/// <para>
/// Every figure gets <c>&lt;id&gt;.txt</c> (title, subtitle, caption, alt text). HTML is a responsive
/// show-notes page (<see cref="ChartHtml.ShowNotesPage"/>) plus an embeddable fragment
/// (<see cref="ChartHtml.Embed"/>), both loading one shared <c>&lt;out&gt;/plotly-&lt;version&gt;.min.js</c>
/// (<see cref="FigureExportOptions.Standalone"/> inlines it in each page instead). PNG and SVG come
/// from plotly.js itself (<c>Plotly.toImage</c>) in headless Chromium, so the images match the
/// notebook; the SVG carries <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>. PDF is the SVG printed by
/// Chromium, one page of the figure's size. Every export ends with <c>&lt;out&gt;/index.html</c>
/// (<see cref="ContactSheet"/>) and, with <see cref="FigureExportOptions.Zip"/>, <c>&lt;out&gt;/epNN.zip</c>.
/// </para>
/// <para>
/// One browser process renders every image of a run and, in the same run, prints every PDF:
/// starting Chromium costs about two seconds, rendering one more image a small fraction of that. The output
/// is deterministic: the same figures give byte-identical files on the same machine (same Chromium,
/// same fonts); see <see cref="NormalizeSvg"/> and <see cref="PdfPageSplitter"/>.
/// </para>
/// </remarks>
public static partial class FigureExporter
{
    /// <summary>Exports <paramref name="figures"/> as <paramref name="options"/> say.</summary>
    /// <param name="figures">The figures; ids must be unique.</param>
    /// <param name="options">Output folder, formats, browser and limits.</param>
    /// <returns>
    /// The files written and what became of the images. Browser problems (none available, timeout,
    /// crash) do not throw: the HTML is written and the result carries a one-line message.
    /// </returns>
    /// <exception cref="ArgumentException">The list is empty or two figures share an id.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static FigureExportResult Export(IReadOnlyList<WorkbookFigure> figures, FigureExportOptions options) =>
        Export(figures, options, null);

    /// <summary>As <see cref="Export(IReadOnlyList{WorkbookFigure}, FigureExportOptions)"/>, with the figures' charts already built (the command builds them once to check <c>--at</c>).</summary>
    internal static FigureExportResult Export(IReadOnlyList<WorkbookFigure> figures, FigureExportOptions options, IReadOnlyList<Plotly.NET.GenericChart>? built)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        if (figures.Count == 0)
        {
            throw new ArgumentException("There are no figures to export.", nameof(figures));
        }

        var duplicate = figures.GroupBy(f => f.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The figure id '{duplicate.Key}' appears more than once.", nameof(figures));
        }

        // Implementation note: HTML keeps a slider figure interactive (opening at --at if given);
        // images show one position, named in their title (FigureSlider.Freeze). Words come from the
        // charts before the layout wraps their titles.
        var charts = (built ?? figures.Select(f => f.Build()).ToList()).Select(ChartHtml.FigureJson).ToList();
        var interactive = options.At.Count == 0 ? charts : charts.Select(json => FigureSlider.MoveTo(json, options.At)).ToList();
        var still = charts.Select(json => FigureSlider.Freeze(json, options.At)).ToList();
        var renderings = interactive.Select(options.Layout.Render).ToList();
        var imageRenderings = still.Select(options.Layout.Render).ToList();
        var texts = figures.Select((f, i) => FigureText.Of(f, interactive[i])).ToList();
        var imageTexts = figures.Select((f, i) => FigureText.Of(f, still[i])).ToList();
        var written = new List<string>();
        for (var i = 0; i < figures.Count; i++)
        {
            written.Add(WriteFile(options, figures[i], "txt", Encoding.UTF8.GetBytes(texts[i].ToTextFile())));
        }

        string? sharedPlotlyJs = null;
        if (options.Formats.HasFlag(FigureFormats.Html))
        {
            sharedPlotlyJs = Path.Combine(options.OutputDirectory, PlotlyJs.FileName);
            Directory.CreateDirectory(options.OutputDirectory);
            File.WriteAllBytes(sharedPlotlyJs, Encoding.UTF8.GetBytes(PlotlyJs.Source));
            written.Add(sharedPlotlyJs);
            var fromEpisodeFolder = "../" + PlotlyJs.FileName;
            for (var i = 0; i < figures.Count; i++)
            {
                var page = ChartHtml.ShowNotesPage(renderings[i], texts[i], options.Standalone ? null : fromEpisodeFolder);
                written.Add(WriteFile(options, figures[i], "html", Encoding.UTF8.GetBytes(page)));
                written.Add(WriteFile(options, figures[i], EmbedExtension, Encoding.UTF8.GetBytes(ChartHtml.Embed(renderings[i], texts[i], fromEpisodeFolder))));
            }
        }

        var images = RenderImages(figures, imageRenderings, imageTexts, options, written);
        var wantsImages = (options.Formats & (FigureFormats.Png | FigureFormats.Svg | FigureFormats.Pdf)) != 0;
        var sheet = Path.Combine(options.OutputDirectory, ContactSheet.FileName);
        var archives = new Dictionary<string, string>(StringComparer.Ordinal);
        if (options.Zip)
        {
            foreach (var episode in figures.Select(f => f.EpisodeFolder).Distinct(StringComparer.Ordinal))
            {
                var prefix = Path.Combine(options.OutputDirectory, episode) + Path.DirectorySeparatorChar;
                var files = written.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (sharedPlotlyJs is not null)
                {
                    files.Add(sharedPlotlyJs);
                }

                archives[episode] = episode + ".zip";
                var archivePath = Path.Combine(options.OutputDirectory, episode + ".zip");
                File.WriteAllBytes(archivePath, EpisodeArchive.Build(options.OutputDirectory, files));
            }
        }

        var entries = figures.Select((f, i) => new ContactSheetEntry(
                texts[i],
                f.EpisodeFolder,
                wantsImages ? imageRenderings[i] : renderings[i],
                written.Where(w => Path.GetFileName(w).StartsWith(f.Id + ".", StringComparison.Ordinal)
                        && Path.GetFileName(Path.GetDirectoryName(w)) == f.EpisodeFolder)
                    .Select(w => f.EpisodeFolder + "/" + Path.GetFileName(w))
                    .ToList()))
            .ToList();
        File.WriteAllBytes(sheet, Encoding.UTF8.GetBytes(ContactSheet.Build(entries, archives, sharedPlotlyJs is null ? null : PlotlyJs.FileName)));
        written.Add(sheet);
        written.AddRange(archives.Values.Select(a => Path.Combine(options.OutputDirectory, a)));
        return images with { WrittenFiles = written };
    }

    /// <summary>The file name ending of the embeddable HTML fragment: <c>&lt;id&gt;.embed.html</c>.</summary>
    public const string EmbedExtension = "embed.html";

    private static FigureExportResult RenderImages(
        IReadOnlyList<WorkbookFigure> figures,
        IReadOnlyList<FigureRendering> renderings,
        IReadOnlyList<FigureText> texts,
        FigureExportOptions options,
        List<string> written)
    {
        var requested = new[] { (Flag: FigureFormats.Png, Name: "png"), (Flag: FigureFormats.Svg, Name: "svg"), (Flag: FigureFormats.Pdf, Name: "pdf") }
            .Where(f => options.Formats.HasFlag(f.Flag))
            .Select(f => f.Name)
            .ToList();
        if (requested.Count == 0)
        {
            return new FigureExportResult(written, ImageExportStatus.NotRequested, null, TimeSpan.Zero);
        }

        if (options.BrowserPath is null)
        {
            return new FigureExportResult(
                written,
                ImageExportStatus.NoBrowser,
                $"no browser found for {string.Join(", ", requested)}: {ChromiumLocator.InstallHint}",
                TimeSpan.Zero);
        }

        // A PDF is the printed SVG, so PDF needs the SVG rendered even when no SVG file was asked for.
        var imageFormats = requested.Where(f => f != "pdf").ToList();
        if (requested.Contains("pdf") && !imageFormats.Contains("svg"))
        {
            imageFormats.Add("svg");
        }

        var requests = new List<(WorkbookFigure Figure, ImageRequest Request)>();
        for (var i = 0; i < figures.Count; i++)
        {
            var rendering = renderings[i];
            foreach (var format in imageFormats)
            {
                var scale = format == "png" ? rendering.Zoom * options.Layout.Scale : rendering.Zoom;
                requests.Add((figures[i], new ImageRequest(i, format, rendering.CanvasWidth, rendering.CanvasHeight, scale)));
            }
        }

        var pdfPages = options.Formats.HasFlag(FigureFormats.Pdf)
            ? renderings.Select((r, i) => new PdfPageRequest(i, r.Width, r.Height)).ToList()
            : [];
        var started = TimeProvider.System.GetTimestamp();
        IReadOnlyList<ImageOutcome> outcomes;
        byte[]? printed;
        try
        {
            (outcomes, printed) = Render(options.BrowserPath, renderings.Select(r => r.FigureJson).ToList(), requests.Select(r => r.Request).ToList(), pdfPages, options.Timeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            return new FigureExportResult(
                written,
                ImageExportStatus.Failed,
                $"images not written: {e.Message}",
                TimeProvider.System.GetElapsedTime(started));
        }

        var failures = new List<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (figure, request) = requests[i];
            if (outcomes[i].Bytes is not { } bytes)
            {
                failures.Add($"{figure.Id}.{request.Format}: {outcomes[i].Error}");
                continue;
            }

            if (request.Format == "png")
            {
                written.Add(WriteFile(options, figure, "png", bytes));
                continue;
            }

            var rendering = renderings[request.FigureIndex];
            var svg = options.Layout.IsDefault ? NormalizeSvg(bytes) : SetSvgSize(NormalizeSvg(bytes), rendering.Width, rendering.Height);
            svg = AddSvgTitleAndDescription(svg, texts[request.FigureIndex]);
            if (options.Formats.HasFlag(FigureFormats.Svg))
            {
                written.Add(WriteFile(options, figure, "svg", svg));
            }
        }

        if (printed is not null && failures.Count == 0)
        {
            try
            {
                var pdfs = PdfPageSplitter.Split(printed, texts.Select(t => t.Headline).ToList(), renderings.Select(r => (r.Width * 0.75, r.Height * 0.75)).ToList());
                for (var i = 0; i < figures.Count; i++)
                {
                    written.Add(WriteFile(options, figures[i], "pdf", pdfs[i]));
                }
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                failures.Add("PDF: " + e.Message);
            }
        }

        var browserTime = TimeProvider.System.GetElapsedTime(started);
        return failures.Count == 0
            ? new FigureExportResult(written, ImageExportStatus.Rendered, null, browserTime)
            : new FigureExportResult(written, ImageExportStatus.Failed, "plotly.js could not render " + string.Join("; ", failures), browserTime);
    }

    /// <summary>Adds <c>&lt;title&gt;</c> (the headline) and <c>&lt;desc&gt;</c> (the alt text) as the first children of the root <c>&lt;svg&gt;</c>.</summary>
    /// <remarks>Screen readers and image tools read these; both are XML-escaped, and the root gets <c>role="img"</c> and <c>aria-labelledby</c> naming them.</remarks>
    internal static byte[] AddSvgTitleAndDescription(byte[] svg, FigureText text)
    {
        var markup = Encoding.UTF8.GetString(svg);
        var root = markup.IndexOf("<svg", StringComparison.Ordinal);
        var rootEnd = root < 0 ? -1 : markup.IndexOf('>', root);
        if (rootEnd < 0)
        {
            return svg;
        }

        // role="img" with aria-labelledby makes screen readers announce the title and description
        // instead of walking plotly's hundreds of text and path elements.
        var inserted = $"<title id=\"{text.Id}-title\">" + System.Security.SecurityElement.Escape(text.Headline) + $"</title><desc id=\"{text.Id}-desc\">" + System.Security.SecurityElement.Escape(text.AltText) + "</desc>";
        var rootTag = markup[root..rootEnd] + $" role=\"img\" aria-labelledby=\"{text.Id}-title {text.Id}-desc\"";
        return Encoding.UTF8.GetBytes(markup[..root] + rootTag + ">" + inserted + markup[(rootEnd + 1)..]);
    }

    /// <summary>The file an export writes for a figure and format: <c>&lt;out&gt;/epNN/&lt;id&gt;.&lt;format&gt;</c>.</summary>
    /// <param name="outputDirectory">The export's output folder.</param>
    /// <param name="figure">The figure.</param>
    /// <param name="format">The file name ending: <c>txt</c>, <c>html</c>, <see cref="EmbedExtension"/>, <c>png</c>, <c>svg</c> or <c>pdf</c>.</param>
    /// <returns>The path, relative if <paramref name="outputDirectory"/> is.</returns>
    public static string PathFor(string outputDirectory, WorkbookFigure figure, string format)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Path.Combine(outputDirectory, figure.EpisodeFolder, figure.Id + "." + format);
    }

    /// <summary>Removes the empty <c>style=""</c> attribute plotly.js leaves on the root <c>&lt;svg&gt;</c>.</summary>
    /// <remarks>
    /// plotly.js clears the background with <c>style.background = ""</c> while preparing an SVG, and
    /// depending on timing inside the page the resulting empty attribute is serialized before or after
    /// <c>viewBox</c>. It means nothing, so removing it makes the bytes stable. Inside text and
    /// attribute values a double quote is always escaped, so the literal <c> style=""</c> can only
    /// be an empty attribute.
    /// </remarks>
    internal static byte[] NormalizeSvg(byte[] svg) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(svg).Replace(" style=\"\"", string.Empty, StringComparison.Ordinal));

    private static (IReadOnlyList<ImageOutcome> Images, byte[]? Pdf) Render(
        string browserPath, IReadOnlyList<string> figureJsons, IReadOnlyList<ImageRequest> requests, IReadOnlyList<PdfPageRequest> pdfPages, TimeSpan timeout)
    {
        var workFolder = Directory.CreateTempSubdirectory("workbook-figures-");
        try
        {
            var pagePath = Path.Combine(workFolder.FullName, "export.html");
            var pdfPath = pdfPages.Count == 0 ? null : Path.Combine(workFolder.FullName, "export.pdf");
            File.WriteAllText(pagePath, ImageExportPage.Build(figureJsons, requests, pdfPages), new UTF8Encoding(false));
            var profile = Directory.CreateDirectory(Path.Combine(workFolder.FullName, "profile"));
            var dom = HeadlessChromium.DumpDom(browserPath, pagePath, profile.FullName, timeout, pdfPath);
            return (ImageExportPage.ParseDump(dom, requests.Count), pdfPath is null ? null : File.ReadAllBytes(pdfPath));
        }
        finally
        {
            DeleteQuietly(workFolder);
        }
    }

    private static void DeleteQuietly(DirectoryInfo folder)
    {
        // Implementation note: a browser that was just killed may still be releasing files in its
        // profile for a moment; a temp folder left behind must not turn an export into a failure.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                folder.Delete(recursive: true);
                return;
            }
            catch (IOException) when (attempt < 2)
            {
                Thread.Sleep(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>Writes the image size as whole pixels on the root <c>&lt;svg&gt;</c> (plotly.js writes canvas size × zoom, which may carry a rounding error).</summary>
    internal static byte[] SetSvgSize(byte[] svg, int width, int height)
    {
        var text = Encoding.UTF8.GetString(svg);
        var rootEnd = text.IndexOf('>', StringComparison.Ordinal);
        if (rootEnd < 0)
        {
            return svg;
        }

        var root = SvgWidth().Replace(text[..rootEnd], " width=\"" + width.ToString(CultureInfo.InvariantCulture) + "\"", 1);
        root = SvgHeight().Replace(root, " height=\"" + height.ToString(CultureInfo.InvariantCulture) + "\"", 1);
        return Encoding.UTF8.GetBytes(root + text[rootEnd..]);
    }

    [GeneratedRegex(" width=\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex SvgWidth();

    [GeneratedRegex(" height=\"[^\"]*\"", RegexOptions.CultureInvariant)]
    private static partial Regex SvgHeight();

    private static string WriteFile(FigureExportOptions options, WorkbookFigure figure, string format, byte[] content)
    {
        var path = PathFor(options.OutputDirectory, figure, format);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }
}
