using CsCheck;
using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.SideBySide;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>The first scenario on which a breaker and Polly disagree (<see cref="Found"/> false when none did).</summary>
internal sealed record DifferentialMismatch(bool Found, int Index, string Seed, string Reason);

/// <summary>Runs a breaker and Polly through <see cref="BreakerDifferentialGen"/>'s scenarios and compares the runs.</summary>
/// <remarks>
/// The scenarios come from one PCG stream started at <see cref="BreakerDifferentialGen.Seed"/>, so every run compares the
/// same scenarios (CsCheck's Sample fixes only its first iteration). Each scenario's own seed is kept: on a mismatch,
/// CsCheck's Sample starts from it (so its first iteration is the failing scenario), shrinks, and prints the smallest
/// failing scenario as scenario JSON.
/// </remarks>
internal static class BreakerDifferential
{
    public static DifferentialMismatch FirstMismatch(Func<BreakerScenario, BreakerRun> candidate, string name, int iterations, Action<BreakerScenario, BreakerRun>? observe)
    {
        var pcg = PCG.Parse(BreakerDifferentialGen.Seed);
        var seeds = new string[iterations];
        var scenarios = new BreakerScenario[iterations];
        for (int i = 0; i < iterations; i++)
        {
            seeds[i] = pcg.ToString(pcg.State);
            scenarios[i] = BreakerDifferentialGen.Scenarios.Generate(pcg, null, out _);
        }

        int first = int.MaxValue;
        string reason = "";
        var gate = new object();
        Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (i, loop) =>
        {
            if (i > Volatile.Read(ref first))
            {
                return;
            }

            var polly = PollyBreakerRunner.Run(scenarios[i]);
            var comparison = candidate(scenarios[i]).FirstMismatch(polly, name, "Polly");
            if (!comparison.Agrees)
            {
                lock (gate)
                {
                    if (i < first)
                    {
                        first = i;
                        reason = comparison.Reason;
                    }
                }
            }
            else
            {
                observe?.Invoke(scenarios[i], polly);
            }
        });

        return first == int.MaxValue
            ? new DifferentialMismatch(false, -1, "", "agree")
            : new DifferentialMismatch(true, first, seeds[first], reason);
    }

    /// <summary>Replays the mismatch through CsCheck (first iteration: the failing scenario), which shrinks it and throws <see cref="CsCheckException"/> with it as JSON.</summary>
    public static void ShrinkAndThrow(Func<BreakerScenario, BreakerRun> candidate, string name, DifferentialMismatch mismatch)
    {
        BreakerDifferentialGen.Scenarios.Sample(
            scenario =>
            {
                var polly = PollyBreakerRunner.Run(scenario);
                var run = candidate(scenario);
                var comparison = run.FirstMismatch(polly, name, "Polly");
                if (!comparison.Agrees)
                {
                    throw new InvalidOperationException($"{comparison.Reason}\n{name}:\n{run.Describe()}Polly:\n{polly.Describe()}");
                }
            },
            seed: mismatch.Seed, iter: 1_000, threads: 1, print: BreakerScenarioJson.ToJson);
        throw new InvalidOperationException($"Scenario {mismatch.Index} (seed {mismatch.Seed}) disagreed ({mismatch.Reason}) but did not when replayed by CsCheck.");
    }
}
