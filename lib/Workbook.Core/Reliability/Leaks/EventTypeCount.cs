namespace Workbook.Core.Reliability.Leaks;

/// <summary>How many events of one type <see cref="BucketedEventCounter"/> counted in one time bucket.</summary>
/// <param name="BucketIndex">The bucket: ⌊timestamp / bucket width⌋.</param>
/// <param name="BucketStartSeconds">Where the bucket starts, in seconds (index × width).</param>
/// <param name="EventType">The kind of event, or <see cref="BucketedEventCounter.OtherEventType"/>.</param>
/// <param name="Count">How many events of that type fell in the bucket.</param>
public sealed record EventTypeCount(long BucketIndex, double BucketStartSeconds, string EventType, long Count);
