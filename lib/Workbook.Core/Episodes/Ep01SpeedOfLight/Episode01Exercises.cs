using Workbook.Core.Exercises;
using Workbook.Core.Physics;
using Workbook.Core.Queueing;

namespace Workbook.Core.Episodes.Ep01SpeedOfLight;

/// <summary>
/// Episode 1 — the speed of light. Every reference solution is the library function the notebook
/// teaches, so a case's expected value always agrees with the derivation shown beside it.
/// </summary>
public static class Episode01Exercises
{
    private const double C = PhysicalConstants.SpeedOfLightMetersPerSecond;
    private const double FiberGroupIndex = 1.4682;

    /// <summary>All episode 1 exercises, in notebook order.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new()
        {
            Id = "ep01.fiber-one-way",
            Title = "One-way delay in standard fiber",
            Track = Track.Beginner,
            Signature = "double FiberOneWayMs(double distanceKm)",
            Reference = (Func<double, double>)(distanceKm => Propagation.OneWayDelayMs(distanceKm, Medium.StandardFiber)),
            Cases = [[0.0], [1.0], [640.0], [5585.0], [12063.0]],
            Hints =
            [
                "Light in fiber travels at c / n_g, where n_g = 1.4682 is the group index of standard single-mode fiber at 1550 nm.",
                "time = distance / speed: convert km to m, and seconds to milliseconds.",
            ],
            KnownMistakes =
            [
                new("speed of light in vacuum", (Func<double, double>)(km => km * 1e3 / C * 1e3),
                    "That is the delay in vacuum. In glass light is slower: divide c by the group index 1.4682."),
                new("round trip", (Func<double, double>)(km => 2 * km * 1e3 / (C / FiberGroupIndex) * 1e3),
                    "That is the round trip. The question asks for one way."),
                new("seconds, or kilometres used as metres", (Func<double, double>)(km => km * 1e3 / (C / FiberGroupIndex)),
                    "Your answer is 1/1000 of the expected value: either it is in seconds (multiply by 1000 for milliseconds) or the distance stayed in km while c is in m/s (multiply km by 1000)."),
                new("multiplied speed by n", (Func<double, double>)(km => km * 1e3 / (C * FiberGroupIndex) * 1e3),
                    "Fiber is slower than vacuum, so the speed is c / n_g, not c × n_g."),
            ],
        },
        new()
        {
            Id = "ep01.round-trip",
            Title = "Round-trip time for any medium",
            Track = Track.Beginner,
            Signature = "double RoundTripMs(double distanceKm, double velocityFactor)",
            Reference = (Func<double, double, double>)((distanceKm, velocityFactor) =>
                Propagation.RoundTripMs(distanceKm, Medium.FromVelocityFactor("exercise medium", velocityFactor, "exercise input"))),
            Cases = [[1000.0, 1.0], [5585.0, 1.0 / FiberGroupIndex], [100.0, 0.66], [640.0, 0.9997], [0.0, 0.5]],
            Hints =
            [
                "The signal moves at velocityFactor × c; a round trip covers the distance twice.",
            ],
            KnownMistakes =
            [
                new("one way", (Func<double, double, double>)((km, vf) => km * 1e3 / (vf * C) * 1e3),
                    "That is one way. A round trip crosses the distance twice."),
                new("divided by the factor the wrong way", (Func<double, double, double>)((km, vf) => 2 * km * 1e3 * vf / C * 1e3),
                    "A velocity factor below 1 makes the signal slower, so the time must grow: divide by (velocityFactor × c)."),
            ],
        },
        new()
        {
            Id = "ep01.great-circle",
            Title = "Great-circle distance (haversine)",
            Track = Track.Beginner,
            Signature = "double HaversineKm(double lat1Deg, double lon1Deg, double lat2Deg, double lon2Deg)",
            Reference = (Func<double, double, double, double, double>)((lat1Deg, lon1Deg, lat2Deg, lon2Deg) =>
                GreatCircle.HaversineKm(new GeoPoint(lat1Deg, lon1Deg), new GeoPoint(lat2Deg, lon2Deg))),
            Cases =
            [
                [40.7128, -74.0060, 51.5074, -0.1278],
                [51.5074, -0.1278, 50.1109, 8.6821],
                [-33.8688, 151.2093, 34.0522, -118.2437],
                [0.0, 0.0, 0.0, 90.0],
                [10.0, 20.0, 10.0, 20.0],
            ],
            RelativeTolerance = 1e-9,
            AbsoluteTolerance = 1e-6,
            Hints =
            [
                "Convert degrees to radians first; use the mean Earth radius 6371.0088 km.",
                "haversine: h = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2); d = 2R · asin(√h).",
            ],
            KnownMistakes =
            [
                new("degrees in trigonometry", (Func<double, double, double, double, double>)((la1, lo1, la2, lo2) =>
                    {
                        var h = Math.Pow(Math.Sin((la2 - la1) / 2), 2) + Math.Cos(la1) * Math.Cos(la2) * Math.Pow(Math.Sin((lo2 - lo1) / 2), 2);
                        return 2 * GreatCircle.MeanEarthRadiusKm * Math.Asin(Math.Sqrt(h));
                    }),
                    "Math.Sin and Math.Cos take radians: multiply degrees by π/180 first."),
                new("angle differences not halved", (Func<double, double, double, double, double>)((la1, lo1, la2, lo2) =>
                    {
                        var r = Math.PI / 180;
                        var h = Math.Pow(Math.Sin((la2 - la1) * r), 2) + Math.Cos(la1 * r) * Math.Cos(la2 * r) * Math.Pow(Math.Sin((lo2 - lo1) * r), 2);
                        return 2 * GreatCircle.MeanEarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
                    }),
                    "The haversine takes half the angle: sin²(Δφ/2) and sin²(Δλ/2), not sin²(Δφ)."),
                new("flat map (equirectangular)", (Func<double, double, double, double, double>)((la1, lo1, la2, lo2) =>
                    {
                        var r = Math.PI / 180;
                        var x = (lo2 - lo1) * r * Math.Cos((la1 + la2) / 2 * r);
                        var y = (la2 - la1) * r;
                        return GreatCircle.MeanEarthRadiusKm * Math.Sqrt(x * x + y * y);
                    }),
                    "A flat-map (equirectangular) distance is fine for short hops but wrong across oceans: use the haversine formula."),
                new("equatorial radius", (Func<double, double, double, double, double>)((la1, lo1, la2, lo2) =>
                    GreatCircle.HaversineKm(new GeoPoint(la1, lo1), new GeoPoint(la2, lo2)) / GreatCircle.MeanEarthRadiusKm * 6378.137),
                    "Use the mean Earth radius 6371.0088 km (IUGG), not the equatorial 6378.137 km."),
            ],
        },
        new()
        {
            Id = "ep01.serialization",
            Title = "Serialization delay of one packet",
            Track = Track.Beginner,
            Signature = "double SerializationMicroseconds(int packetBytes, double linkBitsPerSecond)",
            Reference = (Func<int, double, double>)((packetBytes, linkBitsPerSecond) =>
                RouteLatency.SerializationMicroseconds(packetBytes, linkBitsPerSecond)),
            Cases = [[1500, 10e9], [1500, 1e9], [64, 100e9], [9000, 400e9]],
            Hints =
            [
                "A link puts bits on the wire at its rate: time = size in bits / bits per second.",
            ],
            KnownMistakes =
            [
                new("bytes, not bits", (Func<int, double, double>)((bytes, rate) => bytes / rate * 1e6),
                    "Link rates count bits: multiply the packet size in bytes by 8."),
                new("seconds", (Func<int, double, double>)((bytes, rate) => bytes * 8 / rate),
                    "Your answer is in seconds; multiply by 1,000,000 for microseconds."),
                new("nanoseconds", (Func<int, double, double>)((bytes, rate) => bytes * 8 / rate * 1e9),
                    "Your answer is in nanoseconds; microseconds are 1e-6 s."),
            ],
        },
        new()
        {
            Id = "ep01.hop-queueing",
            Title = "M/D/1 queueing delay at one router port",
            Track = Track.Intermediate,
            Signature = "double HopQueueingMicroseconds(int packetBytes, double linkBitsPerSecond, double utilisation)",
            Reference = (Func<int, double, double, double>)((packetBytes, linkBitsPerSecond, utilisation) =>
                RouteLatency.HopQueueingMicroseconds(packetBytes, linkBitsPerSecond, utilisation, HopQueueModel.MD1)),
            Cases = [[1500, 10e9, 0.0], [1500, 10e9, 0.7], [1500, 1e9, 0.9], [64, 100e9, 0.5], [1500, 10e9, 0.99]],
            Hints =
            [
                "The server of this queue is the outgoing link; its service time S is the packet's serialization time, and every packet takes the same S.",
                "Combine the serialization time with the M/D/1 wait of section 4.",
            ],
            KnownMistakes =
            [
                new("M/M/1 instead of M/D/1", (Func<int, double, double, double>)((bytes, rate, rho) =>
                        MM1.MeanWaitInQueue(RouteLatency.SerializationMicroseconds(bytes, rate), rho)),
                    "ρ/(1−ρ) × S is the M/M/1 wait (exponential service). Packets of one size are served in a fixed time: M/D/1 waits half as long, ρS / (2(1−ρ))."),
                new("response time instead of wait", (Func<int, double, double, double>)((bytes, rate, rho) =>
                        MD1.MeanResponseTime(RouteLatency.SerializationMicroseconds(bytes, rate), rho)),
                    "You added the packet's own transmission S. The question asks for the wait in the queue only."),
                new("bytes, not bits", (Func<int, double, double, double>)((bytes, rate, rho) =>
                        MD1.MeanWaitInQueue(bytes / rate * 1e6, rho)),
                    "The service time uses the packet size in bits: multiply the bytes by 8 before dividing by the link rate."),
            ],
        },
        new()
        {
            Id = "ep01.budget-radius",
            Title = "How far can a request go in a round-trip budget?",
            Track = Track.Intermediate,
            Signature = "double MaxFiberDistanceKm(double roundTripBudgetMs)",
            Reference = (Func<double, double>)(roundTripBudgetMs => Propagation.MaxOneWayDistanceKm(roundTripBudgetMs, Medium.StandardFiber)),
            Cases = [[1.0], [100.0], [54.7], [0.0]],
            Hints =
            [
                "In a round-trip budget the signal goes there and back: only half the budget is available for the way out.",
            ],
            KnownMistakes =
            [
                new("whole budget one way", (Func<double, double>)(ms => ms / 1e3 * (C / FiberGroupIndex) / 1e3),
                    "The reply must come back too: use half the budget for the outward trip."),
                new("doubled instead of halved", (Func<double, double>)(ms => 2 * ms / 1e3 * (C / FiberGroupIndex) / 1e3),
                    "A round trip covers the distance twice, so the distance is the budget × speed divided by 2, not multiplied by 2."),
                new("vacuum", (Func<double, double>)(ms => ms / 2 / 1e3 * C / 1e3),
                    "That is the vacuum radius; in fiber light covers only 1/1.4682 of that."),
            ],
        },
        new()
        {
            Id = "ep01.route-rtt",
            Title = "A real route's round trip, piece by piece",
            Track = Track.Intermediate,
            Signature = "double RouteRoundTripMs(double greatCircleKm, double routeStretch, int hops, double processingPerHopMicroseconds, int packetBytes, double linkBitsPerSecond, double utilisation)",
            Reference = (Func<double, double, int, double, int, double, double, double>)(
                (greatCircleKm, routeStretch, hops, processingPerHopMicroseconds, packetBytes, linkBitsPerSecond, utilisation) =>
                    RouteLatency.Compute(greatCircleKm, new RouteOptions(
                        routeStretch: routeStretch,
                        hops: hops,
                        processingPerHopMicroseconds: processingPerHopMicroseconds,
                        packetBytes: packetBytes,
                        linkRateBitsPerSecond: linkBitsPerSecond,
                        linkUtilisation: utilisation,
                        hopQueue: HopQueueModel.MD1)).RoundTripMs),
            Cases =
            [
                [5585.0, 1.0, 0, 0.0, 1500, 10e9, 0.0],
                [5585.0, 1.3, 12, 50.0, 1500, 10e9, 0.7],
                [640.0, 2.1, 8, 20.0, 1500, 1e9, 0.9],
                [12063.0, 1.5, 20, 10.0, 9000, 100e9, 0.5],
            ],
            Hints =
            [
                "One way = stretched propagation + hops × (processing + serialization + M/D/1 wait in queue); the reply crosses the same hops.",
            ],
            KnownMistakes =
            [
                new("one way instead of round trip", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) => RouteOneWayMs(km, stretch, hops, procUs, bytes, rate, rho)),
                    "That is one way. The round trip crosses the path and every hop twice."),
                new("per-hop delays counted once", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                            2 * RouteOneWayMs(km, stretch, 0, 0, bytes, rate, rho) + hops * PerHopUs(procUs, bytes, rate, rho, HopQueueModel.MD1) / 1e3),
                    "Every hop is crossed twice in a round trip, once each way: double the per-hop delays too."),
                new("no route stretch", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) => 2 * RouteOneWayMs(km, 1.0, hops, procUs, bytes, rate, rho)),
                    "Cables do not follow the great circle: multiply the distance by the route stretch."),
                new("M/M/1 queueing", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                            2 * (RouteOneWayMs(km, stretch, 0, 0, bytes, rate, rho) + hops * PerHopUs(procUs, bytes, rate, rho, HopQueueModel.MM1) / 1e3)),
                    "ρ/(1−ρ) × S is the M/M/1 wait; packets of one size make the queue M/D/1, which waits half as long."),
                new("queueing on the processing time", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                        {
                            var ser = RouteLatency.SerializationMicroseconds(bytes, rate);
                            var wait = MD1.MeanWaitInQueue(procUs > 0 ? procUs : ser, rho);
                            return 2 * (RouteOneWayMs(km, stretch, 0, 0, bytes, rate, rho) + hops * (procUs + ser + wait) / 1e3);
                        }),
                    "The queue's service time is the packet's serialization time on the outgoing link, not the processing time."),
            ],
        },
        new()
        {
            Id = "ep01.https-last-byte",
            Title = "Last byte of an HTTPS response on a new connection, with slow start",
            Track = Track.Expert,
            Signature = "double HttpsTimeToLastByteMs(double rttMs, long responseBytes, int mssBytes, int initialWindowSegments, bool tls13)",
            Reference = (Func<double, long, int, int, bool, double>)((rttMs, responseBytes, mssBytes, initialWindowSegments, tls13) =>
                ConnectionLatency.TimeToLastByteMs(
                    rttMs, tls13 ? ConnectionSetup.TcpTls13 : ConnectionSetup.TcpTls12, responseBytes, mssBytes, initialWindowSegments)),
            Cases =
            [
                [100.0, 1L, 1460, 10, true],           // one byte: fits the initial window
                [100.0, 14_600L, 1460, 10, true],      // exactly fills the initial window: still one round
                [100.0, 14_601L, 1460, 10, true],      // one byte more: a second round
                [100.0, 36_500L, 1460, 10, false],     // 25 segments: 10 + 20 covers it
                [100.0, 43_800L, 1460, 10, false],     // exactly 10 + 20 segments
                [100.0, 43_801L, 1460, 10, false],     // one byte more: a third round
                [58.55, 1_000_000L, 1460, 10, true],   // 685 segments: seven rounds
                [58.55, 1_000_000L, 1460, 10, false],
                [20.0, 100_000L, 1460, 4, false],      // the older initial window of 4 segments
                [80.0, 5_000L, 536, 1, true],          // one segment to start, as before RFC 3390
                [0.0, 1_000L, 1460, 10, true],         // no distance, no delay
            ],
            Hints =
            [
                "Count round trips: handshakes before the request (TCP 1; TLS 1.3 1 more, TLS 1.2 2 more), then one round trip per flight of the response.",
                "Split the response into segments of at most MSS bytes (round up). Flight r carries IW·2^(r−1) segments: find the first round whose running total covers them all.",
            ],
            KnownMistakes =
            [
                new("window must exceed the response", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) + RoundsUntilMoreThan(Segments(bytes, mss), iw)) * rtt),
                    "A response that exactly fills the window is done in that round: the running total must reach the number of segments (≥), not exceed it."),
                new("no handshakes", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        ConnectionLatency.SlowStartRounds(bytes, mss, iw) * rtt),
                    "On a new connection the request cannot leave before the handshakes: TCP (1 round trip) and TLS (1 for TLS 1.3, 2 for TLS 1.2)."),
                new("TLS 1.3 counted like TLS 1.2", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13: false) + ConnectionLatency.SlowStartRounds(bytes, mss, iw)) * rtt),
                    "TLS 1.3's full handshake takes one round trip (the client sends its key share in the ClientHello); TLS 1.2 takes two."),
                new("no TCP handshake", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) - 1 + ConnectionLatency.SlowStartRounds(bytes, mss, iw)) * rtt),
                    "TLS runs over TCP: the TCP three-way handshake (1 round trip) comes first."),
                new("TCP handshake as 1.5 round trips", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) + 0.5 + ConnectionLatency.SlowStartRounds(bytes, mss, iw)) * rtt),
                    "The third packet of the TCP handshake (ACK) travels with the client's first data, so the handshake costs 1 round trip, not 1.5."),
                new("per-round window instead of running total", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) + PerRoundWindowRounds(Segments(bytes, mss), iw)) * rtt),
                    "Every earlier flight has delivered data too: compare the running total IW·(2^r − 1), not the last window IW·2^(r−1), with the segments."),
                new("linear window growth", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) + LinearRounds(Segments(bytes, mss), iw)) * rtt),
                    "In slow start the window doubles every round trip (one more segment per ACK); adding IW per round is congestion avoidance."),
                new("bits instead of bytes", (Func<double, long, int, int, bool, double>)((rtt, bytes, mss, iw, tls13) =>
                        (Handshakes(tls13) + ConnectionLatency.SlowStartRounds(8 * bytes, mss, iw)) * rtt),
                    "MSS and the response size are both in bytes: divide bytes by MSS, with no factor 8."),
            ],
        },
    ];

    private static double RouteOneWayMs(double km, double stretch, int hops, double procUs, int bytes, double rate, double rho) =>
        Propagation.OneWayDelayMs(km * stretch, Medium.StandardFiber) + hops * PerHopUs(procUs, bytes, rate, rho, HopQueueModel.MD1) / 1e3;

    private static double PerHopUs(double procUs, int bytes, double rate, double rho, HopQueueModel model) =>
        procUs + RouteLatency.SerializationMicroseconds(bytes, rate) + RouteLatency.HopQueueingMicroseconds(bytes, rate, rho, model);

    // Helpers for the known mistakes of ep01.https-last-byte (the reference is the library's ConnectionLatency).
    private static int Handshakes(bool tls13) =>
        ConnectionLatency.HandshakeRoundTrips(tls13 ? ConnectionSetup.TcpTls13 : ConnectionSetup.TcpTls12);

    private static long Segments(long bytes, int mss) => (bytes + mss - 1) / mss;

    private static int RoundsUntilMoreThan(long segments, int iw)
    {
        long window = iw, total = 0;
        var rounds = 0;
        while (total <= segments)
        {
            total += window;
            window *= 2;
            rounds++;
        }

        return rounds;
    }

    private static int PerRoundWindowRounds(long segments, int iw)
    {
        var rounds = 1;
        for (long window = iw; window < segments; window *= 2)
        {
            rounds++;
        }

        return rounds;
    }

    private static int LinearRounds(long segments, int iw)
    {
        long total = 0;
        var rounds = 0;
        while (total < segments)
        {
            rounds++;
            total += (long)iw * rounds;
        }

        return rounds;
    }
}
