namespace Workbook.Core.Resilience.Breakers.SideBySide;

/// <summary>One step of a scenario as both breakers ran it (a row of <see cref="BreakerSideBySide.Timeline"/>).</summary>
/// <param name="AtMilliseconds">The step's time, in milliseconds since the start of the scenario.</param>
/// <param name="Step">"call success", "call failure" or "advance".</param>
/// <param name="Ours">The production breaker: "ran", "rejected" or "—" (an advance), then the state after the step.</param>
/// <param name="Polly">Polly's breaker, in the same form.</param>
/// <param name="OurTransitions">The transitions the production breaker made at this step, e.g. "Closed -> Open"; empty if none.</param>
/// <param name="PollyTransitions">The transitions Polly made at this step.</param>
/// <param name="Same">True if the two agree on this step (ran, state after, transitions made).</param>
public sealed record SideBySideStep(long AtMilliseconds, string Step, string Ours, string Polly, string OurTransitions, string PollyTransitions, bool Same);
