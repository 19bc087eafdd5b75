using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

// The production breaker replays the hand-worked scenario files (expectations written before any code ran, from
// Polly's docs and source; see data/resilience/breaker-scenarios/README.md), and the runner's comparison reports
// the first difference in words.
public sealed class BreakerScenarioRunnerTests
{
    private static readonly BreakerScenarioOptions Half2 = new(0.5, 2, samplingDurationMilliseconds: 2_000, breakDurationMilliseconds: 1_000);

    public static TheoryData<string> ScenarioFiles() => [.. ScenarioFilesOnDisk.Names()];

    [Fact]
    public void ScenarioFiles_AreFound_IncludingTheOneAGridAlignedBreakerFails()
    {
        var names = ScenarioFilesOnDisk.Names().ToList();
        Assert.Contains("bucket-starts-at-first-call", names);
        Assert.DoesNotContain("consecutive-failures", names); // the beginner format is replayed by its own tests
        Assert.True(names.Count >= 4, string.Join(", ", names));
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void ScenarioFile_ProductionBreakerMakesTheHandWorkedTransitionsAndStates(string name)
    {
        var scenario = ScenarioFilesOnDisk.Load(name);
        Assert.True(scenario.HasExpectations, $"{name} has no expectations");

        var run = BreakerScenarioRunner.Run(scenario);

        var comparison = run.FirstMismatch(scenario);
        Assert.True(comparison.Agrees, $"{name}: {comparison.Reason}\n{run.Describe()}");
        Assert.Equal(scenario.ExpectedTransitions, run.Transitions);
    }

    // Hand-worked: F at 0, F at 100 ms -> 2 calls >= 2, 2/2 >= 0.5: opens at 100; a call at 600 ms is rejected
    // (break until 1100); the call at 1100 is the probe and succeeds: Open -> HalfOpen -> Closed at 1100.
    [Fact]
    public void Run_RecordsEachStepAndTheTransitionsAtScenarioTimes()
    {
        var scenario = new BreakerScenario("inline", "", Half2,
            [BreakerStep.Call(0, CallOutcome.Failure), BreakerStep.Call(100, CallOutcome.Failure), BreakerStep.Call(600, CallOutcome.Success),
             BreakerStep.Advance(1_100), BreakerStep.Call(1_100, CallOutcome.Success)]);

        var run = BreakerScenarioRunner.Run(scenario);

        Assert.Equal([true, true, false, false, true], run.Steps.Select(s => s.Executed));
        Assert.Equal(
            [BreakerState.Closed, BreakerState.Open, BreakerState.Open, BreakerState.Open, BreakerState.Closed],
            run.Steps.Select(s => s.StateAfter));
        Assert.Equal([0, 1, 1, 1, 3], run.Steps.Select(s => s.TransitionsSoFar));
        Assert.Equal(
            [new ScenarioTransition(100, BreakerState.Closed, BreakerState.Open),
             new ScenarioTransition(1_100, BreakerState.Open, BreakerState.HalfOpen),
             new ScenarioTransition(1_100, BreakerState.HalfOpen, BreakerState.Closed)],
            run.Transitions);
    }

    [Fact]
    public void FirstMismatch_NamesTheFirstStepThatDiffers()
    {
        var steps = new[] { BreakerStep.Call(0, CallOutcome.Failure), BreakerStep.Call(100, CallOutcome.Failure) };
        // Wrong on purpose at step 1: the second failure opens the breaker (2 of 2 failed), the expectation says closed.
        var wrong = new BreakerScenario("wrong", "", Half2, steps,
            [new BreakerStepExpectation(true, BreakerState.Closed), new BreakerStepExpectation(true, BreakerState.Closed)]);

        var comparison = BreakerScenarioRunner.Run(wrong).FirstMismatch(wrong);

        Assert.False(comparison.Agrees);
        Assert.Equal(1, comparison.StepIndex);
        Assert.Contains("step 1 (100 ms call Failure): expected executed=True, Closed; got executed=True, Open", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstMismatch_ReportsAMissingTransition()
    {
        var steps = new[] { BreakerStep.Call(0, CallOutcome.Failure), BreakerStep.Call(100, CallOutcome.Failure) };
        var expectations = new[] { new BreakerStepExpectation(true, BreakerState.Closed), new BreakerStepExpectation(true, BreakerState.Open) };
        var noTransitions = new BreakerScenario("no-transitions", "", Half2, steps, expectations, []);

        var comparison = BreakerScenarioRunner.Run(noTransitions).FirstMismatch(noTransitions);

        Assert.False(comparison.Agrees);
        Assert.Equal("expected has 0 transitions, got 1", comparison.Reason);
    }

    [Fact]
    public void FirstMismatch_BetweenRuns_NamesBothSides()
    {
        var scenario = new BreakerScenario("inline", "", Half2, [BreakerStep.Call(0, CallOutcome.Failure), BreakerStep.Call(100, CallOutcome.Failure)]);
        var ours = BreakerScenarioRunner.Run(scenario);
        // Minimum throughput 3 instead of 2: the second failure (2 calls) does not trip.
        var altered = BreakerScenarioRunner.Run(scenario, new ProductionBreakerOptions(0.5, 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));

        Assert.True(ours.FirstMismatch(ours, "ours", "ours again").Agrees);
        var comparison = ours.FirstMismatch(altered, "ours", "altered");
        Assert.False(comparison.Agrees);
        Assert.Equal(1, comparison.StepIndex);
        Assert.StartsWith("step 1 (100 ms call Failure): ours executed=True, Open, 1 transitions so far; altered executed=True, Closed, 0", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionsOutsideTheProductionBreakersRanges_AreRejectedNamingTheOption()
    {
        // The scenario format accepts throughput 1 and 1 ms durations (other breakers use them); ProductionBreaker, like Polly, does not.
        var steps = new[] { BreakerStep.Call(0, CallOutcome.Failure) };
        BadInput.Rejects(() => BreakerScenarioRunner.Run(new BreakerScenario("t", "", new BreakerScenarioOptions(0.5, 1, 2_000, 1_000), steps)),
            "minimumThroughput", "an integer >= 2");
        BadInput.Rejects(() => BreakerScenarioRunner.Run(new BreakerScenario("t", "", new BreakerScenarioOptions(0.5, 2, 400, 1_000), steps)),
            "samplingDuration", "a duration in [0.5 s, 1 day]");
        // 10 s sampling = 1 s buckets: a 0.9 s break is shorter than the sampling granularity.
        BadInput.Rejects(() => BreakerScenarioRunner.Run(new BreakerScenario("t", "", new BreakerScenarioOptions(0.5, 2, 10_000, 900), steps)),
            "breakDuration", "at least one bucket, samplingDuration / 10 = 1 s");
    }

    [Fact]
    public void ManualTimeProvider_MovesOnlyWhenTold_AndNeverBackwards()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        long t0 = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1.5));

        Assert.Equal(start.AddTicks(15_000), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1.5), clock.GetElapsedTime(t0));
        BadInput.Rejects(() => clock.SetUtcNow(start), "value", "a time not before the clock's current time");
        BadInput.Rejects(() => clock.Advance(TimeSpan.FromTicks(-1)), "delta", "a duration >= 0");
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }
}
