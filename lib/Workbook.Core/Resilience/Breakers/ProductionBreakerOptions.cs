using System.Globalization;

namespace Workbook.Core.Resilience.Breakers;

/// <summary>
/// Options of <see cref="ProductionBreaker"/>, with the names, meanings and defaults of Polly v8's
/// <c>CircuitBreakerStrategyOptions</c>: the breaker opens when, within the sampling window, at least
/// <see cref="MinimumThroughput"/> calls were made and the failed fraction is at least <see cref="FailureRatio"/>.
/// </summary>
/// <remarks>
/// The sampling duration is split into <see cref="BucketCount"/> = 10 buckets of SamplingDuration / 10
/// (whole ticks), as in Polly.Core's health metrics. Ranges follow Polly's validation (both durations in
/// [0.5 s, 1 day]) with two rules Polly lacks: FailureRatio 0 (trip on any failure once the throughput is
/// reached) is rejected, and the break must be at least one bucket, the window's resolution (a shorter break
/// is the bad input). docs/breakers-vs-polly.md lists every difference.
/// </remarks>
public sealed record ProductionBreakerOptions
{
    /// <summary>How many buckets the sampling duration is split into (Polly.Core uses 10).</summary>
    public const int BucketCount = 10;

    private static readonly TimeSpan ShortestDuration = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestDuration = TimeSpan.FromDays(1);
    private const string DurationRange = "a duration in [0.5 s, 1 day] (Polly's range)";

    /// <summary>Creates and validates the options.</summary>
    /// <param name="failureRatio">The failed fraction that opens the breaker; a finite number in (0, 1].</param>
    /// <param name="minimumThroughput">Calls the window must hold before the ratio counts; an integer &gt;= 2.</param>
    /// <param name="samplingDuration">The sampling window; in [0.5 s, 1 day]. Null means 30 s.</param>
    /// <param name="breakDuration">How long the breaker stays open; in [0.5 s, 1 day] and at least one bucket (<paramref name="samplingDuration"/> / 10). Null means 5 s.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public ProductionBreakerOptions(
        double failureRatio = 0.1,
        int minimumThroughput = 100,
        TimeSpan? samplingDuration = null,
        TimeSpan? breakDuration = null)
    {
        FailureRatio = Guard.InRangeExclusiveInclusive(failureRatio, 0, 1, nameof(failureRatio));
        MinimumThroughput = Guard.AtLeast(minimumThroughput, 2, nameof(minimumThroughput));
        SamplingDuration = CheckDuration(samplingDuration ?? TimeSpan.FromSeconds(30), nameof(samplingDuration));
        BreakDuration = CheckDuration(breakDuration ?? TimeSpan.FromSeconds(5), nameof(breakDuration));
        if (BreakDuration < BucketDuration)
        {
            throw Guard.OutOfRange(
                nameof(breakDuration),
                $"{DurationRange} and at least one bucket, {nameof(samplingDuration)} / {BucketCount} = {Seconds(BucketDuration)}",
                Seconds(BreakDuration));
        }
    }

    /// <summary>The failed fraction of the window's calls at which the breaker opens (compared with &gt;=).</summary>
    /// <value>The default is 0.1, Polly's.</value>
    public double FailureRatio { get; }

    /// <summary>The fewest calls in the window for the failure ratio to be acted on.</summary>
    /// <value>The default is 100, Polly's.</value>
    public int MinimumThroughput { get; }

    /// <summary>The window over which outcomes are counted.</summary>
    /// <value>The default is 30 s, Polly's.</value>
    public TimeSpan SamplingDuration { get; }

    /// <summary>How long the breaker stays open before it lets a probe through.</summary>
    /// <value>The default is 5 s, Polly's.</value>
    public TimeSpan BreakDuration { get; }

    /// <summary>One bucket, <see cref="SamplingDuration"/> / <see cref="BucketCount"/>: the step in which the window moves.</summary>
    public TimeSpan BucketDuration => TimeSpan.FromTicks(SamplingDuration.Ticks / BucketCount);

    private static TimeSpan CheckDuration(TimeSpan value, string name) =>
        value >= ShortestDuration && value <= LongestDuration
            ? value
            : throw Guard.OutOfRange(name, DurationRange, Seconds(value));

    private static string Seconds(TimeSpan value) =>
        value.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
}
