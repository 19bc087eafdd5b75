using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.SideBySide;

namespace Workbook.Core.Tests.Resilience.Breakers;

// Polly.Core 8.9.1's circuit breaker pinned on hand-built scenarios. Every expected value was worked out by
// hand from Polly's docs or source at App-vNext/Polly commit 173d6d1d2e28a4697f1ac1d22da68f77ff19a0c9
// (the circuit-breaker sources last changed functionally in 016dd909, release 8.6.6):
//   docs/strategies/circuit-breaker.md                                   (documented behaviour, "Complex" example)
//   src/Polly.Core/CircuitBreaker/Controller/CircuitStateController.cs   (transitions, now >= blockedUntil)
//   src/Polly.Core/CircuitBreaker/Controller/AdvancedCircuitBehavior.cs  (trip test: throughput >= min && rate >= ratio, on failure only)
//   src/Polly.Core/CircuitBreaker/Health/RollingHealthMetrics.cs         (10 unaligned buckets, dropped when now - start >= S)
public sealed class PollyDocumentedBehaviourTests
{
    private static readonly BreakerScenarioOptions Half4 = new(0.5, 4, samplingDurationMilliseconds: 10_000, breakDurationMilliseconds: 5_000);

    public static TheoryData<string> ScenarioFiles() => [.. ScenarioFilesOnDisk.Names()];

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void ScenarioFile_PollyMakesTheHandWorkedTransitionsAndStates(string name)
    {
        var scenario = ScenarioFilesOnDisk.Load(name);
        Assert.True(scenario.HasExpectations, $"{name} has no expectations");
        var run = PollyBreakerRunner.Run(scenario);

        Assert.Equal(scenario.ExpectedTransitions, run.Transitions);
        for (int i = 0; i < scenario.Steps.Count; i++)
        {
            var expected = scenario.ExpectedSteps[i];
            Assert.True(
                expected.Executed == run.Steps[i].Executed && expected.StateAfter == run.Steps[i].StateAfter,
                $"{name}, step {i} at {run.Steps[i].AtMilliseconds} ms: expected executed={expected.Executed}, {expected.StateAfter}; Polly: executed={run.Steps[i].Executed}, {run.Steps[i].StateAfter}");
        }
    }

    // docs: "If the MinimumThroughput is not reached during the SamplingDuration then the FailureRatio is ignored."
    [Fact]
    public void MinimumThroughputNotReached_EvenAllFailuresDoNotTrip()
    {
        var run = Run(Half4, (0, 'F'), (1_000, 'F'), (2_000, 'F'));
        Assert.Empty(run.Transitions);
        Assert.All(run.Steps, s => Assert.True(s.Executed));
    }

    // AdvancedCircuitBehavior: rate >= ratio (not >). S,S,S,F: 1/4 = 0.25; F: 2/5 = 0.4; F: 3/6 = 0.5 >= 0.5 trips at 5000 ms.
    [Fact]
    public void RatioReachedExactly_Trips_ThenRejectsForTheBreakDuration()
    {
        var run = Run(Half4, (0, 'S'), (1_000, 'S'), (2_000, 'S'), (3_000, 'F'), (4_000, 'F'), (5_000, 'F'), (6_000, 'S'), (9_999, 'S'));
        Assert.Equal([new ScenarioTransition(5_000, BreakerState.Closed, BreakerState.Open)], run.Transitions);
        Assert.False(run.Steps[6].Executed); // 6000 ms: 1000 ms into a 5000 ms break
        Assert.False(run.Steps[7].Executed); // 9999 ms: 1 ms before the break ends (5000 + 5000)
    }

    // The trip test runs only when a failure is recorded: F,F,F (3 calls, below 4) then S makes 4 calls at 3/4 = 0.75
    // >= 0.5, but a success never trips; the next failure (4/5 = 0.8) does.
    [Fact]
    public void ASuccessNeverTrips_EvenWhenItCompletesTheMinimumThroughput()
    {
        var run = Run(Half4, (0, 'F'), (1, 'F'), (2, 'F'), (3, 'S'), (4, 'F'));
        Assert.Equal([new ScenarioTransition(4, BreakerState.Closed, BreakerState.Open)], run.Transitions);
    }

    // CircuitStateController: in HalfOpen every call but the probe is rejected; with sequential calls the probe has
    // completed before the next call, so the probe's success closes the breaker and its metrics restart empty
    // (CloseCircuit -> OnCircuitClosed -> metrics Reset): after the close, 3 failures are again below the minimum of 4.
    [Fact]
    public void ProbeSuccess_ClosesWithEmptyMetrics()
    {
        var run = Run(Half4,
            (0, 'F'), (1, 'F'), (2, 'F'), (3, 'F'), // trip at 3 ms, open until 5003 ms
            (5_003, 'S'),                           // the probe: Open -> HalfOpen -> Closed at 5003 ms
            (5_004, 'F'), (5_005, 'F'), (5_006, 'F'));
        Assert.Equal(
            [
                new ScenarioTransition(3, BreakerState.Closed, BreakerState.Open),
                new ScenarioTransition(5_003, BreakerState.Open, BreakerState.HalfOpen),
                new ScenarioTransition(5_003, BreakerState.HalfOpen, BreakerState.Closed),
            ],
            run.Transitions);
    }

    private static BreakerRun Run(BreakerScenarioOptions options, params (long At, char Outcome)[] calls) =>
        PollyBreakerRunner.Run(new BreakerScenario(
            "inline", "", options, [.. calls.Select(c => BreakerStep.Call(c.At, c.Outcome == 'F' ? CallOutcome.Failure : CallOutcome.Success))]));
}
