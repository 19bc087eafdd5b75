namespace Workbook.Core.Resilience;

/// <summary>What a breaker's sliding window counts: the last N calls, or the calls of the last T seconds.</summary>
/// <remarks>
/// A count-based window always holds the same number of calls, so its statistics do not depend on
/// traffic, but it spans more time when traffic is low (and detection slows down with it). A
/// time-based window spans a fixed time, so detection takes about the same time at any traffic, but
/// the number of calls in it varies, and below MinimumThroughput / T requests per second it never trips.
/// resilience4j offers both (default COUNT_BASED); Polly v8 and Hystrix are time-based.
/// </remarks>
public enum SlidingWindowKind
{
    /// <summary>The window holds the last <see cref="TripCondition.WindowSize"/> calls.</summary>
    CountBased,

    /// <summary>The window holds the calls of the last <see cref="TripCondition.WindowSize"/> seconds.</summary>
    TimeBased,
}
