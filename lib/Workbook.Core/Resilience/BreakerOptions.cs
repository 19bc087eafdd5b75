namespace Workbook.Core.Resilience;

/// <summary>
/// The closed-state trip condition of a failure-ratio circuit breaker: a sliding window, a minimum
/// number of calls before the ratio counts, a failure-ratio threshold and the exact comparison.
/// </summary>
/// <remarks>
/// <para>
/// <b>Defaults are resilience4j's</b> (v2.4.0, <c>CircuitBreakerConfig</c>): a count-based window of
/// 100 calls, at least 100 calls, trip at a failure rate of 50 % or more, compared in single
/// precision. <c>new BreakerOptions()</c> therefore answers "what does an untuned resilience4j breaker
/// do?". The defaults of Polly v8 and Hystrix are in <see cref="CircuitBreakerDefaults"/>.
/// </para>
/// <para>
/// Each property is validated when set, in an initializer or a <c>with</c> expression; errors name
/// the property and the allowed range.
/// </para>
/// <para>
/// <b>Minimum throughput in a count-based window.</b> resilience4j silently lowers
/// minimumNumberOfCalls to the window size for a count-based window (a window of 10 calls can never
/// hold 100), and so does <see cref="EffectiveMinimumThroughput"/>. A time-based window is not capped:
/// if fewer than <see cref="MinimumThroughput"/> calls arrive per window, it never trips.
/// </para>
/// </remarks>
public sealed record BreakerOptions
{
    private readonly int windowSize = 100;
    private readonly int minimumThroughput = 100;
    private readonly double failureThreshold = 0.5;
    private readonly SlidingWindowKind kind = SlidingWindowKind.CountBased;
    private readonly TripRule rule = TripRule.PercentAtLeastSingle;

    /// <summary>Count-based or time-based. Default <see cref="SlidingWindowKind.CountBased"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a defined kind.</exception>
    public SlidingWindowKind Kind
    {
        get => kind;
        init => kind = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Kind), $"{nameof(Kind)} must be CountBased or TimeBased; got {(int)value}.");
    }

    /// <summary>
    /// The window: a number of calls (count-based) or of seconds (time-based), as in resilience4j's
    /// slidingWindowSize; an integer &gt;= 1. Default 100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public int WindowSize
    {
        get => windowSize;
        init => windowSize = Guard.AtLeast(value, 1, nameof(WindowSize));
    }

    /// <summary>The number of calls the window must hold before the failure ratio is compared; an integer &gt;= 1. Default 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value below 1.</exception>
    public int MinimumThroughput
    {
        get => minimumThroughput;
        init => minimumThroughput = Guard.AtLeast(value, 1, nameof(MinimumThroughput));
    }

    /// <summary>
    /// The failure ratio at which the breaker trips, as a fraction (0.5 for 50 %); a finite number in (0, 1].
    /// Default 0.5. For <see cref="TripRule.TruncatedPercentAtLeast"/> it is rounded to a whole percent, as
    /// Hystrix's errorThresholdPercentage is an integer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to NaN, an infinity, or a value outside (0, 1].</exception>
    public double FailureThreshold
    {
        get => failureThreshold;
        init => failureThreshold = Guard.InRangeExclusiveInclusive(value, 0, 1, nameof(FailureThreshold));
    }

    /// <summary>The comparison and its arithmetic. Default <see cref="TripRule.PercentAtLeastSingle"/> (resilience4j).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a defined rule.</exception>
    public TripRule Rule
    {
        get => rule;
        init => rule = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Rule), $"{nameof(Rule)} must be a defined TripRule; got {(int)value}.");
    }

    /// <summary>
    /// The minimum throughput actually applied: min(<see cref="MinimumThroughput"/>, <see cref="WindowSize"/>)
    /// for a count-based window, <see cref="MinimumThroughput"/> for a time-based one.
    /// </summary>
    public int EffectiveMinimumThroughput =>
        Kind == SlidingWindowKind.CountBased ? Math.Min(MinimumThroughput, WindowSize) : MinimumThroughput;

    /// <summary>Whether a window holding <paramref name="calls"/> calls, <paramref name="failures"/> of them failed, trips the breaker.</summary>
    /// <param name="failures">Failed calls in the window; in [0, <paramref name="calls"/>].</param>
    /// <param name="calls">Calls in the window; &gt;= 0, and at most <see cref="WindowSize"/> for a count-based window.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range.</exception>
    public bool Trips(int failures, int calls)
    {
        Guard.NonNegative(calls, nameof(calls));
        if (Kind == SlidingWindowKind.CountBased && calls > WindowSize)
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

    /// <summary>
    /// The smallest number of failures among <paramref name="calls"/> calls that trips the breaker,
    /// or null if none does (fewer calls than the minimum throughput).
    /// </summary>
    /// <param name="calls">Calls in the window; &gt;= 0, and at most <see cref="WindowSize"/> for a count-based window.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calls"/> is outside its range.</exception>
    public int? MinimumFailuresToTrip(int calls)
    {
        Trips(0, calls);
        if (!TripsUnchecked(calls, calls))
        {
            return null;
        }

        // Implementation note: every rule is monotone in the failure count (floating-point rounding
        // is monotone), so bisection finds the first count that trips.
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

        return trip;
    }

    internal bool TripsUnchecked(int failures, int calls)
    {
        if (calls == 0 || calls < EffectiveMinimumThroughput)
        {
            return false;
        }

        return Rule switch
        {
            TripRule.RatioAtLeast => failures / (double)calls >= FailureThreshold,
            TripRule.PercentAtLeastSingle => failures * 100f / calls >= (float)(FailureThreshold * 100),
            TripRule.TruncatedPercentAtLeast =>
                (int)((double)failures / calls * 100) >= (int)Math.Round(FailureThreshold * 100),
            TripRule.RatioAbove => failures / (double)calls > FailureThreshold,
            _ => throw new InvalidOperationException($"Unknown rule {Rule}."),
        };
    }
}
