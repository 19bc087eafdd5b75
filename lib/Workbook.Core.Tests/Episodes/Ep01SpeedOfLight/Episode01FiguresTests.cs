using System.Text.Json.Nodes;
using System.Xml.Linq;
using Workbook.Core.Charts;
using Workbook.Core.Physics;
using Workbook.Core.Tests.Cli;

namespace Workbook.Core.Tests.Episodes.Ep01SpeedOfLight;

/// <summary>Episode 1's figures: what they show, and their export through the CLI as a host runs it.</summary>
[Collection(ChromiumCollection.Name)]
public class Episode01FiguresTests(ITestOutputHelper output)
{
    [Fact]
    public void Episode1_HasAtLeastThreeFigures_AllInTheCatalog()
    {
        var figures = FigureCatalog.ForEpisode(1);

        Assert.True(figures.Count >= 3);
        Assert.All(figures, f => Assert.StartsWith("ep01.", f.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void LatencyVsDistance_PlotsEveryMeasuredRouteAtItsGreatCircleDistance()
    {
        var json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get("ep01.latency-vs-distance").Build()))!;
        var measured = json["data"]!.AsArray().Where(t => t!["name"]!.GetValue<string>().StartsWith("measured", StringComparison.Ordinal)).ToList();
        var points = measured.SelectMany(t => t!["x"]!.AsArray().Zip(t["y"]!.AsArray(), (x, y) => (X: x!.GetValue<double>(), Y: y!.GetValue<double>()))).ToList();

        Assert.Equal(LatencyData.MeasuredRoutes.Count, points.Count);
        foreach (var route in LatencyData.MeasuredRoutes)
        {
            Assert.Contains(points, p => Math.Abs(p.X - route.GreatCircleKm) < 1e-9 && p.Y == route.RttMs);
        }
    }

    [Fact]
    public void TimeToFirstByte_StacksTheHandCountedRoundTripsOfEachProtocol()
    {
        var json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get("ep01.time-to-first-byte").Build()))!;
        var traces = json["data"]!.AsArray();
        var labels = traces[0]!["y"]!.AsArray().Select(y => y!.GetValue<string>()).ToList();
        var totals = labels.Select((_, i) => traces.Sum(t => t!["x"]![i]!.GetValue<double>())).ToList();

        // RFC 9293 / 5246 / 8446 / 9000 round trips to the first byte, at 58.55 ms (EXA Express, 2024).
        var expected = new Dictionary<string, int>
        {
            ["QUIC, 0-RTT"] = 1,
            ["QUIC"] = 2,
            ["TCP + TLS 1.3, 0-RTT"] = 2,
            ["TCP + TLS 1.3"] = 3,
            ["TCP + TLS 1.2"] = 4,
        };
        Assert.Equal(expected.Keys.Order(), labels.Order());
        foreach (var (label, total) in labels.Zip(totals))
        {
            Assert.Equal(expected[label] * 58.55, total, 9);
        }
    }

    [Fact]
    public void MeasuredRouteLabels_NameTheCableAndTheYear_SoTheTwoRowsReadAsOneCable()
    {
        var json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get("ep01.measured-vs-floor").Build()))!;
        var labels = json["data"]![1]!["y"]!.AsArray().Select(y => y!.GetValue<string>()).ToList();

        Assert.Contains("New York–London, 2015 (upper bound)<br>Hibernia Express = EXA Express", labels);
        Assert.Contains("New York–London, 2024<br>Hibernia Express = EXA Express", labels);
    }

    [Fact]
    public void EquationBuilder_HasOneSliderStepPerStretch_EachShowingExactlyOneStretchLine()
    {
        var json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get("ep01.equation-builder").Build()))!;
        var traces = json["data"]!.AsArray();
        var steps = json["layout"]!["sliders"]![0]!["steps"]!.AsArray();

        Assert.Equal(21, steps.Count);
        foreach (var step in steps)
        {
            var visible = step!["args"]![0]!["visible"]!.AsArray().Select(v => v!.GetValue<bool>()).ToList();
            Assert.Equal(traces.Count, visible.Count);
            var shownStretchLines = visible.Where((v, i) => v && traces[i]!["name"]!.GetValue<string>().StartsWith("fiber, stretch", StringComparison.Ordinal)).Count();
            Assert.Equal(1, shownStretchLines);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void FiguresCommand_ExportsEpisode1ToHtmlPngAndSvg_IdenticallyTwice()
    {
        var browser = ChromiumRequirement.Find();
        ChromiumRequirement.SkipIfMissing(browser);

        using var folder = new TempFolder();
        string Run(string name)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = Workbook.Cli.Figures.FiguresCommand.Run(["--episode", "1", "--format", "html,png,svg", "--out", folder.Combine(name)], stdout, stderr);
            Assert.True(exit == 0, stderr.ToString());
            output.WriteLine(stdout.ToString().Trim().Split('\n')[^1]);
            return folder.Combine(name, "ep01");
        }

        var first = Run("first");
        var second = Run("second");

        foreach (var figure in FigureCatalog.ForEpisode(1))
        {
            foreach (var format in new[] { "html", "png", "svg" })
            {
                var a = File.ReadAllBytes(Path.Combine(first, $"{figure.Id}.{format}"));
                var b = File.ReadAllBytes(Path.Combine(second, $"{figure.Id}.{format}"));
                Assert.True(a.AsSpan().SequenceEqual(b), $"{figure.Id}.{format} differs between runs");
            }

            var png = File.ReadAllBytes(Path.Combine(first, figure.Id + ".png"));
            Assert.True(PngImage.HasSignature(png));
            var (width, height) = PngImage.ReadSize(png);
            Assert.True(width >= ChartStyle.Width && height >= ChartStyle.Height, $"{figure.Id}: {width}×{height}");

            var svg = XDocument.Load(Path.Combine(first, figure.Id + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            var html = File.ReadAllText(Path.Combine(first, figure.Id + ".html"));
            Assert.Contains(PlotlyJs.Version, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        }
    }
}
