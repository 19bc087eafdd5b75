namespace Workbook.Core.Resilience;

/// <summary>The control limits μ₀ ± L·σ_z of an EWMA chart, from <see cref="EwmaMath.ControlLimits"/> or <see cref="EwmaMath.SteadyStateControlLimits"/>.</summary>
/// <param name="Lower">μ₀ − L·σ_z. A breaker ignores it: fewer failures than usual is good news.</param>
/// <param name="Upper">μ₀ + L·σ_z: the chart signals when z rises above it.</param>
public sealed record ControlLimits(double Lower, double Upper);
