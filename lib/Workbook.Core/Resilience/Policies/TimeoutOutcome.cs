namespace Workbook.Core.Resilience.Policies;

/// <summary>What <see cref="TimeoutPolicy.Clip"/> returns: how long the caller waited, and whether the deadline cut the call off.</summary>
/// <param name="WaitedMilliseconds">min(call duration, timeout), in ms.</param>
/// <param name="TimedOut">True when the call would have taken longer than the timeout.</param>
public sealed record TimeoutOutcome(double WaitedMilliseconds, bool TimedOut);
