namespace Workbook.Core.Tests.Reliability.Leaks;

/// <summary>
/// Tests that read <see cref="GC.GetTotalMemory(bool)"/>: the whole process's heap, so they run alone
/// (xunit runs collections that disable parallelisation after the parallel ones).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurementCollection
{
    public const string Name = "Heap measurement";
}
