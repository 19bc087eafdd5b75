namespace Workbook.Core.Reliability.Leaks;

/// <summary>One event kept by <see cref="RingBufferEventTracker"/>: its time and its type, nothing more.</summary>
/// <param name="TimestampSeconds">When the event happened, in seconds.</param>
/// <param name="EventType">The kind of event.</param>
public readonly record struct TrackedEvent(double TimestampSeconds, string EventType);
