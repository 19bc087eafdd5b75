namespace Workbook.Cli.Notebooks;

/// <summary>One cell of a notebook as the runner sees it.</summary>
/// <param name="Index">0-based position in the notebook.</param>
/// <param name="Kind">"code", "markdown" or "raw".</param>
/// <param name="Kernel">The .NET Interactive kernel for code cells ("csharp" unless the cell says otherwise).</param>
/// <param name="Source">The cell's text.</param>
internal sealed record NotebookCell(int Index, string Kind, string Kernel, string Source)
{
    /// <summary>True for cells the runner submits to the kernel.</summary>
    public bool IsCode => Kind == "code";
}
