namespace Workbook.Core.Reliability.Leaks;

/// <summary>One point of a <see cref="MemoryGrowth"/>: the managed heap after a number of events.</summary>
/// <param name="Events">How many events had been tracked when the sample was taken.</param>
/// <param name="TotalBytes">The managed heap after a full collection (<see cref="GC.GetTotalMemory(bool)"/> with true), in bytes.</param>
/// <param name="RetainedBytes"><paramref name="TotalBytes"/> minus the heap measured before the tracker was created, in bytes.</param>
public sealed record MemorySample(long Events, long TotalBytes, long RetainedBytes);
