using System.Globalization;
using CSharpChart = Plotly.NET.CSharp.Chart;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;
using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;
using static Workbook.Core.Charts.ChartParts;

namespace Workbook.Core.Episodes.Ep19Queueing;

/// <summary>The figures of episode 19 — Little's law, queueing models and capacity planning.</summary>
/// <remarks>
/// Closed forms come from <see cref="MMcQueue"/> and <see cref="QueueApproximations"/>; every
/// simulated point comes from <see cref="QueueSimulator"/> with a fixed seed, so a figure is the
/// same every time it is built.
/// </remarks>
public static class Episode19Figures
{
    private const int SimulatedCustomers = 200_000;

    /// <summary>How close a simulated tail must be to the exact one to count as agreeing: within 20 %.</summary>
    public const double TailAgreement = 0.2;

    // Titles state the finding (the headline of the chart too); conditions and computed numbers are in each
    // chart's subtitle, and every claim is checked against the data by Episode19FiguresTests.
    private const string FactorialBreaksTitle = "The textbook Erlang C formula breaks down once A^c overflows a double";
    private const string WaitingTimeDistributionTitle = "Simulation matches the exact M/M/10 response tail to 10⁻⁴, the wait tail only to 10⁻²";
    private const string HockeyStickTitle = "Latency explodes past 80 % utilisation on one server; ten servers hold out longer";
    private const string PercentilesVsServersTitle = "More servers fix the p99 wait but never bring the p99 response under 50 ms";
    private const string LoadSensitivityTitle = "A tight plan is fragile: 0.2 % more traffic triples the p99 wait";
    private const string ApproximationErrorTitle = "Allen–Cunneen's mean-wait error is largest at moderate load, smallest near ρ = 0.9";
    private const string EquationBuilderTitle = "The more servers, the closer to the limit λ = c/S response time stays flat";

    /// <summary>The figures of episode 19, in the order the episode shows them.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep19.factorial-breaks", 19, FactorialBreaksTitle,
            "P(wait) from the textbook formula (c! and A^c in floating point) against the stable recurrence, at 90 % utilisation.",
            "Line chart of the probability of waiting (axis 0 to about 0.95) against the number of servers c (1 to 300) at 90 % utilisation. The stable Erlang B recurrence gives a smooth thick curve that falls from 0.9 at one server to about 0.05 at 300; the textbook formula with c factorial and A to the power c in floating point, a dashed line on top of it, matches it up to c = 145 and breaks off at c = 146, where A to the power c passes 10 to the 308.",
            FactorialBreaks),
        new("ep19.waiting-time-distribution", 19, WaitingTimeDistributionTitle,
            "Exact waiting and response time tails of M/M/10 at 90 % load against a seeded simulation of 500,000 requests; the subtitle states how deep each tail agrees within 20 %.",
            "Line and scatter chart of the probability of exceeding a time t, on a log scale from 1 down to 10 to the minus 6, against t in seconds, for M/M/10 at 90 % load. Lines are the exact tails of the wait (solid) and of the response time (dashed); markers are a seeded simulation of 500,000 requests (circles for the wait, squares for the response). Simulation and exact tails agree within 20 % down to a probability of 10 to the minus 4 for the response time (as far as its tail is drawn, to about 6 times 10 to the minus 5), but only down to 10 to the minus 2 for the wait, whose simulated tail runs 30 to 45 % high below that, then falls away and stops before 10 to the minus 4.",
            WaitingTimeDistribution),
        new("ep19.hockey-stick", 19, HockeyStickTitle,
            "Mean response time of M/M/1 and M/M/10 against utilisation, with simulated means and 95 % intervals.",
            "Line chart of the mean response time in service times (0 to 12) against utilisation rho from 0 to 1, for M/M/1 and M/M/10; lines are exact (solid for M/M/1, dashed for M/M/10), markers are simulated means with 95 % intervals (circles for M/M/1, squares for M/M/10) that lie on the lines. Both curves stay flat, then rise steeply: from rho = 0.8 to 0.9 the mean response goes from 5.0 to 10.0 service times on one server and from 1.2 to 1.7 on ten.",
            HockeyStick),
        new("ep19.percentiles-vs-servers", 19, PercentilesVsServersTitle,
            "50,000 requests/s at 20 ms mean service (1,000 erlangs): waiting and response percentiles by server count.",
            "Line chart of time in milliseconds (0 to 150) against the number of servers c, at 50,000 requests per second and 20 ms mean service. Lines are the p99 wait (solid) and p99.9 wait (dashed), the p99 response with exponential service (long dashes) and the p50 response (dotted); a dash-dot horizontal line is the SLO of 50 ms on the p99 response. The p99 wait drops to 30 ms at 1,003 servers, but the p99 response stays above 92 ms up to 1,060 servers, never under the SLO.",
            PercentilesVsServers),
        new("ep19.load-sensitivity", 19, LoadSensitivityTitle,
            "p99 wait against arrival rate at 1,003 and 1,010 servers, 20 ms service: exact for exponential service, a proven bound for constant service.",
            "Line chart of the p99 wait in milliseconds (0 to 200) against the arrival rate in requests per second near 50,000: the exact M/M/1003 value, a dashed proven bound for constant service (M/D/1003), and a dotted M/M/1010 line, with a dash-dot SLO line at 30 ms. Two markers show that at 1,003 servers going from 50,000 to 50,100 requests per second, 0.2 % more traffic, takes the p99 wait from 30 to 91 ms; 1,010 servers stay far below the SLO.",
            LoadSensitivity),
        new("ep19.approximation-error", 19, ApproximationErrorTitle,
            "Relative error of the G/G/c approximation of the mean wait, with the simulation's 95 % interval.",
            "Line chart with markers of the relative error of the Allen-Cunneen approximation of the mean wait, in percent, against utilisation rho, for ten servers: M/M/10 (the exact case, circles, near zero), M/D/10 (squares) and H2/M/10 (triangles) at or below zero (the approximation is too low) and lognormal service (diamonds) above zero (too high), with a dotted zero line and 95 % simulation intervals. The errors are largest at moderate load and smallest near rho = 0.9.",
            ApproximationError),
        new("ep19.equation-builder", 19, EquationBuilderTitle,
            "Mean and p99 response time of M/M/c against the arrival rate, for one number of servers c at a time: a slider in the notebook and HTML; an image shows the c its subtitle names.",
            "Line chart of the response time in milliseconds (0 to 1,500) against the arrival rate in requests per second, for M/M/c with a 100 ms mean service time. For one number of servers c from 1 to 16 (chosen with a slider in the notebook and HTML, named in an image's subtitle) it shows the mean (solid) and the p99 response (dashed) for that c. Both stay nearly flat and then climb steeply just before the capacity limit of c divided by 0.1 s; the more servers, the longer the curves stay flat.",
            EquationBuilder),
    ];

    private static readonly Lazy<IReadOnlyList<ApproximationErrorPoint>> ApproximationErrorPoints = new(ComputeApproximationErrors);

    /// <summary>
    /// The data of <c>ep19.approximation-error</c>: Allen–Cunneen against a seeded simulation (400,000
    /// requests each) for four G/G/10 queues at ρ = 0.5 … 0.9, so that the notebook can print the
    /// errors its text quotes. Computed once per process.
    /// </summary>
    public static IReadOnlyList<ApproximationErrorPoint> ApproximationErrors() => ApproximationErrorPoints.Value;

    private static GenericChart FactorialBreaks()
    {
        const double utilisation = 0.9;
        var servers = Enumerable.Range(1, 300).ToArray();
        var stable = servers.Select(c => ErlangFormulas.ErlangC(c, utilisation * c)).ToArray();
        var textbook = servers.Select(c => TextbookErlangC.ProbabilityOfWaiting(c, utilisation * c)).ToArray();
        // Plotly leaves gaps for NaN; the textbook series simply stops where double overflows.
        var chart = CSharpChart.Combine(
        [
            Line(servers.Select(c => (double)c), stable, "stable: Erlang B recurrence", Palette.SkyBlue, 6),
            Line(servers.Select(c => (double)c), textbook.Select(v => double.IsFinite(v) ? v : double.NaN), "textbook: c! and A^c in double", Palette.Vermillion, 2.5, dash: StyleParam.DrawingStyle.Dash),
        ]);
        var firstBroken = servers.First(c => !double.IsFinite(textbook[c - 1]));
        return ChartStyle.Apply(chart, Headline(FactorialBreaksTitle, $"at 90 % utilisation it breaks at c = {firstBroken}, where A^c passes 10^308"),
            "servers c (count)", "probability of waiting (ratio)");
    }

    private static GenericChart WaitingTimeDistribution()
    {
        var queue = new MMcQueue(arrivalRatePerSecond: 9, meanServiceTimeSeconds: 1, servers: 10);
        var exact = (MMcSteadyState)queue.Analyze();
        var simulation = QueueSimulator.Run(new PoissonArrivals(9), new ExponentialService(1),
            new QueueSimulationOptions(servers: 10, customers: 500_000, warmUpCustomers: 20_000, seed: 19, keepSamples: true));
        var times = Steps(0, 12, 0.25);
        var exactWait = times.Select(exact.WaitingTime.ComplementaryCdf).ToArray();
        var exactResponse = times.Select(exact.ResponseTime.ComplementaryCdf).ToArray();
        var simulatedWait = times.Select(t => simulation.Waits!.FractionAbove(t)).ToArray();
        var simulatedResponse = times.Select(t => simulation.ResponseTimes!.FractionAbove(t)).ToArray();
        var chart = CSharpChart.Combine(
        [
            Line(times, exactWait, "P(wait > t), exact", Palette.Blue, 3),
            Line(times, exactResponse, "P(response > t), exact", Palette.Vermillion, 3, dash: StyleParam.DrawingStyle.Dash),
            Points(times, simulatedWait, "P(wait > t), simulated", Palette.Blue),
            Points(times, simulatedResponse, "P(response > t), simulated", Palette.Vermillion, symbol: "square-open"),
        ]);
        var (waitDepth, responseDepth) = (AgreementDepth(exactWait, simulatedWait), AgreementDepth(exactResponse, simulatedResponse));
        var styled = ChartStyle.Apply(chart,
            Headline(WaitingTimeDistributionTitle,
                string.Create(CultureInfo.InvariantCulture,
                    $"M/M/10 at 90 % load: 500,000 simulated requests agree within {TailAgreement * 100:0} % down to {PowerOfTen(-waitDepth)} for the wait, {PowerOfTen(-responseDepth)} for the response")),
            "time t (s)", "probability of exceeding t (ratio, log scale)");
        var smallest = exactWait.Concat(exactResponse).Where(p => p > 0).Min();
        return LogAxis(styled, "yaxis", Math.Pow(10, Math.Floor(Math.Log10(smallest))), 1.2);
    }

    private static GenericChart HockeyStick()
    {
        var utilisations = Steps(0.02, 0.96, 0.02);
        double[] simulated = [0.3, 0.5, 0.7, 0.8, 0.9];
        var traces = new List<GenericChart>();
        // One server: solid line and circles; ten: dashed line and squares (colour is never the only cue).
        foreach (var (servers, colour, dash, symbol) in new[] { (1, Palette.Vermillion, StyleParam.DrawingStyle.Solid, "circle-open"), (10, Palette.Blue, StyleParam.DrawingStyle.Dash, "square-open") })
        {
            traces.Add(Line(utilisations,
                utilisations.Select(rho => ((MMcSteadyState)new MMcQueue(rho * servers, 1, servers).Analyze()).MeanResponseTimeSeconds),
                $"M/M/{servers}, exact", colour, 3, dash));
            var results = simulated.Select((rho, i) => QueueSimulator.Run(new PoissonArrivals(rho * servers), new ExponentialService(1),
                new QueueSimulationOptions(servers: servers, customers: SimulatedCustomers, warmUpCustomers: 20_000, seed: 1900 + 10 * servers + i))).ToArray();
            traces.Add(PointsWithErrors(simulated, results.Select(r => r.MeanResponseTime.Mean), results.Select(r => r.MeanResponseTime.HalfWidth),
                $"M/M/{servers}, simulated (95 % interval)", colour, symbol: symbol));
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(HockeyStickTitle, string.Create(CultureInfo.InvariantCulture,
                $"mean response at ρ = 0.8 → 0.9: {MeanResponse(1, 0.8):0.0} → {MeanResponse(1, 0.9):0.0} service times on one server, {MeanResponse(10, 0.8):0.0} → {MeanResponse(10, 0.9):0.0} on ten")),
            "utilisation ρ (ratio)", "mean response time (service times)");
        return styled.WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 12));
    }

    private static double MeanResponse(int servers, double utilisation) =>
        ((MMcSteadyState)new MMcQueue(utilisation * servers, 1, servers).Analyze()).MeanResponseTimeSeconds;

    private static GenericChart PercentilesVsServers()
    {
        var baseQueue = new MMcQueue(SeedScenarios.ChallengeArrivalRatePerSecond, SeedScenarios.ChallengeMeanServiceTimeSeconds, 1001);
        var servers = Enumerable.Range(1001, 60).ToArray();
        var states = servers.Select(c => (MMcSteadyState)baseQueue.WithServers(c).Analyze()).ToArray();
        var x = servers.Select(c => (double)c).ToArray();
        var chart = CSharpChart.Combine(
        [
            Line(x, states.Select(s => 1000 * s.WaitingTime.PercentileSeconds(0.99)), "p99 wait", Palette.Blue, 3),
            Line(x, states.Select(s => 1000 * s.WaitingTime.PercentileSeconds(0.999)), "p99.9 wait", Palette.Blue, 1.5, dash: StyleParam.DrawingStyle.Dash),
            Line(x, states.Select(s => 1000 * s.ResponseTime.PercentileSeconds(0.99)), "p99 response (exponential service)", Palette.Vermillion, 3, dash: StyleParam.DrawingStyle.LongDash),
            Line(x, states.Select(s => 1000 * s.ResponseTime.PercentileSeconds(0.5)), "p50 response", Palette.Vermillion, 1.5, dash: StyleParam.DrawingStyle.Dot),
            Line([x[0], x[^1]], [1000 * SeedScenarios.ChallengeP99ResponseTimeSeconds, 1000 * SeedScenarios.ChallengeP99ResponseTimeSeconds], "SLO: p99 response ≤ 50 ms", Palette.Black, 2, dash: StyleParam.DrawingStyle.DashDot),
        ]);
        var enough = servers.First(c => states[c - servers[0]].WaitingTime.PercentileSeconds(0.99) <= 0.030);
        var styled = ChartStyle.Apply(chart, Headline(PercentilesVsServersTitle, string.Create(CultureInfo.InvariantCulture,
                $"p99 wait ≤ 30 ms from {enough:N0} servers; p99 response stays above {1000 * states.Min(s => s.ResponseTime.PercentileSeconds(0.99)):0} ms up to {servers[^1]:N0}")),
            "servers c (count)", "time (ms)");
        return styled.WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 150));
    }

    private static GenericChart ApproximationError()
    {
        var styles = new Dictionary<string, (string Colour, string Symbol)>
        {
            ["M/M/10 (exact case)"] = (Palette.Grey, "circle-open"),
            ["M/D/10"] = (Palette.Blue, "square-open"),
            ["M/LN/10, service SCV 4"] = (Palette.Orange, "diamond-open"),
            ["H2/M/10, arrival SCV 4"] = (Palette.Vermillion, "triangle-up-open"),
        };
        var traces = ApproximationErrors().GroupBy(p => p.Model)
            .Select(g => PointsWithErrors(g.Select(p => p.Utilisation), g.Select(p => p.ErrorPercent), g.Select(p => p.ErrorHalfWidthPercent), g.Key, styles[g.Key].Colour, lines: true, symbol: styles[g.Key].Symbol))
            .ToList();
        traces.Add(Line([0.48, 0.92], [0, 0], "no error", Palette.Black, 1, dash: StyleParam.DrawingStyle.Dot));
        var points = ApproximationErrors();
        bool Significant(ApproximationErrorPoint p, int sign) => sign * p.ErrorPercent > p.ErrorHalfWidthPercent;
        var holdsUpTo = points.Select(p => p.Utilisation).Distinct().Order()
            .TakeWhile(rho => points.Where(p => p.Utilisation == rho).All(p => p.Model switch
            {
                "M/D/10" or "H2/M/10, arrival SCV 4" => Significant(p, -1),
                "M/LN/10, service SCV 4" => Significant(p, +1),
                _ => true,
            }))
            .DefaultIfEmpty(double.NaN).Max();
        var subtitle = double.IsNaN(holdsUpTo)
            ? "c = 10: the signs of the errors are within the simulation's 95 % interval"
            : string.Create(CultureInfo.InvariantCulture, $"c = 10: too low for M/D and H2, too high for lognormal service, beyond the 95 % interval for ρ ≤ {holdsUpTo:0.0}");
        return ChartStyle.Apply(CSharpChart.Combine(traces), Headline(ApproximationErrorTitle, subtitle),
            "utilisation ρ (ratio)", "approximation error (%)");
    }

    private static IReadOnlyList<ApproximationErrorPoint> ComputeApproximationErrors()
    {
        const int servers = 10;
        double[] utilisations = [0.5, 0.6, 0.7, 0.8, 0.9];
        var scenarios = new (string Name, Func<double, int, QueueSimulationResult> Simulate, double ArrivalScv, double ServiceScv)[]
        {
            ("M/M/10 (exact case)", (rate, seed) => Simulate(new PoissonArrivals(rate), new ExponentialService(1), seed), 1, 1),
            ("M/D/10", (rate, seed) => Simulate(new PoissonArrivals(rate), new DeterministicService(1), seed), 1, 0),
            ("M/LN/10, service SCV 4", (rate, seed) => Simulate(new PoissonArrivals(rate), new LognormalService(1, 4), seed), 1, 4),
            ("H2/M/10, arrival SCV 4", (rate, seed) => Simulate(new HyperexponentialArrivals(rate, 4), new ExponentialService(1), seed), 4, 1),
        };
        var points = new List<ApproximationErrorPoint>();
        foreach (var (scenario, index) in scenarios.Select((s, i) => (s, i)))
        {
            foreach (var (rho, j) in utilisations.Select((r, j) => (r, j)))
            {
                var rate = rho * servers;
                var simulated = scenario.Simulate(rate, 1900 + 100 * index + j).MeanWait;
                var approx = QueueApproximations.AllenCunneenMeanWaitSeconds(rate, 1, servers, scenario.ArrivalScv, scenario.ServiceScv);
                points.Add(new ApproximationErrorPoint(
                    scenario.Name,
                    rho,
                    approx,
                    simulated,
                    100 * (approx - simulated.Mean) / simulated.Mean,
                    100 * approx * simulated.HalfWidth / (simulated.Mean * simulated.Mean)));
            }
        }

        return points;

        static QueueSimulationResult Simulate<TA, TS>(TA arrivals, TS service, int seed)
            where TA : struct, IArrivalProcess
            where TS : struct, IServiceDistribution =>
            QueueSimulator.Run(arrivals, service, new QueueSimulationOptions(servers: servers, customers: 400_000, warmUpCustomers: 40_000, seed: seed));
    }

    private static GenericChart LoadSensitivity()
    {
        const double s = SeedScenarios.ChallengeMeanServiceTimeSeconds;
        var rates = Steps(49_500, 50_140, 5);
        double MMcP99Ms(double rate, int c) => 1000 * ((MMcSteadyState)new MMcQueue(rate, s, c).Analyze()).WaitingTime.PercentileSeconds(0.99);
        double MDcBoundMs(double rate, int c) => 1000 * new MDcWaitingTimeBound(rate, s, c).PercentileBoundSeconds(0.99);
        var (planned, busier) = (SeedScenarios.ChallengeArrivalRatePerSecond, SeedScenarios.ChallengeArrivalRatePerSecond * 1.002);
        var chart = CSharpChart.Combine(
        [
            Line(rates, rates.Select(r => MMcP99Ms(r, 1003)), "M/M/1003: exact p99 wait", Palette.Vermillion, 3),
            Line(rates, rates.Select(r => MDcBoundMs(r, 1003)), "M/D/1003: proven bound on the p99 wait", Palette.Blue, 3, dash: StyleParam.DrawingStyle.Dash),
            Line(rates, rates.Select(r => MMcP99Ms(r, 1010)), "M/M/1010: exact p99 wait", Palette.Grey, 2, dash: StyleParam.DrawingStyle.Dot),
            Points([planned, busier], [MMcP99Ms(planned, 1003), MMcP99Ms(busier, 1003)], "M/M/1003 at 50,000 and 50,100 req/s", Palette.Vermillion),
            Line([rates[0], rates[^1]], [30, 30], "SLO: p99 wait ≤ 30 ms", Palette.Black, 2, dash: StyleParam.DrawingStyle.DashDot),
        ]);
        var title = Headline(LoadSensitivityTitle, string.Create(CultureInfo.InvariantCulture,
            $"at 1,003 servers, {planned:N0} → {busier:N0} requests/s takes the p99 wait from {MMcP99Ms(planned, 1003):F0} to {MMcP99Ms(busier, 1003):F0} ms"));
        var styled = ChartStyle.Apply(chart, title, "arrival rate λ (requests/s)", "p99 wait (ms)");
        return styled.WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 200));
    }

    /// <summary>
    /// The largest k such that the exact tail reaches 10⁻ᵏ on the grid and at every time where it is at least
    /// 10⁻ᵏ the simulated tail is within <see cref="TailAgreement"/> of it, relatively: how deep the simulation
    /// can be trusted, never deeper than the data shown.
    /// </summary>
    public static int AgreementDepth(IReadOnlyList<double> exact, IReadOnlyList<double> simulated)
    {
        var depth = 0;
        while (exact.Min() <= Math.Pow(10, -(depth + 1)) && Enumerable.Range(0, exact.Count)
                   .Where(i => exact[i] >= Math.Pow(10, -(depth + 1)))
                   .All(i => Math.Abs(simulated[i] / exact[i] - 1) <= TailAgreement))
        {
            depth++;
        }

        return depth;
    }

    private static GenericChart EquationBuilder()
    {
        const double meanServiceSeconds = 0.1;
        var serverCounts = Enumerable.Range(1, 16).ToArray();
        const int active = 3;
        var traces = new List<GenericChart>();
        foreach (var (c, i) in serverCounts.Select((c, i) => (c, i)))
        {
            var rates = Steps(0.2, 0.98 * c / meanServiceSeconds, 0.98 * c / meanServiceSeconds / 120);
            var states = rates.Select(r => (MMcSteadyState)new MMcQueue(r, meanServiceSeconds, c).Analyze()).ToArray();
            var visible = i == active ? StyleParam.Visible.True : StyleParam.Visible.False;
            traces.Add(Line(rates, states.Select(s => 1000 * s.MeanResponseTimeSeconds), $"mean response, c = {c}", Palette.Blue, 3).WithTraceInfo(Visible: visible));
            traces.Add(Line(rates, states.Select(s => 1000 * s.ResponseTime.PercentileSeconds(0.99)), $"p99 response, c = {c}", Palette.Vermillion, 3, dash: StyleParam.DrawingStyle.Dash).WithTraceInfo(Visible: visible));
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(EquationBuilderTitle, "M/M/c with S = 100 ms: mean and p99 response time for c servers"),
            "arrival rate λ (requests/s)", "response time (ms)");
        return WithSlider(styled, serverCounts, 2, active, "servers c: ")
            .WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 1500));
    }
}
