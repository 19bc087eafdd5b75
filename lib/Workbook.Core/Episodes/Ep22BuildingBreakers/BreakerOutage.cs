using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Simulation;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>
/// A simulated outage for episode 22's figures: calls arrive as a seeded Poisson stream, each fails with a
/// baseline probability, and every call fails while the dependency is down. Illustrative, not measured.
/// </summary>
/// <param name="RatePerSecond">Mean call arrival rate, calls/s.</param>
/// <param name="DurationSeconds">Length of the run, s.</param>
/// <param name="OutageStartSeconds">When the dependency starts failing every call, s.</param>
/// <param name="OutageEndSeconds">When it recovers, s.</param>
/// <param name="BaselineFailureRate">Probability that a call fails while the dependency is healthy.</param>
/// <param name="Seed">Seed of the arrival times and outcomes.</param>
public sealed record OutageScenario(
    double RatePerSecond, double DurationSeconds, double OutageStartSeconds, double OutageEndSeconds, double BaselineFailureRate, long Seed)
{
    /// <summary>The outage of the figures: 20 calls/s for 90 s, every call fails from 30 s to 60 s, 20 % fail otherwise (a flaky dependency), seed 22.</summary>
    public static OutageScenario Standard { get; } = new(20, 90, 30, 60, 0.20, 22);

    /// <summary>True when the dependency is down at <paramref name="seconds"/>.</summary>
    public bool IsDown(double seconds) => seconds >= OutageStartSeconds && seconds < OutageEndSeconds;

    /// <summary>The offered calls: arrival time and whether the dependency would fail it; the same list for every breaker.</summary>
    public IReadOnlyList<OfferedCall> Calls()
    {
        Guard.PositiveFinite(RatePerSecond, nameof(RatePerSecond));
        Guard.PositiveFinite(DurationSeconds, nameof(DurationSeconds));
        Guard.InRangeInclusive(BaselineFailureRate, 0, 1, nameof(BaselineFailureRate));
        var random = new Xoshiro256StarStar(Seed);
        var calls = new List<OfferedCall>();
        for (double t = random.NextExponential(1 / RatePerSecond); t < DurationSeconds; t += random.NextExponential(1 / RatePerSecond))
        {
            var healthyFailure = random.NextDouble() < BaselineFailureRate; // drawn for every call, so the stream does not depend on the outage
            calls.Add(new OfferedCall(t, IsDown(t) || healthyFailure));
        }

        return calls;
    }
}

/// <summary>A call offered to the breaker: its arrival time (s) and whether the dependency would fail it.</summary>
public sealed record OfferedCall(double AtSeconds, bool WouldFail);

/// <summary>What happened to one offered call.</summary>
/// <param name="AtSeconds">Arrival time, s.</param>
/// <param name="WouldFail">Whether the dependency would have failed it.</param>
/// <param name="Admitted">Whether the breaker let it through.</param>
/// <param name="IsProbe">Whether it was a half-open probe (a call admitted while the breaker was not closed).</param>
/// <param name="StateAfter">The breaker's state right after the call.</param>
public sealed record OutageCall(double AtSeconds, bool WouldFail, bool Admitted, bool IsProbe, BreakerState StateAfter);

/// <summary>One breaker driven through an <see cref="OutageScenario"/> on a clock that jumps from call to call.</summary>
/// <param name="Breaker">The breaker's name, for legends.</param>
/// <param name="Scenario">The outage.</param>
/// <param name="Calls">Every offered call and what happened to it, in time order.</param>
public sealed record OutageRun(string Breaker, OutageScenario Scenario, IReadOnlyList<OutageCall> Calls)
{
    /// <summary>Calls admitted that succeeded.</summary>
    public int Succeeded => Calls.Count(c => c.Admitted && !c.WouldFail);

    /// <summary>Calls admitted that failed.</summary>
    public int Failed => Calls.Count(c => c.Admitted && c.WouldFail);

    /// <summary>Calls the breaker rejected.</summary>
    public int Rejected => Calls.Count(c => !c.Admitted);

    /// <summary>Calls during the outage (all of which would fail).</summary>
    public int OutageCalls => Calls.Count(c => Scenario.IsDown(c.AtSeconds));

    /// <summary>Calls during the outage that the breaker rejected: failures the dependency was spared.</summary>
    public int OutageCallsRejected => Calls.Count(c => !c.Admitted && Scenario.IsDown(c.AtSeconds));

    /// <summary>Calls while the dependency was healthy that the breaker rejected: work lost to the breaker.</summary>
    public int HealthyCallsRejected => Calls.Count(c => !c.Admitted && !Scenario.IsDown(c.AtSeconds));

    /// <summary>Times (s) of the calls after which the breaker went from closed to open.</summary>
    public IReadOnlyList<double> Trips =>
        Calls.Where((c, i) => c.StateAfter == BreakerState.Open && (i == 0 ? BreakerState.Closed : Calls[i - 1].StateAfter) == BreakerState.Closed)
            .Select(c => c.AtSeconds).ToList();

    /// <summary>Trips while the dependency was healthy (before the outage or after it ended).</summary>
    public int FalseTrips => Trips.Count(t => !Scenario.IsDown(t));

    /// <summary>Whether the breaker tripped during the outage (if not, <see cref="DetectionSeconds"/> is 0 and <see cref="Reason"/> says so).</summary>
    public bool Detected => Trips.Any(Scenario.IsDown);

    /// <summary>Seconds from the outage start to the first trip during it; 0 when not <see cref="Detected"/>.</summary>
    public double DetectionSeconds => Detected ? Trips.First(Scenario.IsDown) - Scenario.OutageStartSeconds : 0;

    /// <summary>Whether the breaker was closed again after the outage (if not, <see cref="RecoverySeconds"/> is 0).</summary>
    public bool Recovered => FirstCloseAfterOutage() is not null;

    /// <summary>Seconds from the outage end to the first call after which the breaker reads closed again (having been open).</summary>
    public double RecoverySeconds => FirstCloseAfterOutage() is { } t ? t - Scenario.OutageEndSeconds : 0;

    /// <summary>Why a number is missing: empty when the outage was detected and recovered from.</summary>
    public string Reason => !Detected ? "the breaker never tripped during the outage"
        : !Recovered ? "the breaker was not closed again before the run ended" : "";

    private double? FirstCloseAfterOutage()
    {
        var after = Calls.Where(c => c.AtSeconds >= Scenario.OutageEndSeconds).ToList();
        return Calls.Any(c => c.StateAfter != BreakerState.Closed && c.AtSeconds < Scenario.OutageEndSeconds)
            ? after.FirstOrDefault(c => c.StateAfter == BreakerState.Closed)?.AtSeconds
            : null;
    }

    /// <summary>The beginner breaker of the episode: 5 consecutive failures open it for 5 s.</summary>
    public static OutageRun Beginner(OutageScenario scenario)
    {
        var clock = new SteppedClock();
        var breaker = new BeginnerBreaker(5, TimeSpan.FromSeconds(5), clock);
        return Drive("beginner (5 consecutive failures)", scenario, clock, () =>
        {
            var probe = breaker.State != BreakerState.Closed;
            return (breaker.AllowRequest(), probe);
        }, ok => { if (ok) { breaker.RecordSuccess(); } else { breaker.RecordFailure(); } }, () => breaker.State);
    }

    /// <summary>The intermediate breaker of the episode: ≥ 50 % of the last 20 calls (≥ 10 of them), open 5 s, 3 probes.</summary>
    public static OutageRun Intermediate(OutageScenario scenario)
    {
        var clock = new SteppedClock();
        var breaker = new IntermediateBreaker(new IntermediateBreakerOptions(windowSize: 20, minimumCalls: 10, failureRatio: 0.5, openDuration: TimeSpan.FromSeconds(5), halfOpenProbes: 3), clock);
        return Drive("intermediate (≥ 50 % of last 20 calls)", scenario, clock, () =>
        {
            var probe = breaker.State != BreakerState.Closed;
            return (breaker.AllowRequest(), probe);
        }, ok => { if (ok) { breaker.RecordSuccess(); } else { breaker.RecordFailure(); } }, () => breaker.State);
    }

    /// <summary>The production breaker of the episode: ≥ 50 % of ≥ 20 calls in a 10 s window, break 5 s.</summary>
    public static OutageRun Production(OutageScenario scenario)
    {
        var clock = new SteppedClock();
        var breaker = new ProductionBreaker(ProductionOptions, clock);
        CallPermit permit = default;
        return Drive("production (≥ 50 % of ≥ 20 calls in 10 s)", scenario, clock, () =>
        {
            var admitted = breaker.TryAcquire(out permit);
            return (admitted, permit.IsProbe);
        }, ok => { if (ok) { breaker.RecordSuccess(permit); } else { breaker.RecordFailure(permit); } }, () => breaker.State);
    }

    /// <summary>The production breaker's options in the figures.</summary>
    public static ProductionBreakerOptions ProductionOptions { get; } =
        new(failureRatio: 0.5, minimumThroughput: 20, samplingDuration: TimeSpan.FromSeconds(10), breakDuration: TimeSpan.FromSeconds(5));

    private static OutageRun Drive(string name, OutageScenario scenario, SteppedClock clock, Func<(bool Admitted, bool Probe)> acquire, Action<bool> record, Func<BreakerState> state)
    {
        var result = new List<OutageCall>();
        foreach (var call in scenario.Calls())
        {
            clock.Seconds = call.AtSeconds;
            var (admitted, probe) = acquire();
            if (admitted)
            {
                record(!call.WouldFail);
            }

            result.Add(new OutageCall(call.AtSeconds, call.WouldFail, admitted, admitted && probe, state()));
        }

        return new OutageRun(name, scenario, result);
    }

    /// <summary>A clock set by the driver, in whole microseconds so that runs are exact and repeatable.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private long _microseconds;

        public double Seconds
        {
            set => _microseconds = (long)Math.Round(value * 1e6);
        }

        public override long TimestampFrequency => 1_000_000;

        public override long GetTimestamp() => _microseconds;

        public override DateTimeOffset GetUtcNow() => Start.AddTicks(_microseconds * 10);
    }
}
