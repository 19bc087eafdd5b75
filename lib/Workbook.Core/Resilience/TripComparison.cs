namespace Workbook.Core.Resilience;

/// <summary>
/// How a breaker compares the failures in its window with its threshold: the exact comparison and
/// arithmetic of each library, because "at 50 %" and "above 50 %" differ by one failure.
/// </summary>
/// <remarks>
/// All three libraries checked trip <b>at or above</b> the threshold, whatever their prose says
/// (Polly's documentation says the ratio "exceeds" FailureRatio; its code compares with ≥). They
/// differ in arithmetic, which matters only at exact boundaries, and only <see cref="TruncatedPercentAtLeast"/>
/// can move a boundary. The comparison is one part of a <see cref="TripCondition"/> and applies after
/// its minimum-throughput check.
/// </remarks>
public enum TripComparison
{
    /// <summary>
    /// Polly v8: <c>failures / (double)calls &gt;= FailureRatio</c>
    /// (Polly.Core, <c>CircuitBreaker/Controller/AdvancedCircuitBehavior.cs</c>, 8.0.0 to 8.7.0).
    /// </summary>
    RatioAtLeast,

    /// <summary>
    /// resilience4j 2.x: <c>failures * 100f / calls &gt;= failureRateThreshold</c>, in single-precision
    /// floating point (<c>CircuitBreakerMetrics.checkIfThresholdsExceeded</c> and <c>SnapshotImpl.getFailureRate</c>, v2.4.0).
    /// </summary>
    PercentAtLeastSingle,

    /// <summary>
    /// Netflix Hystrix 1.5: <c>(int)((double)errors / total * 100) &gt;= errorThresholdPercentage</c>, an
    /// integer percentage. Truncation after a double multiplication reads 29 errors in 100 calls as 28 %
    /// (0.29 × 100 = 28.999999999999996), so they do not trip a 29 % threshold
    /// (<c>HystrixCommandMetrics.HealthCounts</c>, <c>HystrixCircuitBreaker</c>, v1.5.18).
    /// </summary>
    TruncatedPercentAtLeast,

    /// <summary>
    /// Strictly above: <c>failures / (double)calls &gt; threshold</c>. No library checked uses it; it is
    /// the rule "trip when X &gt; k" of the hypothesis test in <see cref="TripThreshold"/>.
    /// </summary>
    RatioAbove,
}
