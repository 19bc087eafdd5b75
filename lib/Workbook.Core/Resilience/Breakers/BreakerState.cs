namespace Workbook.Core.Resilience.Breakers;

/// <summary>The state of a circuit breaker, as reported by the breaker (Polly's <c>CircuitState</c> without Isolated).</summary>
public enum BreakerState
{
    /// <summary>Calls run and their outcomes are sampled.</summary>
    Closed,

    /// <summary>Calls are rejected without running.</summary>
    Open,

    /// <summary>The break has elapsed and a probe call is running or allowed.</summary>
    HalfOpen,
}
