namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>
/// A breaker as a scenario replay drives it, one step at a time on a logical clock: ask whether a call may
/// go ahead, report the outcome of a call that went ahead, read the state. Learners implement it in episode 22.
/// </summary>
/// <remarks>
/// The replay calls <see cref="Record"/> only after <see cref="TryCall"/> returned true, at the same time, and
/// reads <see cref="StateAt"/> after every step. Times never decrease; their unit is the scenario file's
/// (seconds for the <c>consecutive-failures/1</c> and <c>count-window/1</c> files, milliseconds for
/// <c>workbook.breaker-scenario/1</c>). data/resilience/breaker-scenarios/README.md states each file's rules.
/// </remarks>
public interface IReplayableBreaker
{
    /// <summary>Whether a call offered at <paramref name="time"/> may go ahead (a half-open breaker hands out its probe here).</summary>
    /// <param name="time">The logical time of the call.</param>
    /// <returns>True when the call goes ahead; false when the breaker rejects it.</returns>
    bool TryCall(double time);

    /// <summary>The outcome of a call that <see cref="TryCall"/> let through, completed at <paramref name="time"/>.</summary>
    /// <param name="success">True when the call succeeded.</param>
    /// <param name="time">The logical time the call completed (the time it was offered).</param>
    void Record(bool success, double time);

    /// <summary>The state reported at <paramref name="time"/>; reading must not change the state.</summary>
    /// <param name="time">The logical time of the reading.</param>
    /// <returns>Closed, open or half-open.</returns>
    BreakerState StateAt(double time);
}
