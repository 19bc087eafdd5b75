using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Resilience.Breakers;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The figures of episode 22 — building circuit breakers.</summary>
/// <remarks>
/// The outage figures drive the library's breakers through <see cref="OutageScenario.Standard"/> (seeded,
/// illustrative); their titles are computed from those runs, so they follow any change of the breakers.
/// </remarks>
public static class Episode22Figures
{
    private const string StateMachineTitle = "A tripped breaker closes only on a successful probe or an operator's Reset()";

    /// <summary>The outage runs behind the figures: beginner, intermediate and production breaker, in that order.</summary>
    public static IReadOnlyList<OutageRun> StandardRuns => Runs.Value;

    private static readonly Lazy<IReadOnlyList<OutageRun>> Runs = new(() =>
    [
        OutageRun.Beginner(OutageScenario.Standard),
        OutageRun.Intermediate(OutageScenario.Standard),
        OutageRun.Production(OutageScenario.Standard),
    ]);

    /// <summary>The headline of <c>ep22.outage-timeline</c>, computed from the production run.</summary>
    public static string OutageTitle(OutageRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return string.Create(CultureInfo.InvariantCulture,
            $"The breaker spares {run.OutageCallsRejected:N0} of {run.OutageCalls:N0} doomed calls: trips {run.DetectionSeconds:0.0} s in, closes {run.RecoverySeconds:0.0} s after");
    }

    /// <summary>The headline of <c>ep22.beginner-vs-production</c>, computed from the three runs (beginner, intermediate, production).</summary>
    public static string ComparisonTitle(IReadOnlyList<OutageRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var (beginner, intermediate, production) = (runs[0], runs[1], runs[2]);
        var shortMemories = beginner.FalseTrips + intermediate.FalseTrips;
        var fastest = Math.Min(beginner.DetectionSeconds, intermediate.DetectionSeconds);
        return production.FalseTrips == 0 && shortMemories > 0 && production.DetectionSeconds > fastest
            ? string.Create(CultureInfo.InvariantCulture,
                $"The 10 s window avoids the {shortMemories} false trips of short memories but trips {production.DetectionSeconds - fastest:0.0} s later")
            : string.Create(CultureInfo.InvariantCulture,
                $"False trips {beginner.FalseTrips}, {intermediate.FalseTrips}, {production.FalseTrips}; trips {beginner.DetectionSeconds:0.0}, {intermediate.DetectionSeconds:0.0}, {production.DetectionSeconds:0.0} s in");
    }

    /// <summary>The figures of episode 22, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep22.state-machine", 22, StateMachineTitle,
            "The production breaker's states and what moves it between them (the beginner and intermediate breakers have the first three; the beginner trips on k failures in a row instead of a ratio, and both read half-open as soon as their timeout has passed, without waiting for a call). Each state sits at the share of calls it lets through.",
            "State diagram chart drawn on two axes: the x axis is the share of arriving calls a state lets through (none, one probe, all), the y axis who moves the breaker (its outcomes and the clock, or an operator). Four boxes with the state names written in them: Closed at 'all', Open at 'none', HalfOpen at 'one probe' below them, and Isolated at 'none' in the operator row. Arrows: Closed to Open when the failure ratio is at least r with at least m calls in the window; Open to HalfOpen when the break has elapsed and a call arrives; HalfOpen to Closed when the probe succeeds; HalfOpen to Open when the probe fails; Closed and Open to Isolated by Isolate(), and Isolated back to Closed by Reset().",
            StateMachine),
        new("ep22.outage-timeline", 22, OutageTitle(Runs.Value[2]),
            "A simulated 30 s outage (OutageScenario.Standard: Poisson calls at 20/s, seed 22, 20 % of calls fail while healthy, every call fails from 30 s to 60 s) through the production breaker (failure ratio 0.5, minimum throughput 20, sampling 10 s, break 5 s) on a stepped clock. Illustrative, not measured.",
            "Stacked bar chart of calls per second (y axis, calls/s) against time (x axis, s, 0 to 90), one bar per second split into succeeded (solid), failed (hatched with slashes) and rejected by the breaker (cross-hatched). Two dashed vertical lines mark where the dependency starts failing (30 s) and recovers (60 s). Shaded bands mark where the breaker is not closed; diamond markers at the top mark half-open probes, open diamonds for probes that failed and filled ones for the probe that succeeded. Soon after 30 s the failed bars stop and rejected bars take over; every 5 s one probe fails, until the first probe after 60 s succeeds and the breaker closes.",
            OutageTimeline),
        new("ep22.beginner-vs-production", 22, ComparisonTitle(Runs.Value),
            "The same simulated outage as ep22.outage-timeline (same calls, same outcomes) through the three breakers of the episode: beginner (5 consecutive failures, reset 5 s), intermediate (at least 50 % of the last 20 calls with at least 10 in the window, open 5 s, 3 probes) and production (at least 50 % of at least 20 calls in 10 s, break 5 s). Illustrative, not measured.",
            "Timeline chart with one lane per breaker (y axis: beginner, intermediate, production) over time (x axis, s, 0 to 90). In each lane a thin dotted line marks where the breaker is closed and a thick solid line where it is open or half-open; cross markers mark trips while the dependency was healthy (false trips). A shaded box marks the outage from 30 s to 60 s. Outside the outage the beginner breaker (five of the flaky dependency's 20 % failures in a row) and the intermediate one (ten failures among twenty calls) each trip now and then; the production breaker, which counts 10 s of calls, never does, but opens a few seconds later than the other two, which open within a second of the outage start. Under each lane its false trips, detection delay, recovery delay and rejected calls are written out.",
            Comparison),
    ];

    private static GenericChart StateMachine()
    {
        (string Name, double X, double Y, string Colour)[] states =
        [
            ("Closed", 1, 0, Palette.BluishGreen),
            ("Open", 0, 0, Palette.Vermillion),
            ("HalfOpen", 0.5, -1, Palette.Orange),
            ("Isolated", 0, 1.1, Palette.Grey),
        ];
        const double halfWidth = 0.14, halfHeight = 0.17;
        var shapes = states.Select(s => (object)new
        {
            type = "rect", x0 = s.X - halfWidth, x1 = s.X + halfWidth, y0 = s.Y - halfHeight, y1 = s.Y + halfHeight,
            fillcolor = s.Colour, opacity = 0.35, line = new { color = s.Colour, width = 3 }, layer = "below",
        }).ToList();
        var names = RawTrace("text", states.Select(s => s.X), states.Select(s => s.Y), "state", new Dictionary<string, object>
        {
            ["text"] = states.Select(s => s.Name).ToArray(),
            ["textfont"] = new { size = 18, color = "#222222" },
            ["marker"] = new { color = Palette.Black },
            ["showlegend"] = false,
        });

        var notes = new List<object>
        {
            Arrow(0.86, 0.06, 0.14, 0.06),        // Closed -> Open
            Arrow(0.08, -0.17, 0.42, -0.83),      // Open -> HalfOpen
            Arrow(0.34, -0.92, 0.0, -0.17),       // HalfOpen -> Open
            Arrow(0.60, -0.83, 0.94, -0.17),      // HalfOpen -> Closed
            Arrow(0.88, 0.17, 0.14, 1.02),        // Closed -> Isolated
            Arrow(0.14, 1.16, 0.94, 0.17),        // Isolated -> Closed
            Arrow(0.0, 0.17, 0.0, 0.93),          // Open -> Isolated
            Label(0.5, 0.02, "failure ratio ≥ r with ≥ m calls in the window<br>(beginner: k failures in a row)", "center", "top"),
            Label(0.3, -0.58, "break elapsed and<br>a call arrives", "left", "middle"),
            Label(0.12, -0.7, "probe fails", "right", "middle"),
            Label(0.8, -0.52, "probe succeeds", "left", "middle"),
            Label(0.58, 0.8, "Isolate() / Reset()", "left", "bottom"),
            Label(0.02, 0.55, "Isolate()", "left", "middle"),
        };

        var styled = ChartStyle.Apply(names,
            Headline(StateMachineTitle, "Reset() closes the breaker from any state; Isolate() works from any state too"),
            "calls let through (share of arrivals)", "what moves the breaker (kind)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object>
        {
            ["shapes"] = shapes.ToArray(),
            ["annotations"] = notes.ToArray(),
            ["showlegend"] = false,
        },
        xaxis: new { range = new[] { -0.3, 1.3 }, tickmode = "array", tickvals = new[] { 0.0, 0.5, 1.0 }, ticktext = new[] { "none", "one probe", "all" }, showgrid = false, zeroline = false },
        yaxis: new { range = new[] { -1.35, 1.45 }, tickmode = "array", tickvals = new[] { -0.5, 1.1 }, ticktext = new[] { "outcomes,<br>clock", "operator" }, showgrid = false, zeroline = false, automargin = true });
    }

    private static GenericChart OutageTimeline()
    {
        var run = Runs.Value[2];
        var scenario = run.Scenario;
        var bins = (int)Math.Ceiling(scenario.DurationSeconds);
        var centres = Enumerable.Range(0, bins).Select(i => i + 0.5).ToArray();
        double[] Count(Func<OutageCall, bool> keep)
        {
            var counts = new double[bins];
            foreach (var call in run.Calls.Where(keep))
            {
                counts[(int)call.AtSeconds]++;
            }

            return counts;
        }

        var succeeded = Count(c => c.Admitted && !c.WouldFail);
        var failed = Count(c => c.Admitted && c.WouldFail);
        var rejected = Count(c => !c.Admitted);
        var top = Enumerable.Range(0, bins).Max(i => succeeded[i] + failed[i] + rejected[i]);
        var probeY = top + 4;
        var probes = run.Calls.Where(c => c.IsProbe).ToList();

        var traces = new List<GenericChart>
        {
            Bars(centres, succeeded, "succeeded", Palette.BluishGreen, ""),
            Bars(centres, failed, "failed", Palette.Vermillion, "/"),
            Bars(centres, rejected, "rejected by the breaker", Palette.SkyBlue, "x"),
            RawTrace("markers", probes.Where(p => p.WouldFail).Select(p => p.AtSeconds), probes.Where(p => p.WouldFail).Select(_ => probeY), "probe failed",
                new Dictionary<string, object> { ["marker"] = new { color = Palette.Vermillion, size = 13, symbol = "diamond-open", line = new { width = 2.5, color = Palette.Vermillion } } }),
            RawTrace("markers", probes.Where(p => !p.WouldFail).Select(p => p.AtSeconds), probes.Where(p => !p.WouldFail).Select(_ => probeY), "probe succeeded",
                new Dictionary<string, object> { ["marker"] = new { color = Palette.BluishGreen, size = 13, symbol = "diamond", line = new { width = 1.5, color = Palette.Black } } }),
        };

        var shapes = new List<object>();
        var notes = new List<object>();
        foreach (var (from, to) in NotClosed(run))
        {
            shapes.Add(new { type = "rect", xref = "x", yref = "paper", x0 = from, x1 = to, y0 = 0, y1 = 1, fillcolor = "rgba(0,114,178,0.12)", line = new { width = 0 }, layer = "below" });
        }

        var first = NotClosed(run).First();
        notes.Add(Label((first.From + scenario.OutageEndSeconds) / 2, probeY + 2, "breaker not closed (shaded)", "center", "bottom"));
        foreach (var (x, text, anchor) in new[] { (scenario.OutageStartSeconds, "dependency fails", "right"), (scenario.OutageEndSeconds, "dependency recovers", "left") })
        {
            shapes.Add(new { type = "line", x0 = x, x1 = x, y0 = 0, y1 = probeY + 10, line = new { color = Palette.Black, width = 1.5, dash = "dash" } });
            notes.Add(Label(x + (anchor == "left" ? 0.6 : -0.6), probeY + 10, text, anchor, "top"));
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"production breaker, ratio {OutageRun.ProductionOptions.FailureRatio}, ≥ {OutageRun.ProductionOptions.MinimumThroughput} calls in {OutageRun.ProductionOptions.SamplingDuration.TotalSeconds:0} s, break {OutageRun.ProductionOptions.BreakDuration.TotalSeconds:0} s; {probes.Count} probes, {run.HealthyCallsRejected} healthy calls rejected");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(OutageTitle(run), subtitle), "time (s)", "calls per second (calls/s)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object>
        {
            ["barmode"] = "stack",
            ["bargap"] = 0.05,
            ["shapes"] = shapes.ToArray(),
            ["annotations"] = notes.ToArray(),
        }, xaxis: new { range = new[] { 0, scenario.DurationSeconds } }, yaxis: new { range = new[] { 0, probeY + 10 } });
    }

    private static GenericChart Comparison()
    {
        var runs = Runs.Value;
        var scenario = runs[0].Scenario;
        var traces = new List<GenericChart>();
        var closedX = new List<double>();
        var closedY = new List<double>();
        var openX = new List<double>();
        var openY = new List<double>();
        foreach (var (run, lane) in runs.Select((r, i) => (r, (double)(runs.Count - i))))
        {
            double start = 0;
            foreach (var (from, to) in NotClosed(run))
            {
                closedX.AddRange([start, from, double.NaN]);
                closedY.AddRange([lane, lane, double.NaN]);
                openX.AddRange([from, to, double.NaN]);
                openY.AddRange([lane, lane, double.NaN]);
                start = to;
            }

            closedX.AddRange([start, scenario.DurationSeconds, double.NaN]);
            closedY.AddRange([lane, lane, double.NaN]);
        }

        traces.Add(RawLine(closedX, closedY, "closed", Palette.BluishGreen, 3, "dot"));
        traces.Add(RawLine(openX, openY, "open or half-open", Palette.Vermillion, 12, "solid"));
        var falseTrips = runs.SelectMany((r, i) => r.Trips.Where(t => !scenario.IsDown(t)).Select(t => (X: t, Y: (double)(runs.Count - i)))).ToList();
        traces.Add(RawTrace("markers", falseTrips.Select(f => f.X), falseTrips.Select(f => f.Y + 0.22), "false trip (dependency healthy)",
            new Dictionary<string, object> { ["marker"] = new { color = Palette.Black, size = 12, symbol = "x-thin-open", line = new { width = 2.5, color = Palette.Black } } }));

        var notes = runs.Select((r, i) => (object)new
        {
            x = 1.0, xref = "paper", y = runs.Count - i - 0.3, xanchor = "right", yanchor = "middle", showarrow = false,
            text = string.Create(CultureInfo.InvariantCulture,
                $"{r.FalseTrips} false trip{(r.FalseTrips == 1 ? "" : "s")} · detects in {r.DetectionSeconds:0.0} s · closes {r.RecoverySeconds:0.0} s after · {r.Rejected:N0} rejected ({r.HealthyCallsRejected:N0} healthy)"),
            font = new { size = 13, color = "#222222" },
        }).ToList();
        var shapes = new List<object>
        {
            new { type = "rect", x0 = scenario.OutageStartSeconds, x1 = scenario.OutageEndSeconds, y0 = 0.45, y1 = runs.Count + 0.55, fillcolor = "rgba(127,127,127,0.18)", line = new { width = 0 }, layer = "below" },
        };
        notes.Add(Label((scenario.OutageStartSeconds + scenario.OutageEndSeconds) / 2, runs.Count + 0.55, "dependency fails every call", "center", "top"));

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"same {runs[0].Calls.Count:N0} calls (Poisson, {scenario.RatePerSecond:0}/s, seed {scenario.Seed}), {scenario.BaselineFailureRate:P0} fail while healthy, all fail {scenario.OutageStartSeconds:0}–{scenario.OutageEndSeconds:0} s");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(ComparisonTitle(runs), subtitle), "time (s)", "breaker (track)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object>
        {
            ["shapes"] = shapes.ToArray(),
            ["annotations"] = notes.ToArray(),
        },
        xaxis: new { range = new[] { 0, scenario.DurationSeconds } },
        yaxis: new
        {
            range = new[] { 0.4, runs.Count + 0.6 }, tickmode = "array",
            tickvals = runs.Select((_, i) => (double)(runs.Count - i)).ToArray(),
            ticktext = runs.Select(r => r.Breaker.Split(' ')[0]).ToArray(), showgrid = false, zeroline = false, automargin = true,
        });
    }

    /// <summary>The spans (s) in which the breaker was not closed: from the call that tripped it to the call that closed it.</summary>
    internal static IReadOnlyList<(double From, double To)> NotClosed(OutageRun run)
    {
        var spans = new List<(double, double)>();
        double? from = null;
        foreach (var call in run.Calls)
        {
            if (from is null && call.StateAfter != BreakerState.Closed)
            {
                from = call.AtSeconds;
            }
            else if (from is not null && call.StateAfter == BreakerState.Closed)
            {
                spans.Add((from.Value, call.AtSeconds));
                from = null;
            }
        }

        if (from is not null)
        {
            spans.Add((from.Value, run.Scenario.DurationSeconds));
        }

        return spans;
    }

    private static object Arrow(double fromX, double fromY, double toX, double toY) => new
    {
        x = toX, y = toY, ax = fromX, ay = fromY, xref = "x", yref = "y", axref = "x", ayref = "y",
        showarrow = true, arrowhead = 2, arrowsize = 1.3, arrowwidth = 2, arrowcolor = "#222222", text = "",
    };

    private static object Label(double x, double y, string text, string xanchor, string yanchor) => new
    {
        x, y, text, xanchor, yanchor, showarrow = false, font = new { size = 14, color = "#222222" },
    };

    private static GenericChart Bars(double[] x, double[] y, string name, string colour, string pattern)
    {
        var trace = new Trace("bar");
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        trace.SetProperty("name", name);
        trace.SetProperty("width", 0.95);
        trace.SetProperty("marker", new { color = colour, line = new { color = colour, width = 0.5 }, pattern = new { shape = pattern, fgcolor = Palette.Black, size = 6, solidity = 0.3 } });
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart RawLine(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, double width, string dash) =>
        RawTrace("lines", x, y, name, new Dictionary<string, object> { ["line"] = new { color = colour, width, dash } });

    private static GenericChart RawTrace(string mode, IEnumerable<double> x, IEnumerable<double> y, string name, Dictionary<string, object> extra)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", mode);
        trace.SetProperty("cliponaxis", false);
        foreach (var (key, value) in extra)
        {
            trace.SetProperty(key, value);
        }

        return GenericChart.ofTraceObject(true, trace);
    }
}
