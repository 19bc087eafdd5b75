using System.Net;
using Workbook.Cli.Figures;
using Workbook.Core.Charts;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Cli;

/// <summary>The files an export writes without a browser: text files, show-notes HTML, embed fragments, the contact sheet, archives.</summary>
public class FigureExportHtmlTests
{
    private const string HeadlineAltText =
        "Line chart of one-way delay in milliseconds against distance in kilometres; the line rises 10 ms per 2,000 km from the origin.";

    private static readonly string PlotlyFile = "plotly-" + PlotlyJs.Version + ".min.js";

    /// <summary>A figure whose chart title has a headline and a subtitle, and whose words need escaping (a chart title is plotly.js markup, so it holds no tag-like text).</summary>
    private static WorkbookFigure Escaped() => new(
        "ep03.sample-escape",
        3,
        "Fast & \"slow\" paths, 1 < 2",
        "Caption with a < b & c (illustrative).",
        HeadlineAltText,
        () => SampleFigures.LatencyChart(ChartParts.Headline("Fast & \"slow\" paths, 1 < 2", "one way, in fibre")));

    private static FigureExportResult Export(string folder, bool standalone = false, bool zip = false, params WorkbookFigure[] figures) =>
        FigureExporter.Export(figures.Length == 0 ? [SampleFigures.Latency()] : figures, new FigureExportOptions
        {
            OutputDirectory = folder,
            Formats = FigureFormats.Html,
            Standalone = standalone,
            Zip = zip,
        });

    [Fact]
    public void TextFile_HoldsIdHeadlineSubtitleCaptionAndAltText()
    {
        using var folder = new TempFolder();

        Export(folder.Path, figures: Escaped());

        Assert.Equal(
            "id: ep03.sample-escape\n" +
            "title: Fast & \"slow\" paths, 1 < 2\n" +
            "subtitle: one way, in fibre\n" +
            "\n" +
            "caption:\n" +
            "Caption with a < b & c (illustrative).\n" +
            "\n" +
            "alt text:\n" +
            HeadlineAltText + "\n",
            File.ReadAllText(folder.Combine("ep03", "ep03.sample-escape.txt")));
    }

    [Fact]
    public void TextFile_IsWrittenWhateverTheFormats()
    {
        using var folder = new TempFolder();

        var result = FigureExporter.Export([SampleFigures.Latency()], new FigureExportOptions { OutputDirectory = folder.Path, Formats = FigureFormats.Svg });

        Assert.Equal(ImageExportStatus.NoBrowser, result.ImageStatus);
        Assert.Contains(folder.Combine("ep01", "ep01.sample-latency.txt"), result.WrittenFiles);
        Assert.StartsWith("id: ep01.sample-latency\ntitle: " + SampleFigures.Title + "\n\ncaption:\n", File.ReadAllText(folder.Combine("ep01", "ep01.sample-latency.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void ShowNotesPage_IsResponsiveDescribedAndLoadsTheSharedPlotlyJs()
    {
        using var folder = new TempFolder();

        Export(folder.Path);
        var page = File.ReadAllText(folder.Combine("ep01", "ep01.sample-latency.html"));

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        Assert.Contains("<title>" + SampleFigures.Title + "</title>", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"Light in fibre covers about 200 km per ms (illustrative).\">", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"" + WebUtility.HtmlEncode(SampleFigures.AltText) + "\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../" + PlotlyFile + "\" charset=\"utf-8\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("responsive: true", page, StringComparison.Ordinal);
        Assert.Contains(".workbook-chart { width: 100%; aspect-ratio: 900 / 520; }", page, StringComparison.Ordinal);
        Assert.True(page.Length < 50_000, $"the page carries {page.Length} characters; plotly.js belongs in the shared file");
        Assert.Equal(PlotlyJs.Source, File.ReadAllText(folder.Combine(PlotlyFile)));
        Assert.All(ExportedHtml.LocalLinks(page), l => Assert.True(File.Exists(Path.Combine(folder.Path, "ep01", l)), l));
    }

    [Fact]
    public void ShowNotesPage_EscapesTheFiguresWords()
    {
        using var folder = new TempFolder();

        Export(folder.Path, figures: Escaped());
        var page = File.ReadAllText(folder.Combine("ep03", "ep03.sample-escape.html"));

        Assert.Contains("<title>Fast &amp; &quot;slow&quot; paths, 1 &lt; 2</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Fast &amp; &quot;slow&quot; paths, 1 &lt; 2</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"workbook-subtitle\">one way, in fibre</p>", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"Caption with a &lt; b &amp; c (illustrative).\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("1 < 2", page, StringComparison.Ordinal); // not in the text, nor in the script's JSON
    }

    [Fact]
    public void Standalone_InlinesPlotlyJsInThePageButTheEmbedStillUsesTheSharedCopy()
    {
        using var folder = new TempFolder();

        Export(folder.Path, standalone: true);
        var page = File.ReadAllText(folder.Combine("ep01", "ep01.sample-latency.html"));
        var embed = File.ReadAllText(folder.Combine("ep01", "ep01.sample-latency.embed.html"));

        Assert.Contains(PlotlyJs.Source, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\"", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"../" + PlotlyFile + "\"", embed, StringComparison.Ordinal);
        Assert.True(File.Exists(folder.Combine(PlotlyFile)));
    }

    [Fact]
    public void Embed_IsAFigureWithCaptionAndTheSharedScriptAndNoPageElements()
    {
        using var folder = new TempFolder();

        Export(folder.Path);
        var embed = File.ReadAllText(folder.Combine("ep01", "ep01.sample-latency.embed.html"));

        Assert.StartsWith("<!-- ep01.sample-latency: paste into a page;", embed, StringComparison.Ordinal);
        Assert.Contains("<figure style=\"margin: 1em auto; max-width: 900px;\">", embed, StringComparison.Ordinal);
        Assert.Contains("<div id=\"ep01.sample-latency\" role=\"img\" aria-label=\"" + WebUtility.HtmlEncode(SampleFigures.AltText) + "\"", embed, StringComparison.Ordinal);
        Assert.Contains("<figcaption style=\"font-size: 0.9em; line-height: 1.4;\"><strong>" + SampleFigures.Title + "</strong>. Light in fibre covers about 200 km per ms (illustrative).</figcaption>", embed, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(\"ep01.sample-latency\", figure);", embed, StringComparison.Ordinal);
        Assert.All(["<html", "<head", "<body", "<title"], tag => Assert.DoesNotContain(tag, embed, StringComparison.Ordinal));
        Assert.All(ExportedHtml.LocalLinks(embed), l => Assert.True(File.Exists(Path.Combine(folder.Path, "ep01", l)), l));
    }

    [Fact]
    public void ContactSheet_ListsEveryFigureWithItsWordsAndLinksThatResolve()
    {
        using var folder = new TempFolder();

        Export(folder.Path, figures: [SampleFigures.Latency(), SampleFigures.Bars(), Escaped()]);
        var sheet = File.ReadAllText(folder.Combine("index.html"));

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", sheet, StringComparison.Ordinal);
        Assert.Contains("<h2>Episode 1</h2>", sheet, StringComparison.Ordinal);
        Assert.Contains("<h2>Episode 3</h2>", sheet, StringComparison.Ordinal);
        foreach (var id in new[] { "ep01.sample-latency", "ep02.sample-bars", "ep03.sample-escape" })
        {
            Assert.Contains("<p class=\"id\">" + id + " · ", sheet, StringComparison.Ordinal);
        }

        Assert.Contains("<h3>Fast &amp; &quot;slow&quot; paths, 1 &lt; 2</h3>", sheet, StringComparison.Ordinal);
        Assert.Contains("<p>Caption with a &lt; b &amp; c (illustrative).</p>", sheet, StringComparison.Ordinal);
        Assert.Contains("<div id=\"live-ep01.sample-latency\" class=\"live\" role=\"img\" aria-label=\"" + WebUtility.HtmlEncode(SampleFigures.AltText) + "\"", sheet, StringComparison.Ordinal);
        Assert.Contains("<script src=\"" + PlotlyFile + "\" charset=\"utf-8\"></script>", sheet, StringComparison.Ordinal);
        var links = ExportedHtml.LocalLinks(sheet);
        Assert.Equal(10, links.Count); // shared plotly.js + 3 figures × (text, page, embed)
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(folder.Path, l)), l));
    }

    [Fact]
    public void Zip_TwoRunsThroughTheCommandGiveByteIdenticalArchivesOfEachEpisode()
    {
        using var folder = new TempFolder();
        string Run(string name)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = FiguresCommand.Run(
                ["--episode", "1,2", "--format", "html", "--zip", "--out", folder.Combine(name)],
                stdout, stderr, [SampleFigures.Latency(), SampleFigures.Bars()], _ => null);
            Assert.True(code == FiguresCommand.ExitOk, stderr.ToString());
            return folder.Combine(name);
        }

        var first = Run("a");
        Thread.Sleep(1100); // a later second on the clock must not reach the archive
        var second = Run("b");

        foreach (var episode in new[] { "ep01", "ep02" })
        {
            var archive = File.ReadAllBytes(Path.Combine(first, episode + ".zip"));
            var id = episode == "ep01" ? "ep01.sample-latency" : "ep02.sample-bars";
            Assert.Equal(
                [$"{episode}/{id}.embed.html", $"{episode}/{id}.html", $"{episode}/{id}.txt", PlotlyFile],
                ExportedHtml.CheckArchive(archive, first));
            Assert.Equal(archive, File.ReadAllBytes(Path.Combine(second, episode + ".zip")));
        }

        Assert.Contains("<a href=\"ep02.zip\">ep02.zip</a>", File.ReadAllText(Path.Combine(first, "index.html")), StringComparison.Ordinal);
    }
}
