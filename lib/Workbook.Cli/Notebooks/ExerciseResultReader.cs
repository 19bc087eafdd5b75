using System.Text.Json.Nodes;
using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// Reads exercise results back out of notebook outputs; it works on notebooks executed by any host.
/// </summary>
/// <remarks>
/// A check result is the output item of MIME type <see cref="CheckResult.JsonMimeType"/>, which the
/// setup cell asks the kernel to emit beside the HTML and text forms; it is read with
/// <see cref="CheckResult.FromJson(JsonNode?)"/>. The rendered forms are never parsed. Hosts store
/// the item as a JSON object (Jupyter, this runner) or as text; both are read.
/// </remarks>
internal static class ExerciseResultReader
{
    /// <summary>
    /// The exercises of a notebook and their statuses: every catalog exercise that the notebook's
    /// cells check, in order of first mention, plus any result whose id the catalog lacks.
    /// </summary>
    /// <param name="cells">Every cell of the notebook.</param>
    /// <param name="executions">The code cells that were submitted (or skipped as not run), with their outputs.</param>
    public static IReadOnlyList<ExerciseOutcome> Read(
        IReadOnlyList<NotebookCell> cells, IReadOnlyList<(NotebookCell Cell, CellExecution Execution)> executions)
    {
        var found = new Dictionary<string, (CheckResult Result, NotebookCell Cell)>(StringComparer.Ordinal);
        var order = new List<string>();
        var problems = new Dictionary<int, string>();
        foreach (var (cell, execution) in executions)
        {
            var read = 0;
            foreach (var output in execution.Outputs)
            {
                if (NotebookFile.At(output, "data") is not JsonObject data || !data.TryGetPropertyValue(CheckResult.JsonMimeType, out var item))
                {
                    continue;
                }

                try
                {
                    var result = Parse(item);
                    found[result.ExerciseId] = (result, cell);
                    if (!order.Contains(result.ExerciseId))
                    {
                        order.Add(result.ExerciseId);
                    }

                    read++;
                }
                catch (FormatException e)
                {
                    problems[cell.Index] = $"its check result ({CheckResult.JsonMimeType}) could not be read: {e.Message}";
                }
            }

            if (read == 0 && execution.Outcome == CellOutcome.Succeeded && cell.CheckedExerciseIds.Any())
            {
                problems.TryAdd(cell.Index,
                    $"its check cell ran but showed no check result in the form this command reads ({CheckResult.JsonMimeType}); " +
                    "keep Check(...) as the cell's last expression, without a semicolon, and run the setup cell (#!import setup.dib) first.");
            }
        }

        var ran = executions.Where(e => e.Execution.Outcome != CellOutcome.NotRun).Select(e => e.Cell.Index).ToHashSet();
        var checkCells = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        var mentioned = new List<string>();
        foreach (var cell in cells.Where(c => c.IsCode))
        {
            foreach (var id in cell.CheckedExerciseIds)
            {
                if (checkCells.TryAdd(id, cell) && ExerciseCatalog.TryGet(id) is not null)
                {
                    mentioned.Add(id);
                }
            }
        }

        return mentioned.Concat(order.Where(id => !mentioned.Contains(id)))
            .Select(id =>
            {
                var track = ExerciseCatalog.TryGet(id)?.Track;
                if (found.TryGetValue(id, out var result))
                {
                    return new ExerciseOutcome(id, track, result.Result, result.Cell, CheckCellRan: true);
                }

                var checkCell = checkCells.GetValueOrDefault(id);
                return new ExerciseOutcome(id, track, null, checkCell, CheckCellRan: checkCell is null || ran.Contains(checkCell.Index),
                    checkCell is null ? null : problems.GetValueOrDefault(checkCell.Index));
            })
            .ToArray();
    }

    private static CheckResult Parse(JsonNode? item) => item is JsonObject json
        ? CheckResult.FromJson(json)
        : CheckResult.FromJson(NotebookFile.TryReadSource(item)
            ?? throw new FormatException("the item is neither a JSON object nor text."));
}
