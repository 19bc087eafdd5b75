using Workbook.Core.Tests.Exercises;

namespace Workbook.Core.Tests.Episodes.Ep01SpeedOfLight;

/// <summary>
/// Every episode 1 reference answer against values worked out here by hand, with the constants typed
/// in (c = 299,792.458 km/s exactly, by the SI definition of the metre; n_g = 1.4682, Corning SMF-28 at
/// 1550 nm; R = 6371.0088 km, the IUGG mean Earth radius), never taken from the library.
/// Tolerance 1e-12 relative unless stated: the hand formulas use the same double operations in another order.
/// </summary>
public class Episode01ReferenceValuesTests
{
    private const double C = 299_792.458;      // km/s
    private const double Ng = 1.4682;
    private const double R = 6371.0088;        // km
    private const double FiberMsPerKm = Ng / C * 1000; // 4.8973880457e-3 ms per km of fiber

    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // One way in fiber: 1000 km × 1.4682 / 299,792.458 km/s = 4.8973880 ms; nothing to cross takes no time.
        new("ep01.fiber-one-way", [1000.0], 1000 * FiberMsPerKm, 1e-12, "hand"),
        new("ep01.fiber-one-way", [0.0], 0, 0, "zero distance"),
        new("ep01.fiber-one-way", [12063.0], 12063 * FiberMsPerKm, 1e-12, "hand"),

        // Round trip: 2 × 1000 km / c = 6.6712819 ms in vacuum; 2 × 100 / (0.66 c) = 1.0108 ms in copper; 0 km → 0.
        new("ep01.round-trip", [1000.0, 1.0], 2 * 1000 / C * 1000, 1e-12, "hand"),
        new("ep01.round-trip", [100.0, 0.66], 2 * 100 / (0.66 * C) * 1000, 1e-12, "hand"),
        new("ep01.round-trip", [0.0, 0.5], 0, 0, "zero distance"),

        // Great circles with closed forms: a quarter of the equator πR/2 = 10,007.543 km, equator to pole the
        // same, a point to itself 0; NY–London and Sydney–Los Angeles by the spherical law of cosines, a
        // different formula (acos keeps about 1e-9 relative at these distances).
        new("ep01.great-circle", [0.0, 0.0, 0.0, 90.0], Math.PI * R / 2, 1e-12, "quarter equator"),
        new("ep01.great-circle", [0.0, 0.0, 90.0, 0.0], Math.PI * R / 2, 1e-12, "equator to pole"),
        new("ep01.great-circle", [10.0, 20.0, 10.0, 20.0], 0, 0, "same point"),
        new("ep01.great-circle", [40.7128, -74.0060, 51.5074, -0.1278], LawOfCosinesKm(40.7128, -74.0060, 51.5074, -0.1278), 1e-9, "law of cosines"),
        new("ep01.great-circle", [-33.8688, 151.2093, 34.0522, -118.2437], LawOfCosinesKm(-33.8688, 151.2093, 34.0522, -118.2437), 1e-9, "law of cosines"),

        // Serialization: bits / rate. 1500 B × 8 / 10 Gb/s = 1.2 µs; 64 × 8 / 100 Gb/s = 0.00512 µs; 9000 × 8 / 400 Gb/s = 0.18 µs.
        new("ep01.serialization", [1500, 10e9], 1.2, 1e-12, "hand"),
        new("ep01.serialization", [64, 100e9], 0.00512, 1e-12, "hand"),
        new("ep01.serialization", [9000, 400e9], 0.18, 1e-12, "hand"),

        // M/D/1 wait ρS / (2(1 − ρ)): 0.99 × 1.2 / 0.02 = 59.4 µs; 0.5 × 0.00512 / 1 = 0.00256 µs; ρ = 0 → 0.
        new("ep01.hop-queueing", [1500, 10e9, 0.99], 59.4, 1e-12, "hand"),
        new("ep01.hop-queueing", [64, 100e9, 0.5], 0.00256, 1e-12, "hand"),
        new("ep01.hop-queueing", [1500, 10e9, 0.0], 0, 0, "idle link"),

        // Budget radius: half the budget at c / n_g. 100 ms → 0.05 s × 204,190.5 km/s = 10,209.5 km (the
        // figure's "10,210 km"); 1 ms → 102.095 km; 0 ms → 0.
        new("ep01.budget-radius", [100.0], 0.05 * C / Ng, 1e-12, "hand"),
        new("ep01.budget-radius", [1.0], 0.0005 * C / Ng, 1e-12, "hand"),
        new("ep01.budget-radius", [0.0], 0, 0, "zero budget"),

        // Route RTT = 2 × (D·s·n_g/c + hops × (processing + serialization + M/D/1 wait)).
        // No hops, no stretch: 2 × 5585 × 4.8973880e-3 = 54.7038 ms (the notebook's "54.7 ms fiber floor").
        new("ep01.route-rtt", [5585.0, 1.0, 0, 0.0, 1500, 10e9, 0.0], 2 * 5585 * FiberMsPerKm, 1e-12, "hand"),
        // 640 km × 2.1 = 1344 km of fiber = 6.58209 ms; per hop 20 + 12 + 0.9 × 12 / 0.2 = 86 µs, × 8 = 0.688 ms;
        // round trip 2 × (6.58209 + 0.688) = 14.54018 ms.
        new("ep01.route-rtt", [640.0, 2.1, 8, 20.0, 1500, 1e9, 0.9], 2 * ((1344 * FiberMsPerKm) + (8 * 86.0 / 1000)), 1e-12, "hand"),
        // 5585 × 1.3 = 7260.5 km = 35.5575 ms; per hop 50 + 1.2 + 1.4 = 52.6 µs, × 12 = 0.6312 ms; × 2.
        new("ep01.route-rtt", [5585.0, 1.3, 12, 50.0, 1500, 10e9, 0.7], 2 * ((7260.5 * FiberMsPerKm) + (12 * 52.6 / 1000)), 1e-12, "hand"),

        // HTTPS last byte: (handshakes + slow-start flights) × RTT. 5000 B / 536 = 9.3 → 10 segments; IW 1
        // delivers 1, 3, 7, 15 in 4 flights; TLS 1.3 needs 2 handshake RTTs: 6 × 80 = 480 ms. Zero RTT → 0.
        new("ep01.https-last-byte", [80.0, 5_000L, 536, 1, true], 480, 1e-12, "hand count"),
        new("ep01.https-last-byte", [100.0, 14_601L, 1460, 10, true], 400, 1e-12, "hand count"),
        new("ep01.https-last-byte", [0.0, 1_000L, 1460, 10, true], 0, 0, "zero distance"),
    ];

    private static double LawOfCosinesKm(double lat1, double lon1, double lat2, double lon2)
    {
        double r = Math.PI / 180;
        double cosAngle = (Math.Sin(lat1 * r) * Math.Sin(lat2 * r)) + (Math.Cos(lat1 * r) * Math.Cos(lat2 * r) * Math.Cos((lon2 - lon1) * r));
        return R * Math.Acos(cosAngle);
    }

    public static TheoryData<ReferenceValue> Cases() => ReferenceValues.AsTheoryData(Rows());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    [Fact]
    public void EveryEpisode1Exercise_HasAnIndependentValue() => ReferenceValues.AssertCoversEveryExercise(1, Rows());
}
