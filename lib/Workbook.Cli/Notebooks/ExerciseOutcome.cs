using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>One exercise's status as read from an executed notebook.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Track">The track from the catalog, or null for an id the catalog does not know.</param>
/// <param name="Result">The check result the notebook showed (read from its JSON form), or null when none was found.</param>
/// <param name="Cell">The cell that reported the result, else the cell that calls <c>Check</c> for it; null if none.</param>
/// <param name="CheckCellRan">False when the check cell exists but was not run (an earlier cell stopped the kernel).</param>
/// <param name="Problem">Why no result could be read although the check cell ran without error; null otherwise.</param>
internal sealed record ExerciseOutcome(string Id, Track? Track, CheckResult? Result, NotebookCell? Cell, bool CheckCellRan, string? Problem = null)
{
    /// <summary>The checked status, or null when no check result was found.</summary>
    public CheckStatus? Status => Result?.Status;

    /// <summary>The status as shown in tables: a check status, "not run" or "not checked".</summary>
    public string StatusText => Status?.ToDisplay() ?? (CheckCellRan ? "not checked" : "not run");

    /// <summary>True for results a learner must act on: failed, error or timed out.</summary>
    public bool NeedsAttention => Status is CheckStatus.Failed or CheckStatus.Error or CheckStatus.TimedOut;
}
