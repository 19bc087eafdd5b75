using CsCheck;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.SideBySide;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Scenarios for the side-by-side test of <see cref="ProductionBreaker"/> and Polly: options inside the domain both accept,
/// and step times aimed at the edges where the two could differ.
/// </summary>
/// <remarks>
/// CsCheck picks the random choices (so that it can shrink them); the library's <see cref="BreakerScenarioGenerator"/>
/// turns them into a scenario with the same rules its seeded generator uses. Each step's time is an earlier step's
/// time (0 to 8 steps back) plus one of: 0, 1 ms, a bucket length (floor, ceil, +1), the sampling duration (-1, exact, +1), the break duration (-1, exact, +1), or a random gap. A trip or a probe happens
/// at a step's time, so "an earlier step + the break" lands on the exact end of a break, "+ a bucket" on the start of a
/// new bucket and "+ the sampling duration" on the instant a bucket is dropped. Minimum throughputs of 2 to 6 and
/// ratios that are simple fractions make the throughput and ratio edges (>= reached exactly) frequent.
/// </remarks>
internal static class BreakerDifferentialGen
{
    /// <summary>The fixed CsCheck seed (a PCG state, as CsCheck prints it): runs repeat exactly.</summary>
    public const string Seed = "0000000000Df";

    private static readonly double[] Ratios = BreakerScenarioGenerator.Ratios;

    private static readonly Gen<(double Ratio, int Minimum, long Sampling, long Break)> OptionsGen =
        from ratio in Gen.OneOf(Gen.Int[0, Ratios.Length - 1].Select(i => Ratios[i]), Gen.Int[1, 100].Select(p => p / 100.0))
        from minimum in Gen.OneOf(Gen.Int[2, 6], Gen.Int[2, 25])
        from sampling in Gen.OneOf(Gen.Const(500L), Gen.Const(1_000L), Gen.Long[500, 3_000], Gen.Long[5_000, 20_000])
        from breakExtra in Gen.OneOf(Gen.Const(0L), Gen.Long[0, 3_000])
        select (ratio, minimum, sampling, Math.Max(500, CeilDiv(sampling, 10)) + breakExtra);

    /// <summary>Scenarios of 1 to 80 steps that both breakers accept.</summary>
    public static readonly Gen<BreakerScenario> Scenarios =
        from o in OptionsGen
        from failurePercent in Gen.OneOf(Gen.Int[0, 100], Gen.Int[50, 100])
        from raw in Gen.Select(Gen.Int[0, 8], Gen.Int[0, 13], Gen.Int[0, 1_000_000], Gen.Int[0, 99], Gen.Int[0, 99]).Array[1, 80]
        select Build(o, failurePercent, raw);

    private static BreakerScenario Build(
        (double Ratio, int Minimum, long Sampling, long Break) o, int failurePercent, (int Back, int Delta, int Random, int Kind, int Fail)[] raw) =>
        BreakerScenarioGenerator.Build(
            new BreakerScenarioOptions(o.Ratio, o.Minimum, o.Sampling, o.Break),
            failurePercent,
            [.. raw.Select(r => new StepChoice(r.Back, r.Delta, r.Random, r.Kind, r.Fail))],
            "generated");

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
