using System.Text.Json.Nodes;
using Workbook.Cli.Figures;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Cli;

/// <summary>Every figure of the catalog exported at every preset in headless Chromium: the host's whole workflow, one browser run per preset.</summary>
[Trait("Category", "Slow")]
[Collection(ChromiumCollection.Name)]
public class CatalogExportTests(ITestOutputHelper output)
{
    /// <summary>The preset sizes the issue asks for (null: the figure's own size).</summary>
    private static readonly (FigurePreset Preset, int? Width, int? Height)[] Presets =
    [
        (FigurePreset.Notes, null, null),
        (FigurePreset.Slide, 1920, 1080),
        (FigurePreset.Square, 1080, 1080),
        (FigurePreset.Portrait, 1080, 1350),
    ];

    [Fact]
    public void EveryFigureAtEveryPreset_RendersAtThePresetSize_AndTheSameExportRepeatsByteForByte()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);
        using var folder = new TempFolder();
        var catalog = FigureCatalog.All;
        FigureExportResult Export(FigurePreset preset, string run)
        {
            var started = TimeProvider.System.GetTimestamp();
            var result = FigureExporter.Export(catalog, new FigureExportOptions
            {
                OutputDirectory = folder.Combine(run),
                Formats = FigureFormats.Png,
                BrowserPath = browser,
                Layout = FigureLayout.FromPreset(preset),
            });
            Assert.True(result.ImageStatus == ImageExportStatus.Rendered, result.Message);
            output.WriteLine($"{run}: {catalog.Count} PNGs in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");
            return result;
        }

        foreach (var (preset, width, height) in Presets)
        {
            Export(preset, preset.ToString());
            foreach (var figure in catalog)
            {
                var png = File.ReadAllBytes(FigureExporter.PathFor(folder.Combine(preset.ToString()), figure, "png"));
                var layout = JsonNode.Parse(ChartHtml.FigureJson(figure.Build()))!["layout"]!;
                var expected = (width ?? (int)layout["width"]!.GetValue<double>(), height ?? (int)layout["height"]!.GetValue<double>());
                Assert.True(expected == PngImage.ReadSize(png), $"{figure.Id} at {preset}: expected {expected}, got {PngImage.ReadSize(png)}");
            }
        }

        Export(FigurePreset.Square, "Square-again");
        foreach (var figure in catalog)
        {
            Assert.True(
                File.ReadAllBytes(FigureExporter.PathFor(folder.Combine("Square"), figure, "png"))
                    .AsSpan().SequenceEqual(File.ReadAllBytes(FigureExporter.PathFor(folder.Combine("Square-again"), figure, "png"))),
                $"{figure.Id}: the second square export differs");
        }
    }
}
