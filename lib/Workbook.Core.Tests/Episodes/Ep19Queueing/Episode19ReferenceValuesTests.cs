using Workbook.Core.Tests.Exercises;
using Workbook.Core.Tests.Queueing;

namespace Workbook.Core.Tests.Episodes.Ep19Queueing;

/// <summary>
/// Every episode 19 reference answer against a value that does not come from the library: hand arithmetic
/// for the one-line formulas, and <see cref="MMcOracle"/> (96-digit Poisson sums, not the library's
/// recurrence) for Erlang C, percentiles and sizing. Tolerances: 1e-12 relative for hand arithmetic,
/// 1e-9 against the oracle (the library's own contract for Erlang C and percentiles).
/// </summary>
public class Episode19ReferenceValuesTests
{
    private static double ErlangC(int c, double load) => MMcOracle.ErlangBAndC(load, c).C.ToDouble();

    private static double WaitPercentile(double lambda, double s, int c, double p) => new MMcOracle(lambda, s, c).WaitingPercentile(p).ToDouble();

    /// <summary>The fewest servers whose p-th percentile wait (oracle) is within the limit, scanning up from the stable minimum.</summary>
    private static int ServersFor(double lambda, double s, double p, double limit)
    {
        for (int c = (int)Math.Floor(lambda * s) + 1; ; c++)
        {
            if (new MMcOracle(lambda, s, c).WaitingPercentile(p) <= limit)
            {
                return c;
            }
        }
    }

    public static IEnumerable<ReferenceValue> Rows() =>
    [
        // L = λW: 1000/s × 0.1 s = 100; 0.5 × 30 = 15; 1234.5 × 0.0042 = 5.1849.
        new("ep19.littles-law", [1000.0, 0.1], 100, 1e-12, "hand"),
        new("ep19.littles-law", [0.5, 30.0], 15, 1e-12, "hand"),
        new("ep19.littles-law", [1234.5, 0.0042], 5.1849, 1e-12, "hand"),

        // Wq = ρ/(1 − ρ)·S: ρ = 0.5 → 0.1 s; ρ = 0.9 → 9 × 0.1 = 0.9 s; ρ = 0.1 → 0.1/0.9 s; ρ = 0.99 → 99 × 1 ms.
        new("ep19.mm1-wait", [5.0, 0.1], 0.1, 1e-12, "hand"),
        new("ep19.mm1-wait", [9.0, 0.1], 0.9, 1e-12, "hand"),
        new("ep19.mm1-wait", [0.1, 1.0], 0.1 / 0.9, 1e-12, "hand"),
        new("ep19.mm1-wait", [990.0, 0.001], 0.099, 1e-9, "hand (ρ = 0.99: 1 − ρ keeps 14 digits)"),

        // Erlang C: for one server C = ρ (0.5); the rest from the oracle,
        // including pools far past where c! and A^c overflow.
        new("ep19.erlang-c", [1, 0.5], 0.5, 1e-12, "M/M/1: C = ρ"),
        new("ep19.erlang-c", [10, 5.0], ErlangC(10, 5.0), 1e-9, "oracle"),
        new("ep19.erlang-c", [10, 9.0], ErlangC(10, 9.0), 1e-9, "oracle"),
        new("ep19.erlang-c", [200, 180.0], ErlangC(200, 180.0), 1e-9, "oracle"),
        new("ep19.erlang-c", [5000, 4950.0], ErlangC(5000, 4950.0), 1e-9, "oracle"),

        // Wait percentile: M/M/1 at ρ = 0.8 has C = 0.8 and θ = 0.2/s, so p90 = ln(0.8/0.1)/0.2 = 10.3972 s;
        // C(10, 5) = 0.036 < 0.1, so 90 % of arrivals never wait (0); the rest from the oracle.
        new("ep19.wait-percentile", [0.8, 1.0, 1, 0.9], Math.Log(8) / 0.2, 1e-12, "hand"),
        new("ep19.wait-percentile", [5.0, 1.0, 10, 0.9], 0, 0, "zero branch"),
        new("ep19.wait-percentile", [9.0, 1.0, 10, 0.99], WaitPercentile(9, 1, 10, 0.99), 1e-9, "oracle"),
        new("ep19.wait-percentile", [50_000.0, 0.02, 1010, 0.99], WaitPercentile(50_000, 0.02, 1010, 0.99), 1e-9, "oracle"),

        // Lindley: max(0, w + s − a): 0 + 1 − 0.5 = 0.5; 2 + 1 − 0.5 = 2.5; a gap longer than the work left → 0.
        new("ep19.lindley-step", [0.0, 1.0, 0.5], 0.5, 1e-12, "hand"),
        new("ep19.lindley-step", [2.0, 1.0, 0.5], 2.5, 1e-12, "hand"),
        new("ep19.lindley-step", [0.0, 0.5, 1.0], 0, 0, "server idle"),
        new("ep19.lindley-step", [2.0, 0.1, 5.0], 0, 0, "server idle"),

        // Fewest servers with A/c < 1: floor(A) + 1. A = 16.5 → 17; A = 100 exactly → 101 (not 100); A = 1000 → 1001.
        new("ep19.overload", [33.0, 0.5], 17, 0, "hand"),
        new("ep19.overload", [1000.0, 0.1], 101, 0, "hand, whole-number load"),
        new("ep19.overload", [50_000.0, 0.02], 1001, 0, "hand, whole-number load"),

        // Kingman: ρ/(1 − ρ)·(ca² + cs²)/2·S. ρ = 0.8: 4 × 1 × 0.1 = 0.4 s; constant service halves it to 0.2 s;
        // ρ = 0.5, (4 + 1)/2: 1 × 2.5 × 0.1 = 0.25 s; ρ = 0.9, (0.5 + 2)/2: 9 × 1.25 × 1 = 11.25 s.
        new("ep19.kingman", [8.0, 0.1, 1.0, 1.0], 0.4, 1e-12, "hand"),
        new("ep19.kingman", [8.0, 0.1, 1.0, 0.0], 0.2, 1e-12, "hand"),
        new("ep19.kingman", [5.0, 0.1, 4.0, 1.0], 0.25, 1e-12, "hand"),
        new("ep19.kingman", [0.9, 1.0, 0.5, 2.0], 11.25, 1e-12, "hand"),

        // Sizing: scan c upwards with the oracle's percentile. The capacity challenge needs 1,003 servers (the
        // figure's title); at λ = 0.5, S = 1 one server already has p50 wait 0 (C = 0.5 ≤ 1 − 0.5).
        new("ep19.size-for-slo", [50_000.0, 0.02, 0.99, 0.030], 1003, 0, "oracle scan (the challenge)"),
        new("ep19.size-for-slo", [50_000.0, 0.02, 0.99, 0.030], ServersFor(50_000, 0.02, 0.99, 0.030), 0, "oracle scan"),
        new("ep19.size-for-slo", [9.0, 1.0, 0.99, 1.0], ServersFor(9, 1, 0.99, 1.0), 0, "oracle scan"),
        new("ep19.size-for-slo", [1000.0, 0.1, 0.9, 0.01], ServersFor(1000, 0.1, 0.9, 0.01), 0, "oracle scan"),
        new("ep19.size-for-slo", [0.5, 1.0, 0.5, 0.1], 1, 0, "zero-wait branch"),

        // Response percentile: M/M/1's response is Exp(μ − λ): p99 = ln(100)/0.2 = 23.0259 s; θ = μ from the oracle.
        new("ep19.response-percentile", [0.8, 1.0, 1, 0.99], Math.Log(100) / 0.2, 1e-12, "hand"),
        new("ep19.response-percentile", [9.0, 1.0, 10, 0.99], new MMcOracle(9, 1, 10).ResponsePercentile(0.99), 1e-9, "oracle, θ = μ"),
    ];

    public static TheoryData<ReferenceValue> Cases() => ReferenceValues.AsTheoryData(Rows());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_MatchesAnIndependentValue(ReferenceValue row) => ReferenceValues.AssertReferenceMatches(row);

    [Fact]
    public void EveryEpisode19Exercise_HasAnIndependentValue() => ReferenceValues.AssertCoversEveryExercise(19, Rows());
}
