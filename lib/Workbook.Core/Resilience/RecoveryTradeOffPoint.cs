namespace Workbook.Core.Resilience;

/// <summary>One point of <see cref="HalfOpenRecovery.TradeOff"/>: a growth factor and the expected costs of its schedule.</summary>
/// <param name="GrowthFactor">g, the factor by which each wait exceeds the previous one.</param>
/// <param name="Expectation">The expected delay and probe counts of the schedule with that growth factor.</param>
public sealed record RecoveryTradeOffPoint(double GrowthFactor, RecoveryExpectation Expectation);
