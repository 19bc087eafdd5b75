using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Resilience.Breakers.Coordinated;
using Workbook.Core.Resilience.Breakers.Predictive;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The expert-track figures of episode 22: the coordinated breaker's probe herd and the predictive breaker's ROC curves.</summary>
/// <remarks>Drawn from <see cref="CoordinatedFleetSimulation"/> (seed 13) and <see cref="PredictiveBreakerStudy"/> (default options: train seed 2201, evaluation seeds 2202 to 2204). Simulated, illustrative telemetry.</remarks>
public static class Episode22ExpertFigures
{
    private const string HerdTitle = "50 breakers tripped together probe together: 50 probes at once, 1 with a fleet probe";
    private const string RocTitle = "The model sees drifting outages coming (AUC 0.99), not sudden ones (0.45)";

    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep22.coordinated", 22, HerdTitle,
            "Probes sent per second by a fleet of 50 coordinated breakers (1 call per second each, 10 s windows, pooled view with ratio 0.1 and minimum throughput 100, break 5 s) through a total outage from 600 s to 660 s and its recovery. Three half-open designs: every instance probes when its break ends, jittered breaks (0 to 5 s extra), one probe for the fleet through a lease in the shared store. Simulated, seed 13.",
            "Line chart of probe calls per second (y axis, count) against simulated time (x axis, seconds 590 to 700). The every-instance line spikes to 50 probes every 5 seconds while the outage lasts; the jittered line spreads them into lower, wider bumps of up to about 13; the fleet-probe line stays at 1 probe every 5 seconds. After recovery at 660 s the spikes stop.",
            HerdChart),
        new("ep22.predictive-roc", 22, RocTitle,
            "ROC curves of 'an outage starts within the next 6 steps (1 minute)' over the steps not already in an outage, pooled over three evaluation traces (seeds 2202 to 2204, one simulated day each). Predictive: online logistic regression trained on seed 2201, learning on with labels that arrive 6 steps late. Failure ratio: the step's error rate. Areas by sorting with ties grouped, equal to the Mann–Whitney U statistic. Illustrative telemetry.",
            "Line chart of ROC curves: false-positive rate (x axis, 0 to 1) against true-positive rate (y axis, 0 to 1). Four curves and the dotted diagonal of a coin toss: predictive on all outages (solid) and on drifting outages only (near the top-left corner), the failure ratio (a staircase of short steps, because error counts take few values), and predictive on sudden outages only, which lies on or below the diagonal. The legend gives each area.",
            RocChart),
    ];

    private static GenericChart HerdChart()
    {
        var herd = new FleetScenario(900, 0.02, new SecondsSpan(600, 660), 1);
        var designs = new[]
        {
            (HalfOpenCoordination.EveryInstance, "every instance probes", Palette.Vermillion, (StyleParam.DrawingStyle?)null),
            (HalfOpenCoordination.Jittered, "jittered breaks (0 to 5 s)", Palette.Orange, StyleParam.DrawingStyle.Dash),
            (HalfOpenCoordination.OneProbeForTheFleet, "one probe for the fleet", Palette.Blue, StyleParam.DrawingStyle.Dot),
        };
        var traces = new List<GenericChart>();
        var peaks = new List<string>();
        foreach (var (mode, name, colour, dash) in designs)
        {
            var r = CoordinatedFleetSimulation.Run(new CoordinatedFleetOptions(instances: 50, pooledMinimumThroughput: 100, halfOpen: mode), herd, 13);
            var window = r.Timeline.Where(s => s.Second >= 590 && s.Second <= 700).ToArray();
            traces.Add(Line(window.Select(s => (double)s.Second), window.Select(s => (double)s.Probes), $"{name} (peak {r.PeakProbesPerSecond})", colour, 3, dash));
            peaks.Add(r.TotalProbes.ToString(CultureInfo.InvariantCulture));
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(HerdTitle, "Total outage 600 to 660 s; probes in all: " + string.Join(", ", peaks) + " (every instance, jittered, fleet probe)"), "simulated time (s)", "probes sent (per second)");
        return styled;
    }

    private static GenericChart RocChart()
    {
        var r = PredictiveBreakerStudy.Run();
        var traces = new List<GenericChart>
        {
            Line([0.0, 1], [0.0, 1], "coin toss (area 0.5)", Palette.Black, 1.5, StyleParam.DrawingStyle.Dot),
            Line(r.PredictiveRoc.Points.Select(p => p.FalsePositiveRate), r.PredictiveRoc.Points.Select(p => p.TruePositiveRate), Area("predictive, all outages", r.PredictiveRoc.Area), Palette.Blue, 3),
            Line(r.RatioRoc.Points.Select(p => p.FalsePositiveRate), r.RatioRoc.Points.Select(p => p.TruePositiveRate), Area("failure ratio, all outages", r.RatioRoc.Area), Palette.Vermillion, 3, StyleParam.DrawingStyle.Dash),
        };
        foreach (var (kind, name, colour, dash) in new[] { (IncidentKind.GradualDrift, "predictive, drifting outages", Palette.BluishGreen, StyleParam.DrawingStyle.DashDot), (IncidentKind.Sudden, "predictive, sudden outages", Palette.ReddishPurple, StyleParam.DrawingStyle.LongDash) })
        {
            var roc = r.RocFor(kind, predictive: true);
            traces.Add(Line(roc.Points.Select(p => p.FalsePositiveRate), roc.Points.Select(p => p.TruePositiveRate), Area(name, roc.Area), colour, 2.5, dash));
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"Steps not in an outage, 3 simulated days; failure ratio on sudden outages {r.RatioAreaSudden:0.00}, on drifting ones {r.RatioAreaDrift:0.00}");
        return ChartStyle.Apply(CSharpChart.Combine(traces), Headline(RocTitle, subtitle), "false-positive rate (fraction of quiet steps flagged)", "true-positive rate (fraction of pre-outage steps flagged)");
    }

    private static string Area(string name, double area) => string.Create(CultureInfo.InvariantCulture, $"{name}: area {area:0.00}");
}

