using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using static Workbook.Core.Charts.ChartParts;
using Workbook.Core.Physics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep01SpeedOfLight;

/// <summary>The figures of episode 1 — the speed of light — in the order the episode shows them.</summary>
/// <remarks>
/// Every figure is built from the library's own models and the sourced data in
/// <c>data/latency/</c>; nothing here is typed in by hand, so the figure and the notebook's tables
/// always agree. The notebook shows a figure with <c>FigureCatalog.Get(id).Build()</c>.
/// </remarks>
public static class Episode01Figures
{
    /// <summary>Half the Earth's mean circumference: the farthest any two places can be, in km.</summary>
    public const double HalfCircumferenceKm = Math.PI * GreatCircle.MeanEarthRadiusKm;

    private static readonly Dictionary<string, string> MediumColours = new(StringComparer.Ordinal)
    {
        [Medium.Vacuum.Name] = "#1f77b4",
        [Medium.MicrowaveAir.Name] = "#17becf",
        [Medium.HollowCoreFiber.Name] = "#2ca02c",
        [Medium.StandardFiber.Name] = "#d62728",
        [Medium.CopperTwistedPair.Name] = "#8c564b",
    };

    /// <summary>The figures of episode 1, in the order the episode shows them.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep01.latency-vs-distance", 1, "Round-trip time against distance",
            "The physical floor for each medium, with measured routes (sources in data/latency/measured-rtt.csv).", LatencyVsDistance),
        new("ep01.measured-vs-floor", 1, "Measured round trips against the fiber floor",
            "Each measured route next to the fastest a fiber on its great circle could be.", MeasuredVsFloor),
        new("ep01.latency-breakdown", 1, "What a New York–London round trip adds to the floor",
            "The seed sketch against the corrected model, component by component, above the fiber floor.", LatencyBreakdown),
        new("ep01.budget-reach", 1, "How far a request can go in a round-trip budget",
            "Farthest great-circle distance reachable and back within a budget, by medium.", BudgetReach),
        new("ep01.equation-builder", 1, "Equation builder: fiber round trip with route stretch",
            "Drag the slider to change the route stretch; the measured routes stay put.", EquationBuilder),
    ];

    private static GenericChart LatencyVsDistance()
    {
        var distances = Steps(0, 20000, 200);
        var lines = Medium.All.Select(m => MediumLine(m, distances, distances.Select(d => Propagation.RoundTripMs(d, m))));
        var stretched = Line(distances,
            distances.Select(d => Propagation.RoundTripMs(d * RouteOptions.TypicalInternetStretch, Medium.StandardFiber)),
            $"fiber × {RouteOptions.TypicalInternetStretch.ToString(CultureInfo.InvariantCulture)} (Internet rule of thumb)",
            MediumColours[Medium.StandardFiber.Name], dash: StyleParam.DrawingStyle.Dash);
        var chart = CSharpChart.Combine([.. lines, stretched, .. MeasuredPoints()]);
        return ChartStyle.Apply(chart, "Round-trip time against great-circle distance", "great-circle distance (km)", "round-trip time (ms)");
    }

    private static GenericChart MeasuredVsFloor()
    {
        // Horizontal bars read best with long route names; reversed so the first route is on top.
        var routes = LatencyData.MeasuredRoutes.Reverse().ToArray();
        var labels = routes.Select(Label).ToArray();
        var floor = CSharpChart.Bar<double, string, string>(
            routes.Select(r => r.PhysicalLimitRoundTripMs(r.Path == TransmissionPath.Microwave ? Medium.MicrowaveAir : Medium.StandardFiber)),
            Keys: labels, Name: "physical floor on the great circle (fiber; air for microwave)", MarkerColor: Color.fromString("#9e9e9e"));
        var measured = CSharpChart.Bar<double, string, string>(routes.Select(r => r.RttMs), Keys: labels, Name: "measured",
            MarkerColor: Color.fromString("#d62728"),
            MultiText: Texts(routes.Select(r => $"{r.RatioToFiberLimit.ToString("0.00", CultureInfo.InvariantCulture)}× fiber floor")),
            TextPosition: StyleParam.TextPosition.Outside);
        var chart = CSharpChart.Combine([floor, measured]).WithXAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 250));
        var styled = ChartStyle.Apply(chart, "Measured round trips against the physical floor", "round-trip time (ms)", "route (name)");
        var layout = new Layout();
        layout.SetProperty("barmode", "group");
        layout.SetProperty("margin", new { l = 330, r = 30, t = 70, b = 70 });
        layout.SetProperty("legend", new { orientation = "h", x = 0, y = -0.15 });
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 120);
    }

    private static GenericChart LatencyBreakdown()
    {
        // What each model adds on top of the fiber floor over the great circle, round trip.
        const double km = 5585;
        var floorMs = Propagation.RoundTripMs(km, Medium.StandardFiber);
        var seed = SeedLatencySketch.RealWorld(km);
        var hops = SeedLatencySketch.Hops(km);
        RouteLatencyOf(1.0, out var sameHops);
        RouteLatencyOf(1.07, out var stretched);
        void RouteLatencyOf(double stretch, out Physics.LatencyBreakdown breakdown) =>
            breakdown = RouteLatency.Compute(km, new RouteOptions
            {
                RouteStretch = stretch,
                Hops = hops,
                ProcessingPerHopMicroseconds = SeedLatencySketch.SeedProcessingPerHopMicroseconds,
                LinkUtilisation = SeedLatencySketch.SeedUtilisation,
            });

        string[] scenarios = ["seed sketch", $"corrected,<br>same {hops} hops", "corrected,<br>route stretch 1.07"];
        (string Name, string Colour, double[] Values)[] parts =
        [
            ("longer path (route stretch)", "#d62728", [seed.PhysicalMs - floorMs, 2 * sameHops.PropagationMs - floorMs, 2 * stretched.PropagationMs - floorMs]),
            ("processing", "#ff7f0e", [seed.RoutingMs, 2 * sameHops.ProcessingMs, 2 * stretched.ProcessingMs]),
            ("serialization", "#2ca02c", [seed.SerializationMs, 2 * sameHops.SerializationMs, 2 * stretched.SerializationMs]),
            ("queueing", "#9467bd", [seed.QueueingMs, 2 * sameHops.QueueingMs, 2 * stretched.QueueingMs]),
        ];
        var bars = parts.Select(p => CSharpChart.StackedColumn<double, string, string>(p.Values, Keys: scenarios, Name: p.Name,
            MarkerColor: Color.fromString(p.Colour)));
        var exa = LatencyData.MeasuredRoutes.Single(r => r.Route.Contains("EXA", StringComparison.Ordinal));
        var gap = exa.RttMs - floorMs;
        var chart = CSharpChart.Combine(bars);
        var styled = ChartStyle.Apply(chart,
            $"New York–London: added on top of the {floorMs.ToString("0.0", CultureInfo.InvariantCulture)} ms fiber floor",
            "model (name)", "round-trip time above the floor (ms)");
        var layout = new Layout();
        layout.SetProperty("barmode", "stack");
        layout.SetProperty("shapes", new object[]
        {
            new { type = "line", xref = "paper", x0 = 0, x1 = 1, y0 = gap, y1 = gap, line = new { color = "#000000", width = 2, dash = "dot" } },
        });
        layout.SetProperty("annotations", new object[]
        {
            new { xref = "paper", x = 0, xanchor = "left", y = gap, yanchor = "bottom", showarrow = false,
                text = $"measured EXA Express cable: {gap.ToString("0.00", CultureInfo.InvariantCulture)} ms above the floor" },
        });
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled);
    }

    private static GenericChart BudgetReach()
    {
        var budgets = Steps(0, 200, 2);
        var lines = Medium.All.Select(m => MediumLine(m, budgets, budgets.Select(b => Propagation.MaxOneWayDistanceKm(b, m))));
        var internet = Line(budgets,
            budgets.Select(b => Propagation.MaxOneWayDistanceKm(b, Medium.StandardFiber) / RouteOptions.TypicalInternetStretch),
            "fiber, Internet rule of thumb (× 2.1)", MediumColours[Medium.StandardFiber.Name], dash: StyleParam.DrawingStyle.Dash);
        var antipode = Line([0, 200], [HalfCircumferenceKm, HalfCircumferenceKm], "the other side of the Earth (20,015 km)", "#000000", dash: StyleParam.DrawingStyle.Dot);
        var budget = Line([100, 100], [0, 30000], "100 ms budget", "#7f7f7f", dash: StyleParam.DrawingStyle.DashDot);
        var chart = CSharpChart.Combine([.. lines, internet, antipode, budget]);
        return ChartStyle.Apply(chart, "Farthest reachable distance for a round-trip budget", "round-trip budget (ms)", "farthest great-circle distance (km)");
    }

    private static GenericChart EquationBuilder()
    {
        var distances = Steps(0, 20000, 500);
        var stretches = Enumerable.Range(10, 21).Select(i => i / 10.0).ToArray();
        const int active = 0;
        var stretchLines = stretches.Select((s, i) =>
            Line(distances, distances.Select(d => Propagation.RoundTripMs(d * s, Medium.StandardFiber)),
                    "fiber, stretch " + s.ToString("0.0", CultureInfo.InvariantCulture), MediumColours[Medium.StandardFiber.Name])
                .WithTraceInfo(Visible: i == active ? StyleParam.Visible.True : StyleParam.Visible.False)).ToArray();
        var vacuum = Line(distances, distances.Select(d => Propagation.RoundTripMs(d, Medium.Vacuum)), "vacuum floor", MediumColours[Medium.Vacuum.Name], dash: StyleParam.DrawingStyle.Dot);
        var measured = MeasuredPoints().ToArray();
        GenericChart[] fixedTraces = [vacuum, .. measured];

        var steps = stretches.Select((s, i) => new
        {
            method = "restyle",
            label = s.ToString("0.0", CultureInfo.InvariantCulture),
            args = new object[]
            {
                new { visible = fixedTraces.Select(_ => true).Concat(stretches.Select((_, j) => j == i)).ToArray() },
            },
        }).ToArray();
        var chart = CSharpChart.Combine([.. fixedTraces, .. stretchLines]);
        var styled = ChartStyle.Apply(chart, "RTT = 2 · d · stretch · n_g / c   (n_g = 1.4682)", "great-circle distance (km)", "round-trip time (ms)");
        var layout = new Layout();
        layout.SetProperty("sliders", new object[]
        {
            new
            {
                active,
                currentvalue = new { prefix = "route stretch: " },
                pad = new { t = 60 },
                steps,
            },
        });
        layout.SetProperty("margin", new { l = 80, r = 30, t = 70, b = 150 });
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 80);
    }

    private static IEnumerable<GenericChart> MeasuredPoints()
    {
        (TransmissionPath Path, string Name, string Symbol)[] groups =
        [
            (TransmissionPath.FiberCable, "measured: dedicated cable", "diamond"),
            (TransmissionPath.PublicInternet, "measured: public Internet", "circle"),
            (TransmissionPath.Microwave, "measured: microwave link", "square"),
        ];
        foreach (var (path, name, symbol) in groups)
        {
            var routes = LatencyData.MeasuredRoutes.Where(r => r.Path == path).ToArray();
            yield return CSharpChart.Point<double, double, string>(
                routes.Select(r => r.GreatCircleKm), routes.Select(r => r.RttMs), Name: name,
                MultiText: Texts(routes.Select(Label)), Marker: PointMarker(symbol));
        }
    }

    private static Plotly.NET.TraceObjects.Marker PointMarker(string symbol)
    {
        var marker = new Plotly.NET.TraceObjects.Marker();
        marker.SetProperty("size", 11);
        marker.SetProperty("color", "#000000");
        marker.SetProperty("symbol", symbol);
        return marker;
    }

    private static string Label(MeasuredRoute route)
    {
        var suffix = route.Bound switch
        {
            RttBound.Upper => " (upper bound)",
            RttBound.RangeLow => " (range low)",
            RttBound.RangeHigh => " (range high)",
            _ => "",
        };
        return $"{route.From.Name}–{route.To.Name}, {route.Path switch
        {
            TransmissionPath.FiberCable => "cable",
            TransmissionPath.PublicInternet => "Internet",
            _ => "microwave",
        }}{suffix}";
    }

    /// <summary>
    /// Vacuum, air and hollow-core fiber differ by under 0.3 %, so their lines coincide. They are
    /// drawn as nested lines — widest first — so all three stay visible.
    /// </summary>
    private static GenericChart MediumLine(Medium medium, IEnumerable<double> x, IEnumerable<double> y)
    {
        var width = medium == Medium.Vacuum ? 9.0 : medium == Medium.MicrowaveAir ? 5.0 : 2.5;
        var name = medium.VelocityFactor > 0.99 ? $"{medium.Name} (≈ vacuum)" : medium.Name;
        if (medium == Medium.Vacuum)
        {
            name = medium.Name;
        }

        return CSharpChart.Line<double, double, string>(x, y, Name: name, LineColor: Color.fromString(MediumColours[medium.Name]), LineWidth: width);
    }

    private static Optional<IEnumerable<string>> Texts(IEnumerable<string> texts) => new(texts.ToArray(), true);
}
