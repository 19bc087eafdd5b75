namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>Runs scenarios through <see cref="ProductionBreaker"/> (or another breaker) and Polly's breaker and compares the runs.</summary>
/// <remarks>
/// Both run on manual clocks, one call at a time (<see cref="BreakerScenarioRunner"/>, <see cref="PollyBreakerRunner"/>);
/// a step agrees when both ran or rejected the call, report the same state after it and have made the same transitions,
/// each at the same millisecond. Polly's run is the reference: its trips and probes are counted.
/// </remarks>
public static class BreakerSideBySide
{
    /// <summary>Compares the production breaker with Polly on every scenario.</summary>
    /// <param name="scenarios">Scenarios whose options Polly and <see cref="ProductionBreakerOptions"/> accept.</param>
    /// <returns>The counts and the first disagreement, if any.</returns>
    public static SideBySideReport Compare(IEnumerable<BreakerScenario> scenarios) => Compare(scenarios, BreakerScenarioRunner.Run, "ours");

    /// <summary>Compares any breaker's runs with Polly's on every scenario (e.g. a deliberately altered breaker, to see a mismatch found).</summary>
    /// <param name="scenarios">Scenarios whose options Polly and the candidate accept.</param>
    /// <param name="candidate">Runs a scenario through the breaker under comparison.</param>
    /// <param name="candidateName">What to call it in the description of a mismatch.</param>
    /// <returns>The counts and the first disagreement, if any.</returns>
    public static SideBySideReport Compare(IEnumerable<BreakerScenario> scenarios, Func<BreakerScenario, BreakerRun> candidate, string candidateName)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(candidate);
        candidateName = Guard.NotBlank(candidateName, nameof(candidateName));
        int count = 0, steps = 0, trips = 0, probes = 0, mismatches = 0;
        string firstName = "", first = "agree";
        foreach (var scenario in scenarios)
        {
            ArgumentNullException.ThrowIfNull(scenario, nameof(scenarios));
            var polly = PollyBreakerRunner.Run(scenario);
            var comparison = candidate(scenario).FirstMismatch(polly, candidateName, "Polly");
            count++;
            steps += scenario.Steps.Count;
            trips += polly.Transitions.Count(t => t is { From: BreakerState.Closed, To: BreakerState.Open });
            probes += polly.Transitions.Count(t => t is { From: BreakerState.Open, To: BreakerState.HalfOpen });
            if (!comparison.Agrees)
            {
                if (mismatches++ == 0)
                {
                    firstName = scenario.Name;
                    first = comparison.Reason;
                }
            }
        }

        return new SideBySideReport(count, steps, trips, probes, mismatches, mismatches == 0, firstName, first);
    }

    /// <summary>One scenario's two runs, step by step: what each breaker did and the transitions each made.</summary>
    /// <param name="scenario">A scenario whose options Polly and <see cref="ProductionBreakerOptions"/> accept.</param>
    /// <returns>One row per step.</returns>
    public static IReadOnlyList<SideBySideStep> Timeline(BreakerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var ours = BreakerScenarioRunner.Run(scenario);
        var polly = PollyBreakerRunner.Run(scenario);
        var rows = new List<SideBySideStep>(scenario.Steps.Count);
        for (int i = 0; i < scenario.Steps.Count; i++)
        {
            var a = ours.Steps[i];
            var b = polly.Steps[i];
            string madeByUs = Made(ours, i), madeByPolly = Made(polly, i);
            string step = a.Kind == BreakerStepKind.Advance ? "advance" : a.Outcome == CallOutcome.Success ? "call success" : "call failure";
            rows.Add(new SideBySideStep(a.AtMilliseconds, step, Did(a), Did(b), madeByUs, madeByPolly,
                a.Executed == b.Executed && a.StateAfter == b.StateAfter && madeByUs == madeByPolly));
        }

        return rows;
    }

    private static string Did(BreakerStepResult step) =>
        (step.Kind == BreakerStepKind.Advance ? "—" : step.Executed ? "ran" : "rejected") + ", " + step.StateAfter;

    private static string Made(BreakerRun run, int stepIndex)
    {
        int before = stepIndex == 0 ? 0 : run.Steps[stepIndex - 1].TransitionsSoFar;
        return string.Join("; ", run.Transitions.Skip(before).Take(run.Steps[stepIndex].TransitionsSoFar - before).Select(t => $"{t.From} -> {t.To}"));
    }
}
