using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// Turns .NET Interactive events into nbformat 4 outputs, the shape Jupyter and VS Code store in a
/// notebook file: <c>display_data</c>, <c>execute_result</c>, <c>stream</c> and <c>error</c>.
/// </summary>
/// <remarks>Text MIME types are stored as lists of lines; JSON MIME types as the JSON itself, as Jupyter does.</remarks>
internal sealed class OutputCollector
{
    private readonly List<JsonObject> outputs = [];
    private readonly Dictionary<string, JsonObject> displaysById = new(StringComparer.Ordinal);

    /// <summary>The outputs collected so far.</summary>
    public IReadOnlyList<JsonObject> Outputs => outputs;

    /// <summary>Adds the output an event stands for; events without output are ignored.</summary>
    public void Add(string? eventType, JsonObject body)
    {
        switch (eventType)
        {
            case "DisplayedValueProduced":
                AddDisplay("display_data", body);
                break;
            case "DisplayedValueUpdated":
                var id = body["valueId"]?.GetValue<string>();
                if (id is not null && displaysById.TryGetValue(id, out var existing))
                {
                    existing["data"] = MimeBundle(body);
                }
                else
                {
                    AddDisplay("display_data", body);
                }

                break;
            case "ReturnValueProduced":
                AddDisplay("execute_result", body);
                break;
            case "StandardOutputValueProduced":
                AddStream("stdout", body);
                break;
            case "StandardErrorValueProduced":
                AddStream("stderr", body);
                break;
            case "ErrorProduced":
                AddFailure(body["message"]?.GetValue<string>() ?? "error");
                break;
            default:
                break;
        }
    }

    /// <summary>Adds an error output, unless the same message is already the last output.</summary>
    public void AddFailure(string message)
    {
        if (outputs.Count > 0 && outputs[^1]["output_type"]?.GetValue<string>() == "error" &&
            outputs[^1]["evalue"]?.GetValue<string>() == message)
        {
            return;
        }

        outputs.Add(new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = "Error",
            ["evalue"] = message,
            ["traceback"] = new JsonArray(message),
        });
    }

    private void AddDisplay(string outputType, JsonObject body)
    {
        var output = new JsonObject
        {
            ["output_type"] = outputType,
            ["data"] = MimeBundle(body),
            ["metadata"] = new JsonObject(),
        };
        if (outputType == "execute_result")
        {
            output["execution_count"] = null;
        }

        outputs.Add(output);
        if (body["valueId"]?.GetValue<string>() is { } id)
        {
            displaysById[id] = output;
        }
    }

    private void AddStream(string name, JsonObject body)
    {
        var text = string.Concat(Values(body).Where(v => v.Mime == "text/plain").Select(v => v.Value));
        outputs.Add(new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = name,
            ["text"] = NotebookFile.ToSourceLines(text),
        });
    }

    private static JsonObject MimeBundle(JsonObject body)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in Values(body))
        {
            bundle[mime] = IsJson(mime) && TryParseJson(value) is { } json ? json : NotebookFile.ToSourceLines(value);
        }

        return bundle;
    }

    // nbformat stores JSON MIME types (application/json, application/…+json) as JSON, not as lines of text.
    private static bool IsJson(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode? TryParseJson(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<(string Mime, string Value)> Values(JsonObject body) =>
        (body["formattedValues"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(v => v["suppressDisplay"]?.GetValue<bool>() != true)
            .Select(v => (v["mimeType"]?.GetValue<string>() ?? "text/plain", v["value"]?.GetValue<string>() ?? ""));
}
