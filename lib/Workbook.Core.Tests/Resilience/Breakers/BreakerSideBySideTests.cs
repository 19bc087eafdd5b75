using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.SideBySide;

namespace Workbook.Core.Tests.Resilience.Breakers;

// The library's side-by-side API (what episode 22's notebook runs): Polly's runner on the manual clock, the seeded
// scenario generator and the comparison. Expected runs are worked out by hand from Polly's documented rules
// (docs/strategies/circuit-breaker.md at App-vNext/Polly 173d6d1d; docs/breakers-vs-polly.md).
public sealed class BreakerSideBySideTests
{
    private static readonly BreakerScenarioOptions HalfOfTwo = new(failureRatio: 0.5, minimumThroughput: 2, samplingDurationMilliseconds: 1_000, breakDurationMilliseconds: 1_000);

    // 0 F: 1 call < minimum 2, stays closed. 100 S: a success never trips. 200 F: 3 calls, 2 failures, 2/3 >= 0.5: trips at 200.
    // 700 S: rejected. 1199 advance: still Open. 1200 S: 200 + 1000, the boundary admits the probe, which closes.
    // 1300 F: the close emptied the window, 1 call < 2: stays closed.
    private static BreakerScenario HandWorked() => new("hand-worked", "", HalfOfTwo,
    [
        BreakerStep.Call(0, CallOutcome.Failure), BreakerStep.Call(100, CallOutcome.Success), BreakerStep.Call(200, CallOutcome.Failure),
        BreakerStep.Call(700, CallOutcome.Success), BreakerStep.Advance(1_199), BreakerStep.Call(1_200, CallOutcome.Success),
        BreakerStep.Call(1_300, CallOutcome.Failure),
    ]);

    [Fact]
    public void PollyRunner_HandWorkedScenario_TripsOnTheThirdCallAndProbesAtExactlyTheEndOfTheBreak()
    {
        var run = PollyBreakerRunner.Run(HandWorked());

        Assert.Equal([true, true, true, false, false, true, true], run.Steps.Select(s => s.Executed));
        Assert.Equal(
            [BreakerState.Closed, BreakerState.Closed, BreakerState.Open, BreakerState.Open, BreakerState.Open, BreakerState.Closed, BreakerState.Closed],
            run.Steps.Select(s => s.StateAfter));
        Assert.Equal(
            [
                new ScenarioTransition(200, BreakerState.Closed, BreakerState.Open),
                new ScenarioTransition(1_200, BreakerState.Open, BreakerState.HalfOpen),
                new ScenarioTransition(1_200, BreakerState.HalfOpen, BreakerState.Closed),
            ],
            run.Transitions);
    }

    [Fact]
    public void Timeline_HandWorkedScenario_ShowsBothBreakersDoingTheSameAtEveryStep()
    {
        var rows = BreakerSideBySide.Timeline(HandWorked());

        Assert.All(rows, r => Assert.True(r.Same, r.ToString()));
        Assert.Equal(new SideBySideStep(200, "call failure", "ran, Open", "ran, Open", "Closed -> Open", "Closed -> Open", true), rows[2]);
        Assert.Equal(new SideBySideStep(1_199, "advance", "—, Open", "—, Open", "", "", true), rows[4]);
        Assert.Equal("Open -> HalfOpen; HalfOpen -> Closed", rows[5].PollyTransitions);
    }

    [Fact]
    public void PollyRunner_OptionsPollyRejects_AreRefusedNamingTheScenario()
    {
        var scenario = new BreakerScenario("one-call-minimum", "", new BreakerScenarioOptions(0.5, 1, 1_000, 1_000), [BreakerStep.Call(0, CallOutcome.Failure)]);

        Assert.False(PollyBreakerRunner.Accepts(scenario.Options));
        var error = Assert.Throws<ArgumentException>(() => PollyBreakerRunner.Run(scenario));
        Assert.Equal("scenario", error.ParamName);
        Assert.Contains("minimumThroughput >= 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_SameSeed_GivesTheSameScenarios_AnotherSeedOthers()
    {
        var a = BreakerScenarioGenerator.Generate(50, seed: 22).Select(BreakerScenarioJson.ToJson).ToList();
        var b = BreakerScenarioGenerator.Generate(50, seed: 22).Select(BreakerScenarioJson.ToJson).ToList();
        var c = BreakerScenarioGenerator.Generate(50, seed: 23).Select(BreakerScenarioJson.ToJson).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generator_Scenarios_AreInsideBothDomains_AndLandOnTheEdges()
    {
        var scenarios = BreakerScenarioGenerator.Generate(2_000, seed: 1);

        int atBreakEnd = 0, atSamplingEnd = 0;
        foreach (var s in scenarios)
        {
            Assert.True(PollyBreakerRunner.Accepts(s.Options), s.Name);
            _ = s.Options.ToProductionBreakerOptions(); // throws outside the production breaker's ranges
            Assert.InRange(s.Steps.Count, 1, BreakerScenarioGenerator.MaxSteps);
            var times = s.Steps.Select(t => t.AtMilliseconds).ToList();
            atBreakEnd += times.Count(t => times.Contains(t - s.Options.BreakDurationMilliseconds));
            atSamplingEnd += times.Count(t => times.Contains(t - s.Options.SamplingDurationMilliseconds));
        }

        Assert.Contains(scenarios, s => s.Options.MinimumThroughput == 2);
        Assert.Contains(scenarios, s => s.Options.FailureRatio == 1.0 / 3);
        Assert.Contains(scenarios, s => s.Options.SamplingDurationMilliseconds % 10 != 0); // buckets of fractional milliseconds
        Assert.True(atBreakEnd >= 2_000, $"{atBreakEnd} steps exactly one break after another step");
        Assert.True(atSamplingEnd >= 2_000, $"{atSamplingEnd} steps exactly one sampling duration after another step");
    }

    [Fact]
    public void Compare_GeneratedScenarios_OursAndPollyAgree_AndTheyTripAndProbe()
    {
        var report = BreakerSideBySide.Compare(BreakerScenarioGenerator.Generate(1_000, seed: 22));

        Assert.True(report.Agrees, report.FirstMismatch);
        Assert.Equal(0, report.Mismatches);
        Assert.Equal(1_000, report.Scenarios);
        Assert.Equal("", report.FirstMismatchScenario);
        Assert.True(report.Trips >= 300, report.ToString());
        Assert.True(report.Probes >= 300, report.ToString());
    }

    [Fact]
    public void Compare_RatioComparedWithGreaterThan_IsFoundOnTheStepThatReachesTheRatioExactly()
    {
        // Polly trips at 10 ms: 2 calls >= 2, 1/2 >= 0.5. A breaker comparing with > (ratio raised by one ulp) does not.
        var scenario = new BreakerScenario("exact-ratio", "", HalfOfTwo, [BreakerStep.Call(0, CallOutcome.Success), BreakerStep.Call(10, CallOutcome.Failure)]);

        var report = BreakerSideBySide.Compare([scenario], StrictRatio, "strict");

        Assert.False(report.Agrees);
        Assert.Equal(1, report.Mismatches);
        Assert.Equal("exact-ratio", report.FirstMismatchScenario);
        Assert.StartsWith("step 1 (10 ms call Failure): strict executed=True, Closed", report.FirstMismatch, StringComparison.Ordinal);
        Assert.Equal(1, report.Trips);
    }

    [Fact]
    public void Compare_AlteredBreaker_OnGeneratedScenarios_IsCaught()
    {
        var report = BreakerSideBySide.Compare(BreakerScenarioGenerator.Generate(1_000, seed: 22), StrictRatio, "strict");

        Assert.False(report.Agrees);
        Assert.InRange(report.Mismatches, 1, 1_000);
    }

    private static BreakerRun StrictRatio(BreakerScenario s)
    {
        var o = s.Options.ToProductionBreakerOptions();
        return BreakerScenarioRunner.Run(s, new ProductionBreakerOptions(
            o.FailureRatio < 1 ? Math.BitIncrement(o.FailureRatio) : 1, o.MinimumThroughput, o.SamplingDuration, o.BreakDuration));
    }
}
