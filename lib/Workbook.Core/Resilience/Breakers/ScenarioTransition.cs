namespace Workbook.Core.Resilience.Breakers;

/// <summary>A state change of a breaker at a time of a scenario (the scenario files' and drivers' form of <see cref="BreakerTransition"/>).</summary>
/// <param name="AtMilliseconds">When the change happened, in milliseconds since the start of the scenario.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
public sealed record ScenarioTransition(long AtMilliseconds, BreakerState From, BreakerState To)
{
    /// <summary>The transition as one line, e.g. <c>1500 ms: Closed -&gt; Open</c>.</summary>
    /// <returns>The readable line.</returns>
    public override string ToString() => $"{AtMilliseconds} ms: {From} -> {To}";
}
