namespace Workbook.Core.Resilience.Breakers;

/// <summary>What a call in a <see cref="BreakerScenario"/> returns if the breaker lets it run.</summary>
public enum CallOutcome
{
    /// <summary>The call succeeds (an outcome the breaker does not handle).</summary>
    Success,

    /// <summary>The call fails (an outcome the breaker handles, e.g. an exception).</summary>
    Failure,
}
