using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>The result of running one notebook top to bottom.</summary>
/// <param name="Notebook">The notebook that ran.</param>
/// <param name="Cells">One entry per non-empty code cell, in order.</param>
/// <param name="Executed">The notebook JSON with outputs, ready to be written as an executed copy.</param>
/// <param name="Exercises">The exercises the notebook checks, with their statuses.</param>
/// <param name="Elapsed">Wall-clock time, including kernel start.</param>
internal sealed record NotebookRun(
    NotebookFile Notebook,
    IReadOnlyList<(NotebookCell Cell, CellExecution Execution)> Cells,
    JsonObject Executed,
    IReadOnlyList<ExerciseOutcome> Exercises,
    TimeSpan Elapsed)
{
    /// <summary>Code cells that ran and failed or timed out.</summary>
    public int FailedCount => Cells.Count(c => c.Execution.Outcome is CellOutcome.Failed or CellOutcome.TimedOut);

    /// <summary>Code cells that were not run (an earlier cell stopped the kernel, or it did not start).</summary>
    public int NotRunCount => Cells.Count(c => c.Execution.Outcome == CellOutcome.NotRun);

    /// <summary>True when every code cell ran and succeeded.</summary>
    public bool Succeeded => Cells.All(c => c.Execution.Outcome == CellOutcome.Succeeded);
}
