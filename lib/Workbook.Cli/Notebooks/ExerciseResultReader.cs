using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// Reads exercise results back out of notebook outputs; it works on notebooks executed by any host.
/// </summary>
/// <remarks>
/// A check result is found by the marker that <see cref="CheckResult.ToHtml"/> writes
/// (<c>data-workbook-exercise</c> and <c>data-status</c>), which gives its id and status. The same
/// output's <c>text/plain</c> form, written by <see cref="CheckResult.ToString"/> (the setup cell
/// asks for both forms), gives the details, parsed by <see cref="CheckReport.TryParse"/>.
/// </remarks>
internal static partial class ExerciseResultReader
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
        var found = new Dictionary<string, (CheckStatus Status, CheckReport? Report, NotebookCell Cell)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (cell, execution) in executions)
        {
            foreach (var output in execution.Outputs)
            {
                var html = NotebookFile.ReadSource(NotebookFile.At(output, "data", "text/html"));
                var markers = Marker().Matches(html);
                foreach (Match m in markers)
                {
                    if (!CheckStatusText.TryParseToken(m.Groups["status"].Value, out var status))
                    {
                        continue;
                    }

                    var id = WebUtility.HtmlDecode(m.Groups["id"].Value);
                    var report = markers.Count == 1
                        && CheckReport.TryParse(NotebookFile.ReadSource(NotebookFile.At(output, "data", "text/plain")), out var r)
                        && r.ExerciseId == id && r.Status == status ? r : null;
                    found[id] = (status, report, cell);
                    if (!order.Contains(id))
                    {
                        order.Add(id);
                    }
                }
            }
        }

        var ran = executions.Where(e => e.Execution.Outcome != CellOutcome.NotRun).Select(e => e.Cell.Index).ToHashSet();
        var checkCells = new Dictionary<string, NotebookCell>(StringComparer.Ordinal);
        var mentioned = new List<string>();
        foreach (var cell in cells.Where(c => c.IsCode))
        {
            foreach (Match m in CheckCall().Matches(cell.Source))
            {
                var id = m.Groups["id"].Value;
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
                    return new ExerciseOutcome(id, track, result.Status, result.Report, result.Cell, CheckCellRan: true);
                }

                var checkCell = checkCells.GetValueOrDefault(id);
                return new ExerciseOutcome(id, track, null, null, checkCell, CheckCellRan: checkCell is null || ran.Contains(checkCell.Index));
            })
            .ToArray();
    }

    [GeneratedRegex("data-workbook-exercise=\"(?<id>[^\"]+)\" data-status=\"(?<status>[a-z-]+)\"")]
    private static partial Regex Marker();

    [GeneratedRegex("Check\\(\\s*\"(?<id>ep\\d+\\.[a-z0-9-]+)\"")]
    private static partial Regex CheckCall();
}
