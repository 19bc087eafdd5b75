using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>How one code cell ended.</summary>
internal enum CellOutcome
{
    /// <summary>The kernel reported success.</summary>
    Succeeded,

    /// <summary>The kernel reported failure (compile error or exception).</summary>
    Failed,

    /// <summary>The cell did not finish within the cell time bound; the kernel was stopped.</summary>
    TimedOut,

    /// <summary>The cell was not run because an earlier cell timed out or the kernel died.</summary>
    NotRun,
}

/// <summary>The result of running one code cell: its outcome, outputs in nbformat shape, and time.</summary>
/// <param name="Outcome">How the cell ended.</param>
/// <param name="Outputs">nbformat 4 output objects, in the order the kernel produced them.</param>
/// <param name="Error">The error message when the cell failed or timed out; the reason when it was not run.</param>
/// <param name="Elapsed">Wall-clock time from submission to completion.</param>
internal sealed record CellExecution(CellOutcome Outcome, IReadOnlyList<JsonObject> Outputs, string? Error, TimeSpan Elapsed);
