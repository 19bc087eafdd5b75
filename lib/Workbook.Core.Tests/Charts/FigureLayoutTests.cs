using System.Text.Json.Nodes;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class FigureLayoutTests
{
    [Fact]
    public void Constructor_RejectsOutOfRangeValues()
    {
        BadInput.Rejects(() => _ = new FigureLayout(width: 199), "width", "a whole number of pixels from 200 to 8000");
        BadInput.Rejects(() => _ = new FigureLayout(height: 8001), "height", "a whole number of pixels from 200 to 8000");
        BadInput.Rejects(() => _ = new FigureLayout(scale: double.NaN), "scale", "a finite number in [0.5, 4]");
        BadInput.Rejects(() => _ = new FigureLayout(scale: 4.5), "scale", "a finite number in [0.5, 4]");
        BadInput.Rejects(() => _ = new FigureLayout(theme: (FigureTheme)9), "theme", "one of light, dark, transparent, talk");
        BadInput.Rejects(() => FigureLayout.FromPreset((FigurePreset)9), "preset", "one of notes, slide, square, portrait");
        BadInput.Rejects(() => _ = new FigureLayout(width: 8000, height: 200, scale: 2.05), "scale", "at most 16384 / 8000 px = 2.04, so no PNG side exceeds 16384 px");
        Assert.Equal(2.048, new FigureLayout(width: 8000, scale: 2.048).Scale);
    }

    [Theory]
    [InlineData(FigurePreset.Slide, 1920, 1080, 2.0)]
    [InlineData(FigurePreset.Square, 1080, 1080, 1.5)]
    [InlineData(FigurePreset.Portrait, 1080, 1350, 1.5)]
    public void Presets_HaveTheirSizesAndTextZoom(FigurePreset preset, int width, int height, double zoom)
    {
        var rendering = FigureLayout.FromPreset(preset).Render(SampleFigures.Latency().Build());

        // Slide: zoom = shorter side / 540 = 1080 / 540 = 2, so the canvas is half the image. Square and portrait:
        // 2 would leave a 540 px canvas, too narrow for figures designed 900 px wide, so zoom = 1080 / 720 = 1.5.
        Assert.Equal((width, height, zoom), (rendering.Width, rendering.Height, rendering.Zoom));
        Assert.Equal((width / zoom, height / zoom), (rendering.CanvasWidth, rendering.CanvasHeight));
        var layout = JsonNode.Parse(rendering.FigureJson)!["layout"]!;
        Assert.Equal(width / zoom, layout["width"]!.GetValue<double>());
    }

    /// <summary>
    /// At every preset, every catalog figure's title is wrapped to lines that fit the canvas, estimated at 0.5 em
    /// per character (an average for Liberation Sans text), and the top margin holds all its lines.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_AtSquarePortraitAndSlide_HasATitleThatFits(string id)
    {
        var chart = FigureCatalog.Get(id).Build();
        foreach (var preset in new[] { FigurePreset.Square, FigurePreset.Portrait, FigurePreset.Slide })
        {
            var rendering = FigureLayout.FromPreset(preset).Render(chart);
            var layout = JsonNode.Parse(rendering.FigureJson)!["layout"]!;
            var size = layout["title"]!["font"]!["size"]!.GetValue<double>();
            var lines = layout["title"]!["text"]!.GetValue<string>().Split("<br>");
            foreach (var line in lines)
            {
                var isSubtitle = line.StartsWith("<span", StringComparison.Ordinal);
                var text = System.Text.RegularExpressions.Regex.Replace(line, "<[^>]+>", "");
                var estimated = text.Length * 0.5 * size * (isSubtitle ? 0.75 : 1);
                Assert.True(estimated <= rendering.CanvasWidth - 20, $"{id} at {preset}: '{text}' is about {estimated:0} px on a {rendering.CanvasWidth:0} px canvas");
            }

            // Wrapped lines are even: no block (headline, subtitle) ends in an orphaned word or number.
            foreach (var block in lines.GroupBy(l => l.StartsWith("<span", StringComparison.Ordinal)).Where(b => b.Count() > 1))
            {
                var lengths = block.Select(l => System.Text.RegularExpressions.Regex.Replace(l, "<[^>]+>", "").Length).ToList();
                Assert.True(lengths[^1] >= 0.4 * lengths.Max(), $"{id} at {preset}: last title line is {lengths[^1]} characters against {lengths.Max()}");
            }

            var headlineLines = lines.Count(l => !l.StartsWith("<span", StringComparison.Ordinal));
            var needed = 1.3 * size * (headlineLines + 0.75 * (lines.Length - headlineLines));
            Assert.True(layout["margin"]!["t"]!.GetValue<double>() >= needed, $"{id} at {preset}: top margin below the title's {needed:0} px");
        }
    }

    [Fact]
    public void FromPreset_WidthAndHeightOverrideThePreset()
    {
        var layout = FigureLayout.FromPreset(FigurePreset.Slide, width: 1280);

        Assert.Equal((1280, 1080), (layout.Width!.Value, layout.Height!.Value));
    }

    [Fact]
    public void Default_LeavesTheFigureJsonUntouched()
    {
        var chart = SampleFigures.Latency().Build();

        var rendering = FigureLayout.Default.Render(chart);

        Assert.True(FigureLayout.Default.IsDefault);
        Assert.Equal(ChartHtml.FigureJson(chart), rendering.FigureJson);
        Assert.Equal((ChartStyle.Width, ChartStyle.Height, 1.0), (rendering.Width, rendering.Height, rendering.Zoom));
    }

    [Fact]
    public void SquareAndPortrait_PutTheLegendBelowTheSlideDoesNot()
    {
        static JsonNode? Legend(FigurePreset preset) =>
            JsonNode.Parse(FigureLayout.FromPreset(preset).Render(SampleFigures.Latency().Build()).FigureJson)!["layout"]!["legend"];

        Assert.Equal("h", Legend(FigurePreset.Square)!["orientation"]!.GetValue<string>());
        Assert.Equal("container", Legend(FigurePreset.Portrait)!["yref"]!.GetValue<string>());
        Assert.Null(Legend(FigurePreset.Slide)?["yref"]);
    }

    [Theory]
    [InlineData("ep01.measured-vs-floor")]
    [InlineData("ep01.latency-breakdown")]
    [InlineData("ep01.time-to-first-byte")]
    public void AFiguresOwnLegendBelowThePlot_IsAnchoredToTheImageBottomOnASlide(string id)
    {
        // These figures place a horizontal legend at a negative plot-relative y, which on a slide's shorter
        // canvas landed on the x-axis title; anchored to the image bottom, the axis makes room for both.
        var chart = FigureCatalog.Get(id).Build();
        var own = JsonNode.Parse(ChartHtml.FigureJson(chart))!["layout"]!["legend"]!;
        var slide = JsonNode.Parse(FigureLayout.FromPreset(FigurePreset.Slide).Render(chart).FigureJson)!["layout"]!;

        Assert.True(own["y"]!.GetValue<double>() < 0);
        Assert.Equal(("container", 0.0), (slide["legend"]!["yref"]!.GetValue<string>(), slide["legend"]!["y"]!.GetValue<double>()));
        Assert.True(slide["xaxis"]!["automargin"]!.GetValue<bool>());
    }

    [Fact]
    public void Talk_ZoomsTextAQuarterMore()
    {
        var rendering = new FigureLayout(theme: FigureTheme.Talk).Render(SampleFigures.Latency().Build());

        Assert.Equal((ChartStyle.Width, 1.25), (rendering.Width, rendering.Zoom));
        Assert.Equal(ChartStyle.Width / 1.25, rendering.CanvasWidth);
    }

    [Fact]
    public void DarkAndTransparent_SetTheBackgrounds()
    {
        JsonNode Layout(FigureTheme theme) =>
            JsonNode.Parse(new FigureLayout(theme: theme).Render(SampleFigures.Latency().Build()).FigureJson)!["layout"]!;

        Assert.Equal("#111111", Layout(FigureTheme.Dark)["paper_bgcolor"]!.GetValue<string>());
        Assert.Equal("#e6e6e6", Layout(FigureTheme.Dark)["font"]!["color"]!.GetValue<string>());
        Assert.Equal("rgba(0,0,0,0)", Layout(FigureTheme.Transparent)["plot_bgcolor"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1001, 777, 0.5)]
    [InlineData(1920, 1080, 3)]
    [InlineData(7999, 211, 1.5)]
    public void CanvasTimesZoomGivesWholePixels(int width, int height, double scale)
    {
        var rendering = new FigureLayout(width, height, scale).Render(SampleFigures.Latency().Build());

        // plotly.js sizes the PNG canvas as trunc(canvas × zoom × scale).
        Assert.Equal(Math.Round(width * scale), Math.Truncate(rendering.CanvasWidth * (rendering.Zoom * scale)));
        Assert.Equal(Math.Round(height * scale), Math.Truncate(rendering.CanvasHeight * (rendering.Zoom * scale)));
    }
}
