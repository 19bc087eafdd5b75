using System.Text.Json.Nodes;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

public class FigureSliderTests
{
    // A hand-written figure: one trace that is always shown, then two per step; the visible lists are
    // written out per step so the expected visibility is independent of FigureSlider.
    private const string ThreeStepFigure = """
        {"data":[{"name":"floor"},{"name":"a1"},{"name":"b1"},{"name":"a2"},{"name":"b2"},{"name":"a3"},{"name":"b3"}],
         "layout":{"title":{"text":"Finding<br><span style=\"font-size:75%\">conditions</span>"},"height":600,"margin":{"l":80,"r":30,"t":70,"b":150},
          "sliders":[{"active":1,"currentvalue":{"prefix":"window n (calls): "},
            "steps":[{"method":"restyle","label":"10","args":[{"visible":[true,true,true,false,false,false,false]}]},
                     {"method":"restyle","label":"20","args":[{"visible":[true,false,false,true,true,false,false]}]},
                     {"method":"restyle","label":"50","args":[{"visible":[true,false,false,false,false,true,true]}]}]}]}}
        """;

    [Fact]
    public void Of_ReadsParameterLabelValuesAndActivePosition()
    {
        var slider = Assert.Single(FigureSlider.Of(ThreeStepFigure));

        Assert.Equal("n", slider.Parameter);
        Assert.Equal("window n (calls)", slider.Label);
        Assert.Equal(["10", "20", "50"], slider.Values);
        Assert.Equal(1, slider.Active);
    }

    [Fact]
    public void Of_PrefersTheSlidersOwnName_AndFindsNoneInAPlainFigure()
    {
        var named = ThreeStepFigure.Replace("\"active\":1,", "\"active\":1,\"name\":\"window\",", StringComparison.Ordinal);

        Assert.Equal("window", Assert.Single(FigureSlider.Of(named)).Parameter);
        Assert.Empty(FigureSlider.Of(SampleFigures.Latency().Build()));
    }

    [Fact]
    public void Freeze_ShowsTheActivePosition_GivesTheSlidersRoomToThePlot_AndSaysWhereInTheTitle()
    {
        var frozen = JsonNode.Parse(FigureSlider.Freeze(ThreeStepFigure))!;

        Assert.Equal([true, false, false, true, true, false, false], Visibility(frozen));
        Assert.Null(frozen["layout"]!["sliders"]);
        Assert.Equal(80, frozen["layout"]!["margin"]!["b"]!.GetValue<double>());
        Assert.Equal(600, frozen["layout"]!["height"]!.GetValue<double>());
        Assert.Equal(
            "Finding<br><span style=\"font-size:75%\">conditions; shown at window n (calls) = 20</span>",
            frozen["layout"]!["title"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("50", new[] { true, false, false, false, false, true, true })]
    [InlineData("50.0", new[] { true, false, false, false, false, true, true })]
    [InlineData(" 10 ", new[] { true, true, true, false, false, false, false })]
    public void Freeze_AtAPosition_ShowsThatStepsTraces(string value, bool[] expected)
    {
        var frozen = JsonNode.Parse(FigureSlider.Freeze(ThreeStepFigure, new Dictionary<string, string> { ["n"] = value }))!;

        Assert.Equal(expected, Visibility(frozen));
    }

    [Fact]
    public void Freeze_RepeatsAShortVisibleListAsPlotlyJsDoes()
    {
        // WithSlider lists only one step's worth of traces per group; plotly.js repeats an array
        // attribute cyclically over the traces, so [false, true] hides every even trace.
        var figure = """{"data":[{},{},{},{}],"layout":{"sliders":[{"currentvalue":{"prefix":"k: "},"steps":[{"label":"1","args":[{"visible":[false,true]}]}]}]}}""";

        Assert.Equal([false, true, false, true], Visibility(JsonNode.Parse(FigureSlider.Freeze(figure))!));
    }

    [Fact]
    public void Freeze_LeavesAFigureWithoutSlidersUnchanged()
    {
        var json = ChartHtml.FigureJson(SampleFigures.Latency().Build());

        Assert.Same(json, FigureSlider.Freeze(json));
    }

    [Fact]
    public void MoveTo_KeepsTheSliderButOpensAtTheGivenPosition()
    {
        var moved = JsonNode.Parse(FigureSlider.MoveTo(ThreeStepFigure, new Dictionary<string, string> { ["n"] = "50" }))!;

        Assert.Equal(2, moved["layout"]!["sliders"]![0]!["active"]!.GetValue<int>());
        Assert.Equal([true, false, false, false, false, true, true], Visibility(moved));
        Assert.Same(ThreeStepFigure, FigureSlider.MoveTo(ThreeStepFigure, new Dictionary<string, string> { ["c"] = "3" }));
    }

    [Fact]
    public void UnknownPosition_IsRejectedWithTheValidPositions()
    {
        BadInput.Rejects(
            () => FigureSlider.Freeze(ThreeStepFigure, new Dictionary<string, string> { ["n"] = "30" }),
            "value",
            "one of the positions of 'n': 10, 20, 50");
    }

    [Theory]
    [InlineData("ep01.equation-builder", "stretch", "route stretch", "1.0", "3.0", 21)]
    [InlineData("ep13.equation-builder", "n", "window n (calls)", "10", "1000", 7)]
    [InlineData("ep19.equation-builder", "c", "servers c", "1", "16", 16)]
    public void CatalogSliderFigures_NameTheirParameter(string id, string parameter, string label, string first, string last, int count)
    {
        var slider = Assert.Single(FigureSlider.Of(FigureCatalog.Get(id).Build()));

        Assert.Equal((parameter, label, first, last, count), (slider.Parameter, slider.Label, slider.Values[0], slider.Values[^1], slider.Values.Count));
    }

    [Fact]
    public void Ep19EquationBuilder_FrozenAtTenServers_ShowsOnlyTheTenServerCurves()
    {
        var json = ChartHtml.FigureJson(FigureCatalog.Get("ep19.equation-builder").Build());

        var frozen = JsonNode.Parse(FigureSlider.Freeze(json, new Dictionary<string, string> { ["c"] = "10" }))!;

        var shown = frozen["data"]!.AsArray().Where(t => t!["visible"]!.GetValue<bool>()).Select(t => t!["name"]!.GetValue<string>());
        Assert.Equal(["mean response, c = 10", "p99 response, c = 10"], shown);
        Assert.Contains("shown at servers c = 10", frozen["layout"]!["title"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("slider", frozen["layout"]!["title"]!["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryCatalogFigure_FreezesToAFigureWithoutSliders()
    {
        foreach (var figure in FigureCatalog.All)
        {
            var frozen = JsonNode.Parse(FigureSlider.Freeze(ChartHtml.FigureJson(figure.Build())))!;

            Assert.Null(frozen["layout"]?["sliders"]);
        }
    }

    private static bool[] Visibility(JsonNode figure) =>
        figure["data"]!.AsArray().Select(t => t!["visible"]!.GetValue<bool>()).ToArray();
}
