using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Cli.Notebooks;
using Workbook.Core.Episodes;

namespace Workbook.Core.Tests.Notebooks;

/// <summary>
/// Reads the answer files under <c>notebooks/solutions/</c> (blocks that start with
/// <c>// exercise: id</c>) and writes a copy of a notebook with those blocks put into its exercise cells.
/// </summary>
internal static partial class ExerciseBlocks
{
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? id = null;
        var lines = new List<string>();
        void Flush()
        {
            if (id is not null)
            {
                blocks[id] = string.Join('\n', lines).Trim() + "\n";
            }
        }

        foreach (var line in File.ReadAllLines(path))
        {
            if (IdOfMarker(line) is { } marked)
            {
                Flush();
                id = marked;
                lines = [line];
            }
            else if (id is not null)
            {
                lines.Add(line);
            }
        }

        Flush();
        return blocks;
    }

    /// <summary>The exercise id of a starter cell, or null.</summary>
    public static string? ExerciseIdOf(string cellSource) => IdOfMarker(cellSource.Split('\n')[0]);

    // The pattern finds the marker line; EpisodeItemId, the workbook's one id parser, decides what is an id.
    private static string? IdOfMarker(string line) =>
        Marker().Match(line) is { Success: true } m && EpisodeItemId.TryParse(m.Groups["id"].Value, out var id) ? id.ToString() : null;

    /// <summary>Writes a hidden copy of <paramref name="notebookPath"/> beside it with the answers substituted.</summary>
    public static string WriteSubstituted(string notebookPath, IReadOnlyDictionary<string, string> answers, string tag)
    {
        var document = JsonNode.Parse(File.ReadAllText(notebookPath))!.AsObject();
        var substituted = 0;
        foreach (var cell in document["cells"]!.AsArray().OfType<JsonObject>())
        {
            if (ExerciseIdOf(NotebookFile.ReadSource(cell["source"])) is { } id)
            {
                Assert.True(answers.ContainsKey(id), $"no {tag} answer for exercise {id}");
                cell["source"] = NotebookFile.ToSourceLines(answers[id]);
                substituted++;
            }
        }

        Assert.Equal(answers.Count, substituted);
        var copy = Path.Combine(Path.GetDirectoryName(notebookPath)!, $".{Path.GetFileNameWithoutExtension(notebookPath)}.{tag}.test.ipynb");
        File.WriteAllText(copy, document.ToJsonString());
        return copy;
    }

    [GeneratedRegex(@"^//\s*exercise:\s*(?<id>\S+)\s*$")]
    private static partial Regex Marker();
}
