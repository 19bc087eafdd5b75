using Workbook.Cli.Figures;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Cli;

/// <summary>What an export does when there is no browser, or the browser misbehaves (fake browsers, no Chromium needed).</summary>
[Collection(ChromiumCollection.Name)]
public class FigureExporterFailureTests
{
    private static FigureExportResult Export(TempFolder folder, string? browser, FigureFormats formats = FigureFormats.Default, double timeoutSeconds = 20) =>
        FigureExporter.Export([SampleFigures.Latency()], new FigureExportOptions
        {
            OutputDirectory = folder.Combine("out"),
            Formats = formats,
            BrowserPath = browser,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        });

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string FakeBrowser(TempFolder folder, string script)
    {
        var path = folder.Combine("fake-browser.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public void Export_WithoutBrowser_WritesHtmlAndSaysHowToInstallOne()
    {
        using var folder = new TempFolder();

        var result = Export(folder, browser: null);

        Assert.Equal(ImageExportStatus.NoBrowser, result.ImageStatus);
        Assert.Equal(
            [
                folder.Combine("out", "ep01", "ep01.sample-latency.txt"),
                folder.Combine("out", "plotly-" + Core.Charts.PlotlyJs.Version + ".min.js"),
                folder.Combine("out", "ep01", "ep01.sample-latency.html"),
                folder.Combine("out", "ep01", "ep01.sample-latency.embed.html"),
                folder.Combine("out", "index.html"),
            ],
            result.WrittenFiles);
        Assert.Equal(
            "no browser found for png, svg: install one with 'sudo apt-get install chromium', or set WORKBOOK_CHROMIUM / pass --browser <path>",
            result.Message);
    }

    [Fact]
    public void Export_HtmlOnly_NeedsNoBrowser()
    {
        using var folder = new TempFolder();

        var result = Export(folder, browser: null, FigureFormats.Html);

        Assert.Equal(ImageExportStatus.NotRequested, result.ImageStatus);
        Assert.Null(result.Message);
        Assert.Equal(5, result.WrittenFiles.Count); // text, plotly.js, page, embed, contact sheet
        Assert.All(result.WrittenFiles, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void Export_BrowserThatHangs_IsKilledWithItsChildrenAtTheTimeout()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var pidFile = folder.Combine("child.pid");
        var browser = FakeBrowser(folder, $"sleep 300 &\necho $! > '{pidFile}'\nwait");

        var result = Export(folder, browser, FigureFormats.Png, timeoutSeconds: 1);

        Assert.Equal(ImageExportStatus.Failed, result.ImageStatus);
        Assert.Equal("images not written: fake-browser.sh did not finish within 1 s and was stopped", result.Message);
        Assert.Equal(["ep01.sample-latency.txt", "index.html"], result.WrittenFiles.Select(Path.GetFileName));
        var child = File.ReadAllText(pidFile).Trim();
        var stat = $"/proc/{child}/stat";
        Assert.True(!File.Exists(stat) || File.ReadAllText(stat).Split(' ')[2] == "Z", $"the browser's child process {child} is still running");
    }

    [Fact]
    public void Export_BrowserThatFails_ReportsItsExitCodeAndError()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var browser = FakeBrowser(folder, "echo 'cannot open display' >&2\nexit 7");

        var result = Export(folder, browser, FigureFormats.Html | FigureFormats.Svg);

        Assert.Equal(ImageExportStatus.Failed, result.ImageStatus);
        Assert.Equal("images not written: fake-browser.sh exited with code 7: cannot open display", result.Message);
        Assert.DoesNotContain(result.WrittenFiles, f => f.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(folder.Combine("out", "ep01", "ep01.sample-latency.html"), result.WrittenFiles);
    }

    [Fact]
    public void Export_BrowserThatPrintsNoResult_ReportsThatThePageDidNotFinish()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var browser = FakeBrowser(folder, "echo '<html><body></body></html>'");

        var result = Export(folder, browser, FigureFormats.Png);

        Assert.Equal(ImageExportStatus.Failed, result.ImageStatus);
        Assert.StartsWith("images not written: the export page did not finish", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PdfWithoutBrowser_SaysPdfNeedsOne()
    {
        using var folder = new TempFolder();

        var result = Export(folder, browser: null, FigureFormats.Pdf);

        Assert.Equal(ImageExportStatus.NoBrowser, result.ImageStatus);
        Assert.StartsWith("no browser found for pdf: ", result.Message, StringComparison.Ordinal);
        Assert.Equal(["ep01.sample-latency.txt", "index.html"], result.WrittenFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void Options_RejectOutOfRangeValuesNamingTheParameter()
    {
        Assert.Equal("Layout", Assert.Throws<ArgumentNullException>(() => new FigureExportOptions { OutputDirectory = "x", Layout = null! }).ParamName);
        Assert.Equal("Timeout", Assert.Throws<ArgumentOutOfRangeException>(() => new FigureExportOptions { OutputDirectory = "x", Timeout = TimeSpan.Zero }).ParamName);
        Assert.Equal("Formats", Assert.Throws<ArgumentOutOfRangeException>(() => new FigureExportOptions { OutputDirectory = "x", Formats = FigureFormats.None }).ParamName);
        Assert.Equal("Formats", Assert.Throws<ArgumentOutOfRangeException>(() => new FigureExportOptions { OutputDirectory = "x", Formats = (FigureFormats)16 }).ParamName);
        Assert.Equal("OutputDirectory", Assert.Throws<ArgumentException>(() => new FigureExportOptions { OutputDirectory = " " }).ParamName);
    }

    [Fact]
    public void Export_RejectsDuplicateIds()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<ArgumentException>(() => FigureExporter.Export(
            [SampleFigures.Latency(), SampleFigures.Latency()],
            new FigureExportOptions { OutputDirectory = folder.Path, Formats = FigureFormats.Html }));

        Assert.Contains("'ep01.sample-latency' appears more than once", error.Message, StringComparison.Ordinal);
    }
}
