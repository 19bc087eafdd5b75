using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>One exercise's status as read from an executed notebook.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Track">The track from the catalog, or null for an id the catalog does not know.</param>
/// <param name="Status">The checked status, or null when no check cell reported it ("not checked").</param>
internal sealed record ExerciseOutcome(string Id, Track? Track, CheckStatus? Status)
{
    /// <summary>The status as shown in tables.</summary>
    public string StatusText => Status?.ToDisplay() ?? "not checked";
}
