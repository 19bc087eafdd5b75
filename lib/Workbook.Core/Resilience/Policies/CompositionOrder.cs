namespace Workbook.Core.Resilience.Policies;

/// <summary>The two pipeline orders <see cref="CompositionSimulation"/> compares.</summary>
public enum CompositionOrder
{
    /// <summary>retry(breaker(timeout(call))): every attempt has its own deadline and the breaker sees every attempt. The recommended order.</summary>
    RetryOutsideBreaker,

    /// <summary>timeout(breaker(retry(call))): one deadline for all attempts, and the breaker sees one outcome per request.</summary>
    RetryInsideBreaker,
}
