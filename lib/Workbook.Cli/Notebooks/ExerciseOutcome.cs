using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>One exercise's status as read from an executed notebook.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Track">The track from the catalog, or null for an id the catalog does not know.</param>
/// <param name="Status">The checked status, or null when no check cell reported it.</param>
/// <param name="Report">What the check cell showed (message, failing case, hint), when its text form was found.</param>
/// <param name="Cell">The cell that reported the result, else the cell that calls <c>Check</c> for it; null if none.</param>
/// <param name="CheckCellRan">False when the check cell exists but was not run (an earlier cell stopped the kernel).</param>
internal sealed record ExerciseOutcome(string Id, Track? Track, CheckStatus? Status, CheckReport? Report, NotebookCell? Cell, bool CheckCellRan)
{
    /// <summary>The status as shown in tables: a check status, "not run" or "not checked".</summary>
    public string StatusText => Status?.ToDisplay() ?? (CheckCellRan ? "not checked" : "not run");

    /// <summary>True for results a learner must act on: failed, error or timed out.</summary>
    public bool NeedsAttention => Status is CheckStatus.Failed or CheckStatus.Error or CheckStatus.TimedOut;
}
