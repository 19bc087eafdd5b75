using Workbook.Cli.Figures;
using Workbook.Core.Charts;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Cli;

[Collection(ChromiumCollection.Name)]
public class FiguresCommandTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<WorkbookFigure> Catalog = [SampleFigures.Latency(), SampleFigures.Bars()];

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private sealed record Outcome(int ExitCode, string[] Out, string[] Err);

    private static Outcome Run(Func<string, string?> environment, params string[] args) => Run(Catalog, environment, args);

    /// <summary>The command on the workbook's real catalog (for the slider figures).</summary>
    private static Outcome RunOnCatalog(params string[] args) => Run(FigureCatalog.All, NoEnvironment, args);

    private static Outcome Run(IReadOnlyList<WorkbookFigure> catalog, Func<string, string?> environment, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FiguresCommand.Run(args, stdout, stderr, catalog, environment);
        static string[] Lines(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new Outcome(code, Lines(stdout), Lines(stderr));
    }

    private static Outcome Run(params string[] args) => Run(NoEnvironment, args);

    [Theory]
    [InlineData("figures: --format: unknown format 'jpg'; allowed: html, png, svg, pdf", "--id", "ep01.sample-latency", "--format", "html,jpg")]
    [InlineData("figures: --format: unknown format 'pdfa'; allowed: html, png, svg, pdf", "--id", "ep01.sample-latency", "--format", "pdf,pdfa")]
    [InlineData("figures: --zip: takes no value; write --zip alone", "--episode", "1", "--zip=yes")]
    [InlineData("figures: --standalone: takes no value; write --standalone alone", "--episode", "1", "--standalone=true")]
    [InlineData("figures: --zip: given more than once; give it once", "--episode", "1", "--zip", "--zip")]
    [InlineData("figures: --standalone: makes each HTML page carry its own plotly.js; add html to --format, or drop --standalone", "--episode", "1", "--format", "png,pdf", "--standalone")]
    [InlineData("figures: --list: prints ids, titles and captions only; drop --zip (allowed with --list: --episode or --id)", "--list", "--zip")]
    [InlineData("figures: --list: prints ids, titles and captions only; drop --format, --standalone (allowed with --list: --episode or --id)", "--list", "--standalone", "--format", "html")]
    [InlineData("figures: --id: unknown figure id 'ep01.nope'; known ids: ep01.sample-latency, ep02.sample-bars", "--id", "ep01.nope")]
    [InlineData("figures: --id: 'latency' is not a figure id; a figure id is 'epNN.' followed by lowercase kebab-case words, where NN is the episode number 01 to 99 (like 'ep19.erlang-c')", "--id", "latency")]
    [InlineData("figures: --id: 'ep1.sample-latency' is not a figure id; a figure id is 'epNN.' followed by lowercase kebab-case words, where NN is the episode number 01 to 99 (like 'ep19.erlang-c')", "--id", "ep1.sample-latency")]
    [InlineData("figures: --episode: 'x' is not an episode number; expected whole numbers from 1 to 99, like 1 or 1,2", "--episode", "1,x")]
    [InlineData("figures: --episode: '0' is not an episode number; expected whole numbers from 1 to 99, like 1 or 1,2", "--episode", "0")]
    [InlineData("figures: --episode: episode 3 has no figures; episodes with figures: 1, 2", "--episode", "3")]
    [InlineData("figures: --out: missing value; expected an output folder", "--episode", "1", "--out")]
    [InlineData("figures: --episode: missing value; expected episode numbers like 1 or 1,2", "--episode", "--format", "html")]
    [InlineData("figures: unknown option '--dpi'; allowed: --episode, --id, --format, --out, --browser, --preset, --theme, --width, --height, --scale, --at, --list, --standalone, --zip", "--episode", "1", "--dpi", "2")]
    [InlineData("figures: --preset: unknown preset 'poster'; allowed: notes, slide, square, portrait", "--episode", "1", "--preset", "poster")]
    [InlineData("figures: --theme: unknown theme 'neon'; allowed: light, dark, transparent, talk", "--episode", "1", "--theme", "neon")]
    [InlineData("figures: --width: '199' is not a size; expected a whole number of pixels from 200 to 8000, like 1920", "--episode", "1", "--width", "199")]
    [InlineData("figures: --height: '8001' is not a size; expected a whole number of pixels from 200 to 8000, like 1920", "--episode", "1", "--height", "8001")]
    [InlineData("figures: --width: '1.5e3' is not a size; expected a whole number of pixels from 200 to 8000, like 1920", "--episode", "1", "--width", "1.5e3")]
    [InlineData("figures: --scale: '5' is not a scale; expected a number from 0.5 to 4, like 2", "--episode", "1", "--scale", "5")]
    [InlineData("figures: --scale: 'NaN' is not a scale; expected a number from 0.5 to 4, like 2", "--episode", "1", "--scale", "NaN")]
    [InlineData("figures: --scale: sets the pixel density of PNG only; add png to --format, or drop --scale", "--episode", "1", "--format", "svg", "--scale", "2")]
    [InlineData("figures: --theme transparent: is for PNG, SVG and PDF overlays; add png, svg or pdf to --format, or choose light, dark or talk", "--episode", "1", "--format", "html", "--theme", "transparent")]
    [InlineData("figures: --scale: 4 would make a PNG side of 32000 px, and Chromium draws at most 16384; use a scale up to 2.04 for a 8000 px side, or a smaller --width/--height", "--episode", "1", "--width", "8000", "--height", "8000", "--scale", "4")]
    [InlineData("figures: --scale: 3.5 would make a PNG side of 17500 px, and Chromium draws at most 16384; use a scale up to 3.27 for a 5000 px side, or a smaller --width/--height", "--episode", "1", "--preset", "slide", "--width", "5000", "--scale", "3.5")]
    [InlineData("figures: --list: prints ids, titles and captions only; drop --format (allowed with --list: --episode or --id)", "--list", "--format", "png")]
    [InlineData("figures: --episode and --id: give one of them, not both", "--episode", "1", "--id", "ep01.sample-latency")]
    [InlineData("figures: --format: given more than once; give it once with a comma-separated list of html, png, svg, pdf", "--episode", "1", "--format", "png", "--format=svg")]
    [InlineData("figures: --browser: browser not found at /nonexistent/chromium", "--episode", "1", "--browser", "/nonexistent/chromium")]
    public void BadUsage_Exits2WithOneLineNamingTheOption(string message, params string[] args)
    {
        var outcome = Run(args);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Equal([message], outcome.Err);
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public void NeitherEpisodeNorId_Exits2WithTheUsage()
    {
        var outcome = Run("--format", "html");

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Equal(["figures: --episode or --id is required; " + FiguresCommand.Usage], outcome.Err);
    }

    [Fact]
    public void OutputFolderThatIsAFile_Exits2WithOneLine()
    {
        using var folder = new TempFolder();
        var file = folder.Combine("figures.txt");
        File.WriteAllText(file, "not a folder");

        var outcome = Run("--id", "ep01.sample-latency", "--format", "html", "--out", file);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Equal([$"figures: --out {file} is a file, not a folder; give a folder (it is created if missing)."], outcome.Err);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void OutputFolderThatCannotBeCreated_Exits2WithOneLine()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("file"), "");
        var below = folder.Combine("file", "figures");

        var outcome = Run("--id", "ep01.sample-latency", "--format", "html", "--out", below);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        var line = Assert.Single(outcome.Err);
        Assert.StartsWith($"figures: --out {below} cannot be used as an output folder: ", line, StringComparison.Ordinal);
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public void BrowserFromEnvironmentThatDoesNotExist_Exits2AndNamesTheVariable()
    {
        using var folder = new TempFolder();

        var outcome = Run(
            name => name == ChromiumLocator.EnvironmentVariable ? "/nonexistent/chrome" : null,
            "--id", "ep01.sample-latency", "--out", folder.Path);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Equal(["figures: browser not found at /nonexistent/chrome (from WORKBOOK_CHROMIUM)"], outcome.Err);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void NoBrowserDiscovered_WritesHtmlAndExits3WithInstallHint()
    {
        using var folder = new TempFolder();

        var outcome = Run("--id", "ep01.sample-latency", "--format", "html,png", "--out", folder.Path);

        var html = Path.Combine(folder.Path, "ep01", "ep01.sample-latency.html");
        Assert.Equal(FiguresCommand.ExitNoBrowser, outcome.ExitCode);
        Assert.True(File.Exists(html));
        Assert.False(File.Exists(Path.ChangeExtension(html, "png")));
        Assert.Contains("wrote " + html, outcome.Out);
        Assert.Contains("wrote " + Path.Combine(folder.Path, "ep01", "ep01.sample-latency.txt"), outcome.Out);
        Assert.Equal(
            ["figures: no browser found for png: install one with 'sudo apt-get install chromium', or set WORKBOOK_CHROMIUM / pass --browser <path>; the HTML was written"],
            outcome.Err);
    }

    [Fact]
    public void HtmlForTwoEpisodes_WritesOneFolderPerEpisodeAndASummary()
    {
        using var folder = new TempFolder();

        var outcome = Run("--episode", "1,2", "--format=html", "--out", folder.Path);

        Assert.Equal(FiguresCommand.ExitOk, outcome.ExitCode);
        Assert.Empty(outcome.Err);
        Assert.Equal(
            [
                "wrote " + Path.Combine(folder.Path, "ep01", "ep01.sample-latency.txt"),
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.txt"),
                "wrote " + Path.Combine(folder.Path, "plotly-" + PlotlyJs.Version + ".min.js"),
                "wrote " + Path.Combine(folder.Path, "ep01", "ep01.sample-latency.html"),
                "wrote " + Path.Combine(folder.Path, "ep01", "ep01.sample-latency.embed.html"),
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.html"),
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.embed.html"),
                "wrote " + Path.Combine(folder.Path, "index.html"),
            ],
            outcome.Out[..8]);
        Assert.Matches(@"^figures: 8 files for 2 figures in .+ \([0-9]+\.[0-9] s\)$", outcome.Out[8]);
    }

    [Fact]
    public void Help_PrintsUsageAndExits0()
    {
        var outcome = Run("--help");

        Assert.Equal(FiguresCommand.ExitOk, outcome.ExitCode);
        Assert.Equal([FiguresCommand.Usage], outcome.Out);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void PngAndSvgWithBrowser_WritesImagesAndReportsBrowserTime()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);

        using var folder = new TempFolder();

        var outcome = Run("--id", "ep02.sample-bars", "--format", "svg,png", "--out", folder.Path, "--browser", browser!);

        Assert.Equal(FiguresCommand.ExitOk, outcome.ExitCode);
        Assert.Empty(outcome.Err);
        Assert.Equal(
            [
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.txt"),
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.png"),
                "wrote " + Path.Combine(folder.Path, "ep02", "ep02.sample-bars.svg"),
                "wrote " + Path.Combine(folder.Path, "index.html"),
            ],
            outcome.Out[..4]);
        Assert.Matches(@"^figures: 4 files for 1 figure in .+ \([0-9]+\.[0-9] s, browser [0-9]+\.[0-9] s\)$", outcome.Out[4]);
        output.WriteLine(outcome.Out[2]);
    }

    [Fact]
    public void List_PrintsEveryIdWithItsTitleAndCaptionAndWritesNothing()
    {
        var outcome = Run("--list");

        Assert.Equal(FiguresCommand.ExitOk, outcome.ExitCode);
        Assert.Empty(outcome.Err);
        Assert.Equal(
            [
                "ep01.sample-latency",
                "    title:   Round trips grow with distance",
                "    caption: Light in fibre covers about 200 km per ms (illustrative).",
                "ep02.sample-bars",
                "    title:   Messages per protocol",
                "    caption: Illustrative counts.",
            ],
            outcome.Out.Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0));
    }

    [Fact]
    public void List_FiltersByEpisode()
    {
        var outcome = Run("--list", "--episode", "2");

        Assert.Equal(FiguresCommand.ExitOk, outcome.ExitCode);
        Assert.Equal("ep02.sample-bars", outcome.Out[0].TrimEnd('\r'));
        Assert.DoesNotContain(outcome.Out, l => l.Contains("ep01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--zip=1")]
    [InlineData("--standalone", "--format", "svg")]
    [InlineData("--format", "pdf,tiff")]
    [InlineData("--zip", "--preset", "poster")]
    public void BadNewOptions_WriteNothingIntoTheOutputFolder(params string[] extra)
    {
        using var folder = new TempFolder();
        var outFolder = folder.Combine("out");

        var outcome = Run(["--episode", "1", "--out", outFolder, .. extra]);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Single(outcome.Err);
        Assert.False(Directory.Exists(outFolder), "the output folder was created before the options were checked");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Preset_SlidePngIsPresetTimesScaleAndRepeatsByteForByte()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);
        using var folder = new TempFolder();
        string Export(string run, params string[] extra)
        {
            var outcome = Run(NoEnvironment, ["--id", "ep01.sample-latency", "--format", "png,svg", "--browser", browser, "--out", folder.Combine(run), .. extra]);
            Assert.True(outcome.ExitCode == FiguresCommand.ExitOk, string.Join("\n", outcome.Err));
            return Path.Combine(folder.Combine(run), "ep01", "ep01.sample-latency");
        }

        var first = Export("a", "--preset", "slide");
        var second = Export("b", "--preset", "slide");
        var square = Export("c", "--preset", "square", "--scale", "0.5", "--theme", "dark");

        Assert.Equal((1920, 1080), PngImage.ReadSize(File.ReadAllBytes(first + ".png")));
        Assert.Equal(File.ReadAllBytes(first + ".png"), File.ReadAllBytes(second + ".png"));
        Assert.Equal(File.ReadAllBytes(first + ".svg"), File.ReadAllBytes(second + ".svg"));
        Assert.Contains("width=\"1920\" height=\"1080\"", File.ReadAllText(first + ".svg"), StringComparison.Ordinal);
        Assert.Equal((540, 540), PngImage.ReadSize(File.ReadAllBytes(square + ".png")));
        output.WriteLine(first);
    }

    [Theory]
    [InlineData("figures: --at: no selected figure has a slider 'n'; valid: c (ep19.equation-builder: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)", "--episode", "19", "--at", "n=50")]
    [InlineData("figures: --at: c=17 is not a position of ep19.equation-builder; valid: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16", "--id", "ep19.equation-builder", "--at", "c=17")]
    [InlineData("figures: --at: stretch=1.55 is not a position of ep01.equation-builder; valid: 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0", "--episode", "1", "--at", "stretch=1.55")]
    [InlineData("figures: --at: none of the selected figures has a slider, so 'c' cannot be set; figures with sliders: ep01.equation-builder (stretch), ep13.equation-builder (n), ep19.equation-builder (c), ep21.figure-8 (step)", "--id", "ep19.hockey-stick", "--at", "c=10")]
    [InlineData("figures: --at: 'c10' is not a slider position; expected a slider position like c=10 (parameter=value, several separated by commas)", "--episode", "19", "--at", "c10")]
    [InlineData("figures: --at: '=10' is not a slider position; expected a slider position like c=10 (parameter=value, several separated by commas)", "--episode", "19", "--at", "=10")]
    [InlineData("figures: --at: 'c' is given more than once; give each parameter once", "--episode", "19", "--at", "c=10,c=11")]
    public void BadSliderPosition_Exits2WithTheValidValuesAndWritesNothing(string message, params string[] args)
    {
        using var folder = new TempFolder();
        var outFolder = folder.Combine("out");

        var outcome = RunOnCatalog([.. args, "--format", "html", "--out", outFolder]);

        Assert.Equal(FiguresCommand.ExitUsage, outcome.ExitCode);
        Assert.Equal([message], outcome.Err);
        Assert.False(Directory.Exists(outFolder), "the output folder was created before --at was checked");
    }

    [Fact]
    public void At_OpensTheHtmlAtThatPositionAndAcceptsTheSameNumberWrittenDifferently()
    {
        using var folder = new TempFolder();

        var outcome = RunOnCatalog("--episode", "1,13,19", "--at", "c=10, stretch=1.50", "--format", "html", "--out", folder.Path);

        Assert.True(outcome.ExitCode == FiguresCommand.ExitOk, string.Join("\n", outcome.Err));
        var ep19 = File.ReadAllText(Path.Combine(folder.Path, "ep19", "ep19.equation-builder.html"));
        var ep01 = File.ReadAllText(Path.Combine(folder.Path, "ep01", "ep01.equation-builder.html"));
        var ep13 = File.ReadAllText(Path.Combine(folder.Path, "ep13", "ep13.equation-builder.html"));
        Assert.Contains("\"active\":9,", ep19, StringComparison.Ordinal);
        Assert.Contains("\"active\":5,", ep01, StringComparison.Ordinal);
        Assert.Contains("\"active\":3,", ep13, StringComparison.Ordinal); // not named: its own starting position (n = 100)
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void SliderFigureImages_ShowOnePositionNamedInTheTitle_NeverADeadSlider()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);
        using var folder = new TempFolder();
        string Svg(string run, params string[] extra)
        {
            var outcome = RunOnCatalog(["--id", "ep19.equation-builder", "--format", "svg", "--browser", browser, "--out", folder.Combine(run), .. extra]);
            Assert.True(outcome.ExitCode == FiguresCommand.ExitOk, string.Join("\n", outcome.Err));
            return File.ReadAllText(Path.Combine(folder.Combine(run), "ep19", "ep19.equation-builder.svg"));
        }

        var atTen = Svg("ten", "--at", "c=10");
        var ownStart = Svg("start");

        // plotly.js draws a slider as a group of class "slider-container"; the title is SVG text.
        Assert.DoesNotContain("slider-container", atTen, StringComparison.Ordinal);
        Assert.DoesNotContain("slider-container", ownStart, StringComparison.Ordinal);
        Assert.Contains("shown at servers c = 10", atTen, StringComparison.Ordinal);
        Assert.Contains("mean response, c = 10", atTen, StringComparison.Ordinal);
        Assert.DoesNotContain("mean response, c = 4", atTen, StringComparison.Ordinal);
        Assert.Contains("shown at servers c = 4", ownStart, StringComparison.Ordinal);
    }
}
