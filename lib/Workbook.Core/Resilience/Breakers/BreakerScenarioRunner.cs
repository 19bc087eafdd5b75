namespace Workbook.Core.Resilience.Breakers;

/// <summary>Runs a <see cref="BreakerScenario"/> through a <see cref="ProductionBreaker"/> on a <see cref="ManualTimeProvider"/>.</summary>
/// <remarks>
/// One call at a time: the clock is set to the step's time, a call asks <see cref="ProductionBreaker.TryAcquire"/>
/// and, if granted, records its outcome at the same instant; the state is read after the step. The transitions
/// come from <see cref="ProductionBreaker.StateChanged"/>. The same scenario runs through Polly in the tests.
/// </remarks>
public static class BreakerScenarioRunner
{
    /// <summary>The instant a scenario's time 0 maps to.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the scenario through a new <see cref="ProductionBreaker"/> built from its options.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Each step's result and the transitions.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scenario's options are outside <see cref="ProductionBreakerOptions"/>' ranges.</exception>
    public static BreakerRun Run(BreakerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Run(scenario, scenario.Options.ToProductionBreakerOptions());
    }

    /// <summary>Runs the scenario's steps through a new <see cref="ProductionBreaker"/> with the given options (not the scenario's).</summary>
    /// <param name="scenario">The scenario whose steps are run.</param>
    /// <param name="options">The breaker's options.</param>
    /// <returns>Each step's result and the transitions.</returns>
    public static BreakerRun Run(BreakerScenario scenario, ProductionBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var time = new ManualTimeProvider(Epoch);
        var breaker = new ProductionBreaker(options, time);
        var transitions = new List<ScenarioTransition>();
        breaker.StateChanged += t => transitions.Add(new ScenarioTransition((t.At - Epoch).Ticks / TimeSpan.TicksPerMillisecond, t.From, t.To));

        var steps = new List<BreakerStepResult>(scenario.Steps.Count);
        foreach (var step in scenario.Steps)
        {
            time.SetUtcNow(Epoch.AddMilliseconds(step.AtMilliseconds));
            bool executed = false;
            if (step.Kind == BreakerStepKind.Call && breaker.TryAcquire(out var permit))
            {
                executed = true;
                if (step.Outcome == CallOutcome.Success)
                {
                    breaker.RecordSuccess(permit);
                }
                else
                {
                    breaker.RecordFailure(permit);
                }
            }

            steps.Add(new BreakerStepResult(step.AtMilliseconds, step.Kind, step.Outcome, executed, breaker.State, transitions.Count));
        }

        return new BreakerRun(steps, transitions);
    }
}
