using Polly;
using Polly.CircuitBreaker;

namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>
/// Runs a <see cref="BreakerScenario"/> through Polly.Core's circuit breaker (<c>AddCircuitBreaker</c> with
/// <c>CircuitBreakerStrategyOptions</c>) on a <see cref="ManualTimeProvider"/>, one call at a time, giving the same
/// <see cref="BreakerRun"/> as <see cref="BreakerScenarioRunner"/> gives for <see cref="ProductionBreaker"/>.
/// </summary>
/// <remarks>
/// Options map one to one (ratio, minimum throughput, sampling and break durations). A failing call throws an
/// exception the pipeline's <c>ShouldHandle</c> counts; a rejected call is Polly's <c>BrokenCircuitException</c>.
/// Transitions come from <c>OnOpened</c>/<c>OnHalfOpened</c>/<c>OnClosed</c>, the state from its state provider.
/// Polly's breaker only reads the clock, so the manual clock (which has no timers) is enough.
/// </remarks>
public static class PollyBreakerRunner
{
    /// <summary>True if Polly accepts the options (it rejects the rest): minimum throughput &gt;= 2, both durations in [500 ms, 1 day].</summary>
    /// <param name="options">The scenario's options.</param>
    /// <returns>Whether <see cref="Run"/> can run a scenario with these options.</returns>
    public static bool Accepts(BreakerScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MinimumThroughput >= 2
            && options.SamplingDurationMilliseconds is >= 500 and <= 86_400_000
            && options.BreakDurationMilliseconds is >= 500 and <= 86_400_000;
    }

    /// <summary>Runs the scenario through a new Polly circuit breaker configured with the scenario's options.</summary>
    /// <param name="scenario">The scenario; its options must satisfy <see cref="Accepts"/>.</param>
    /// <returns>Each step's result and the transitions, at scenario times.</returns>
    /// <exception cref="ArgumentException">Polly does not accept the scenario's options.</exception>
    public static BreakerRun Run(BreakerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var o = scenario.Options;
        if (!Accepts(o))
        {
            throw new ArgumentException(
                $"Polly accepts minimumThroughput >= 2 and durations in [500 ms, 1 day]; scenario '{scenario.Name}' has {o.MinimumThroughput}, "
                + $"{o.SamplingDurationMilliseconds} ms and {o.BreakDurationMilliseconds} ms.",
                nameof(scenario));
        }

        var epoch = BreakerScenarioRunner.Epoch;
        var time = new ManualTimeProvider(epoch);
        var stateProvider = new CircuitBreakerStateProvider();
        var transitions = new List<ScenarioTransition>();
        var current = BreakerState.Closed;

        ValueTask Record(BreakerState to)
        {
            transitions.Add(new ScenarioTransition((time.GetUtcNow() - epoch).Ticks / TimeSpan.TicksPerMillisecond, current, to));
            current = to;
            return default;
        }

        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = o.FailureRatio,
                MinimumThroughput = o.MinimumThroughput,
                SamplingDuration = TimeSpan.FromMilliseconds(o.SamplingDurationMilliseconds),
                BreakDuration = TimeSpan.FromMilliseconds(o.BreakDurationMilliseconds),
                ShouldHandle = new PredicateBuilder().Handle<ScenarioFailureException>(),
                StateProvider = stateProvider,
                OnOpened = _ => Record(BreakerState.Open),
                OnClosed = _ => Record(BreakerState.Closed),
                OnHalfOpened = _ => Record(BreakerState.HalfOpen),
            })
            .Build();

        var steps = new List<BreakerStepResult>(scenario.Steps.Count);
        foreach (var step in scenario.Steps)
        {
            time.SetUtcNow(epoch.AddMilliseconds(step.AtMilliseconds));
            bool executed = false;
            if (step.Kind == BreakerStepKind.Call)
            {
                try
                {
                    pipeline.Execute(() =>
                    {
                        executed = true;
                        if (step.Outcome == CallOutcome.Failure)
                        {
                            throw new ScenarioFailureException();
                        }
                    });
                }
                catch (ScenarioFailureException)
                {
                    // The call ran and failed; Polly counts it and rethrows it.
                }
                catch (BrokenCircuitException)
                {
                    // Rejected without running: executed stays false.
                }
            }

            steps.Add(new BreakerStepResult(step.AtMilliseconds, step.Kind, step.Outcome, executed, Map(stateProvider.CircuitState), transitions.Count));
        }

        return new BreakerRun(steps, transitions);
    }

    private static BreakerState Map(CircuitState state) => state switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.Open => BreakerState.Open,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => throw new InvalidOperationException($"A scenario never isolates the circuit, yet Polly reports {state}."),
    };

    private sealed class ScenarioFailureException : Exception
    {
        public ScenarioFailureException()
            : base("scenario failure")
        {
        }
    }
}
