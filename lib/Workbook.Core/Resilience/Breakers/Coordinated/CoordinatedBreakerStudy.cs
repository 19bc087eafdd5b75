using System.Globalization;

namespace Workbook.Core.Resilience.Breakers.Coordinated;

/// <summary>Local against coordinated breakers at one request rate: predicted and measured detection and false trips.</summary>
/// <param name="CallsPerSecondPerInstance">λ per instance.</param>
/// <param name="Design">"local" or "coordinated".</param>
/// <param name="PredictedDelay">Episode 13's <see cref="BreakerTripMath.DetectionDelayAllFailures"/> for this design's window (pooled: λ × instances).</param>
/// <param name="MeasuredDelaySeconds">Simulated delay to the first trip in a total outage, or the outage's length (300 s) if none.</param>
/// <param name="DetectedTotal">Whether the total outage was detected.</param>
/// <param name="DetectedPartial">Whether a partial outage (failure rate 0.3) was detected.</param>
/// <param name="PartialDelaySeconds">Its delay (the outage's length if not detected).</param>
/// <param name="PredictedConditionProbability">P(a full healthy window passes the condition), episode 13's binomial tail.</param>
/// <param name="MeasuredConditionRate">The fraction of healthy evaluations at which it held in the simulation.</param>
/// <param name="FalseTripsPerInstanceHour">False trips per instance-hour in a two-hour healthy run.</param>
public sealed record DetectionComparisonRow(
    int CallsPerSecondPerInstance,
    string Design,
    OutageDetectionDelay PredictedDelay,
    double MeasuredDelaySeconds,
    bool DetectedTotal,
    bool DetectedPartial,
    double PartialDelaySeconds,
    double PredictedConditionProbability,
    double MeasuredConditionRate,
    double FalseTripsPerInstanceHour);

/// <summary>One failure-mode scenario, run with one design.</summary>
/// <param name="Mode">The failure mode.</param>
/// <param name="Design">The design it was run with.</param>
/// <param name="Result">The run.</param>
/// <param name="Finding">The outcome in one sentence.</param>
public sealed record FailureModeResult(string Mode, string Design, FleetRunResult Result, string Finding);

/// <summary>
/// Seeded experiments with <see cref="CoordinatedFleetSimulation"/>: local against coordinated detection
/// and false trips (predicted with episode 13's trip mathematics), and the coordinated breaker's failure
/// modes (stale view, store unavailable, a poisoned view, a thundering herd of probes), each with a fix.
/// </summary>
public static class CoordinatedBreakerStudy
{
    /// <summary>The baseline failure rate of every experiment, 0.02.</summary>
    public const double BaselineFailureRate = 0.02;

    /// <summary>Local and coordinated designs at each request rate (8 instances, 10 s windows, ratio 0.1, local minimum 20, pooled 40).</summary>
    /// <param name="callsPerSecondPerInstance">The rates to compare; each in [1, 10000].</param>
    /// <param name="seed">The seed.</param>
    public static IReadOnlyList<DetectionComparisonRow> CompareDetection(IReadOnlyList<int> callsPerSecondPerInstance, long seed)
    {
        ArgumentNullException.ThrowIfNull(callsPerSecondPerInstance);
        var rows = new List<DetectionComparisonRow>();
        foreach (int lambda in callsPerSecondPerInstance)
        {
            foreach (bool coordinated in new[] { false, true })
            {
                var o = new CoordinatedFleetOptions(callsPerSecondPerInstance: lambda, coordinated: coordinated);
                var total = CoordinatedFleetSimulation.Run(o, new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 900), 1), seed);
                var partial = CoordinatedFleetSimulation.Run(o, new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 900), 0.3), seed + 1);
                var healthy = CoordinatedFleetSimulation.Run(o, new FleetScenario(7200, BaselineFailureRate), seed + 2);
                var condition = coordinated ? o.PooledCondition : o.LocalCondition;
                double rate = coordinated ? lambda * o.Instances : lambda;
                rows.Add(new DetectionComparisonRow(
                    lambda,
                    coordinated ? "coordinated" : "local",
                    BreakerTripMath.DetectionDelayAllFailures(condition, rate),
                    total.Detected ? total.FirstTripDelaySeconds : 300,
                    total.Detected,
                    partial.Detected,
                    partial.Detected ? partial.FirstTripDelaySeconds : 300,
                    BreakerTripMath.FullWindowTripProbability(condition, BaselineFailureRate, rate),
                    coordinated ? healthy.PooledConditionRate : healthy.LocalConditionRate,
                    healthy.FalseTripsPerInstanceHour));
            }
        }

        return rows;
    }

    /// <summary>Each failure mode as a scenario, with the naive design and the fix.</summary>
    /// <param name="seed">The seed.</param>
    public static IReadOnlyList<FailureModeResult> FailureModes(long seed)
    {
        var results = new List<FailureModeResult>();
        string F(double x) => x.ToString("0.#", CultureInfo.InvariantCulture);

        // 1. Stale view: publication interval P delays the pooled decision.
        foreach (int p in new[] { 1, 5, 15 })
        {
            var o = new CoordinatedFleetOptions(publishIntervalSeconds: p, maxViewAgeSeconds: Math.Max(30, 2 * p));
            var r = CoordinatedFleetSimulation.Run(o, new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 900), 1), seed);
            results.Add(new FailureModeResult("stale view", $"publish every {p} s", r,
                $"First trip {F(r.FirstTripDelaySeconds)} s after the outage began; every instance open after {F(r.AllTrippedDelaySeconds)} s; {r.FailedCallsDuringOutage} failed calls."));
        }

        // 2. Store unreachable during an outage (λ = 5, so local breakers can trip on their own).
        var during = new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 700), 1, StoreDown: new SecondsSpan(550, 900));
        foreach (var policy in new[] { StoreOutagePolicy.KeepLastView, StoreOutagePolicy.FallBackToLocal })
        {
            var o = new CoordinatedFleetOptions(callsPerSecondPerInstance: 5, storeOutage: policy);
            var r = CoordinatedFleetSimulation.Run(o, during, seed);
            results.Add(new FailureModeResult("store down before the outage", policy.ToString(), r,
                r.Detected ? $"Tripped {F(r.FirstTripDelaySeconds)} s into the outage; {r.FailedCallsDuringOutage} failed calls." : $"Stuck closed: never tripped; {r.FailedCallsDuringOutage} failed calls in 100 s."));
        }

        // 3. Store unreachable while the fleet is open: the outage ends at 660 s, the store is back at 900 s.
        var whileOpen = new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 660), 1, StoreDown: new SecondsSpan(610, 900));
        foreach (var policy in new[] { StoreOutagePolicy.KeepLastView, StoreOutagePolicy.FallBackToLocal })
        {
            var o = new CoordinatedFleetOptions(callsPerSecondPerInstance: 5, storeOutage: policy);
            var r = CoordinatedFleetSimulation.Run(o, whileOpen, seed);
            results.Add(new FailureModeResult("store down while open", policy.ToString(), r,
                $"{r.OpenSecondsWhileHealthy} instance-seconds open after the dependency recovered ({F(r.OpenSecondsWhileHealthy / (double)o.Instances)} s per instance)."));
        }

        // 4. Poisoned view: instance 0's own network fails every call for 300 s; the dependency is fine.
        var poisoned = new FleetScenario(900, BaselineFailureRate, BadInstance: 0, BadSpan: new SecondsSpan(300, 600));
        foreach (var pooling in new[] { PoolingRule.Sum, PoolingRule.LeaveWorstOut })
        {
            var o = new CoordinatedFleetOptions(callsPerSecondPerInstance: 2, pooling: pooling);
            var r = CoordinatedFleetSimulation.Run(o, poisoned, seed);
            results.Add(new FailureModeResult("one bad instance", pooling.ToString(), r,
                $"{r.FalseTrips} trips of healthy instances; {r.OpenSecondsWhileHealthy} instance-seconds open while that instance's own calls were healthy" +
                (r.FalseTrips == 0 && r.OpenSecondsWhileHealthy > 0 ? " (no healthy instance tripped, so these are the bad instance's, just after its own problem ended)." : ".")));
        }

        // 5. Thundering herd: 50 instances trip together; how many probes hit the recovering dependency at once?
        var herd = new FleetScenario(900, BaselineFailureRate, new SecondsSpan(600, 660), 1);
        foreach (var halfOpen in new[] { HalfOpenCoordination.EveryInstance, HalfOpenCoordination.Jittered, HalfOpenCoordination.OneProbeForTheFleet })
        {
            var o = new CoordinatedFleetOptions(instances: 50, pooledMinimumThroughput: 100, halfOpen: halfOpen);
            var r = CoordinatedFleetSimulation.Run(o, herd, seed);
            int lastOpen = r.Timeline.Where(s => s.OpenInstances > 0).Select(s => s.Second).DefaultIfEmpty(-1).Max();
            results.Add(new FailureModeResult("thundering herd", halfOpen.ToString(), r,
                $"Peak {r.PeakProbesPerSecond} {(r.PeakProbesPerSecond == 1 ? "probe" : "probes")} in one second, {r.TotalProbes} probes in all; last instance closed {lastOpen + 1 - 660} s after recovery."));
        }

        return results;
    }
}
