using System.Globalization;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using Workbook.Core.Resilience;
using Workbook.Core.Simulation;
using static Workbook.Core.Charts.ChartParts;

namespace Workbook.Core.Episodes.Ep13CircuitBreakers;

/// <summary>The figures of episode 13 — the mathematics of circuit breakers.</summary>
/// <remarks>
/// Built from <see cref="TripThreshold"/>, <see cref="EwmaMath"/>, <see cref="EwmaRunLength"/> and
/// <see cref="HalfOpenRecovery"/>; the one random trace uses a fixed seed.
/// </remarks>
public static class Episode13Figures
{
    private const double BaselineFailureRate = 0.05;
    private const double Alpha = 0.01;

    // Titles state the finding (the headline of the chart too); conditions and computed numbers are in each
    // chart's subtitle, and every claim is checked against the data by Episode13FiguresTests.
    private const string PowerCurvesTitle = "A bigger window tells a degraded service from a 5 % baseline more sharply";
    private const string EwmaStepTitle = "An EWMA chart flags a jump from 5 % to 15 % failures within a few observations";
    private const string DetectionDelayTitle = "Smaller κ makes false alarms far rarer and detection only a little slower";
    private const string RecoveryTradeOffTitle = "Faster back-off wastes fewer probes on a broken service but closes later";
    private const string WindowKindsTitle = "Count windows trip sooner as traffic grows; time windows take the same seconds";
    private const string EquationBuilderTitle = "A stricter false-trip budget α needs more failures to trip";

    /// <summary>The figures of episode 13, in the order the episode will show them.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep13.power-curves", 13, PowerCurvesTitle,
            "Probability of tripping against the true failure rate, for windows of several sizes at a 1 % false-trip budget.",
            "Line chart of the probability of tripping (0 to 1) against the true failure rate p, for windows of 20, 50, 100 and 500 calls (long-dashed, dash-dot, dashed and solid lines), each with the failure count that keeps false trips at the 1 % budget. A dotted vertical line marks the 5 % baseline. All curves start near 0 at the baseline and rise to 1; the larger the window, the steeper the rise.",
            PowerCurves),
        new("ep13.ewma-step", 13, EwmaStepTitle,
            "A seeded trace of the failure fraction, its EWMA and the exact time-varying control limit.",
            "Scatter and line chart of the failure fraction per 20 calls against observation number t. Markers are the seeded observations, a solid line their EWMA with weight 0.2, a dashed line the exact time-varying upper control limit, and a dotted vertical line at t = 100 where the true failure rate steps from 5 % to 15 %. Cross-shaped signal markers show one false alarm at t = 24 and detection of the step at t = 106.",
            EwmaStep),
        new("ep13.detection-delay", 13, DetectionDelayTitle,
            "Average run length of an EWMA chart after a step change, by the Markov-chain method.",
            "Line chart of the average run length of an EWMA chart in observations, on a log scale from 1 to about 1,800, against the smoothing weight kappa from 0.05 to 1, with limit width L = 3 and 20 calls per observation. The top, solid line, with no change, falls steeply as kappa grows: false alarms come much sooner. The lines for a change from 5 % to 10 % (dashed) and from 5 % to 20 % failures (dotted) stay low and change little, so a smaller kappa costs only a little detection delay.",
            DetectionDelay),
        new("ep13.recovery-tradeoff", 13, RecoveryTradeOffTitle,
            "Geometric probe schedules: expected delay from recovery to closing against probes sent to a still-broken service; outage ~ Exp(mean τ = 300 s), a probe after recovery succeeds with probability q = 0.7.",
            "Scatter chart with a dotted connecting line: each labelled marker is a geometric probe schedule (first wait 5 s, cap 120 s, different growth factors), placed at the expected number of probes sent to the still-broken service (x, 0 to 75) and the expected delay from recovery to closing in seconds (y, about 5 to 105). Schedules that back off faster send fewer probes but close later; the points fall from upper left to lower right.",
            RecoveryTradeOff),
        new("ep13.window-kinds", 13, WindowKindsTitle,
            "Detection delay of a total outage against the request rate, for the default windows of resilience4j, Polly and Hystrix, exact and simulated.",
            "Line chart on log-log axes of the time to trip in seconds (about 0.02 to 160) against the request rate in requests per second (1 to 1,000) when every call fails from time 0, for the default breakers of Hystrix (last 10 s), Polly (last 30 s) and resilience4j (last 100 calls); lines are exact (solid for Hystrix, dashed for Polly, dotted for resilience4j), markers are simulations with Poisson calls (circles, squares and diamonds in the same order) and lie on the lines. The count window of resilience4j trips sooner as traffic grows, falling in proportion to 1 over the rate; the two time windows level off at a fixed number of seconds, about 5 s for Hystrix and 3 s for Polly.",
            WindowKinds),
        new("ep13.equation-builder", 13, EquationBuilderTitle,
            "Probability of tripping for a window of n calls, one line per false-trip budget α at a 5 % baseline: a slider over n in the notebook and HTML; an image shows the n its subtitle names.",
            "Line chart of the probability of tripping (0 to 1) against the true failure rate p, for a window of n calls and a 5 % baseline. Three lines are the false-trip budgets alpha = 0.001 (solid), 0.01 (dashed) and 0.05 (dotted), each named in the legend with its failure threshold and actual false-trip probability; n runs from 10 to 1,000 calls (chosen with a slider in the notebook and HTML, named in an image's subtitle). The stricter the budget, the higher the threshold and the further right its curve.",
            EquationBuilder),
    ];

    private static GenericChart PowerCurves()
    {
        var rates = Steps(0, 0.5, 0.005);
        // A dash per window as well as a colour: the larger the window, the more solid its line.
        (int Window, string Colour, StyleParam.DrawingStyle Dash)[] windows =
        [
            (20, Palette.Orange, StyleParam.DrawingStyle.LongDash),
            (50, Palette.SkyBlue, StyleParam.DrawingStyle.DashDot),
            (100, Palette.BluishGreen, StyleParam.DrawingStyle.Dash),
            (500, Palette.Blue, StyleParam.DrawingStyle.Solid),
        ];
        var lines = windows.Select(w =>
        {
            var k = TripThreshold.CriticalFailureCount(w.Window, BaselineFailureRate, Alpha);
            var curve = TripThreshold.PowerCurve(w.Window, k, rates);
            return Line(curve.Select(p => p.FailureRate), curve.Select(p => p.TripProbability),
                $"n = {w.Window} (trip when failures > {k})", w.Colour, 3, w.Dash);
        });
        var baseline = Line([BaselineFailureRate, BaselineFailureRate], [0, 1], "baseline failure rate 5 %", Palette.Black, 1.5, dash: StyleParam.DrawingStyle.Dot);
        return ChartStyle.Apply(CSharpChart.Combine([.. lines, baseline]), Headline(PowerCurvesTitle, "probability of tripping against the true failure rate, false-trip budget α = 1 %"),
            "true failure rate p (ratio)", "probability of tripping (ratio)");
    }

    private static GenericChart EwmaStep()
    {
        const int calls = 20;
        const int stepAt = 100;
        const double degraded = 0.15;
        var chart = new EwmaChartOptions(lambda: 0.2, limitWidth: 3, timeVaryingLimits: true);
        var sigma = EwmaMath.FailureFractionStandardDeviation(BaselineFailureRate, calls);
        var random = new Xoshiro256StarStar(13);
        var observations = Enumerable.Range(1, 160).ToArray();
        var fractions = new List<double>();
        var ewma = new List<double>();
        var upper = new List<double>();
        var z = BaselineFailureRate;
        foreach (var t in observations)
        {
            var p = t <= stepAt ? BaselineFailureRate : degraded;
            var failures = Enumerable.Range(0, calls).Count(_ => random.NextDouble() < p);
            var fraction = (double)failures / calls;
            z = EwmaMath.Next(z, fraction, chart.Lambda);
            fractions.Add(fraction);
            ewma.Add(z);
            upper.Add(chart.UpperLimit(BaselineFailureRate, sigma, t));
        }

        var x = observations.Select(t => (double)t).ToArray();
        var signals = observations.Where(t => ewma[t - 1] > upper[t - 1]).ToArray();
        var firstAlarm = signals.First(t => t > stepAt);
        var falseAlarm = signals.FirstOrDefault(t => t <= stepAt);
        var traces = CSharpChart.Combine(
        [
            CSharpChart.Point<double, double, string>(x, fractions, Name: $"failure fraction per {calls} calls", MarkerColor: Color.fromString(Palette.LightGrey)),
            Line(x, ewma, "EWMA (κ = 0.2)", Palette.Blue, 3),
            Line(x, upper, "upper control limit (exact, time-varying)", Palette.Vermillion, 2, dash: StyleParam.DrawingStyle.Dash),
            Line([stepAt, stepAt], [0, 0.4], $"failure rate steps 5 % → {(degraded * 100).ToString("0", CultureInfo.InvariantCulture)} %", Palette.Black, 1.5, dash: StyleParam.DrawingStyle.Dot),
            CSharpChart.Point<double, double, string>(signals.Select(t => (double)t), signals.Select(t => ewma[t - 1]),
                Name: "signal: EWMA above the limit", MarkerColor: Color.fromString(Palette.Vermillion),
                MarkerSymbol: StyleParam.MarkerSymbol.NewModified(StyleParam.MarkerSymbol.X, StyleParam.SymbolStyle.Dot)),
        ]);
        var detail = falseAlarm == 0
            ? $"seeded trace: the step at t = {stepAt} is flagged at t = {firstAlarm}"
            : $"seeded trace: false alarm at t = {falseAlarm}; the step at t = {stepAt} flagged at t = {firstAlarm}";
        return ChartStyle.Apply(traces, Headline(EwmaStepTitle, detail),
            "observation t (count)", "failure fraction (ratio)");
    }

    private static GenericChart DetectionDelay()
    {
        const int calls = 20;
        var lambdas = Steps(0.05, 1.0, 0.05);
        (double Rate, string Name, string Colour, StyleParam.DrawingStyle Dash)[] cases =
        [
            (0.05, "no change (false alarms)", Palette.Grey, StyleParam.DrawingStyle.Solid),
            (0.10, "failure rate 5 % → 10 %", Palette.Blue, StyleParam.DrawingStyle.Dash),
            (0.20, "failure rate 5 % → 20 %", Palette.Vermillion, StyleParam.DrawingStyle.Dot),
        ];
        var runLengths = cases.Select(c =>
            lambdas.Select(l => EwmaRunLength.MarkovChain(new EwmaChartOptions(lambda: l, limitWidth: 3), BaselineFailureRate, c.Rate, calls, states: 400).Observations).ToArray()).ToArray();
        var lines = cases.Zip(runLengths, (c, y) => Line(lambdas, y, c.Name, c.Colour, 3, c.Dash));
        var styled = ChartStyle.Apply(CSharpChart.Combine(lines), Headline(DetectionDelayTitle, "average run length of an EWMA chart (L = 3, b = 20)"),
            "smoothing weight κ (ratio)", "average run length (observations, log scale)");
        // The range runs from 1 (the shortest possible run) to above the longest, so every series sits between ticks.
        return LogAxis(styled, "yaxis", 1, Math.Pow(10, Math.Ceiling(Math.Log10(runLengths.SelectMany(y => y).Max()) * 4) / 4));
    }

    private static GenericChart RecoveryTradeOff()
    {
        const double meanOutageSeconds = 300;
        const double probeSuccess = 0.7;
        double[] growth = [1.0, 1.25, 1.5, 2.0, 3.0];
        var baseSchedule = new ProbeSchedule(initialWaitSeconds: 5, maximumWaitSeconds: 120);
        var points = HalfOpenRecovery.TradeOff(baseSchedule, growth, meanOutageSeconds, probeSuccess);
        var trace = CSharpChart.Point<double, double, string>(
            points.Select(p => p.Expectation.MeanProbesWhileBroken),
            points.Select(p => p.Expectation.MeanDetectionDelaySeconds),
            Name: "schedules: first wait 5 s, cap 120 s",
            MultiText: new Optional<IEnumerable<string>>(points.Select(p => "growth × " + p.GrowthFactor.ToString("0.##", CultureInfo.InvariantCulture)).ToArray(), true),
            TextPosition: StyleParam.TextPosition.TopRight,
            MarkerColor: Color.fromString(Palette.Blue));
        var withLine = CSharpChart.Combine(
        [
            Line(points.Select(p => p.Expectation.MeanProbesWhileBroken), points.Select(p => p.Expectation.MeanDetectionDelaySeconds), "trade-off", Palette.Blue, 1.5, dash: StyleParam.DrawingStyle.Dot),
            trace,
        ]);
        var styled = ChartStyle.Apply(withLine, Headline(RecoveryTradeOffTitle, "geometric probe schedules (τ = 300 s, q = 0.7)"),
            "probes sent to the broken service (count)", "delay from recovery to closing (s)");
        return styled.WithXAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 75));
    }

    private static GenericChart WindowKinds()
    {
        var rates = Enumerable.Range(0, 61).Select(i => Math.Pow(10, i / 20.0)).ToArray();
        // Each library has a colour, a line dash and a marker symbol, so colour is never the only cue.
        (string Colour, StyleParam.DrawingStyle Dash, string Symbol)[] styles =
        [
            (Palette.Vermillion, StyleParam.DrawingStyle.Solid, "circle-open"),
            (Palette.Blue, StyleParam.DrawingStyle.Dash, "square-open"),
            (Palette.BluishGreen, StyleParam.DrawingStyle.Dot, "diamond-open"),
        ];
        var traces = new List<GenericChart>();
        var allDelays = new List<double>();
        foreach (var (library, (colour, dash, symbol)) in CircuitBreakerDefaults.Libraries.Zip(styles))
        {
            var condition = CircuitBreakerDefaults.TripConditionFor(library);
            var window = condition.WindowKind == SlidingWindowKind.CountBased ? $"last {condition.WindowSize} calls" : $"last {condition.WindowSize} s";
            var delays = rates.Select(rate => BreakerTripMath.DetectionDelayAllFailures(condition, rate))
                .Select(d => d.Trips ? d.Seconds.Value : double.NaN).ToArray();
            traces.Add(Line(rates, delays, $"{library} ({window}), exact", colour, 3, dash));

            double[] simulatedRates = [5, 20, 100, 500];
            var simulated = simulatedRates.Select((rate, i) =>
                SlidingWindowSimulation.DetectionDelay(condition, rate, 0.0, 1.0, ArrivalProcess.Poisson, runs: 200, seed: 1300 + i).Mean);
            var simulatedDelays = simulated.ToArray();
            traces.Add(Points(simulatedRates, simulatedDelays, $"{library}, Poisson calls, simulated", colour, symbol));
            allDelays.AddRange(delays.Where(double.IsFinite).Concat(simulatedDelays));
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces),
            Headline(WindowKindsTitle, "every call fails from time 0; the default breaker of each library"),
            "request rate λ (requests/s, log scale)", "time to trip (s, log scale)");
        // Half a decade of room on the y axis beyond the data, so no point sits on the frame.
        var withX = LogAxis(styled, "xaxis", rates[0], rates[^1]);
        return LogAxis(withX, "yaxis", allDelays.Min() / Math.Sqrt(10), allDelays.Max() * Math.Sqrt(10));
    }

    private static GenericChart EquationBuilder()
    {
        int[] windows = [10, 20, 50, 100, 200, 500, 1000];
        (double Alpha, string Colour, StyleParam.DrawingStyle Dash)[] budgets =
        [
            (0.001, Palette.BluishGreen, StyleParam.DrawingStyle.Solid),
            (0.01, Palette.Blue, StyleParam.DrawingStyle.Dash),
            (0.05, Palette.Vermillion, StyleParam.DrawingStyle.Dot),
        ];
        const int active = 3;
        var rates = Steps(0, 0.4, 0.0025);
        var traces = new List<GenericChart>();
        foreach (var (n, i) in windows.Select((n, i) => (n, i)))
        {
            var visible = i == active ? StyleParam.Visible.True : StyleParam.Visible.False;
            foreach (var (alpha, colour, dash) in budgets)
            {
                var k = TripThreshold.CriticalFailureCount(n, BaselineFailureRate, alpha);
                var falseTrip = TripThreshold.ExceedanceProbability(n, BaselineFailureRate, k);
                var curve = TripThreshold.PowerCurve(n, k, rates);
                var name = string.Create(CultureInfo.InvariantCulture, $"α = {alpha:0.###}: trip if X > {k}, actual false trip {falseTrip:0.####}");
                traces.Add(Line(curve.Select(p => p.FailureRate), curve.Select(p => p.TripProbability), name, colour, 3, dash).WithTraceInfo(Visible: visible));
            }
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(EquationBuilderTitle, "P(X > k | p) for a window of n calls, baseline p₀ = 5 %"),
            "true failure rate p (ratio)", "probability of tripping (ratio)");
        return WithSlider(styled, windows, budgets.Length, active, "window n (calls): ");
    }
}
