namespace Workbook.Core.Reliability.Leaks;

/// <summary>What <see cref="MemoryGrowthProbe"/> saw: the heap before the tracker, then one sample every few events.</summary>
/// <param name="BaselineBytes">The managed heap after a full collection, before the tracker was created, in bytes.</param>
/// <param name="Samples">The samples in order of events, the first at 0 events (the empty tracker).</param>
/// <remarks>
/// Measured numbers: they depend on the runtime, the process and its other threads, so a figure built
/// from them must say where and when they were measured.
/// </remarks>
public sealed record MemoryGrowth(long BaselineBytes, IReadOnlyList<MemorySample> Samples);
