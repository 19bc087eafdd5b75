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

    public string Title => TitleOf(Layout);

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

    public static void AssertEveryTraceNamed(FigureData figure) =>
        Assert.All(figure.TraceNames, name => Assert.False(string.IsNullOrWhiteSpace(name), $"{figure.Id}: a trace without a name"));
}
