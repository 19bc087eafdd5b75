using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) read from disk: its cells, and the JSON it came from so that an
/// executed copy keeps every field the runner does not touch.
/// </summary>
internal sealed class NotebookFile
{
    private NotebookFile(string path, JsonObject document, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Document = document;
        Cells = cells;
    }

    /// <summary>Full path of the notebook.</summary>
    public string Path { get; }

    /// <summary>The notebook's JSON.</summary>
    public JsonObject Document { get; }

    /// <summary>The cells in order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The file name without folder.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Reads and validates a notebook.</summary>
    /// <exception cref="UsageException">Missing file, not an .ipynb, invalid JSON, or not nbformat 4.</exception>
    public static NotebookFile Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{path} is a folder; give a notebook file (.ipynb) or use it as a folder argument.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"{path}: no such file.");
        }

        if (!full.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"{path} is not a notebook: expected a .ipynb file.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(full), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid notebook JSON (line {e.LineNumber + 1}): {FirstSentence(e.Message)}");
        }

        if (root is not JsonObject document || document["cells"] is not JsonArray cellArray)
        {
            throw new UsageException($"{path} is not a notebook: the JSON has no \"cells\" array.");
        }

        if (document["nbformat"]?.GetValueKind() != JsonValueKind.Number || document["nbformat"]!.GetValue<int>() != 4)
        {
            throw new UsageException($"{path}: only nbformat 4 notebooks are supported.");
        }

        var defaultKernel = document["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";
        var cells = new List<NotebookCell>();
        foreach (var (node, index) in cellArray.Select((n, i) => (n, i)))
        {
            if (node is not JsonObject cell)
            {
                throw new UsageException($"{path}: cell {index + 1} is not a JSON object.");
            }

            var kind = cell["cell_type"]?.GetValue<string>() ?? "code";
            var kernel = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? defaultKernel;
            cells.Add(new NotebookCell(index, kind, kernel, ReadSource(cell["source"])));
        }

        return new NotebookFile(full, document, cells);
    }

    /// <summary>Joins an nbformat "source" (a string or a list of lines).</summary>
    public static string ReadSource(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => source.GetValue<string>(),
    };

    /// <summary>Splits text into nbformat source lines (each but the last keeps its newline).</summary>
    public static JsonArray ToSourceLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
