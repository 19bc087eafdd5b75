using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Core.Exercises;

public sealed partial record CheckResult
{
    /// <summary>The MIME type of <see cref="ToJson"/>, which notebooks emit beside HTML and text.</summary>
    /// <remarks>
    /// A vendor type that renderers do not know, so they show the HTML or the text instead; tools
    /// (the <c>check</c> command) read this form rather than the rendered ones.
    /// </remarks>
    public const string JsonMimeType = "application/vnd.workbook.check-result+json";

    /// <summary>
    /// The result as one JSON object with stable property names: <c>id</c>, <c>title</c>,
    /// <c>track</c> ("beginner"), <c>status</c> ("not-attempted", "passed", "failed", "error",
    /// "timed-out"), <c>message</c>, <c>failingCase</c> (null, or <c>number</c>, <c>input</c>,
    /// <c>expected</c>, <c>actual</c>), <c>hint</c> (null or text), <c>casesPassed</c>, <c>casesTotal</c>, and <c>details</c> only when there are any.
    /// </summary>
    /// <returns>JSON text on one line; <see cref="FromJson(string)"/> reads it back.</returns>
    public string ToJson() => new JsonObject
    {
        ["id"] = ExerciseId,
        ["title"] = Title,
        ["track"] = Track.ToDisplay(),
        ["status"] = Status.ToToken(),
        ["message"] = Message,
        ["failingCase"] = FailingCase is { } c
            ? new JsonObject { ["number"] = c.Number, ["input"] = c.Input, ["expected"] = c.Expected, ["actual"] = c.Actual }
            : null,
        ["hint"] = Hint,
        ["casesPassed"] = CasesPassed,
        ["casesTotal"] = CasesTotal,
    }.WithDetails(Details).ToJsonString();

    /// <summary>Reads the JSON that <see cref="ToJson"/> writes.</summary>
    /// <param name="json">One JSON object.</param>
    /// <returns>The result, equal to the one that wrote the JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not JSON, or a property is missing or of the wrong kind; the message names it.</exception>
    public static CheckResult FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"A check result must be a JSON object; this is not JSON ({e.Message})", e);
        }

        return FromJson(root);
    }

    /// <summary>Reads the object that <see cref="ToJson"/> writes, already parsed (as a notebook stores it).</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The result, equal to the one that wrote the JSON.</returns>
    /// <exception cref="FormatException">It is not an object, or a property is missing or of the wrong kind; the message names it.</exception>
    public static CheckResult FromJson(JsonNode? json)
    {
        if (json is not JsonObject o)
        {
            throw new FormatException($"A check result must be a JSON object; it was {Kind(json)}.");
        }

        var track = Text(o, "track");
        var status = Text(o, "status");
        return new CheckResult(
            Text(o, "id"),
            Text(o, "title"),
            Enum.GetValues<Track>().Cast<Track?>().FirstOrDefault(t => t!.Value.ToDisplay() == track)
                ?? throw Bad("track", $"one of {string.Join(", ", Enum.GetValues<Track>().Select(t => t.ToDisplay()))}", $"'{track}'"),
            CheckStatusText.TryParseToken(status, out var parsed)
                ? parsed
                : throw Bad("status", $"one of {string.Join(", ", Enum.GetValues<CheckStatus>().Select(s => s.ToToken()))}", $"'{status}'"),
            Text(o, "message"),
            o["failingCase"] is null ? null : ReadCase(o["failingCase"]),
            o["hint"] is null ? null : Text(o, "hint"),
            Number(o, "casesPassed"),
            Number(o, "casesTotal"))
        {
            Details = o["details"] is null ? null : Text(o, "details"),
        };
    }

    private static FailingCase ReadCase(JsonNode? node) => node is JsonObject c
        ? new FailingCase(Number(c, "number"), Text(c, "input"), Text(c, "expected"), Text(c, "actual"))
        : throw Bad("failingCase", "null or an object", Kind(node));

    private static string Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : throw Bad(name, "a string", Kind(o[name]));

    private static int Number(JsonObject o, string name) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number)
            ? number
            : throw Bad(name, "a whole number", Kind(o[name]));

    private static FormatException Bad(string name, string allowed, string actual) =>
        new($"Check result property '{name}' must be {allowed}; it was {actual}.");

    private static string Kind(JsonNode? node) => node switch
    {
        null => "missing or null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"'{v.GetValue<string>()}'",
        _ => node.ToJsonString(),
    };
}

file static class CheckResultJsonDetails
{
    public static JsonObject WithDetails(this JsonObject o, string? details)
    {
        if (details is not null)
        {
            o["details"] = details;
        }

        return o;
    }
}
