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
    }

    [Theory]
    [InlineData(FigurePreset.Slide, 1920, 1080)]
    [InlineData(FigurePreset.Square, 1080, 1080)]
    [InlineData(FigurePreset.Portrait, 1080, 1350)]
    public void Presets_HaveTheirSizesAndTextZoomOfTwo(FigurePreset preset, int width, int height)
    {
        var rendering = FigureLayout.FromPreset(preset).Render(SampleFigures.Latency().Build());

        // zoom = shorter side / 540 = 1080 / 540 = 2, so the canvas is half the image.
        Assert.Equal((width, height, 2.0), (rendering.Width, rendering.Height, rendering.Zoom));
        Assert.Equal((width / 2.0, height / 2.0), (rendering.CanvasWidth, rendering.CanvasHeight));
        var layout = JsonNode.Parse(rendering.FigureJson)!["layout"]!;
        Assert.Equal(width / 2.0, layout["width"]!.GetValue<double>());
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
