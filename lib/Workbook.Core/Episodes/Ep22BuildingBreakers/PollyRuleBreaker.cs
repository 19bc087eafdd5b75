using Workbook.Core.Resilience.Breakers;
using Workbook.Core.Resilience.Breakers.Scenarios;

namespace Workbook.Core.Episodes.Ep22BuildingBreakers;

/// <summary>
/// The production track's rules in their smallest sequential form, read from the scenario files' README (Polly's
/// rules): buckets of SamplingDuration/10 that start at the first call after the previous one's length, dropped
/// once now − start ≥ SamplingDuration; a failure opens the breaker when the sampled calls reach the minimum
/// throughput and the failure ratio is reached (≥); after the break the first call is the one probe; the state
/// leaves open only when a call arrives. The reference of <c>ep22.production-breaker</c>; times in ms.
/// </summary>
/// <remarks>With a <see cref="ProductionSlip"/> it makes one typical mistake instead (the known mistakes).</remarks>
internal sealed class PollyRuleBreaker(BreakerScenarioOptions options, ProductionSlip slip = ProductionSlip.None) : IReplayableBreaker
{
    private readonly List<(double Start, int Calls, int Failures)> buckets = [];
    private BreakerState state = BreakerState.Closed;
    private double blockedUntil;

    public bool TryCall(double time)
    {
        if (state == BreakerState.Closed)
        {
            return true;
        }

        if (state == BreakerState.Open && time >= blockedUntil)
        {
            state = BreakerState.HalfOpen; // this call is the probe
            return true;
        }

        return false;
    }

    public void Record(bool success, double time)
    {
        if (state == BreakerState.HalfOpen)
        {
            if (success)
            {
                state = BreakerState.Closed;
                buckets.Clear();
            }
            else
            {
                Open(time);
            }

            return;
        }

        if (state != BreakerState.Closed)
        {
            return;
        }

        double length = options.SamplingDurationMilliseconds / 10.0;
        double start = slip == ProductionSlip.GridBuckets ? Math.Floor(time / length) * length : time;
        if (buckets.Count == 0 || (slip == ProductionSlip.GridBuckets ? buckets[^1].Start != start : time - buckets[^1].Start >= length))
        {
            buckets.Add((start, 0, 0));
        }

        var current = buckets[^1];
        buckets[^1] = (current.Start, current.Calls + 1, current.Failures + (success ? 0 : 1));
        buckets.RemoveAll(b => time - b.Start >= options.SamplingDurationMilliseconds);

        int calls = buckets.Sum(b => b.Calls);
        int failures = buckets.Sum(b => b.Failures);
        if (!success && calls >= options.MinimumThroughput && failures / (double)calls >= options.FailureRatio)
        {
            Open(time);
        }
    }

    public BreakerState StateAt(double time) =>
        slip == ProductionSlip.EagerHalfOpen && state == BreakerState.Open && time >= blockedUntil ? BreakerState.HalfOpen : state;

    private void Open(double time)
    {
        state = BreakerState.Open;
        blockedUntil = time + options.BreakDurationMilliseconds;
    }
}

/// <summary>The typical mistakes of a production-track breaker.</summary>
internal enum ProductionSlip
{
    /// <summary>No mistake: the rules of the files.</summary>
    None,

    /// <summary>Buckets aligned to a grid of SamplingDuration/10 instead of starting at the first call.</summary>
    GridBuckets,

    /// <summary>Reports half-open as soon as the break has passed, before a call arrives.</summary>
    EagerHalfOpen,
}
