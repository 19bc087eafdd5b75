using Workbook.Core.Charts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Tests.Charts;

/// <summary>Small ad-hoc figures for tests; the catalog's real figures are not used here.</summary>
internal static class SampleFigures
{
    public const string Title = "Round trips grow with distance";

    public static Plotly.NET.GenericChart LatencyChart(string title = Title) =>
        ChartStyle.Apply(
            CSharpChart.Line<double, double, string>(
                x: [0.0, 1000, 2000, 4000],
                y: [0.0, 10, 20, 40],
                Name: "fibre, one way"),
            title,
            "distance (km)",
            "delay (ms)");

    public const string AltText =
        "Line chart of one-way delay in milliseconds against distance in kilometres: a straight line through the origin, 10 ms per 2,000 km.";

    public static WorkbookFigure Latency(string id = "ep01.sample-latency", int episode = 1) =>
        new(id, episode, Title, "Light in fibre covers about 200 km per ms (illustrative).", AltText, () => LatencyChart());

    public static WorkbookFigure Bars(string id = "ep02.sample-bars", int episode = 2) =>
        new(id, episode, "Messages per protocol", "Illustrative counts.", "Bar chart of messages per protocol (count): gossip 3, two-phase commit 5, Paxos 8; each protocol needs more than the one before.", () => ChartStyle.Apply(
            CSharpChart.Column<int, string, string>(values: [3, 5, 8], Keys: new[] { "gossip", "2PC", "Paxos" }, Name: "messages"),
            "Messages per protocol",
            "protocol (name)",
            "messages (count)"));
}
