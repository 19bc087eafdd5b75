using Workbook.Core.Physics;
using Workbook.Core.Queueing;
using Workbook.Core.Exercises;

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
                "Light in fiber travels at c / n, where n = 1.4682 is the group index of standard single-mode fiber at 1550 nm.",
                "time = distance / speed: convert km to m, and seconds to milliseconds.",
            ],
            KnownMistakes =
            [
                new("speed of light in vacuum", (Func<double, double>)(km => km * 1e3 / C * 1e3),
                    "That is the delay in vacuum. In glass light is slower: divide c by the group index 1.4682."),
                new("round trip", (Func<double, double>)(km => 2 * km * 1e3 / (C / FiberGroupIndex) * 1e3),
                    "That is the round trip. The question asks for one way."),
                new("seconds", (Func<double, double>)(km => km * 1e3 / (C / FiberGroupIndex)),
                    "Your answer is in seconds; multiply by 1000 for milliseconds."),
                new("multiplied speed by n", (Func<double, double>)(km => km * 1e3 / (C * FiberGroupIndex) * 1e3),
                    "Fiber is slower than vacuum, so the speed is c / n, not c × n."),
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
            Cases = [[1000.0, 1.0], [5585.0, 1.0 / FiberGroupIndex], [100.0, 0.66], [640.0, 0.9997]],
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
            Id = "ep01.great-circle",
            Title = "Great-circle distance (haversine)",
            Track = Track.Intermediate,
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
                "haversine: a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2); d = 2R · asin(√a).",
            ],
            KnownMistakes =
            [
                new("degrees in trigonometry", (Func<double, double, double, double, double>)((la1, lo1, la2, lo2) =>
                    {
                        var a = Math.Pow(Math.Sin((la2 - la1) / 2), 2) + Math.Cos(la1) * Math.Cos(la2) * Math.Pow(Math.Sin((lo2 - lo1) / 2), 2);
                        return 2 * GreatCircle.MeanEarthRadiusKm * Math.Asin(Math.Sqrt(a));
                    }),
                    "Math.Sin and Math.Cos take radians: multiply degrees by π/180 first."),
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
                new("vacuum", (Func<double, double>)(ms => ms / 2 / 1e3 * C / 1e3),
                    "That is the vacuum radius; in fiber light covers only 1/1.4682 of that."),
            ],
        },
        new()
        {
            Id = "ep01.hop-queueing",
            Title = "M/M/1 queueing delay at one router port",
            Track = Track.Expert,
            Signature = "double HopQueueingMicroseconds(int packetBytes, double linkBitsPerSecond, double utilisation)",
            Reference = (Func<int, double, double, double>)((packetBytes, linkBitsPerSecond, utilisation) =>
                MM1.MeanWaitInQueue(RouteLatency.SerializationMicroseconds(packetBytes, linkBitsPerSecond), utilisation)),
            Cases = [[1500, 10e9, 0.0], [1500, 10e9, 0.7], [1500, 1e9, 0.9], [64, 100e9, 0.5], [1500, 10e9, 0.99]],
            Hints =
            [
                "The server of this queue is the outgoing link; its service time is the packet's serialization time.",
                "For M/M/1 the mean wait in queue is Wq = ρ/(1−ρ) × S, with S the mean service time.",
            ],
            KnownMistakes =
            [
                new("response time instead of wait", (Func<int, double, double, double>)((bytes, rate, rho) =>
                        MM1.MeanResponseTime(RouteLatency.SerializationMicroseconds(bytes, rate), rho)),
                    "S/(1−ρ) is the time in the system (queue + transmission). The question asks for the wait in the queue only: ρ/(1−ρ) × S."),
                new("forgot the service time", (Func<int, double, double, double>)((bytes, rate, rho) => rho / (1 - rho)),
                    "ρ/(1−ρ) is a number of service times, not microseconds: multiply by the serialization time S."),
                new("seed's 50 µs processing time as service time", (Func<int, double, double, double>)((bytes, rate, rho) => rho / (1 - rho) * 50),
                    "The queue forms at the output link, so its service time is the serialization time, not the router's processing time (the seed's mistake)."),
            ],
        },
        new()
        {
            Id = "ep01.route-rtt",
            Title = "A real route's round trip, piece by piece",
            Track = Track.Expert,
            Signature = "double RouteRoundTripMs(double greatCircleKm, double routeStretch, int hops, double processingPerHopMicroseconds, int packetBytes, double linkBitsPerSecond, double utilisation)",
            Reference = (Func<double, double, int, double, int, double, double, double>)(
                (greatCircleKm, routeStretch, hops, processingPerHopMicroseconds, packetBytes, linkBitsPerSecond, utilisation) =>
                    RouteLatency.Compute(greatCircleKm, new RouteOptions
                    {
                        RouteStretch = routeStretch,
                        Hops = hops,
                        ProcessingPerHopMicroseconds = processingPerHopMicroseconds,
                        PacketBytes = packetBytes,
                        LinkRateBitsPerSecond = linkBitsPerSecond,
                        LinkUtilisation = utilisation,
                    }).RoundTripMs),
            Cases =
            [
                [5585.0, 1.0, 0, 0.0, 1500, 10e9, 0.0],
                [5585.0, 1.3, 12, 50.0, 1500, 10e9, 0.7],
                [640.0, 2.1, 8, 20.0, 1500, 1e9, 0.9],
                [12063.0, 1.5, 20, 10.0, 9000, 100e9, 0.5],
            ],
            Hints =
            [
                "One way = stretched propagation + hops × (processing + serialization + M/M/1 wait in queue); the reply crosses the same hops.",
            ],
            KnownMistakes =
            [
                new("per-hop delays counted once", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                        {
                            var ser = RouteLatency.SerializationMicroseconds(bytes, rate);
                            return Propagation.RoundTripMs(km * stretch, Medium.StandardFiber) + hops * (procUs + ser + MM1.MeanWaitInQueue(ser, rho)) / 1e3;
                        }),
                    "Every hop is crossed twice in a round trip, once each way: double the per-hop delays too (the seed counts them once)."),
                new("no route stretch", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                            RouteLatency.Compute(km, new RouteOptions { Hops = hops, ProcessingPerHopMicroseconds = procUs, PacketBytes = bytes, LinkRateBitsPerSecond = rate, LinkUtilisation = rho }).RoundTripMs),
                    "Cables do not follow the great circle: multiply the distance by the route stretch."),
                new("seed's queueing on processing time", (Func<double, double, int, double, int, double, double, double>)(
                        (km, stretch, hops, procUs, bytes, rate, rho) =>
                        {
                            var ser = RouteLatency.SerializationMicroseconds(bytes, rate);
                            return Propagation.RoundTripMs(km * stretch, Medium.StandardFiber) + 2 * hops * (procUs + ser + MM1.MeanWaitInQueue(procUs > 0 ? procUs : ser, rho)) / 1e3;
                        }),
                    "The queue's service time is the packet's serialization time on the outgoing link, not the processing time."),
            ],
        },
    ];
}
