using System.Globalization;

namespace Workbook.Core.Resilience;

/// <summary>
/// The closed-state trip condition of a failure-ratio circuit breaker: a sliding window, a minimum
/// number of calls before the ratio counts, a failure-ratio threshold and the exact comparison.
/// </summary>
/// <remarks>
/// Only the condition that opens a closed breaker, not a whole breaker's options (no break duration,
/// no half-open trial). The defaults are resilience4j's (v2.4.0, <c>CircuitBreakerConfig</c>), so
/// <c>new TripCondition()</c> answers "what does an untuned resilience4j breaker do?";
/// <see cref="CircuitBreakerDefaults.TripConditionFor"/> builds Polly's and Hystrix's. Every value is
/// checked here, in the constructor, including the rule that ties the threshold to the comparison.
/// Like resilience4j, a count-based window lowers a minimum throughput above the window size to the
/// window size (<see cref="EffectiveMinimumThroughput"/>); a time-based window never does.
/// </remarks>
public sealed record TripCondition
{
    /// <summary>Creates and validates a trip condition.</summary>
    /// <param name="windowKind">Count-based or time-based; a defined <see cref="SlidingWindowKind"/>.</param>
    /// <param name="windowSize">Calls (count-based) or seconds (time-based) in the window; an integer &gt;= 1.</param>
    /// <param name="minimumThroughput">Calls the window must hold before the ratio is compared; an integer &gt;= 1.</param>
    /// <param name="failureThreshold">The failure ratio that trips, as a fraction (0.5 for 50 %); a finite number in (0, 1],
    /// and a whole percent (0.01, 0.02, …, 1) for <see cref="TripComparison.TruncatedPercentAtLeast"/>.</param>
    /// <param name="comparison">The comparison and its arithmetic; a defined <see cref="TripComparison"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public TripCondition(
        SlidingWindowKind windowKind = SlidingWindowKind.CountBased,
        int windowSize = 100,
        int minimumThroughput = 100,
        double failureThreshold = 0.5,
        TripComparison comparison = TripComparison.PercentAtLeastSingle)
    {
        WindowKind = Enum.IsDefined(windowKind)
            ? windowKind
            : throw Guard.OutOfRange(nameof(windowKind), "CountBased or TimeBased", ((int)windowKind).ToString(CultureInfo.InvariantCulture));
        WindowSize = Guard.AtLeast(windowSize, 1, nameof(windowSize));
        MinimumThroughput = Guard.AtLeast(minimumThroughput, 1, nameof(minimumThroughput));
        Comparison = Enum.IsDefined(comparison)
            ? comparison
            : throw Guard.OutOfRange(nameof(comparison), "a defined TripComparison", ((int)comparison).ToString(CultureInfo.InvariantCulture));
        FailureThreshold = Guard.InRangeExclusiveInclusive(failureThreshold, 0, 1, nameof(failureThreshold));
        double percent = failureThreshold * 100;
        if (comparison == TripComparison.TruncatedPercentAtLeast && Math.Abs(percent - Math.Round(percent)) > 1e-9)
        {
            throw Guard.OutOfRange(
                nameof(failureThreshold),
                $"a whole percent in [0.01, 1] when {nameof(comparison)} is {nameof(TripComparison.TruncatedPercentAtLeast)} (Hystrix's threshold is an integer percentage)",
                Guard.Format(failureThreshold));
        }
    }

    /// <summary>What the window counts: the last calls or the calls of the last seconds.</summary>
    /// <value>The default is <see cref="SlidingWindowKind.CountBased"/>.</value>
    public SlidingWindowKind WindowKind { get; }

    /// <summary>The window: a number of calls (count-based) or of seconds (time-based), as resilience4j's slidingWindowSize.</summary>
    /// <value>The default is 100.</value>
    public int WindowSize { get; }

    /// <summary>The number of calls the window must hold before the failure ratio is compared.</summary>
    /// <value>The default is 100.</value>
    public int MinimumThroughput { get; }

    /// <summary>The failure ratio at which the breaker trips, as a fraction (0.5 for 50 %).</summary>
    /// <value>The default is 0.5.</value>
    public double FailureThreshold { get; }

    /// <summary>The comparison of the failures with <see cref="FailureThreshold"/> and its arithmetic.</summary>
    /// <value>The default is <see cref="TripComparison.PercentAtLeastSingle"/> (resilience4j).</value>
    public TripComparison Comparison { get; }

    /// <summary>
    /// The minimum throughput actually applied: min(<see cref="MinimumThroughput"/>, <see cref="WindowSize"/>)
    /// for a count-based window, <see cref="MinimumThroughput"/> for a time-based one.
    /// </summary>
    public int EffectiveMinimumThroughput =>
        WindowKind == SlidingWindowKind.CountBased ? Math.Min(MinimumThroughput, WindowSize) : MinimumThroughput;

    /// <summary>Whether a window holding <paramref name="calls"/> calls, <paramref name="failures"/> of them failed, trips the breaker.</summary>
    /// <param name="failures">Failed calls in the window; in [0, <paramref name="calls"/>].</param>
    /// <param name="calls">Calls in the window; &gt;= 0, and at most <see cref="WindowSize"/> for a count-based window.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range.</exception>
    public bool Trips(int failures, int calls)
    {
        Guard.NonNegative(calls, nameof(calls));
        if (WindowKind == SlidingWindowKind.CountBased && calls > WindowSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(calls), $"{nameof(calls)} must be an integer in [0, {WindowSize}] (a count-based window holds at most WindowSize calls); got {calls}.");
        }

        if (failures < 0 || failures > calls)
        {
            throw new ArgumentOutOfRangeException(
                nameof(failures), $"{nameof(failures)} must be an integer in [0, {calls}]; got {failures}.");
        }

        return TripsUnchecked(failures, calls);
    }

    /// <summary>The smallest number of failures among <paramref name="calls"/> calls that trips the breaker, if any does.</summary>
    /// <param name="calls">Calls in the window; &gt;= 0, and at most <see cref="WindowSize"/> for a count-based window.</param>
    /// <returns>The count, or <see cref="FailuresToTrip.CanTrip"/> false with the reason (below the minimum throughput, or a threshold even all failures do not pass).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calls"/> is outside its range.</exception>
    public FailuresToTrip MinimumFailuresToTrip(int calls)
    {
        Trips(0, calls);
        string threshold = $"{Comparison} {Guard.Format(FailureThreshold)}";
        if (calls == 0 || calls < EffectiveMinimumThroughput)
        {
            return new FailuresToTrip(
                calls, null, $"{calls} calls are below the minimum throughput of {EffectiveMinimumThroughput}: the ratio is not compared.");
        }

        if (!TripsUnchecked(calls, calls))
        {
            return new FailuresToTrip(calls, null, $"Even {calls} failures in {calls} calls do not pass {threshold}.");
        }

        // Implementation note: every comparison is monotone in the failure count (floating-point
        // rounding is monotone), so bisection finds the first count that trips.
        int noTrip = -1, trip = calls;
        while (trip - noTrip > 1)
        {
            int mid = noTrip + ((trip - noTrip) / 2);
            if (TripsUnchecked(mid, calls))
            {
                trip = mid;
            }
            else
            {
                noTrip = mid;
            }
        }

        return new FailuresToTrip(calls, trip, $"{trip} failures in {calls} calls are the fewest that pass {threshold}.");
    }

    internal bool TripsUnchecked(int failures, int calls)
    {
        if (calls == 0 || calls < EffectiveMinimumThroughput)
        {
            return false;
        }

        return Comparison switch
        {
            TripComparison.RatioAtLeast => failures / (double)calls >= FailureThreshold,
            TripComparison.PercentAtLeastSingle => failures * 100f / calls >= (float)(FailureThreshold * 100),
            TripComparison.TruncatedPercentAtLeast =>
                (int)((double)failures / calls * 100) >= (int)Math.Round(FailureThreshold * 100),
            TripComparison.RatioAbove => failures / (double)calls > FailureThreshold,
            _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
        };
    }
}
