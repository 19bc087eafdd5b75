using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using static Workbook.Core.Charts.ChartParts;
using Workbook.Core.Episodes.Ep01SpeedOfLight.Errata;
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
        [Medium.Vacuum.Name] = Palette.SkyBlue,
        [Medium.MicrowaveAir.Name] = Palette.Blue,
        [Medium.HollowCoreFiber.Name] = Palette.BluishGreen,
        [Medium.StandardFiber.Name] = Palette.Vermillion,
        [Medium.CopperTwistedPair.Name] = Palette.ReddishPurple,
    };

    // Titles state the finding (the headline of the chart too); the numbers behind them are in each
    // chart's subtitle, computed, and every claim is checked against the data by Episode01FiguresTests.
    private const string LatencyVsDistanceTitle = "No measured route beats the physical floor of its medium";
    private const string MeasuredVsFloorTitle = "Dedicated links run close to their physical floor; the public Internet does not";
    private const string LatencyBreakdownTitle = "The cable's longer path and the routers explain most of the time above the floor";
    private const string TimeToFirstByteTitle = "A new HTTPS connection waits 1 to 4 round trips for its first byte";
    private const string BudgetReachTitle = "A 100 ms round trip in fiber reaches only half-way to the other side of the Earth";
    private const string EquationBuilderTitle = "Round-trip time grows in proportion to the route stretch";

    /// <summary>The figures of episode 1, in the order the episode shows them.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep01.latency-vs-distance", 1, LatencyVsDistanceTitle,
            "The physical floor for each medium, with measured routes (sources in data/latency/measured-rtt.csv).",
            "Line chart of round-trip time in milliseconds (0 to 450) against great-circle distance in kilometres (0 to 20,000). Five straight lines from the origin give the physical floor of each medium, each with its own line style: vacuum a thick solid band, microwave through air thick dots and hollow-core fiber dashes, all three on top of each other; standard fiber long dashes and copper, just above it, long dash-dots; a dash-dot line is standard fiber times 2.1, the Internet rule of thumb. Markers for measured dedicated cables (diamonds), public Internet paths (circles) and a microwave link (a square) all lie on or above the floor of their own medium; the public Internet paths reach up to 1.92 times the fiber floor.",
            LatencyVsDistance),
        new("ep01.measured-vs-floor", 1, MeasuredVsFloorTitle,
            "Each measured route next to the fastest its own medium could be on its great circle: fiber for cables and the Internet, air for the microwave link.",
            "Horizontal bar chart, one pair of bars per measured route (from, to, year and link): a hatched bar for the physical floor on the great circle for that route's own medium (fiber for cables and the Internet, air for the microwave link) and a plain bar for the measured round-trip time in milliseconds, 0 to 320; each measured bar is labelled with its ratio to its own floor. Every measured bar is longer than its floor: the modern cable by 7 to 8 %, the microwave link by 15 %, public Internet paths by 37 to 92 %.",
            MeasuredVsFloor),
        new("ep01.latency-breakdown", 1, LatencyBreakdownTitle,
            "The seed sketch against the corrected model (M/D/1 queueing at each hop), component by component, above the fiber floor; " +
            "the longer path comes from the cable's published length (data/latency/cable-lengths.csv). Router numbers are the seed's, illustrative.",
            "Stacked bar chart of the New York to London round-trip time above the 54.7 ms fiber floor, in milliseconds (0 to 5), for the seed sketch and the corrected model. Components, each with its own fill, are the longer path from the cable's published length (plain), router processing (diagonal hatching), serialization (dotted; a few microseconds, too thin to see, so its value is written above each bar) and queueing (cross-hatched). Two reference lines mark the measured 3.84 ms (2024) and 4.24 ms (2015) above the floor; the longer path and processing explain 2.3 of the 3.8 ms.",
            LatencyBreakdown),
        new("ep01.time-to-first-byte", 1, TimeToFirstByteTitle,
            "Handshake and request round trips of a new connection, per protocol stack, at the measured New York–London round trip of the " +
            "EXA Express cable (58.55 ms); RFC 9293, RFC 5246, RFC 8446, RFC 9000.",
            "Horizontal stacked bar chart, one bar per protocol stack, of the time from the client's first packet to the first byte of the response in milliseconds (0 to 330) at the 58.55 ms New York to London round trip. Segments are the TCP handshake (plain), the TLS or QUIC handshake (diagonal hatching) and the request to the first byte (dotted). QUIC with 0-RTT takes 1 round trip (58.6 ms); QUIC and TCP with TLS 1.3 0-RTT take 2 (117.1 ms); TCP with TLS 1.3 takes 3 (175.7 ms) and TCP with TLS 1.2 takes 4 (234.2 ms).",
            TimeToFirstByte),
        new("ep01.budget-reach", 1, BudgetReachTitle,
            "Farthest great-circle distance reachable and back within a budget, by medium.",
            "Line chart of the farthest great-circle distance reachable and back, in kilometres (0 to 30,000), against the round-trip budget in milliseconds (0 to 200), one straight line per medium, each with its own line style: vacuum a thick solid band, microwave through air thick dots and hollow-core fiber dashes, all three on top of each other; standard fiber long dashes and copper, just below it, long dash-dots; plus a dash-dot line for fiber with the Internet's 2.1 stretch. A thin dash-dot-dot horizontal line marks the other side of the Earth at 20,015 km and a thin dotted vertical line the 100 ms budget: in standard fiber 100 ms reaches 10,210 km, about half of the 20,015 km to the other side of the Earth, which needs 196 ms (134 ms in vacuum).",
            BudgetReach),
        new("ep01.equation-builder", 1, EquationBuilderTitle,
            "The fiber round trip for one route stretch s at a time against the measured routes, which stay put: a slider over s in the notebook and HTML; an image shows the s its subtitle names.",
            "Line chart of round-trip time in milliseconds against great-circle distance in kilometres. A dotted line is the vacuum floor and markers are the measured routes; one straight fiber line is drawn for one route stretch from 1.0 to 3.0 (chosen with a slider in the notebook and HTML, named in an image's subtitle), RTT = 2 times distance times stretch times 1.4682 divided by the speed of light, whose slope grows in proportion to the stretch.",
            EquationBuilder),
    ];

    private static GenericChart LatencyVsDistance()
    {
        var distances = Steps(0, 20000, 200);
        var lines = Medium.All.Select(m => MediumLine(m, distances, distances.Select(d => Propagation.RoundTripMs(d, m))));
        var stretched = Line(distances,
            distances.Select(d => Propagation.RoundTripMs(d * RouteOptions.TypicalInternetStretch, Medium.StandardFiber)),
            $"fiber × {RouteOptions.TypicalInternetStretch.ToString(CultureInfo.InvariantCulture)} (Internet rule of thumb)",
            MediumColours[Medium.StandardFiber.Name], dash: StretchDash);
        var chart = CSharpChart.Combine([.. lines, stretched, .. MeasuredPoints()]);
        var worstInternet = LatencyData.MeasuredRoutes.Where(r => r.Path == TransmissionPath.PublicInternet).Max(r => r.RatioToFiberLimit);
        var styled = ChartStyle.Apply(chart,
            Headline(LatencyVsDistanceTitle, $"round-trip time against distance; public Internet paths up to {Ms(worstInternet, "0.00")}× the fiber floor"),
            "great-circle distance (km)", "round-trip time (ms)");
        var top = Propagation.RoundTripMs(distances[^1] * RouteOptions.TypicalInternetStretch, Medium.StandardFiber);
        return FromZero(styled, distances[^1], Math.Ceiling(top / 50) * 50);
    }

    private static GenericChart MeasuredVsFloor()
    {
        // Horizontal bars read best with long route names; reversed so the first route is on top.
        var routes = LatencyData.MeasuredRoutes.Reverse().ToArray();
        var labels = routes.Select(Label).ToArray();
        static Medium OwnMedium(MeasuredRoute r) => r.Path == TransmissionPath.Microwave ? Medium.MicrowaveAir : Medium.StandardFiber;
        static string FloorName(MeasuredRoute r) => r.Path == TransmissionPath.Microwave ? "air" : "fiber";
        double RatioToOwnFloor(MeasuredRoute r) => r.RttMs / r.PhysicalLimitRoundTripMs(OwnMedium(r));
        var floor = CSharpChart.Bar<double, string, string>(
            routes.Select(r => r.PhysicalLimitRoundTripMs(OwnMedium(r))),
            Keys: labels, Name: "physical floor on the great circle (fiber; air for microwave)", MarkerColor: Color.fromString(Palette.LightGrey),
            MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending);
        var measured = CSharpChart.Bar<double, string, string>(routes.Select(r => r.RttMs), Keys: labels, Name: "measured",
            MarkerColor: Color.fromString(Palette.Blue),
            MultiText: Texts(routes.Select(r => $"{RatioToOwnFloor(r).ToString("0.00", CultureInfo.InvariantCulture)}× its {FloorName(r)} floor")),
            TextPosition: StyleParam.TextPosition.Outside);
        // Room right of the longest bar for its label, also on a square image.
        var chart = CSharpChart.Combine([floor, measured]).WithXAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 320));
        string Above(Func<MeasuredRoute, bool> which)
        {
            var ratios = routes.Where(which).Select(r => (RatioToOwnFloor(r) - 1) * 100).ToArray();
            var (low, high) = (Ms(ratios.Min(), "0"), Ms(ratios.Max(), "0"));
            return low == high ? $"{low} %" : $"{low}–{high} %";
        }

        var modernCable = routes.First(r => r.Path == TransmissionPath.FiberCable && r.Year >= 2015).Link;
        var styled = AutoMarginY(ChartStyle.Apply(chart,
            Headline(MeasuredVsFloorTitle,
                $"above its own floor: the modern cable {Above(r => r.Link == modernCable)}, microwave {Above(r => r.Path == TransmissionPath.Microwave)}, the public Internet {Above(r => r.Path == TransmissionPath.PublicInternet)}"),
            "round-trip time (ms)", "route (from–to, year; link)"));
        var layout = new Layout();
        layout.SetProperty("barmode", "group");
        layout.SetProperty("margin", new { l = 300, r = 30, t = 100, b = 70 });
        layout.SetProperty("legend", new { orientation = "h", x = 0, y = -0.15 });
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 120);
    }

    private static GenericChart LatencyBreakdown()
    {
        // What each model adds on top of the fiber floor over the great circle, round trip.
        var newYork = LatencyData.City("New York");
        var london = LatencyData.City("London");
        var km = Geodesic.VincentyKm(newYork.Location, london.Location);
        var floorMs = Propagation.RoundTripMs(km, Medium.StandardFiber);
        var seed = SeedLatencySketch.RealWorld(km);
        var cable = LatencyData.CableLengths.Single(c => c.Cable.Contains("EXA Express", StringComparison.Ordinal));
        var cableStretch = cable.ShortestPathKm(newYork, london) / km;
        RouteOptions Routers(double routeStretch) => new(
            routeStretch: routeStretch,
            hops: seed.Hops,
            processingPerHopMicroseconds: SeedLatencySketch.SeedProcessingPerHopMicroseconds,
            linkUtilisation: SeedLatencySketch.SeedUtilisation,
            hopQueue: HopQueueModel.MD1);
        var greatCircle = RouteLatency.Compute(km, Routers(1.0));
        var throughCable = RouteLatency.Compute(km, Routers(cableStretch));

        string[] scenarios =
        [
            $"seed sketch<br>({seed.Hops} hops, counted once)",
            $"corrected, {seed.Hops} hops,<br>great-circle path",
            $"corrected, {seed.Hops} hops, path<br>through the published cable",
        ];
        // Each component has its own fill pattern as well as its colour (the legend shows both).
        (string Name, string Colour, StyleParam.PatternShape Pattern, double[] Values)[] parts =
        [
            ("longer path (published cable length)", Palette.Vermillion, StyleParam.PatternShape.None, [seed.PhysicalMs - floorMs, 2 * greatCircle.PropagationMs - floorMs, 2 * throughCable.PropagationMs - floorMs]),
            ("processing", Palette.Orange, StyleParam.PatternShape.DiagonalAscending, [seed.RoutingMs, 2 * greatCircle.ProcessingMs, 2 * throughCable.ProcessingMs]),
            (SerializationName, Palette.BluishGreen, StyleParam.PatternShape.Dots, [seed.SerializationMs, 2 * greatCircle.SerializationMs, 2 * throughCable.SerializationMs]),
            ("queueing", Palette.SkyBlue, StyleParam.PatternShape.DiagonalChecked, [seed.QueueingMs, 2 * greatCircle.QueueingMs, 2 * throughCable.QueueingMs]),
        ];
        var bars = parts.Select(p => CSharpChart.StackedColumn<double, string, string>(p.Values, Keys: scenarios, Name: p.Name,
            MarkerColor: Color.fromString(p.Colour), MarkerPatternShape: p.Pattern));
        var cableRows = LatencyData.MeasuredRoutes
            .Where(r => r.From == newYork && r.To == london && r.Path == TransmissionPath.FiberCable)
            .OrderBy(r => r.RttMs)
            .ToArray();
        var gap = cableRows[0].RttMs - floorMs;
        var explained = throughCable.RoundTripMs - floorMs;
        var chart = CSharpChart.Combine(bars).WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 5));
        var styled = ChartStyle.Apply(chart,
            Headline(LatencyBreakdownTitle,
                $"New York–London: {Ms(explained, "0.0")} of the {Ms(gap, "0.0")} ms above the {Ms(floorMs, "0.0")} ms fiber floor, by component"),
            "model (name)", "round-trip time above the fiber floor (ms)");
        // Serialization is a few microseconds per hop: too thin to see as a bar, so each column states it.
        var serialization = parts.Single(p => p.Name == SerializationName).Values;
        var totals = scenarios.Select((_, i) => parts.Sum(p => p.Values[i])).ToArray();
        var layout = new Layout();
        layout.SetProperty("barmode", "stack");
        layout.SetProperty("margin", new { l = 80, r = 30, t = 100, b = 150 });
        layout.SetProperty("legend", new { orientation = "h", x = 0, y = -0.3, traceorder = "normal" });
        layout.SetProperty("shapes", cableRows.Select((r, i) => (object)new
        {
            type = "line", xref = "paper", x0 = 0, x1 = 1, y0 = r.RttMs - floorMs, y1 = r.RttMs - floorMs,
            line = new { color = Palette.Black, width = 2, dash = i == 0 ? "dot" : "dash" },
        }).ToArray());
        layout.SetProperty("annotations", cableRows.Select(r => (object)new
        {
            xref = "paper", x = 0, xanchor = "left", y = r.RttMs - floorMs, yanchor = "bottom", showarrow = false,
            text = $"measured {r.Year} ({(r.Year == 2015 ? "as Hibernia Express, upper bound" : "as EXA Express")}): {Ms(r.RttMs - floorMs, "0.00")} ms above the floor",
        }).Concat(scenarios.Select((s, i) => (object)new
        {
            x = s, y = totals[i], yanchor = "bottom", showarrow = false,
            text = $"serialization: {Ms(serialization[i] * 1000, "0")} µs",
            font = new { color = SerializationTextColour },
        })).ToArray());
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 80);
    }

    private const string SerializationName = "serialization (too thin to see: value above each bar)";

    /// <summary>A darker <see cref="Palette.BluishGreen"/> for text on white (contrast 5.3 : 1 instead of 3.3 : 1).</summary>
    private const string SerializationTextColour = "#007A5A";

    private static GenericChart TimeToFirstByte()
    {
        // Round trips of a new connection before the first byte of the response, for each stack.
        var rttMs = LatencyData.MeasuredRoutes.Single(r => r.Route.Contains("EXA Express (formerly", StringComparison.Ordinal)).RttMs;
        (ConnectionSetup Setup, string Label)[] stacks =
        [
            (ConnectionSetup.QuicZeroRtt, "QUIC, 0-RTT"),
            (ConnectionSetup.Quic, "QUIC"),
            (ConnectionSetup.TcpTls13ZeroRtt, "TCP + TLS 1.3, 0-RTT"),
            (ConnectionSetup.TcpTls13, "TCP + TLS 1.3"),
            (ConnectionSetup.TcpTls12, "TCP + TLS 1.2"),
        ];
        static int TcpRoundTrips(ConnectionSetup setup) => setup is ConnectionSetup.Quic or ConnectionSetup.QuicZeroRtt ? 0 : 1;
        var labels = stacks.Select(s => s.Label).ToArray();
        // Each segment has its own fill pattern as well as its colour (the legend shows both).
        (string Name, string Colour, StyleParam.PatternShape Pattern, double[] Values)[] parts =
        [
            ("TCP handshake", Palette.Orange, StyleParam.PatternShape.None, stacks.Select(s => TcpRoundTrips(s.Setup) * rttMs).ToArray()),
            ("TLS or QUIC handshake", Palette.SkyBlue, StyleParam.PatternShape.DiagonalAscending, stacks.Select(s => (ConnectionLatency.HandshakeRoundTrips(s.Setup) - TcpRoundTrips(s.Setup)) * rttMs).ToArray()),
            ("request → first byte of the response", Palette.BluishGreen, StyleParam.PatternShape.Dots, stacks.Select(_ => rttMs).ToArray()),
        ];
        var bars = parts.Select(p => CSharpChart.StackedBar<double, string, string>(p.Values, Keys: labels, Name: p.Name,
            MarkerColor: Color.fromString(p.Colour), MarkerPatternShape: p.Pattern));
        var totals = stacks.Select(s => ConnectionLatency.TimeToFirstByteMs(rttMs, s.Setup)).ToArray();
        // Room right of the longest bar for its total, also on a square image.
        var chart = CSharpChart.Combine(bars).WithXAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, 330));
        var styled = AutoMarginY(ChartStyle.Apply(chart,
            Headline(TimeToFirstByteTitle,
                $"New York–London: {Ms(totals[0], "0")} ms with 0-RTT QUIC, {Ms(totals[1], "0")} ms with QUIC or {NoBreak("TCP + TLS 1.3 0-RTT")}, {Ms(totals[3], "0")}–{Ms(totals[4], "0")} ms with a full TCP and TLS handshake"),
            "time from the client's first packet (ms)", "protocol stack (name)"));
        var layout = new Layout();
        layout.SetProperty("barmode", "stack");
        layout.SetProperty("margin", new { l = 250, r = 30, t = 100, b = 160 });
        layout.SetProperty("legend", new { orientation = "h", x = 0, y = -0.32, traceorder = "normal" });
        layout.SetProperty("annotations", stacks.Select((s, i) => (object)new
        {
            x = totals[i], y = s.Label, xanchor = "left", showarrow = false,
            text = $" {Ms(totals[i], "0.0")} ms = {ConnectionLatency.RoundTripsToFirstByte(s.Setup)} RTT",
        }).ToArray());
        return Plotly.NET.Chart.withLayout(layout).Invoke(styled).WithSize(ChartStyle.Width, ChartStyle.Height + 60);
    }

    /// <summary>Joins the words with no-break spaces, so a wrapped subtitle keeps the protocol name on one line.</summary>
    private static string NoBreak(string words) => words.Replace(' ', '\u00A0');

    /// <summary>Lets plotly widen the left margin for long category labels and put the axis title beyond them.</summary>
    private static GenericChart AutoMarginY(GenericChart chart)
    {
        if (GenericChart.getLayout(chart).TryGetPropertyValue("yaxis") is { } value && value.Value is DynamicObj.DynamicObj axis)
        {
            axis.SetProperty("automargin", true);
            if (axis.TryGetPropertyValue("title") is { } title && title.Value is DynamicObj.DynamicObj titleObject)
            {
                titleObject.SetProperty("standoff", 20);
            }
        }

        return chart;
    }

    /// <summary>
    /// Both axes start exactly at 0: the thick floor lines start at the origin, and plotly's automatic range
    /// pads below it, so half their width would dip below zero.
    /// </summary>
    private static GenericChart FromZero(GenericChart chart, double xMax, double yMax) =>
        chart.WithXAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, xMax))
            .WithYAxisStyle<double, double, string>(MinMax: new Tuple<double, double>(0, yMax));

    private static string Ms(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static GenericChart BudgetReach()
    {
        var budgets = Steps(0, 200, 2);
        var lines = Medium.All.Select(m => MediumLine(m, budgets, budgets.Select(b => Propagation.MaxOneWayDistanceKm(b, m))));
        var internet = Line(budgets,
            budgets.Select(b => Propagation.MaxOneWayDistanceKm(b, Medium.StandardFiber) / RouteOptions.TypicalInternetStretch),
            "fiber, Internet rule of thumb (× 2.1)", MediumColours[Medium.StandardFiber.Name], dash: StretchDash);
        // The two reference lines are thin and black, with dash patterns no series uses: dash-dot-dot and fine dots.
        var antipode = Line([0, 200], [HalfCircumferenceKm, HalfCircumferenceKm], "the other side of the Earth (20,015 km)", Palette.Black, 1.5,
            dash: StyleParam.DrawingStyle.NewUser([10, 4, 2, 4, 2, 4]));
        var budget = Line([100, 100], [0, 30000], "100 ms budget", Palette.Black, 1.5, dash: StyleParam.DrawingStyle.NewUser([1, 4]));
        var chart = CSharpChart.Combine([.. lines, internet, antipode, budget]);
        var fiberReach100 = Propagation.MaxOneWayDistanceKm(100, Medium.StandardFiber);
        var antipodeFiberMs = Propagation.RoundTripMs(HalfCircumferenceKm, Medium.StandardFiber);
        var antipodeVacuumMs = Propagation.RoundTripMs(HalfCircumferenceKm, Medium.Vacuum);
        var styled = ChartStyle.Apply(chart,
            Headline(BudgetReachTitle,
                $"100 ms reaches {fiberReach100.ToString("#,##0", CultureInfo.InvariantCulture)} km in fiber; " +
                $"the other side of the Earth needs {Ms(antipodeFiberMs, "0")} ms ({Ms(antipodeVacuumMs, "0")} ms in vacuum)"),
            "round-trip budget (ms)", "farthest great-circle distance (km)");
        return FromZero(styled, budgets[^1], 30000);
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
        var ng = (1 / Medium.StandardFiber.VelocityFactor).ToString("0.0000", CultureInfo.InvariantCulture);
        var styled = ChartStyle.Apply(chart, Headline(EquationBuilderTitle, $"RTT = 2 · D · s · n_g / c   (n_g = {ng}, s = route stretch)"), "great-circle distance (km)", "round-trip time (ms)");
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
        marker.SetProperty("color", Palette.Black);
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
        var link = route.Link ?? "public Internet";
        var year = route.Year is { } y ? $", {y.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{route.From.Name}–{route.To.Name}{year}{suffix}<br>{link}";
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

        return Line(x, y, name, MediumColours[medium.Name], width, dash: MediumDashes[medium.Name]);
    }

    /// <summary>
    /// Each medium has its own dash as well as its colour, so colour is never the only cue: the three nested
    /// ≈ vacuum lines read as a solid band, thick dots and dashes on top; standard fiber long dashes, and copper,
    /// which nearly coincides with it (velocity factors 0.66 and 0.68), long dash-dots.
    /// </summary>
    private static readonly Dictionary<string, StyleParam.DrawingStyle> MediumDashes = new(StringComparer.Ordinal)
    {
        [Medium.Vacuum.Name] = StyleParam.DrawingStyle.Solid,
        [Medium.MicrowaveAir.Name] = StyleParam.DrawingStyle.Dot,
        [Medium.HollowCoreFiber.Name] = StyleParam.DrawingStyle.Dash,
        [Medium.StandardFiber.Name] = StyleParam.DrawingStyle.LongDash,
        [Medium.CopperTwistedPair.Name] = StyleParam.DrawingStyle.LongDashDot,
    };

    /// <summary>The fiber line with the Internet's 2.1 stretch: dash-dot, unlike every medium's own line.</summary>
    private static readonly StyleParam.DrawingStyle StretchDash = StyleParam.DrawingStyle.DashDot;

    private static Optional<IEnumerable<string>> Texts(IEnumerable<string> texts) => new(texts.ToArray(), true);
}
