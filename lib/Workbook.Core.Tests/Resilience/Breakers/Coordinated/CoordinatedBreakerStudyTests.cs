using Workbook.Core.Resilience;
using Workbook.Core.Resilience.Breakers.Coordinated;

namespace Workbook.Core.Tests.Resilience.Breakers.Coordinated;

public sealed class CoordinatedBreakerStudyTests
{
    private static readonly Lazy<IReadOnlyList<DetectionComparisonRow>> Rows = new(() => CoordinatedBreakerStudy.CompareDetection([1, 2, 5], 13));
    private static readonly Lazy<IReadOnlyList<FailureModeResult>> Modes = new(() => CoordinatedBreakerStudy.FailureModes(13));

    [Fact]
    public void PrintsTheNumbers()
    {
        var o = TestContext.Current.TestOutputHelper!;
        foreach (var r in Rows.Value)
        {
            o.WriteLine($"λ={r.CallsPerSecondPerInstance} {r.Design}: predicted {(r.PredictedDelay.Trips ? r.PredictedDelay.Seconds.ToString() : "never")} measured {r.MeasuredDelaySeconds} (det {r.DetectedTotal}); partial {r.DetectedPartial} {r.PartialDelaySeconds}; cond P {r.PredictedConditionProbability:G4} measured {r.MeasuredConditionRate:G4}; false/h {r.FalseTripsPerInstanceHour:G4}");
        }

        foreach (var m in Modes.Value)
        {
            o.WriteLine($"{m.Mode} / {m.Design}: {m.Finding}");
        }
    }
}

public sealed class CoordinatedFleetSimulationTests
{
    private static FleetRunResult Run(CoordinatedFleetOptions o, FleetScenario s, long seed = 13) => CoordinatedFleetSimulation.Run(o, s, seed);

    // λ = 1 call/s, 10 s windows: a local window holds 10 calls, below the local minimum of 20, so a local
    // breaker can never trip (episode 13: DetectionDelayAllFailures says never); the pooled window of
    // 8 × 10 = 80 calls needs f* = ⌈0.1 × 80⌉ = 8 failures, 1 s of a total outage.
    [Fact]
    public void PooledEvidenceTripsWhereLocalCannot()
    {
        var outage = new FleetScenario(900, 0.02, new SecondsSpan(600, 900), 1);
        var local = Run(new CoordinatedFleetOptions(coordinated: false), outage);
        var pooled = Run(new CoordinatedFleetOptions(), outage);
        Assert.False(local.Detected);
        Assert.True(pooled.Detected);
        Assert.Equal(1, pooled.FirstTripDelaySeconds);
        var math = BreakerTripMath.DetectionDelayAllFailures(new CoordinatedFleetOptions().PooledCondition, 8);
        Assert.Equal(8, math.FailuresToTrip);
        Assert.False(BreakerTripMath.DetectionDelayAllFailures(new CoordinatedFleetOptions().LocalCondition, 1).Trips);
    }

    // Local windows of 20 calls at p0 = 0.02 pass "ratio ≥ 0.1" with 2 failures: P = 1 − 0.98²⁰ − 20·0.02·0.98¹⁹ = 0.0599
    // (hand-computed). The shadow windows' measured rate agrees within 0.005 (about 4 standard errors of correlated windows).
    [Fact]
    public void LocalConditionRateMatchesTheBinomialTail()
    {
        double p = 1 - Math.Pow(0.98, 20) - (20 * 0.02 * Math.Pow(0.98, 19));
        var r = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2, coordinated: false), new FleetScenario(7200, 0.02));
        Assert.Equal(0.0599, p, 4);
        Assert.InRange(r.LocalConditionRate, p - 0.005, p + 0.005);
        Assert.True(r.FalseTripsPerInstanceHour > 10);
    }

    [Fact]
    public void CoordinatedBreakersDoNotFalseTripAtBaseline()
    {
        var r = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2), new FleetScenario(7200, 0.02));
        Assert.Equal(0, r.FalseTrips);
    }

    [Fact]
    public void StoreDownFallsBackToLocalAndNaiveDesignSticks()
    {
        var during = new FleetScenario(900, 0.02, new SecondsSpan(600, 700), 1, StoreDown: new SecondsSpan(550, 900));
        Assert.False(Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 5, storeOutage: StoreOutagePolicy.KeepLastView), during).Detected);
        Assert.True(Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 5), during).Detected);
        var whileOpen = new FleetScenario(900, 0.02, new SecondsSpan(600, 660), 1, StoreDown: new SecondsSpan(610, 900));
        var stuck = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 5, storeOutage: StoreOutagePolicy.KeepLastView), whileOpen);
        var fallback = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 5), whileOpen);
        Assert.Equal(8 * 240, stuck.OpenSecondsWhileHealthy); // open until the store returns at 900 s
        Assert.True(fallback.OpenSecondsWhileHealthy <= 8 * 5); // at most one break each after recovery
    }

    [Fact]
    public void LeavingTheWorstOutStopsOnePoisonedInstance()
    {
        var poisoned = new FleetScenario(900, 0.02, BadInstance: 0, BadSpan: new SecondsSpan(300, 600));
        var sum = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2), poisoned);
        var robust = Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2, pooling: PoolingRule.LeaveWorstOut), poisoned);
        Assert.True(sum.FalseTrips >= 7);
        Assert.Equal(0, robust.FalseTrips);
        Assert.True(robust.Timeline[310].OpenInstances >= 1); // the bad instance still trips itself
    }

    [Fact]
    public void OneFleetProbeAvoidsTheHerd()
    {
        var herd = new FleetScenario(900, 0.02, new SecondsSpan(600, 660), 1);
        var all = Run(new CoordinatedFleetOptions(instances: 50, pooledMinimumThroughput: 100), herd);
        var one = Run(new CoordinatedFleetOptions(instances: 50, pooledMinimumThroughput: 100, halfOpen: HalfOpenCoordination.OneProbeForTheFleet), herd);
        Assert.Equal(50, all.PeakProbesPerSecond);
        Assert.Equal(1, one.PeakProbesPerSecond);
    }

    [Fact]
    public void SameSeedSameRun() =>
        Assert.Equal(
            Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2, coordinated: false), new FleetScenario(600, 0.02)).Timeline,
            Run(new CoordinatedFleetOptions(callsPerSecondPerInstance: 2, coordinated: false), new FleetScenario(600, 0.02)).Timeline);

    [Fact]
    public void RejectsBadOptions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoordinatedFleetOptions(instances: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoordinatedFleetOptions(publishIntervalSeconds: 10, maxViewAgeSeconds: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(new CoordinatedFleetOptions(), new FleetScenario(10, 0.02, BadInstance: 8, BadSpan: new SecondsSpan(0, 5))));
    }
}
