using System.Xml.Linq;
using Workbook.Cli.Figures;
using Workbook.Core.Charts;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Cli;

/// <summary>Three export runs shared by the tests below: two identical ones (every format, with archives) and one mixed one.</summary>
public sealed class ExportRunsFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public ExportRunsFixture()
    {
        Browser = ChromiumRequirement.Find();
        if (Browser is null)
        {
            return;
        }

        First = Export("first", [SampleFigures.Latency()], FigureFormats.All, 1, zip: true);
        Second = Export("second", [SampleFigures.Latency()], FigureFormats.All, 1, zip: true);
        Mixed = Export("mixed", [SampleFigures.Bars(), SampleFigures.Latency()], FigureFormats.Png | FigureFormats.Svg, 2);
    }

    public string? Browser { get; }

    public FigureExportResult? First { get; }

    public FigureExportResult? Second { get; }

    /// <summary>Another figure first, PNG at scale 2, no HTML, no PDF, no archive.</summary>
    public FigureExportResult? Mixed { get; }

    public string Out(string run) => folder.Combine(run);

    public void Dispose() => folder.Dispose();

    private FigureExportResult Export(string run, IReadOnlyList<WorkbookFigure> figures, FigureFormats formats, double scale, bool zip = false) =>
        FigureExporter.Export(figures, new FigureExportOptions
        {
            OutputDirectory = Out(run),
            Formats = formats,
            BrowserPath = Browser,
            Layout = new FigureLayout(scale: scale),
            Zip = zip,
        });
}

[Trait("Category", "Slow")]
[Collection(ChromiumCollection.Name)]
public class FigureExporterTests(ExportRunsFixture runs, ITestOutputHelper output) : IClassFixture<ExportRunsFixture>
{
    private const string Id = "ep01.sample-latency";

    private string FileOf(string run, string format) => Path.Combine(runs.Out(run), "ep01", Id + "." + format);

    [Fact]
    public void Export_WritesEveryFormatIntoTheEpisodeFolderThenTheSheetAndTheArchive()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        Assert.Equal(ImageExportStatus.Rendered, runs.First!.ImageStatus);
        Assert.Null(runs.First.Message);
        Assert.Equal(
            [
                FileOf("first", "txt"),
                Path.Combine(runs.Out("first"), "plotly-" + PlotlyJs.Version + ".min.js"),
                FileOf("first", "html"),
                FileOf("first", "embed.html"),
                FileOf("first", "png"),
                FileOf("first", "svg"),
                FileOf("first", "pdf"),
                Path.Combine(runs.Out("first"), "index.html"),
                Path.Combine(runs.Out("first"), "ep01.zip"),
            ],
            runs.First.WrittenFiles);
        Assert.All(runs.First.WrittenFiles, f => Assert.True(new FileInfo(f).Length > 200, f));
        output.WriteLine($"browser time, 1 figure x (png, svg, pdf): {runs.First.BrowserTime.TotalSeconds:0.00} s; again: {runs.Second!.BrowserTime.TotalSeconds:0.00} s; 2 figures x (png, svg): {runs.Mixed!.BrowserTime.TotalSeconds:0.00} s");
    }

    [Fact]
    public void Svg_StartsWithTheHeadlineAsTitleAndTheAltTextAsDescription()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var root = XDocument.Load(FileOf("first", "svg")).Root!;
        var first = root.Elements().Take(2).ToList();

        Assert.Equal(["title", "desc"], first.Select(e => e.Name.LocalName));
        Assert.All(first, e => Assert.Equal("http://www.w3.org/2000/svg", e.Name.NamespaceName));
        Assert.Equal(SampleFigures.Title, first[0].Value);
        Assert.Equal(SampleFigures.AltText, first[1].Value);
        Assert.Equal("img", root.Attribute("role")?.Value);
        Assert.Equal(
            string.Join(" ", first.Select(e => e.Attribute("id")!.Value)),
            root.Attribute("aria-labelledby")?.Value);
    }

    [Fact]
    public void Pdf_IsOnePageOfTheFigureSizeWithNoDateAndRepeatsByteForByte()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var pdf = File.ReadAllBytes(FileOf("first", "pdf"));
        var check = PdfFile.Check(pdf);

        Assert.Equal(1, check.PageCount);
        // 900 × 520 CSS px at 0.75 pt each (Chromium prints 675.12 pt wide; the exporter trims the blank 0.12 pt).
        Assert.Equal(0, check.MediaBox[0]);
        Assert.Equal(675, check.MediaBox[2] - check.MediaBox[0], 3);
        Assert.Equal(390, check.MediaBox[3] - check.MediaBox[1], 3);
        Assert.DoesNotContain("CreationDate", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ModDate", check.Text, StringComparison.Ordinal);
        Assert.Equal(pdf, File.ReadAllBytes(Path.Combine(runs.Out("second"), "ep01", Id + ".pdf")));
        if (PdfFile.PdfInfo(FileOf("first", "pdf")) is { } info)
        {
            output.WriteLine(info);
            Assert.Matches(@"Pages:\s+1\b", info);
            Assert.Matches(@"Title:\s+" + SampleFigures.Title, info);
        }
        else
        {
            output.WriteLine("pdfinfo not installed: checked with the test's own reader only");
        }
    }

    [Fact]
    public void ContactSheet_ShowsThePngWithTheAltTextAndLinksFilesThatExist()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var sheet = File.ReadAllText(Path.Combine(runs.Out("first"), "index.html"));

        Assert.Contains($"<img src=\"ep01/{Id}.png\" alt=\"{System.Net.WebUtility.HtmlEncode(SampleFigures.AltText)}\"", sheet, StringComparison.Ordinal);
        var links = ExportedHtml.LocalLinks(sheet);
        Assert.Equal(
            ["ep01.zip", $"ep01/{Id}.embed.html", $"ep01/{Id}.html", $"ep01/{Id}.pdf", $"ep01/{Id}.png", $"ep01/{Id}.svg", $"ep01/{Id}.txt"],
            links.Distinct().Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(runs.Out("first"), l)), l));
    }

    [Fact]
    public void Archive_HoldsTheEpisodeFilesAndPlotlyJsAndRepeatsByteForByte()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var archive = File.ReadAllBytes(Path.Combine(runs.Out("first"), "ep01.zip"));
        var names = ExportedHtml.CheckArchive(archive, runs.Out("first"));

        Assert.Equal(
            [$"ep01/{Id}.embed.html", $"ep01/{Id}.html", $"ep01/{Id}.pdf", $"ep01/{Id}.png", $"ep01/{Id}.svg", $"ep01/{Id}.txt", "plotly-" + PlotlyJs.Version + ".min.js"],
            names);
        Assert.Equal(archive, File.ReadAllBytes(Path.Combine(runs.Out("second"), "ep01.zip")));
    }

    [Fact]
    public void Png_HasThePngSignatureAndTheRequestedPixelSize()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var png = File.ReadAllBytes(FileOf("first", "png"));
        Assert.True(PngImage.HasSignature(png));
        Assert.Equal((ChartStyle.Width, ChartStyle.Height), PngImage.ReadSize(png));

        var doubled = File.ReadAllBytes(FileOf("mixed", "png"));
        Assert.Equal((2 * ChartStyle.Width, 2 * ChartStyle.Height), PngImage.ReadSize(doubled));
    }

    [Fact]
    public void Png_ShowsDarkTextOnAWhiteBackground()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var image = PngImage.Decode(File.ReadAllBytes(FileOf("first", "png")));

        Assert.Equal((255, 255, 255), image.At(0, 0));
        var darkInTitleBand = 0;
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image.At(x, y);
                darkInTitleBand += r + g + b < 200 ? 1 : 0;
            }
        }

        Assert.True(darkInTitleBand > 200, $"expected title text in the top 80 rows; found {darkInTitleBand} dark pixels");
    }

    [Fact]
    public void Svg_IsXmlWithAnSvgRootThatContainsTheTitleAndAxisTitles()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        var svg = XDocument.Load(FileOf("first", "svg"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal("http://www.w3.org/2000/svg", svg.Root.Name.NamespaceName);
        Assert.Equal(ChartStyle.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.Root.Attribute("width")?.Value);
        Assert.Contains(SampleFigures.Title, texts);
        Assert.Contains("distance (km)", texts);
        Assert.Contains("delay (ms)", texts);
        Assert.Contains("fibre, one way", texts);
    }

    [Fact]
    public void TwoRuns_GiveByteIdenticalHtmlSvgAndPng()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        Assert.Equal(File.ReadAllBytes(FileOf("first", "html")), File.ReadAllBytes(FileOf("second", "html")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(runs.Out("first"), "index.html")), File.ReadAllBytes(Path.Combine(runs.Out("second"), "index.html")));
        Assert.Equal(File.ReadAllText(FileOf("first", "svg")), File.ReadAllText(FileOf("second", "svg")));

        var first = File.ReadAllBytes(FileOf("first", "png"));
        var second = File.ReadAllBytes(FileOf("second", "png"));
        if (first.AsSpan().SequenceEqual(second))
        {
            output.WriteLine("PNG: byte-identical");
            return;
        }

        // Same pixels in different bytes (another zlib level, say) is still the same picture.
        output.WriteLine("PNG: bytes differ, comparing decoded pixels");
        Assert.Equal(PngImage.Decode(first).Pixels, PngImage.Decode(second).Pixels);
    }

    [Fact]
    public void Svg_DoesNotDependOnTheOtherImagesOfTheRun()
    {
        ChromiumRequirement.SkipIfMissing(runs.Browser);

        Assert.Equal(File.ReadAllText(FileOf("first", "svg")), File.ReadAllText(FileOf("mixed", "svg")));
        Assert.True(File.Exists(Path.Combine(runs.Out("mixed"), "ep02", "ep02.sample-bars.svg")));
        Assert.False(File.Exists(Path.Combine(runs.Out("mixed"), "ep01", Id + ".html")));
        Assert.False(File.Exists(Path.Combine(runs.Out("mixed"), "ep01", Id + ".pdf")));
        Assert.False(File.Exists(Path.Combine(runs.Out("mixed"), "ep01.zip")));
    }
}
