namespace Workbook.Core.Resilience.Breakers;

/// <summary>The state of a circuit breaker; the names and meanings are Polly v8's <c>CircuitState</c>.</summary>
public enum BreakerState
{
    /// <summary>Calls flow; outcomes are counted.</summary>
    Closed,

    /// <summary>Calls are rejected until the break duration has elapsed.</summary>
    Open,

    /// <summary>One probe call is let through; its outcome closes or re-opens the breaker.</summary>
    HalfOpen,

    /// <summary>Opened by hand (<c>Isolate</c>); stays open until <c>Reset</c>.</summary>
    Isolated,
}
