using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

/// <summary>
/// A catalog figure read back from its Plotly figure JSON (<see cref="ChartHtml.FigureJson"/>): titles,
/// traces by name, and their numbers, for tests of what a figure shows. Each figure is built once per
/// test run (some run seeded simulations).
/// </summary>
internal sealed partial class FigureData
{
    private static readonly ConcurrentDictionary<string, Lazy<FigureData>> Cache = new(StringComparer.Ordinal);

    private readonly JsonNode json;

    private FigureData(string id)
    {
        Id = id;
        json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get(id).Build()))!;
    }

    public string Id { get; }

    public static FigureData Get(string id) => Cache.GetOrAdd(id, key => new Lazy<FigureData>(() => new FigureData(key))).Value;

    public JsonNode Json => json;

    public JsonNode Layout => json["layout"]!;

    /// <summary>The chart title as plotly gets it: the headline, &lt;br&gt;, the subtitle in a smaller span.</summary>
    public string RawTitle => TitleOf(Layout);

    /// <summary>The title as a reader sees it, headline and subtitle on one line, markup removed.</summary>
    public string Title => Markup().Replace(RawTitle.Replace("<br>", " — ", StringComparison.Ordinal), "");

    /// <summary>The first line of the title: the finding, which must equal the catalog title.</summary>
    public string Headline => RawTitle.Split("<br>")[0];

    public string XTitle => TitleOf(Layout["xaxis"]);

    public string YTitle => TitleOf(Layout["yaxis"]);

    public IReadOnlyList<JsonNode> Traces => json["data"]!.AsArray().Select(t => t!).ToList();

    public IReadOnlyList<string> TraceNames => Traces.Select(t => t["name"]?.GetValue<string>() ?? "").ToList();

    public JsonNode Trace(string name)
    {
        var matches = Traces.Where(t => t["name"]?.GetValue<string>() == name).ToList();
        Assert.True(matches.Count == 1, $"{Id}: expected one trace named '{name}', found {matches.Count} among: {string.Join(" | ", TraceNames)}");
        return matches[0];
    }

    public double[] X(string name) => Numbers(Trace(name)["x"]);

    public double[] Y(string name) => Numbers(Trace(name)["y"]);

    public double[] ErrorY(string name) => Numbers(Trace(name)["error_y"]?["array"]);

    /// <summary>Every number written in the title, in order ("10,210" reads as 10210; "10^308" as 10 and 308).</summary>
    public double[] TitleNumbers() =>
        NumberPattern().Matches(Title).Select(m => double.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Plotly writes NaN (a gap) as the string "NaN"; categories stay out of this (use the JSON).</summary>
    public static double[] Numbers(JsonNode? array) =>
        array!.AsArray().Select(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? double.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture)
            : v.GetValue<double>()).ToArray();

    private static string TitleOf(JsonNode? node) => node?["title"]?["text"]?.GetValue<string>() ?? "";

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?")]
    private static partial Regex NumberPattern();
}

/// <summary>What every catalog figure must carry, whatever its episode.</summary>
internal static class FigureRules
{
    /// <summary>An axis title ends with its unit in parentheses: "(ms)", "(count)", "(ratio)", "(requests/s)".</summary>
    private static readonly Regex UnitSuffix = new(@"\S \([^()]+\)$", RegexOptions.CultureInvariant);

    public static void AssertAxesCarryUnits(FigureData figure)
    {
        Assert.False(string.IsNullOrWhiteSpace(figure.Title), $"{figure.Id}: no title");
        Assert.Matches(UnitSuffix, figure.XTitle);
        Assert.Matches(UnitSuffix, figure.YTitle);
    }

    /// <summary>A headline that fits one line of a 900 px figure at the title font, and a slide's title bar.</summary>
    public const int MaxHeadlineLength = 85;

    /// <summary>Words that join two axis names without saying anything: "y against x", "y by x", "y vs x".</summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "against", "vs", "versus", "by", "over", "per", "for", "with", "in", "on", "to", "as", "at",
        "from", "its", "their", "each", "equation", "builder", "figure", "chart", "plot", "distribution", "distributions",
    };

    /// <summary>
    /// Verbs and comparisons that make a title a claim. Closed on purpose, so the rule is decidable: a new
    /// episode whose finding uses another verb adds it here (a verb or comparative, never an axis noun).
    /// </summary>
    private static readonly HashSet<string> ClaimWords = new(StringComparer.Ordinal)
    {
        "beats", "beat", "run", "runs", "does", "not", "no", "never", "only", "explain", "explains", "most", "least", "waits",
        "reaches", "grows", "grow", "falls", "fall", "rises", "tells", "flags", "makes", "rarer", "slower", "faster", "sooner",
        "later", "fewer", "more", "less", "wastes", "closes", "trip", "trips", "take", "takes", "needs", "need", "breaks",
        "confirms", "explodes", "hold", "holds", "fix", "fixes", "triples", "doubles", "halves", "largest", "smallest",
        "stays", "closer", "sharply", "bigger", "smaller", "stricter", "higher", "lower", "agrees", "overflows", "beats",
    };

    /// <summary>
    /// Why a title does not state a finding, or null when it does. The rule, decidable from the title and the
    /// axis titles alone: (1) the headline fits <see cref="MaxHeadlineLength"/> characters; (2) it is not the
    /// axes restated: after removing the axis titles' words and <see cref="Connectives"/>, some word is left
    /// ("Mean response time against utilisation" leaves nothing); (3) it makes a claim: it holds a number, a
    /// comparison sign (&lt; &gt; ≤ ≥ → × =) or a word of <see cref="ClaimWords"/>.
    /// </summary>
    public static string? TitleFindingProblem(string headline, string xAxisTitle, string yAxisTitle)
    {
        if (headline.Length > MaxHeadlineLength)
        {
            return $"the headline has {headline.Length} characters, more than {MaxHeadlineLength}: '{headline}'";
        }

        var axisWords = Words(xAxisTitle + " " + yAxisTitle).ToHashSet(StringComparer.Ordinal);
        var words = Words(headline).ToList();
        var left = words.Where(w => !axisWords.Contains(w) && !Connectives.Contains(w)).ToList();
        if (left.Count == 0)
        {
            return $"the headline only restates the axes ('{xAxisTitle}', '{yAxisTitle}'): '{headline}'";
        }

        var claims = headline.Any(char.IsDigit) || headline.IndexOfAny(['<', '>', '≤', '≥', '→', '×', '=']) >= 0 || words.Any(ClaimWords.Contains);
        return claims ? null : $"the headline has no number, comparison or claim word (a verb or comparative; see FigureRules.ClaimWords): '{headline}'";
    }

    private static IEnumerable<string> Words(string text) =>
        Regex.Matches(text.ToLowerInvariant(), @"[\p{L}]+(?:['’][\p{L}]+)?").Select(m => m.Value);

    public static void AssertEveryTraceNamed(FigureData figure) =>
        Assert.All(figure.TraceNames, name => Assert.False(string.IsNullOrWhiteSpace(name), $"{figure.Id}: a trace without a name"));
}
