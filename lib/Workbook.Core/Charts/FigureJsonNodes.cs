using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Core.Charts;

/// <summary>Reads and writes plotly.js figure JSON as nodes, for the transforms applied at export (<see cref="FigureLayout"/>, <see cref="FigureSlider"/>).</summary>
internal static class FigureJsonNodes
{
    // Implementation note: relaxed escaping keeps non-ASCII text (λ, ρ, →) as it is, so a transformed
    // figure's JSON reads like Plotly.NET's own and stays byte-identical from run to run.
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses figure JSON, which must be an object.</summary>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static JsonObject Parse(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        return JsonNode.Parse(figureJson) as JsonObject
            ?? throw new ArgumentException("The figure JSON must be an object.", nameof(figureJson));
    }

    /// <summary>Writes a figure back to one line of JSON.</summary>
    public static string Write(JsonObject figure) => figure.ToJsonString(WriteOptions);
}
