using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Plotly.NET;
using Workbook.Core.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Tests.Charts;

/// <summary>
/// Every catalog figure, whatever its episode, can be read without telling colours apart (<see cref="SeriesStyles"/>)
/// and describes itself in words (caption and alt text).
/// </summary>
public partial class FigureAccessibilityTests
{
    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_SeriesShownTogether_DifferByMoreThanColour_AndByColoursAColourBlindReaderTellsApart(string id)
    {
        var figure = FigureData.Get(id);

        var problems = SeriesStyles.Problems(figure.Json);

        Assert.True(problems.Count == 0, $"{id}: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_UsesOnlyPaletteColoursForItsSeries(string id)
    {
        var allowed = Palette.OkabeIto.Append(Palette.Grey).Append(Palette.LightGrey).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var colours = SeriesStyles.Read(FigureData.Get(id).Json).Select(s => s.Colour).Distinct().ToList();

        Assert.All(colours, c => Assert.Contains(c, allowed));
    }

    [Fact]
    public void Rule_FailsTheOldRedAndGreen_EvenWhenDashed_BecauseBothCuesMustHold()
    {
        JsonNode Figure(string? dash) => Json(
            ChartParts.Line([0.0, 1], [0.0, 1], "errors", "#d62728"),
            ChartParts.Line([0.0, 1], [1.0, 0], "successes", "#2ca02c", dash: dash is null ? null : StyleParam.DrawingStyle.Dash));

        var solid = SeriesStyles.Problems(Figure(null));
        var dashed = SeriesStyles.Problems(Figure("dash"));

        Assert.Equal(2, solid.Count);
        Assert.Contains(solid, p => p.Contains("colour is the only cue", StringComparison.Ordinal));
        var colour = Assert.Single(dashed);
        Assert.Contains("'errors' (#d62728) and 'successes' (#2ca02c)", colour, StringComparison.Ordinal);
        Assert.Contains("worst ΔE00 4.6", colour, StringComparison.Ordinal); // under deuteranopia
    }

    [Fact]
    public void Rule_FailsTwoPaletteColoursOfOneStyle_AndPassesThemOnceDashedOrBothLabelled()
    {
        // Vermillion and blue are far apart for every vision, but colour alone is still not enough.
        var solid = ChartParts.Line([0.0, 1], [0.0, 1], "p99", Palette.Vermillion);
        var other = ChartParts.Line([0.0, 1], [1.0, 0], "mean", Palette.Blue);
        var dashed = ChartParts.Line([0.0, 1], [1.0, 0], "mean", Palette.Blue, dash: StyleParam.DrawingStyle.Dash);

        var problem = Assert.Single(SeriesStyles.Problems(Json(solid, other)));
        Assert.Contains("'p99' and 'mean': colour is the only cue", problem, StringComparison.Ordinal);
        Assert.Empty(SeriesStyles.Problems(Json(solid, dashed)));

        var a = new SeriesStyle(0, "a", Palette.Blue, "bar", null, null, "", DirectlyLabelled: true);
        var b = a with { Index = 1, Name = "b", Colour = Palette.Orange };
        Assert.Equal("direct labels", SeriesStyles.NonColourCue(a, b));
        Assert.Equal("fill pattern", SeriesStyles.NonColourCue(a with { DirectlyLabelled = false }, b with { Pattern = "/", DirectlyLabelled = false }));
        Assert.Null(SeriesStyles.NonColourCue(a, b with { DirectlyLabelled = false }));
    }

    [Fact]
    public void Rule_FailsTwoSeriesOfOneColourAndStyle_AndAcceptsADifferentSymbolOrKind()
    {
        var line = ChartParts.Line([0.0, 1], [0.0, 1], "a", Palette.Blue);
        var sameLine = ChartParts.Line([0.0, 1], [1.0, 0], "b", Palette.Blue);
        var circles = ChartParts.Points([0.0, 1], [0.5, 0.5], "c", Palette.Blue);
        var squares = ChartParts.Points([0.0, 1], [0.2, 0.2], "d", Palette.Blue, symbol: "square-open");

        Assert.Single(SeriesStyles.Problems(Json(line, sameLine)));
        Assert.Empty(SeriesStyles.Problems(Json(line, circles)));
        Assert.Empty(SeriesStyles.Problems(Json(circles, squares)));
        Assert.Single(SeriesStyles.Problems(Json(circles, ChartParts.Points([0.0, 1], [0.1, 0.1], "e", Palette.Blue))));
    }

    [Fact]
    public void ShownTogether_WithASlider_IsEachStepsVisibleTraces()
    {
        // ep13.equation-builder: 7 window sizes, 3 budget lines each, one step at a time.
        var groups = SeriesStyles.ShownTogether(FigureData.Get("ep13.equation-builder").Json);

        Assert.Equal(7, groups.Count);
        Assert.All(groups, g => Assert.Equal(3, g.Count));
        Assert.Equal([0, 1, 2], groups[0].Select(s => s.Index));
        Assert.Equal([18, 19, 20], groups[6].Select(s => s.Index));

        // ep01.equation-builder: the vacuum line and three measured groups stay, one stretch line per step.
        var ep01 = SeriesStyles.ShownTogether(FigureData.Get("ep01.equation-builder").Json);
        Assert.All(ep01, g => Assert.Equal(5, g.Count));
    }

    /// <summary>
    /// Caption and alt text are present, and the alt text is checkable: (1) its first sentence names the chart kind
    /// ("… chart"), and it names every kind of series drawn ("bar" for bars, "line" for lines, "marker" or "scatter"
    /// for markers); (2) for each axis it contains at least one key word of the axis title (a word of three or more
    /// letters before the unit, other than "log", "scale" and small words); (3) it contains no colour word at all,
    /// so no series is told apart by colour alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(CatalogFiguresBuildTests.Ids), MemberType = typeof(CatalogFiguresBuildTests))]
    public void EveryFigure_HasACaptionAndAnAltTextNamingKindAxesAndNoColours(string id)
    {
        var catalogFigure = FigureCatalog.Get(id);
        var figure = FigureData.Get(id);
        var alt = catalogFigure.AltText;
        var lower = alt.ToLowerInvariant();

        Assert.False(string.IsNullOrWhiteSpace(catalogFigure.Caption), $"{id}: no caption");
        Assert.False(string.IsNullOrWhiteSpace(alt), $"{id}: no alt text");
        Assert.Contains("chart", FirstSentence(lower), StringComparison.Ordinal);
        foreach (var kind in SeriesStyles.Read(figure.Json).Select(s => s.Kind).Distinct())
        {
            var words = kind switch
            {
                "bar" => ["bar"],
                "lines" => ["line"],
                "markers" => ["marker", "scatter"],
                "text" => ["text", "written"],
                _ => new[] { "line" },
            };
            Assert.True(words.Any(w => lower.Contains(w, StringComparison.Ordinal)), $"{id}: the alt text does not name its {kind} series ({string.Join(" or ", words)})");
        }

        foreach (var axisTitle in new[] { figure.XTitle, figure.YTitle })
        {
            var keys = KeyWords(axisTitle);
            Assert.True(keys.Any(k => lower.Contains(k, StringComparison.Ordinal)),
                $"{id}: the alt text names none of the words of the axis '{axisTitle}' ({string.Join(", ", keys)})");
        }

        var colours = ColourWord().Matches(lower).Select(m => m.Value).ToList();
        Assert.True(colours.Count == 0, $"{id}: the alt text uses colour words: {string.Join(", ", colours)}");
    }

    [Fact]
    public void AltTextRule_FindsColourWordsAndAxisKeyWords()
    {
        Assert.Matches(ColourWord(), "the red line is the p99");
        Assert.Matches(ColourWord(), "in grey");
        Assert.DoesNotMatch(ColourWord(), "the redundant blueprint is reddish"); // whole words only ("reddish" is not listed)
        Assert.Equal(["request", "rate"], KeyWords("request rate λ (requests/s, log scale)"));
        Assert.Equal(["p99", "wait"], KeyWords("p99 wait (ms)"));
    }

    private static string FirstSentence(string text) => text.Split(['.', ':'], 2)[0];

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal) { "the", "and", "for", "log", "scale", "from", "with" };

    private static string[] KeyWords(string axisTitle) =>
        Regex.Matches(axisTitle[..axisTitle.LastIndexOf('(')].ToLowerInvariant(), @"[\p{L}\d][\p{L}\d'’-]*")
            .Select(m => m.Value)
            .Where(w => w.Length >= 3 && w.Any(char.IsLetter) && !SmallWords.Contains(w))
            .ToArray();

    private static JsonNode Json(params GenericChart[] traces) =>
        JsonNode.Parse(ChartHtml.FigureJson(ChartStyle.Apply(CSharpChart.Combine(traces), "A test figure grows", "x (s)", "y (s)")))!;

    [GeneratedRegex(@"\b(red|green|blue|orange|yellow|purple|pink|brown|grey|gray|black|cyan|magenta|violet|vermill?ion|teal|turquoise|crimson|maroon|navy)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ColourWord();
}
