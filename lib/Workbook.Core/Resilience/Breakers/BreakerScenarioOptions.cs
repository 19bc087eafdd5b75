namespace Workbook.Core.Resilience.Breakers;

/// <summary>The breaker configuration a scenario is run with, in the meaning of Polly's <c>CircuitBreakerStrategyOptions</c>.</summary>
/// <remarks>
/// Trip when, on a failure, the calls sampled in the last <see cref="SamplingDurationMilliseconds"/>
/// number at least <see cref="MinimumThroughput"/> and their failure ratio is at least
/// <see cref="FailureRatio"/>; stay open for <see cref="BreakDurationMilliseconds"/>, then let one
/// probe through. Polly accepts narrower ranges (throughput &gt;= 2, durations 0.5 s to 1 day); a
/// driver for Polly checks those itself.
/// </remarks>
public sealed record BreakerScenarioOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="failureRatio">The failure ratio that trips the breaker; a finite number in (0, 1].</param>
    /// <param name="minimumThroughput">The fewest sampled calls for a trip; an integer &gt;= 1.</param>
    /// <param name="samplingDurationMilliseconds">The sampling window, in milliseconds; &gt;= 1.</param>
    /// <param name="breakDurationMilliseconds">How long the breaker stays open, in milliseconds; &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public BreakerScenarioOptions(double failureRatio, int minimumThroughput, long samplingDurationMilliseconds, long breakDurationMilliseconds)
    {
        FailureRatio = Guard.InRangeExclusiveInclusive(failureRatio, 0, 1, nameof(failureRatio));
        MinimumThroughput = Guard.Positive(minimumThroughput, nameof(minimumThroughput));
        SamplingDurationMilliseconds = PositiveMilliseconds(samplingDurationMilliseconds, nameof(samplingDurationMilliseconds));
        BreakDurationMilliseconds = PositiveMilliseconds(breakDurationMilliseconds, nameof(breakDurationMilliseconds));
    }

    /// <summary>The failure ratio that trips the breaker, in (0, 1] (Polly's FailureRatio).</summary>
    public double FailureRatio { get; }

    /// <summary>The fewest calls in the sampling window for a trip (Polly's MinimumThroughput).</summary>
    public int MinimumThroughput { get; }

    /// <summary>The sampling window, in milliseconds (Polly's SamplingDuration).</summary>
    public long SamplingDurationMilliseconds { get; }

    /// <summary>How long the breaker stays open before a probe, in milliseconds (Polly's BreakDuration).</summary>
    public long BreakDurationMilliseconds { get; }

    /// <summary>The same configuration as <see cref="ProductionBreakerOptions"/> (which checks Polly's narrower ranges and one bucket &lt;= break).</summary>
    /// <returns>The production breaker's options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside <see cref="ProductionBreakerOptions"/>' ranges (the message names the option).</exception>
    public ProductionBreakerOptions ToProductionBreakerOptions() =>
        new(FailureRatio, MinimumThroughput, TimeSpan.FromMilliseconds(SamplingDurationMilliseconds), TimeSpan.FromMilliseconds(BreakDurationMilliseconds));

    private static long PositiveMilliseconds(long value, string paramName) =>
        value >= 1 ? value : throw Guard.OutOfRange(paramName, "a whole number of milliseconds >= 1", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
