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
    /// <exception cref="UsageException">Missing or unreadable file, not an .ipynb, invalid JSON, or not nbformat 4.</exception>
    public static NotebookFile Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException("an empty path was given; name a notebook file (.ipynb) or a folder.");
        }

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

        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path} cannot be read: {FirstSentence(e.Message)}");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path} is not valid notebook JSON (line {e.LineNumber + 1}): {FirstSentence(e.Message)}");
        }

        try
        {
            return FromJson(path, full, root);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            // Implementation note: JsonNode reports some defects (a duplicate key, a value of an
            // unexpected kind) only when they are touched; they are bad input like any other.
            throw new UsageException($"{path} is not a valid notebook: {FirstSentence(e.Message)}");
        }
    }

    private static NotebookFile FromJson(string path, string full, JsonNode? root)
    {
        if (root is not JsonObject document || document["cells"] is not JsonArray cellArray)
        {
            throw new UsageException($"{path} is not a notebook: the JSON has no \"cells\" array.");
        }

        if (document["nbformat"] is not JsonValue version || !version.TryGetValue<int>(out var major) || major != 4)
        {
            throw new UsageException($"{path}: only nbformat 4 notebooks are supported.");
        }

        var defaultKernel = Text(At(document, "metadata", "polyglot_notebook", "kernelInfo", "defaultKernelName")) ?? "csharp";
        var cells = new List<NotebookCell>();
        var codeNumber = 0;
        foreach (var (node, index) in cellArray.Select((n, i) => (n, i)))
        {
            if (node is not JsonObject cell)
            {
                throw new UsageException($"{path}: cell {index + 1} is not a JSON object.");
            }

            var kind = cell["cell_type"] is null ? "code" : Text(cell["cell_type"])
                ?? throw new UsageException($"{path}: cell {index + 1} has a \"cell_type\" that is not a string.");
            var source = TryReadSource(cell["source"])
                ?? throw new UsageException($"{path}: cell {index + 1} has a \"source\" that is neither a string nor a list of strings.");
            var kernel = Text(At(cell, "metadata", "polyglot_notebook", "kernelName"))
                ?? Text(At(cell, "metadata", "dotnet_interactive", "language"))
                ?? defaultKernel;
            cells.Add(new NotebookCell(index, kind, kernel, source, kind == "code" ? ++codeNumber : 0));
        }

        return new NotebookFile(full, document, cells);
    }

    /// <summary>Joins an nbformat "source" (a string or a list of lines); anything else reads as empty.</summary>
    public static string ReadSource(JsonNode? source) => TryReadSource(source) ?? "";

    /// <summary>Joins an nbformat "source", or returns <see langword="null"/> when it is neither a string nor a list of strings.</summary>
    public static string? TryReadSource(JsonNode? source)
    {
        switch (source)
        {
            case null:
                return "";
            case JsonArray lines:
                var parts = lines.Select(Text).ToList();
                return parts.Any(p => p is null) ? null : string.Concat(parts);
            default:
                return Text(source);
        }
    }

    /// <summary>The node at a path of property names, or <see langword="null"/> when a step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject o ? o[name] : null;
        }

        return node;
    }

    /// <summary>The string a JSON node holds, or <see langword="null"/> when it is missing or not a string.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

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
