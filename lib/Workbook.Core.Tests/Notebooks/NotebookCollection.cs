namespace Workbook.Core.Tests.Notebooks;

/// <summary>
/// Tests that start notebook kernels run one at a time: each kernel is a separate process that
/// wants a core, and the machine has two.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebook kernels";
}
