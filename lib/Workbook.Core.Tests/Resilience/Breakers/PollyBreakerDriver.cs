using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Drives Polly.Core's circuit breaker (AddCircuitBreaker with CircuitBreakerStrategyOptions) through a
/// <see cref="BreakerScenario"/> on a FakeTimeProvider, one call at a time, returning the same <see cref="BreakerRun"/>
/// as <see cref="BreakerScenarioRunner"/> does for the production breaker.
/// </summary>
public static class PollyBreakerDriver
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Polly's own ranges (it throws a ValidationException outside them): throughput &gt;= 2, durations 0.5 s to 1 day.</summary>
    public static bool PollyAccepts(BreakerScenarioOptions o) =>
        o.MinimumThroughput >= 2
        && o.SamplingDurationMilliseconds is >= 500 and <= 86_400_000
        && o.BreakDurationMilliseconds is >= 500 and <= 86_400_000;

    public static BreakerRun Run(BreakerScenario scenario)
    {
        var o = scenario.Options;
        if (!PollyAccepts(o))
        {
            throw new ArgumentException("Polly needs MinimumThroughput >= 2 and durations in [500 ms, 1 day].", nameof(scenario));
        }

        var time = new FakeTimeProvider(Epoch);
        var stateProvider = new CircuitBreakerStateProvider();
        var transitions = new List<ScenarioTransition>();
        var current = BreakerState.Closed;

        void Record(BreakerState to)
        {
            transitions.Add(new ScenarioTransition(Ms(time), current, to));
            current = to;
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
                OnOpened = _ => { Record(BreakerState.Open); return default; },
                OnClosed = _ => { Record(BreakerState.Closed); return default; },
                OnHalfOpened = _ => { Record(BreakerState.HalfOpen); return default; },
            })
            .Build();

        var steps = new List<BreakerStepResult>(scenario.Steps.Count);
        foreach (var step in scenario.Steps)
        {
            time.SetUtcNow(Epoch + TimeSpan.FromMilliseconds(step.AtMilliseconds));
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
                    // The call ran and failed; Polly rethrows the handled exception.
                }
                catch (BrokenCircuitException)
                {
                    // Rejected: executed stays false.
                }
            }

            steps.Add(new BreakerStepResult(step.AtMilliseconds, step.Kind, step.Outcome, executed, Map(stateProvider.CircuitState), transitions.Count));
        }

        return new BreakerRun(steps, transitions);
    }

    private static long Ms(FakeTimeProvider time) => (long)(time.GetUtcNow() - Epoch).TotalMilliseconds;

    private static BreakerState Map(CircuitState state) => state switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.Open => BreakerState.Open,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => throw new InvalidOperationException($"The scenarios never isolate the circuit, yet Polly reports {state}."),
    };

    private sealed class ScenarioFailureException : Exception
    {
        public ScenarioFailureException()
            : base("scenario failure")
        {
        }
    }
}
