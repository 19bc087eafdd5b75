using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Resilience.Policies;
using Workbook.Core.Simulation;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>The figures of episode 22 about retry, timeout and their order around a breaker.</summary>
/// <remarks>
/// Drawn from <see cref="Backoff"/> (seeded delays of simulated clients) and <see cref="CompositionSimulation"/>
/// (one seeded outage, both pipeline orders). Everything is simulated and illustrative.
/// </remarks>
public static class Episode22PolicyFigures
{
    /// <summary>The clients drawn per jitter kind in ep22.backoff-jitter.</summary>
    public const int JitterClients = 40;

    /// <summary>The seed of the clients' jitter in ep22.backoff-jitter (client i uses seed + i).</summary>
    public const long JitterSeed = 2015;

    private const string JitterTitle = "Without jitter all 40 clients retry at the same instant; jitter spreads them out";
    private const string OrderTitle = "Retry outside the breaker stops hammering a dead dependency within 3 s";

    private static readonly BackoffOptions JitterBase = new(baseDelayMilliseconds: 100, capMilliseconds: 5_000, maxRetryAttempts: 8, jitter: JitterKind.None);

    private static readonly (JitterKind Kind, string Name, string Colour, string Symbol, double Offset)[] Kinds =
    [
        (JitterKind.None, "no jitter", Palette.Black, "line-ew-open", -0.27),
        (JitterKind.Full, "full jitter", Palette.Blue, "circle-open", -0.09),
        (JitterKind.Equal, "equal jitter", Palette.BluishGreen, "square-open", 0.09),
        (JitterKind.Decorrelated, "decorrelated jitter", Palette.Vermillion, "diamond-open", 0.27),
    ];

    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep22.backoff-jitter", 22, JitterTitle,
            "Delay before each retry of 40 simulated clients that all failed at the same moment, per jitter strategy (Brooker, \"Exponential Backoff And Jitter\", AWS Architecture Blog, 2015): base 100 ms, cap 5,000 ms, 8 retries; client i draws from Xoshiro256** seed 2015 + i. The line is the ceiling min(cap, base · 2^j) before retry j (counted from 0). Simulated.",
            "Scatter chart of the delay before a retry in milliseconds (y axis, 0 to 5,000) against the retry number 1 to 8 (x axis); at each retry number four columns of markers sit side by side, one per jitter strategy. A solid line is the ceiling, doubling from 100 ms to the 5,000 ms cap at retry 7. With no jitter all 40 clients sit on a single point on the ceiling. Full jitter spreads them evenly from 0 to the ceiling, equal jitter from half the ceiling to the ceiling, and decorrelated jitter from 100 ms to three times each client's previous delay, capped at 5,000 ms.",
            JitterChart),
        new("ep22.composition-order", 22, OrderTitle,
            "One seeded simulated outage (CompositionSimulation, seed 22): 50 requests/s (Poisson) to a dependency that is down from 20 s to 40 s (half the calls hang, half fail in 5 ms). Both orders use retry (3 retries, full jitter, base 50 ms, cap 1 s) and the same breaker (ProductionBreaker: ratio 0.5, 20 calls, 10 s window, 5 s break). Recommended: retry(breaker(timeout 200 ms per attempt)); other: timeout 1 s(breaker(retry)). Illustrative.",
            "Two stacked line charts over time in seconds (x axis, 0 to 60), with the outage from 20 to 40 s shaded. Top: calls per second that reach the dependency (y axis, calls/s). Both orders carry about 50 calls/s while healthy. With retry outside the breaker (solid line) the calls jump to about 180/s for two seconds, then drop to nearly 0 once the breaker opens. With retry inside the breaker and the timeout outside (dashed line) the calls stay near 90/s for about 9 s before the breaker opens. Bottom (the same lines with small markers): the share of requests that succeed (y axis, %): both fall to 0 during the outage and return to 100 % within a few seconds after it.",
            OrderChart),
    ];

    private static GenericChart JitterChart()
    {
        var traces = new List<GenericChart>();
        var retries = Enumerable.Range(0, JitterBase.MaxRetryAttempts).ToArray();
        traces.Add(Line(retries.Select(k => k + 1.0), retries.Select(k => Backoff.Ceiling(JitterBase, k)), "ceiling min(cap, base · 2^j)", Palette.Black, 2));
        foreach (var (kind, name, colour, symbol, offset) in Kinds)
        {
            var options = new BackoffOptions(JitterBase.BaseDelayMilliseconds, JitterBase.CapMilliseconds, JitterBase.MaxRetryAttempts, kind);
            var x = new List<double>();
            var y = new List<double>();
            for (var client = 0; client < JitterClients; client++)
            {
                var delays = Backoff.Schedule(options, JitterSeed + client);
                for (var k = 0; k < delays.Count; k++)
                {
                    x.Add(k + 1 + offset);
                    y.Add(delays[k]);
                }
            }

            var trace = new Trace("scatter");
            trace.SetProperty("x", x.ToArray());
            trace.SetProperty("y", y.ToArray());
            trace.SetProperty("name", name);
            trace.SetProperty("mode", "markers");
            trace.SetProperty("marker", new { color = colour, size = 7, symbol, line = new { color = colour, width = 1.5 } });
            traces.Add(GenericChart.ofTraceObject(true, trace));
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{JitterClients} clients failing together; base {JitterBase.BaseDelayMilliseconds:0} ms, cap {JitterBase.CapMilliseconds:N0} ms, seeds {JitterSeed} + i");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(JitterTitle, subtitle), "retry number j + 1 (count)", "delay before the retry (ms)");
        var layout = GenericChart.getLayout(styled);
        layout.SetProperty("legend", new { orientation = "h", x = 0.01, y = 0.99, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" });
        ((DynamicObj.DynamicObj)layout.TryGetPropertyValue("xaxis").Value).SetProperty("dtick", 1);
        ((DynamicObj.DynamicObj)layout.TryGetPropertyValue("yaxis").Value).SetProperty("range", new[] { 0.0, 5_600 });
        return styled;
    }

    private static GenericChart OrderChart()
    {
        var options = new CompositionSimulationOptions();
        var recommended = CompositionSimulation.Run(options, CompositionOrder.RetryOutsideBreaker);
        var other = CompositionSimulation.Run(options, CompositionOrder.RetryInsideBreaker);
        var traces = new List<GenericChart>();
        foreach (var (run, name, colour, dash) in new[]
                 {
                     (recommended, "retry(breaker(timeout per attempt))", Palette.Blue, "solid"),
                     (other, "timeout(breaker(retry))", Palette.Orange, "dash"),
                 })
        {
            var seconds = run.PerSecond();
            var x = seconds.Select(s => s.Second + 0.5).ToArray();
            traces.Add(Series(x, seconds.Select(s => (double)s.DependencyCalls).ToArray(), name, colour, dash, "y", showLegend: true));
            traces.Add(Series(x, seconds.Select(s => 100 * s.SuccessRate).ToArray(), name, colour, dash, "y2", showLegend: false, markers: true));
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"calls per request in the outage {recommended.OutageAttemptsPerRequest:0.00} vs {other.OutageAttemptsPerRequest:0.00}; p99 latency {recommended.LatencyPercentile(0.99):N0} vs {other.LatencyPercentile(0.99):N0} ms");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(OrderTitle, subtitle), "time (s)", "dependency load (calls/s)");
        var layout = GenericChart.getLayout(styled);
        var y = (DynamicObj.DynamicObj)layout.TryGetPropertyValue("yaxis").Value;
        y.SetProperty("domain", new[] { 0.45, 1.0 });
        y.SetProperty("rangemode", "tozero");
        ((DynamicObj.DynamicObj)layout.TryGetPropertyValue("xaxis").Value).SetProperty("anchor", "y2");
        layout.SetProperty("yaxis2", new
        {
            title = new { text = "success (%)" },
            domain = new[] { 0.0, 0.33 },
            anchor = "x",
            range = new[] { -5.0, 105 },
            dtick = 50,
        });
        layout.SetProperty("shapes", new object[]
        {
            new { type = "rect", layer = "below", xref = "x", yref = "paper", x0 = options.OutageStartMilliseconds / 1000, x1 = options.OutageEndMilliseconds / 1000, y0 = 0, y1 = 1, fillcolor = "rgba(127,127,127,0.18)", line = new { width = 0 } },
        });
        layout.SetProperty("annotations", new object[]
        {
            new { xref = "x", yref = "paper", x = (options.OutageStartMilliseconds + options.OutageEndMilliseconds) / 2000, y = 0.97, text = "dependency down", showarrow = false, font = new { size = 14, color = "#222222" } },
        });
        layout.SetProperty("legend", new { orientation = "h", x = 0.0, y = -0.2, xanchor = "left", yanchor = "top" });
        return styled;
    }

    // The lower panel's lines carry small markers, so the same order's two lines (one per panel) differ by more than colour.
    private static GenericChart Series(double[] x, double[] y, string name, string colour, string dash, string axis, bool showLegend, bool markers = false)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        trace.SetProperty("name", name);
        trace.SetProperty("mode", markers ? "lines+markers" : "lines");
        if (markers)
        {
            trace.SetProperty("marker", new { color = colour, size = 4 });
        }

        trace.SetProperty("yaxis", axis);
        trace.SetProperty("legendgroup", name);
        trace.SetProperty("showlegend", showLegend);
        trace.SetProperty("line", new { color = colour, width = 2.5, dash });
        return GenericChart.ofTraceObject(true, trace);
    }
}
