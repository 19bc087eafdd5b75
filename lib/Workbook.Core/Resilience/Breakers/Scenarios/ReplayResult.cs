namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>The result of replaying a scenario through a breaker: every step matched, or the steps up to the first that did not.</summary>
/// <param name="Matched">True when every step matched its expectations.</param>
/// <param name="Trace">The replayed steps; when <paramref name="Matched"/> is false the last one is the first mismatch.</param>
/// <param name="Reason">Empty when matched; otherwise the mismatch in one sentence.</param>
public sealed record ReplayResult(bool Matched, IReadOnlyList<ReplayedStep> Trace, string Reason)
{
    /// <summary>The first mismatching step.</summary>
    /// <exception cref="InvalidOperationException">Every step matched.</exception>
    public ReplayedStep Mismatch => Matched ? throw new InvalidOperationException("Every step matched; there is no mismatch.") : Trace[^1];
}
