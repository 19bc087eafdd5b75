using System.Text.Json.Nodes;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Charts;

/// <summary>Every catalogued figure builds, deterministically, into a titled plotly figure with data.</summary>
public class CatalogFiguresBuildTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var figure in FigureCatalog.All)
        {
            data.Add(figure.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Figure_BuildsTheSameJsonTwice_WithATitleAxisTitlesAndData(string id)
    {
        var figure = FigureCatalog.Get(id);

        var first = ChartHtml.FigureJson(figure.Build());
        var second = ChartHtml.FigureJson(figure.Build());

        Assert.Equal(first, second); // seeded simulations and no random ids
        var json = JsonNode.Parse(first)!;
        Assert.NotEmpty(json["data"]!.AsArray());
        Assert.False(string.IsNullOrWhiteSpace(json["layout"]!["title"]!["text"]!.GetValue<string>()));
        Assert.Contains("(", json["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("(", json["layout"]!["yaxis"]!["title"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Episode19_HasTheFourRequiredFigures()
    {
        var ids = FigureCatalog.ForEpisode(19).Select(f => f.Id).ToHashSet();

        var required = new HashSet<string> { "ep19.hockey-stick", "ep19.percentiles-vs-servers", "ep19.waiting-time-distribution", "ep19.approximation-error" };

        Assert.Subset(ids, required);
    }
}
