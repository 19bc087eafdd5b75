using System.Diagnostics;
using Workbook.Cli.Figures;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Cli;

/// <summary>
/// All PDFs of a run are printed from one page, and plotly.js draws every figure with the same seed, so
/// figures share ids (clip paths, legend groups). A PDF must look the same whichever figures shared its
/// run; before the print page gave each figure's ids a prefix, ep19.load-sensitivity printed with the
/// other ep19 figures lost part of its legend to another figure's clip path.
/// </summary>
[Collection(ChromiumCollection.Name)]
public class PdfPageIsolationTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void APdf_RendersTheSameAloneAsWithItsEpisode()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);
        var pdftoppm = PdfFile.Tool("pdftoppm");
        if (pdftoppm is null)
        {
            Assert.False(!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "CI is set but pdftoppm (poppler-utils) is missing");
            Assert.Skip("pdftoppm (Debian poppler-utils) is not installed; .ci/run installs it");
        }

        using var folder = new TempFolder();
        const string id = "ep19.load-sensitivity";
        string Export(string run, params string[] selection)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = FiguresCommand.Run([.. selection, "--format", "pdf", "--browser", browser, "--out", folder.Combine(run)], stdout, stderr, FigureCatalog.All, _ => null);
            Assert.True(code == FiguresCommand.ExitOk, stderr.ToString());
            return Path.Combine(folder.Combine(run), "ep19", id + ".pdf");
        }

        var alone = Render(pdftoppm, Export("alone", "--id", id));
        var withEpisode = Render(pdftoppm, Export("episode", "--episode", "19"));

        // The PDFs differ in bytes (fonts are subset over the run) but must draw the same pixels.
        Assert.True(alone.SequenceEqual(withEpisode), $"{id}.pdf draws differently when printed with the other ep19 figures");
    }

    private static byte[] Render(string pdftoppm, string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo(pdftoppm, ["-r", "48", "-gray", pdf]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var pixels = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(pixels);
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed ({process.ExitCode}): {errors}");
        return pixels.ToArray();
    }
}
