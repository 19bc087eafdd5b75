using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>
/// Seeded random scenarios for comparing <see cref="ProductionBreaker"/> with Polly: options inside the domain both
/// accept, and step times aimed at the edges where two breakers could differ.
/// </summary>
/// <remarks>
/// Each step's time is an earlier step's time (0 to 8 steps back) plus 0, 1 ms, a bucket (floor, ceiling, +1), the
/// sampling duration (-1, exact, +1), the break (-1, exact, +1) or a random gap, so calls land on bucket starts, on
/// the instant a bucket is dropped and on the exact end of a break. Minimum throughputs of 2 to 25 (mostly 2 to 6)
/// and simple-fraction ratios make "&gt;= reached exactly" frequent. The tests' CsCheck generator builds its
/// scenarios with the same rules, so the two explore the same space.
/// </remarks>
public static class BreakerScenarioGenerator
{
    /// <summary>The most steps a generated scenario has.</summary>
    public const int MaxSteps = 80;

    /// <summary>Simple-fraction failure ratios (half of the generated ratios; the rest are whole percentages).</summary>
    internal static readonly double[] Ratios = [0.1, 0.2, 0.25, 1.0 / 3, 0.4, 0.5, 0.6, 2.0 / 3, 0.75, 0.8, 0.9, 1.0];

    /// <summary>Generates <paramref name="count"/> scenarios; the same seed always gives the same scenarios.</summary>
    /// <param name="count">How many; 1 to 1,000,000.</param>
    /// <param name="seed">The seed of the <see cref="Xoshiro256StarStar"/> stream.</param>
    /// <returns>Scenarios of 1 to <see cref="MaxSteps"/> steps, without expectations, named <c>generated-{seed}-{index}</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is outside [1, 1,000,000].</exception>
    public static IReadOnlyList<BreakerScenario> Generate(int count, long seed)
    {
        if (count is < 1 or > 1_000_000)
        {
            throw Guard.OutOfRange(nameof(count), "an integer in [1, 1,000,000]", count.ToString(CultureInfo.InvariantCulture));
        }

        var rng = new Xoshiro256StarStar(seed);
        var scenarios = new BreakerScenario[count];
        for (int i = 0; i < count; i++)
        {
            double ratio = Next(ref rng, 0, 1) == 0 ? Ratios[Next(ref rng, 0, Ratios.Length - 1)] : Next(ref rng, 1, 100) / 100.0;
            int minimum = Next(ref rng, 0, 1) == 0 ? Next(ref rng, 2, 6) : Next(ref rng, 2, 25);
            long sampling = Next(ref rng, 0, 3) switch
            {
                0 => 500,
                1 => 1_000,
                2 => Next(ref rng, 500, 3_000),
                _ => Next(ref rng, 5_000, 20_000),
            };
            long breakExtra = Next(ref rng, 0, 1) == 0 ? 0 : Next(ref rng, 0, 3_000);
            var options = new BreakerScenarioOptions(ratio, minimum, sampling, Math.Max(500, CeilDiv(sampling, 10)) + breakExtra);
            int failurePercent = Next(ref rng, 0, 1) == 0 ? Next(ref rng, 0, 100) : Next(ref rng, 50, 100);
            var choices = new StepChoice[Next(ref rng, 1, MaxSteps)];
            for (int k = 0; k < choices.Length; k++)
            {
                choices[k] = new StepChoice(Next(ref rng, 0, 8), Next(ref rng, 0, 13), Next(ref rng, 0, 1_000_000), Next(ref rng, 0, 99), Next(ref rng, 0, 99));
            }

            scenarios[i] = Build(options, failurePercent, choices, $"generated-{seed}-{i}");
        }

        return scenarios;
    }

    /// <summary>Builds a scenario from its random choices (shared with the tests' CsCheck generator, which shrinks them).</summary>
    internal static BreakerScenario Build(BreakerScenarioOptions o, int failurePercent, IReadOnlyList<StepChoice> choices, string name)
    {
        long sampling = o.SamplingDurationMilliseconds, breakMs = o.BreakDurationMilliseconds;
        long bucketFloor = sampling / 10, bucketCeil = CeilDiv(sampling, 10);
        var times = new long[choices.Count];
        var steps = new List<BreakerStep>(choices.Count);
        for (int i = 0; i < choices.Count; i++)
        {
            var c = choices[i];
            long anchor = i == 0 ? 0 : times[Math.Max(0, i - 1 - c.Back)];
            long delta = c.Delta switch
            {
                0 => 0,
                1 => 1,
                2 => bucketFloor,
                3 => bucketCeil,
                4 => bucketCeil + 1,
                5 => sampling - 1,
                6 => sampling,
                7 => sampling + 1,
                8 => breakMs - 1,
                9 => breakMs,
                10 => breakMs + 1,
                11 => c.Random % (2 * sampling),
                12 => c.Random % 50,
                _ => c.Random % bucketCeil,
            };
            times[i] = Math.Max(i == 0 ? 0 : times[i - 1], anchor + delta);
            steps.Add(c.Kind < 8
                ? BreakerStep.Advance(times[i])
                : BreakerStep.Call(times[i], c.Fail < failurePercent ? CallOutcome.Failure : CallOutcome.Success));
        }

        return new BreakerScenario(name, "generated by BreakerScenarioGenerator", o, steps);
    }

    private static int Next(ref Xoshiro256StarStar rng, int low, int high) => low + (int)(rng.NextUInt64() % (ulong)(high - low + 1));

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
