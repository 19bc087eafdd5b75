namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>The settings of a <c>consecutive-failures/1</c> scenario: the beginner breaker's two numbers.</summary>
/// <param name="FailureThreshold">Consecutive failures that open the breaker (at least 1).</param>
/// <param name="ResetTimeout">Seconds an open breaker waits before its probe (&gt; 0).</param>
public sealed record ConsecutiveFailuresSettings(int FailureThreshold, double ResetTimeout)
{
    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"failureThreshold = {FailureThreshold}, resetTimeout = {ResetTimeout} s");
}
