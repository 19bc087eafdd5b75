using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience;

/// <summary>The costs of half-open probing measured by <see cref="HalfOpenRecovery.Simulate"/>, each with its standard error.</summary>
/// <param name="DetectionDelaySeconds">T_J − R: how long the breaker stayed open after the service recovered, in seconds.</param>
/// <param name="ProbesWhileBroken">The number of probes sent before the service recovered.</param>
public sealed record SimulatedRecovery(Estimate DetectionDelaySeconds, Estimate ProbesWhileBroken);
