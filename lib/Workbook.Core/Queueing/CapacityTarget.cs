using System.Diagnostics.CodeAnalysis;
using Workbook.Core.Numerics;

namespace Workbook.Core.Queueing;

/// <summary>
/// A service-level target for <see cref="CapacityPlanner"/>: an upper limit on one measure of an
/// M/M/c queue, such as "p99 response time at most 50 ms". Create one with a factory method.
/// </summary>
/// <remarks>
/// Every measure here can only improve as servers are added, which lets the planner stop at the first
/// number of servers that meets the target. Not every target can be met: servers remove waiting, not
/// service, so a response-time target below what the service time alone needs is infeasible, and the
/// planner says so instead of returning a number.
/// </remarks>
public sealed record CapacityTarget
{
    private CapacityTarget(CapacityMetric metric, double limit, double? percentile)
    {
        Metric = metric;
        Limit = limit;
        Percentile = percentile;
    }

    /// <summary>The measure the target limits.</summary>
    public CapacityMetric Metric { get; }

    /// <summary>
    /// The upper limit: in seconds for the four time measures, a probability for
    /// <see cref="CapacityMetric.ProbabilityOfWaiting"/>, a fraction for <see cref="CapacityMetric.Utilisation"/>.
    /// </summary>
    public double Limit { get; }

    /// <summary>The percentile level p in (0, 1) for the two percentile measures; null exactly when <see cref="IsPercentileTarget"/> is false.</summary>
    public double? Percentile { get; }

    /// <summary>Whether the target limits a percentile (<see cref="CapacityMetric.ResponseTimePercentile"/> or <see cref="CapacityMetric.WaitingTimePercentile"/>).</summary>
    [MemberNotNullWhen(true, nameof(Percentile))]
    public bool IsPercentileTarget => Percentile.HasValue;

    /// <summary>The target in words, for example "p99 response time ≤ 50 ms".</summary>
    public string Description => $"{MetricName} ≤ {Format(Limit)}";

    /// <summary>The measure in words, for example "p99 response time".</summary>
    internal string MetricName => Metric switch
    {
        CapacityMetric.ResponseTimePercentile => $"{QueueingText.Percentile(Percentile!.Value)} response time",
        CapacityMetric.WaitingTimePercentile => $"{QueueingText.Percentile(Percentile!.Value)} waiting time",
        CapacityMetric.MeanResponseTime => "mean response time",
        CapacityMetric.MeanWait => "mean wait",
        CapacityMetric.ProbabilityOfWaiting => "probability of waiting",
        _ => "utilisation",
    };

    /// <summary>The p-th percentile of the response time (wait plus service) must be at most <paramref name="limitSeconds"/>.</summary>
    /// <param name="percentile">The level p; a finite number in (0, 1). For the p99 pass 0.99.</param>
    /// <param name="limitSeconds">The limit in seconds; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static CapacityTarget ResponseTimePercentileAtMost(double percentile, double limitSeconds) =>
        new(
            CapacityMetric.ResponseTimePercentile,
            Guard.PositiveFinite(limitSeconds, nameof(limitSeconds)),
            Guard.InRangeExclusive(percentile, 0, 1, nameof(percentile)));

    /// <summary>The p-th percentile of the wait in the queue must be at most <paramref name="limitSeconds"/>.</summary>
    /// <param name="percentile">The level p; a finite number in (0, 1). For the p99 pass 0.99.</param>
    /// <param name="limitSeconds">
    /// The limit in seconds; a finite number &gt;= 0. A limit of 0 asks that at least a fraction p of
    /// requests do not wait at all.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static CapacityTarget WaitingTimePercentileAtMost(double percentile, double limitSeconds) =>
        new(
            CapacityMetric.WaitingTimePercentile,
            Guard.NonNegativeFinite(limitSeconds, nameof(limitSeconds)),
            Guard.InRangeExclusive(percentile, 0, 1, nameof(percentile)));

    /// <summary>The mean response time must be at most <paramref name="limitSeconds"/>.</summary>
    /// <param name="limitSeconds">The limit in seconds; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitSeconds"/> is outside its range.</exception>
    public static CapacityTarget MeanResponseTimeAtMost(double limitSeconds) =>
        new(CapacityMetric.MeanResponseTime, Guard.PositiveFinite(limitSeconds, nameof(limitSeconds)), null);

    /// <summary>The mean wait in the queue must be at most <paramref name="limitSeconds"/>.</summary>
    /// <param name="limitSeconds">The limit in seconds; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitSeconds"/> is outside its range.</exception>
    public static CapacityTarget MeanWaitAtMost(double limitSeconds) =>
        new(CapacityMetric.MeanWait, Guard.PositiveFinite(limitSeconds, nameof(limitSeconds)), null);

    /// <summary>The probability that an arrival has to wait must be at most <paramref name="probability"/>.</summary>
    /// <param name="probability">The limit; a finite number in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside its range.</exception>
    public static CapacityTarget ProbabilityOfWaitingAtMost(double probability) =>
        new(CapacityMetric.ProbabilityOfWaiting, Guard.InRangeExclusiveInclusive(probability, 0, 1, nameof(probability)), null);

    /// <summary>The utilisation of each server must be at most <paramref name="utilisation"/>.</summary>
    /// <param name="utilisation">The limit; a finite number in (0, 1]. A limit of 1 asks only for stability (ρ &lt; 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="utilisation"/> is outside its range.</exception>
    public static CapacityTarget UtilisationAtMost(double utilisation) =>
        new(CapacityMetric.Utilisation, Guard.InRangeExclusiveInclusive(utilisation, 0, 1, nameof(utilisation)), null);

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>The value of the measure for a stable queue, in the unit of <see cref="Limit"/>.</summary>
    internal double Measure(MMcSteadyState state) => Metric switch
    {
        CapacityMetric.ResponseTimePercentile => state.ResponseTime.PercentileSeconds(Percentile!.Value),
        CapacityMetric.WaitingTimePercentile => state.WaitingTime.PercentileSeconds(Percentile!.Value),
        CapacityMetric.MeanResponseTime => state.MeanResponseTimeSeconds,
        CapacityMetric.MeanWait => state.MeanWaitSeconds,
        CapacityMetric.ProbabilityOfWaiting => state.ProbabilityOfWaiting,
        _ => state.Utilisation,
    };

    /// <summary>Whether a stable queue meets the target.</summary>
    internal bool IsMetBy(MMcSteadyState state) => Metric switch
    {
        // One tail evaluation instead of a root search: percentile(p) <= t exactly when P(T > t) <= 1 − p.
        CapacityMetric.ResponseTimePercentile => state.ResponseTime.PercentileIsAtMost(Percentile!.Value, Limit),
        _ => Measure(state) <= Limit,
    };

    /// <summary>
    /// The value the measure approaches as the number of servers grows without bound, for service
    /// times with mean <paramref name="meanServiceTimeSeconds"/>: the best any number of servers can do.
    /// </summary>
    internal double BestPossible(double meanServiceTimeSeconds) => Metric switch
    {
        // With no waiting, T is the exponential service time alone: its p-th percentile is −S·ln(1 − p).
        CapacityMetric.ResponseTimePercentile => -PreciseMath.Log1P(-Percentile!.Value) * meanServiceTimeSeconds,
        CapacityMetric.MeanResponseTime => meanServiceTimeSeconds,
        _ => 0.0,
    };

    /// <summary>
    /// Whether some number of servers meets the target, and if not, why. Only the two response-time
    /// targets can fail: their best possible value, the service time's own, is never reached.
    /// </summary>
    internal bool IsAchievable(double meanServiceTimeSeconds, out string reason)
    {
        var s = meanServiceTimeSeconds;
        var best = BestPossible(s);
        switch (Metric)
        {
            // Compared in units of S, as the tail test does, so that the two agree at the boundary.
            case CapacityMetric.ResponseTimePercentile when !(Limit / s > -PreciseMath.Log1P(-Percentile!.Value)):
                var level = QueueingText.Percentile(Percentile!.Value);
                reason = $"No number of servers can meet {Description}. Servers remove waiting, not service: "
                    + $"every request still spends its own service time, and an exponential service time with mean "
                    + $"{QueueingText.Duration(s)} has {level} = {QueueingText.Duration(s)} × ln(1/(1 − {QueueingText.Number(Percentile.Value)})) "
                    + $"= {QueueingText.Duration(best)} by itself. With more servers the {level} response time only "
                    + $"approaches {QueueingText.Duration(best)} from above. Meeting the target needs faster service "
                    + $"(a mean below {QueueingText.Duration(Limit / (best / s))}) or less variable service.";
                return false;

            case CapacityMetric.MeanResponseTime when !(Limit > s):
                reason = $"No number of servers can meet {Description}. The mean response time is the mean wait "
                    + $"plus the mean service time, {QueueingText.Duration(s)}, so it stays above "
                    + $"{QueueingText.Duration(s)} however many servers there are. Meeting the target needs a mean "
                    + $"service time below {QueueingText.Duration(Limit)}.";
                return false;

            default:
                reason = "";
                return true;
        }
    }

    /// <summary>A value of the measure in its unit: a duration, a probability or a percentage.</summary>
    internal string Format(double value) => Metric switch
    {
        CapacityMetric.ProbabilityOfWaiting => QueueingText.Number(value),
        CapacityMetric.Utilisation => QueueingText.Percent(value),
        _ => QueueingText.Duration(value),
    };
}
