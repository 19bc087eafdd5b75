using System.Globalization;
using System.Text.RegularExpressions;
using Workbook.Core.Episodes;

namespace Workbook.Cli.Notebooks;

/// <summary>One cell of a notebook as the runner sees it.</summary>
/// <param name="Index">0-based position in the notebook, counting every cell.</param>
/// <param name="Kind">"code", "markdown" or "raw".</param>
/// <param name="Kernel">The .NET Interactive kernel for code cells ("csharp" unless the cell says otherwise).</param>
/// <param name="Source">The cell's text.</param>
/// <param name="CodeNumber">1-based position among the code cells (empty ones included), as a learner counts them in VS Code or Jupyter; 0 for other cells.</param>
internal sealed partial record NotebookCell(int Index, string Kind, string Kernel, string Source, int CodeNumber)
{
    /// <summary>True for cells the runner submits to the kernel.</summary>
    public bool IsCode => Kind == "code";

    /// <summary>
    /// The exercise this cell belongs to: the id in a starter cell's <c>// exercise: id</c> line or in
    /// a check cell's <c>Check("id", ...)</c>; <see langword="null"/> for other cells.
    /// </summary>
    public string? ExerciseId => Mentions(Source, checkCallsOnly: false).FirstOrDefault();

    /// <summary>The exercise ids of the cell's <c>Check("id", ...)</c> calls, in order.</summary>
    public IEnumerable<string> CheckedExerciseIds => Mentions(Source, checkCallsOnly: true);

    /// <summary>How messages name the cell: "code cell 24", or "code cell 24 (exercise ep19.erlang-c)".</summary>
    public string Label => string.Create(CultureInfo.InvariantCulture, $"code cell {CodeNumber}")
        + (ExerciseId is { } id ? $" (exercise {id})" : "");

    // Implementation note: the pattern only finds where an id is written; whether it is one is
    // decided by EpisodeItemId, the workbook's one id parser.
    private static IEnumerable<string> Mentions(string source, bool checkCallsOnly) =>
        ExerciseMention().Matches(source)
            .Where(m => !checkCallsOnly || m.Groups["check"].Success)
            .Select(m => EpisodeItemId.TryParse(m.Groups["id"].Value, out var id) ? id.ToString() : null)
            .OfType<string>();

    [GeneratedRegex("(?://\\s*exercise:\\s*|(?<check>Check\\(\\s*\"))(?<id>[^\\s\"]+)")]
    private static partial Regex ExerciseMention();
}
