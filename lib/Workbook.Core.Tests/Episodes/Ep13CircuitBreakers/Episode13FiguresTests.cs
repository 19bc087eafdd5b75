using System.Text.Json.Nodes;
using Workbook.Core.Charts;

namespace Workbook.Core.Tests.Episodes.Ep13CircuitBreakers;

/// <summary>Episode 13's figures use the notebook's notation: κ for the EWMA weight, λ only for a request rate, q for a probe's success.</summary>
public class Episode13FiguresTests
{
    private static string Labels(string id)
    {
        var json = JsonNode.Parse(ChartHtml.FigureJson(FigureCatalog.Get(id).Build()))!;
        var names = json["data"]!.AsArray().Select(t => t?["name"]?.GetValue<string>() ?? "");
        var layout = json["layout"]!;
        string Title(JsonNode? node) => node?["title"]?["text"]?.GetValue<string>() ?? "";
        return string.Join(" | ", names.Append(Title(layout)).Append(Title(layout["xaxis"])).Append(Title(layout["yaxis"])));
    }

    [Fact]
    public void EwmaFigures_CallTheSmoothingWeightKappa_NotLambda()
    {
        var step = Labels("ep13.ewma-step");
        var delay = Labels("ep13.detection-delay");

        Assert.Contains("EWMA (κ = 0.2)", step, StringComparison.Ordinal);
        Assert.Contains("smoothing weight κ (ratio)", delay, StringComparison.Ordinal);
        Assert.DoesNotContain("λ", step + delay, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowKinds_UsesLambdaForTheRequestRate_AndRecoveryUsesQForTheProbe()
    {
        Assert.Contains("request rate λ (requests/s)", Labels("ep13.window-kinds"), StringComparison.Ordinal);

        var recovery = Labels("ep13.recovery-tradeoff");
        Assert.Contains("q = 0.7", recovery, StringComparison.Ordinal);
        Assert.DoesNotContain("p = 0.7", recovery, StringComparison.Ordinal);
    }
}
