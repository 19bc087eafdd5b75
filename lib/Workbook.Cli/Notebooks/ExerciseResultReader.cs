using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Core.Exercises;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// Reads exercise results back out of notebook outputs, by the marker that
/// <see cref="CheckResult.ToHtml"/> writes; it works on notebooks executed by any host.
/// </summary>
internal static partial class ExerciseResultReader
{
    /// <summary>
    /// The exercises of a notebook and their statuses: every catalog exercise that the notebook's
    /// cells mention, in order of first mention, plus any result whose id the catalog lacks.
    /// </summary>
    public static IReadOnlyList<ExerciseOutcome> Read(IEnumerable<string> cellSources, IEnumerable<JsonObject> outputs)
    {
        var statuses = new Dictionary<string, CheckStatus>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var output in outputs)
        {
            var html = output["data"]?["text/html"] is { } node ? NotebookFile.ReadSource(node) : null;
            if (html is null)
            {
                continue;
            }

            foreach (Match m in Marker().Matches(html))
            {
                if (CheckStatusText.TryParseToken(m.Groups["status"].Value, out var status))
                {
                    var id = System.Net.WebUtility.HtmlDecode(m.Groups["id"].Value);
                    statuses[id] = status;
                    if (!order.Contains(id))
                    {
                        order.Add(id);
                    }
                }
            }
        }

        var mentioned = cellSources
            .SelectMany(source => CheckCall().Matches(source).Select(m => m.Groups["id"].Value))
            .Where(id => ExerciseCatalog.TryGet(id) is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var ids = mentioned.Concat(order.Where(id => !mentioned.Contains(id)));
        return ids
            .Select(id => new ExerciseOutcome(id, ExerciseCatalog.TryGet(id)?.Track, statuses.TryGetValue(id, out var s) ? s : null))
            .ToArray();
    }

    [GeneratedRegex("data-workbook-exercise=\"(?<id>[^\"]+)\" data-status=\"(?<status>[a-z-]+)\"")]
    private static partial Regex Marker();

    [GeneratedRegex("Check\\(\\s*\"(?<id>ep\\d+\\.[a-z0-9-]+)\"")]
    private static partial Regex CheckCall();
}
