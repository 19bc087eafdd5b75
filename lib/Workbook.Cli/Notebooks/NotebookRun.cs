using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>The result of running one notebook top to bottom.</summary>
/// <param name="Notebook">The notebook that ran.</param>
/// <param name="Cells">One entry per code cell, in order.</param>
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
    /// <summary>Code cells that did not succeed (failed, timed out or not run).</summary>
    public int ErrorCount => Cells.Count(c => c.Execution.Outcome != CellOutcome.Succeeded);
}
