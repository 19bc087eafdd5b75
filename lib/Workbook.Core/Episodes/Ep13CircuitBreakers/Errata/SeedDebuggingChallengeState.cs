namespace Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;

/// <summary>The states of <see cref="SeedDebuggingChallengeFixedBreaker"/>.</summary>
public enum SeedDebuggingChallengeState
{
    /// <summary>Calls go through and are counted.</summary>
    Closed,

    /// <summary>Calls are rejected until the timeout has passed.</summary>
    Open,

    /// <summary>One probe is in flight; other calls are rejected.</summary>
    HalfOpen,
}
