namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// Options of <see cref="IntermediateBreaker"/>: a count-based window of the last <see cref="WindowSize"/>
/// outcomes, as resilience4j's COUNT_BASED sliding window.
/// </summary>
/// <remarks>
/// Names follow resilience4j where Polly has no count-based window: slidingWindowSize, minimumNumberOfCalls,
/// failureRateThreshold (here a fraction, not a percent), waitDurationInOpenState, permittedNumberOfCallsInHalfOpenState.
/// </remarks>
public sealed record IntermediateBreakerOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="windowSize">How many recent outcomes are kept; an integer &gt;= 1.</param>
    /// <param name="minimumCalls">Outcomes needed before the ratio counts; an integer in [1, <paramref name="windowSize"/>].</param>
    /// <param name="failureRatio">The failed fraction of the window that opens the breaker; a finite number in (0, 1].</param>
    /// <param name="openDuration">How long the breaker stays open; a duration &gt; 0. Null means 5 s.</param>
    /// <param name="halfOpenProbes">Probe calls let through when half-open, all of which must succeed to close; an integer &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public IntermediateBreakerOptions(
        int windowSize = 20, int minimumCalls = 10, double failureRatio = 0.5, TimeSpan? openDuration = null, int halfOpenProbes = 3)
    {
        WindowSize = Guard.AtLeast(windowSize, 1, nameof(windowSize));
        MinimumCalls = minimumCalls >= 1 && minimumCalls <= windowSize
            ? minimumCalls
            : throw Guard.OutOfRange(nameof(minimumCalls), $"an integer in [1, {windowSize}] (at most {nameof(windowSize)})", minimumCalls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        FailureRatio = Guard.InRangeExclusiveInclusive(failureRatio, 0, 1, nameof(failureRatio));
        var open = openDuration ?? TimeSpan.FromSeconds(5);
        OpenDuration = open > TimeSpan.Zero ? open : throw Guard.OutOfRange(nameof(openDuration), "a duration > 0", open.ToString());
        HalfOpenProbes = Guard.AtLeast(halfOpenProbes, 1, nameof(halfOpenProbes));
    }

    /// <summary>How many recent outcomes are kept.</summary>
    /// <value>The default is 20.</value>
    public int WindowSize { get; }

    /// <summary>Outcomes needed in the window before the failure ratio is acted on.</summary>
    /// <value>The default is 10.</value>
    public int MinimumCalls { get; }

    /// <summary>The failed fraction of the window at which the breaker opens (compared with &gt;=).</summary>
    /// <value>The default is 0.5 (resilience4j's 50 %).</value>
    public double FailureRatio { get; }

    /// <summary>How long the breaker stays open before it lets probes through.</summary>
    /// <value>The default is 5 s.</value>
    public TimeSpan OpenDuration { get; }

    /// <summary>Probe calls let through when half-open; all must succeed to close, one failure re-opens.</summary>
    /// <value>The default is 3.</value>
    public int HalfOpenProbes { get; }
}
