namespace Workbook.Core.Reliability.Leaks;

/// <summary>One event kept by <see cref="UnboundedEventTracker"/>, with the stack trace captured when it was tracked.</summary>
/// <param name="TimestampSeconds">When the event happened, in seconds.</param>
/// <param name="EventType">The kind of event.</param>
/// <param name="StackTrace">The caller's stack trace as text (thousands of characters per event).</param>
public sealed record TrackedEventWithStack(double TimestampSeconds, string EventType, string StackTrace);
