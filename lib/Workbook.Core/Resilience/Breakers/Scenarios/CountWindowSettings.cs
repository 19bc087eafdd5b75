namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>The settings of a <c>count-window/1</c> scenario: the intermediate breaker's options, durations in seconds.</summary>
/// <param name="WindowSize">Outcomes the window holds (the last N calls).</param>
/// <param name="MinimumCalls">Calls the window must hold before the ratio is judged.</param>
/// <param name="FailureRatio">Open when failures / calls in the window is at least this, in (0, 1].</param>
/// <param name="OpenDuration">Seconds the breaker stays open before probing.</param>
/// <param name="HalfOpenProbes">Probes a half-open breaker lets through; all must succeed to close.</param>
public sealed record CountWindowSettings(int WindowSize, int MinimumCalls, double FailureRatio, double OpenDuration, int HalfOpenProbes)
{
    /// <summary>The same settings as the library's <see cref="IntermediateBreakerOptions"/>.</summary>
    /// <returns>The options (validated by their constructor).</returns>
    public IntermediateBreakerOptions ToOptions() =>
        new(WindowSize, MinimumCalls, FailureRatio, TimeSpan.FromSeconds(OpenDuration), HalfOpenProbes);

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant(
        $"windowSize = {WindowSize}, minimumCalls = {MinimumCalls}, failureRatio = {FailureRatio}, openDuration = {OpenDuration} s, halfOpenProbes = {HalfOpenProbes}");
}
