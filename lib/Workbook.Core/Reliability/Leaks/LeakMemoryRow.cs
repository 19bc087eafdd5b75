namespace Workbook.Core.Reliability.Leaks;

/// <summary>One reading of <see cref="LeakMemoryData"/>: a structure's retained memory after a number of events.</summary>
/// <param name="Structure">Which structure (<c>seed-tracker</c>, <c>ring-buffer</c>, <c>time-buckets</c>, <c>unbounded-cache</c>, <c>lru-cache</c>).</param>
/// <param name="Events">Events tracked (or requests sent to a cache) when the reading was taken.</param>
/// <param name="RetainedBytes">The managed heap after a full collection minus the heap before the structure existed, in bytes.</param>
public sealed record LeakMemoryRow(string Structure, long Events, long RetainedBytes);
