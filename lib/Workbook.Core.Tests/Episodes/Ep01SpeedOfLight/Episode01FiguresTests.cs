using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Workbook.Core.Charts;
using Workbook.Core.Physics;
using Workbook.Core.Tests.Charts;
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

    private const double C = 299_792.458;   // km/s, exact by the SI definition of the metre
    private const double Ng = 1.4682;       // group index of SMF-28 at 1550 nm
    private const double R = 6371.0088;     // km, IUGG mean Earth radius

    /// <summary>The fiber round trip over a great circle of d km, in ms, by hand: 2·d·n_g/c.</summary>
    private static double FiberRttMs(double km) => 2 * km * Ng / C * 1000;

    [Fact]
    public void BudgetReach_TitleNumbers_AreHalfTheBudgetAtFiberSpeed_AndTheAntipode()
    {
        var figure = FigureData.Get("ep01.budget-reach");
        const string fiber = "Standard single-mode fiber (SMF-28, 1550 nm)";
        Assert.Contains("Vacuum", figure.TraceNames);
        Assert.Contains(fiber, figure.TraceNames);
        Assert.Contains("100 ms budget", figure.TraceNames);
        Assert.Equal(("round-trip budget (ms)", "farthest great-circle distance (km)"), (figure.XTitle, figure.YTitle));

        // 100 ms there and back: 0.05 s × c/n_g = 10,209.5 km. The antipode is πR = 20,015.1 km away:
        // 2πR·n_g/c = 196.04 ms in fiber, 2πR/c = 133.53 ms in vacuum.
        double reach = 0.05 * C / Ng;
        double antipode = Math.PI * R;
        Assert.Equal([100, 100, 10_210, 196, 134], figure.TitleNumbers());
        // "reaches only half-way to the other side of the Earth": 10,209.5 / 20,015.1 = 0.51 of the way to the
        // antipode, which is a quarter (0.26) of the 40,030 km round the Earth, not half of it.
        Assert.StartsWith("A 100 ms round trip in fiber reaches only half-way to the other side of the Earth", figure.Title, StringComparison.Ordinal);
        Assert.InRange(reach / antipode, 0.45, 0.55);
        Assert.InRange(reach / (2 * Math.PI * R), 0.24, 0.27);
        Assert.Equal(10_210, Math.Round(reach));
        Assert.Equal(196, Math.Round(FiberRttMs(antipode)));
        Assert.Equal(134, Math.Round(2 * antipode / C * 1000));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the other side of the Earth ({antipode:N0} km)"), figure.TraceNames);

        int at100 = Array.IndexOf(figure.X(fiber), 100.0);
        Assert.Equal(reach, figure.Y(fiber)[at100], reach * 1e-12);
    }

    [Fact]
    public void EquationBuilder_StretchOneLine_HasTheTitlesGroupIndex()
    {
        var figure = FigureData.Get("ep01.equation-builder");
        Assert.Contains("n_g = 1.4682", figure.Title, StringComparison.Ordinal);
        Assert.Equal(("great-circle distance (km)", "round-trip time (ms)"), (figure.XTitle, figure.YTitle));

        // RTT = 2·D·s·n_g/c: for s = 1.0 and 2.0 every point is that line, by hand.
        foreach (var stretch in new[] { 1.0, 2.0 })
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"fiber, stretch {stretch:0.0}");
            foreach (var (km, ms) in figure.X(name).Zip(figure.Y(name)))
            {
                Assert.Equal(stretch * FiberRttMs(km), ms, 1e-9);
            }
        }
    }

    [Fact]
    public void LatencyBreakdown_TitleNumbers_MatchTheFloorTheMeasurementAndTheStackedBars()
    {
        var figure = FigureData.Get("ep01.latency-breakdown");
        Assert.Equal(["longer path (published cable length)", "processing", "serialization (too thin to see: value above each bar)", "queueing"], figure.TraceNames);
        Assert.Equal(("model (name)", "round-trip time above the fiber floor (ms)"), (figure.XTitle, figure.YTitle));

        // New York–London: great circle 5,585.27 km (the dedicated-cable point of ep01.latency-vs-distance), so the
        // fiber floor is 2 × 5,585.27 × 1.4682 / c = 54.71 ms; measured 58.55 ms (2024) is 3.84 ms above it.
        double km = FigureData.Get("ep01.latency-vs-distance").X("measured: dedicated cable").Max();
        double floor = FiberRttMs(km);
        Assert.Equal(54.7, Math.Round(floor, 1));
        Assert.Equal(3.8, Math.Round(58.55 - floor, 1));

        // The bars of the path through the published cable (the third column) add up to 2.3 ms of those 3.8.
        double explained = figure.Traces.Sum(t => FigureData.Numbers(t["y"])[2]);
        Assert.Equal(2.3, Math.Round(explained, 1));
        Assert.Contains("2.3 of the 3.8 ms above the 54.7 ms fiber floor", figure.Title, StringComparison.Ordinal);
        // "explain most of the time above the floor": 2.3 of 3.8 ms is 60 %.
        Assert.True(explained > (58.55 - floor) / 2);

        // Serialization (microseconds) is too thin to see, so each column states it above the bar.
        var serialization = FigureData.Numbers(figure.Traces[2]["y"]);
        var notes = figure.Layout["annotations"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()).ToList();
        Assert.All(serialization, s => Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"serialization: {Math.Round(s * 1000)} µs"), notes));
    }

    [Fact]
    public void LatencyVsDistance_EveryMeasurementIsAboveItsFloor_AndTheWorstInternetPathIs192PercentOfFiber()
    {
        var figure = FigureData.Get("ep01.latency-vs-distance");
        Assert.Equal(("great-circle distance (km)", "round-trip time (ms)"), (figure.XTitle, figure.YTitle));

        // Cables and the Internet run in fiber: above 2·D·n_g/c. The microwave link runs in air: above 2·D/c.
        foreach (var name in new[] { "measured: dedicated cable", "measured: public Internet" })
        {
            Assert.All(figure.X(name).Zip(figure.Y(name)), p => Assert.True(p.Second > FiberRttMs(p.First), $"{name} at {p.First} km"));
        }

        Assert.All(figure.X("measured: microwave link").Zip(figure.Y("measured: microwave link")), p => Assert.True(p.Second > 2 * p.First / C * 1000));

        double worst = figure.X("measured: public Internet").Zip(figure.Y("measured: public Internet")).Max(p => p.Second / FiberRttMs(p.First));
        Assert.Equal(1.92, Math.Round(worst, 2));
        Assert.Contains("public Internet paths up to 1.92× the fiber floor", figure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasuredVsFloor_TitlePercentages_AreTheMeasuredOverFloorRatios()
    {
        var figure = FigureData.Get("ep01.measured-vs-floor");
        Assert.Equal(["physical floor on the great circle (fiber; air for microwave)", "measured"], figure.TraceNames);
        Assert.Equal(("round-trip time (ms)", "route (from–to, year; link)"), (figure.XTitle, figure.YTitle));

        var labels = figure.Traces[0]["y"]!.AsArray().Select(y => y!.GetValue<string>()).ToList();
        var floors = figure.X("physical floor on the great circle (fiber; air for microwave)");
        var measured = figure.X("measured");
        List<double> PercentAbove(Func<string, bool> which) =>
            labels.Select((label, i) => (label, i)).Where(x => which(x.label)).Select(x => Math.Round(100 * ((measured[x.i] / floors[x.i]) - 1))).ToList();

        // "the one modern cable runs 7–8 % above it": 58.55 and 58.95 ms over the 54.71 ms floor.
        Assert.Equal([7.0, 8.0], PercentAbove(l => l.Contains("Hibernia Express", StringComparison.Ordinal)).Order());

        // "the public Internet 37–92 %".
        var internet = PercentAbove(l => l.Contains("public Internet", StringComparison.Ordinal));
        Assert.Equal((37.0, 92.0), (internet.Min(), internet.Max()));
        // The microwave link against its own (air) floor: 4.6 ms over 2 × 599 km / c ≈ 4.0 ms, 15 % above.
        var microwavePercent = PercentAbove(l => l.Contains("microwave", StringComparison.Ordinal)).Single();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"the modern cable 7–8 %, microwave {microwavePercent} %, the public Internet 37–92 %"), figure.Title, StringComparison.Ordinal);

        // "Dedicated links run close to their physical floor; the public Internet does not": every dedicated link
        // (cable or microwave) is nearer its floor than any public Internet path.
        var dedicated = PercentAbove(l => !l.Contains("public Internet", StringComparison.Ordinal));
        Assert.True(dedicated.Max() < internet.Min());

        // Each bar's label compares it with its own medium's floor, never the microwave with the fiber floor.
        var texts = figure.Trace("measured")["text"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.All(labels.Zip(texts), p => Assert.EndsWith(p.First.Contains("microwave", StringComparison.Ordinal) ? "× its air floor" : "× its fiber floor", p.Second, StringComparison.Ordinal));

        // "Only microwave beats the fiber floor": the microwave link (4.6 ms over 599 km) is below 2·D·n_g/c = 5.87 ms.
        double microwaveKm = FigureData.Get("ep01.latency-vs-distance").X("measured: microwave link").Single();
        int microwave = labels.FindIndex(l => l.Contains("microwave", StringComparison.Ordinal));
        Assert.True(measured[microwave] < FiberRttMs(microwaveKm));
        // "No measured route beats the physical floor of its medium" (the headline of ep01.latency-vs-distance too).
        Assert.All(labels.Select((l, i) => (l, i)), x => Assert.True(measured[x.i] > floors[x.i], x.l));
    }

    [Fact]
    public void TimeToFirstByte_TitleRange_IsThreeAndFourRoundTripsOf58Point55Ms()
    {
        var figure = FigureData.Get("ep01.time-to-first-byte");
        Assert.Equal(["TCP handshake", "TLS or QUIC handshake", "request → first byte of the response"], figure.TraceNames);
        Assert.Equal(("time from the client's first packet (ms)", "protocol stack (name)"), (figure.XTitle, figure.YTitle));

        // QUIC 0-RTT: 1 × 58.55 → "59"; QUIC and TCP + TLS 1.3 0-RTT: 2 × 58.55 = 117.1 ms → "117";
        // TCP + TLS 1.3: 3 × 58.55 = 175.65 ms → "176"; TCP + TLS 1.2: 4 × 58.55 = 234.2 ms → "234".
        Assert.Contains("New York–London: 59 ms with 0-RTT QUIC, 117 ms with QUIC or TCP\u00A0+\u00A0TLS\u00A01.3\u00A00-RTT, 176–234 ms with a full TCP and TLS handshake", figure.Title, StringComparison.Ordinal);
        Assert.Equal((59, 117, 176, 234), (Math.Round(58.55), Math.Round(2 * 58.55), Math.Round(3 * 58.55), Math.Round(4 * 58.55)));
        // "waits 1 to 4 round trips": QUIC 0-RTT needs 1, TCP + TLS 1.2 needs 4 (see the stacked bars test).
        Assert.StartsWith("A new HTTPS connection waits 1 to 4 round trips", figure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyVsDistance_PlotsEveryMeasuredRouteAtItsGreatCircleDistance()
    {
        var json = FigureData.Get("ep01.latency-vs-distance").Json;
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
        var json = FigureData.Get("ep01.time-to-first-byte").Json;
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
        var json = FigureData.Get("ep01.measured-vs-floor").Json;
        var labels = json["data"]![1]!["y"]!.AsArray().Select(y => y!.GetValue<string>()).ToList();

        Assert.Contains("New York–London, 2015 (upper bound)<br>Hibernia Express = EXA Express", labels);
        Assert.Contains("New York–London, 2024<br>Hibernia Express = EXA Express", labels);
    }

    [Fact]
    public void EquationBuilder_HasOneSliderStepPerStretch_EachShowingExactlyOneStretchLine()
    {
        var json = FigureData.Get("ep01.equation-builder").Json;
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
            // Offline: the page loads the export folder's one shared plotly.js, nothing from the network.
            Assert.Contains($"<script src=\"../{PlotlyJs.FileName}\"", html, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(first, "..", PlotlyJs.FileName)));
            Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        }
    }
}
