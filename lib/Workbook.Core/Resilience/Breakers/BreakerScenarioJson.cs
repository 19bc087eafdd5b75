using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbook.Core.Resilience.Breakers;

/// <summary>Reads and writes the shared breaker-scenario JSON format (<c>workbook.breaker-scenario/1</c>).</summary>
/// <remarks>
/// The format is flat so that Go and Rust read it with plain structs: <c>options</c> {failureRatio,
/// minimumThroughput, samplingDurationMs, breakDurationMs}; <c>steps</c> [{atMs, kind: "call" |
/// "advance", outcome: "success" | "failure" (calls only), expectExecuted, expectState}];
/// <c>expectedTransitions</c> [{atMs, from, to}]. States are "closed", "open", "half-open".
/// Expectations are all present or all absent. data/resilience/breaker-scenarios/README.md describes it in full.
/// </remarks>
public static class BreakerScenarioJson
{
    /// <summary>The value of the <c>format</c> property this version reads and writes.</summary>
    public const string FormatId = "workbook.breaker-scenario/1";

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The JSON text of one scenario.</param>
    /// <returns>The validated scenario.</returns>
    /// <exception cref="FormatException">The text is not a scenario of this format (the message names the property).</exception>
    /// <exception cref="ArgumentException">A value is out of range or the steps break a rule of <see cref="BreakerScenario"/>.</exception>
    public static BreakerScenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not valid JSON: {e.Message}", e);
        }

        var root = parsed as JsonObject ?? throw new FormatException("A scenario is a JSON object.");
        string format = Text(root, "format");
        if (format != FormatId)
        {
            throw new FormatException($"format is \"{format}\"; this reader understands \"{FormatId}\".");
        }

        var o = Object(root, "options");
        var options = new BreakerScenarioOptions(
            Get<double>(o, "failureRatio", "options."), Get<int>(o, "minimumThroughput", "options."), Get<long>(o, "samplingDurationMs", "options."), Get<long>(o, "breakDurationMs", "options."));

        var steps = new List<BreakerStep>();
        var expected = new List<BreakerStepExpectation>();
        var stepArray = root["steps"] as JsonArray ?? throw new FormatException("steps: an array is required.");
        for (int i = 0; i < stepArray.Count; i++)
        {
            var s = stepArray[i] as JsonObject ?? throw new FormatException($"steps[{i}] is not an object.");
            string where = $"steps[{i}].";
            long at = Get<long>(s, "atMs", where);
            string kind = Text(s, "kind", where);
            steps.Add(kind switch
            {
                "call" => BreakerStep.Call(at, ParseOutcome(Text(s, "outcome", where), $"steps[{i}].outcome")),
                "advance" => BreakerStep.Advance(at),
                _ => throw new FormatException($"steps[{i}].kind is \"{kind}\"; allowed: \"call\", \"advance\"."),
            });
            if (s["expectState"] is not null)
            {
                bool executed = s["expectExecuted"] is not null && Get<bool>(s, "expectExecuted", where);
                expected.Add(new BreakerStepExpectation(executed, ParseState(Text(s, "expectState", where), $"steps[{i}].expectState")));
            }
        }

        var transitions = new List<ScenarioTransition>();
        if (root["expectedTransitions"] is JsonArray ts)
        {
            for (int i = 0; i < ts.Count; i++)
            {
                var t = ts[i] as JsonObject ?? throw new FormatException($"expectedTransitions[{i}] is not an object.");
                transitions.Add(new ScenarioTransition(
                    Get<long>(t, "atMs", $"expectedTransitions[{i}]."), ParseState(Text(t, "from", $"expectedTransitions[{i}]."), $"expectedTransitions[{i}].from"), ParseState(Text(t, "to", $"expectedTransitions[{i}]."), $"expectedTransitions[{i}].to")));
            }
        }

        string description = root["description"] is null ? "" : Text(root, "description");
        return new BreakerScenario(Text(root, "name"), description, options, steps, expected, transitions);
    }

    /// <summary>Writes a scenario as indented JSON in this format.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(BreakerScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var steps = new JsonArray();
        for (int i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var s = new JsonObject { ["atMs"] = step.AtMilliseconds, ["kind"] = step.Kind == BreakerStepKind.Call ? "call" : "advance" };
            if (step.Kind == BreakerStepKind.Call)
            {
                s["outcome"] = step.Outcome == CallOutcome.Success ? "success" : "failure";
            }

            if (scenario.HasExpectations)
            {
                s["expectExecuted"] = scenario.ExpectedSteps[i].Executed;
                s["expectState"] = StateName(scenario.ExpectedSteps[i].StateAfter);
            }

            steps.Add(s);
        }

        var transitions = new JsonArray();
        foreach (var t in scenario.ExpectedTransitions)
        {
            transitions.Add(new JsonObject { ["atMs"] = t.AtMilliseconds, ["from"] = StateName(t.From), ["to"] = StateName(t.To) });
        }

        var root = new JsonObject
        {
            ["format"] = FormatId,
            ["name"] = scenario.Name,
            ["description"] = scenario.Description,
            ["options"] = new JsonObject
            {
                ["failureRatio"] = scenario.Options.FailureRatio,
                ["minimumThroughput"] = scenario.Options.MinimumThroughput,
                ["samplingDurationMs"] = scenario.Options.SamplingDurationMilliseconds,
                ["breakDurationMs"] = scenario.Options.BreakDurationMilliseconds,
            },
            ["steps"] = steps,
            ["expectedTransitions"] = transitions,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The file-format name of a state: "closed", "open", "half-open" or "isolated".</summary>
    /// <param name="state">The state.</param>
    /// <returns>Its name in the format.</returns>
    public static string StateName(BreakerState state) => state switch
    {
        BreakerState.Closed => "closed",
        BreakerState.Open => "open",
        BreakerState.HalfOpen => "half-open",
        BreakerState.Isolated => "isolated",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "one of Closed, Open, HalfOpen, Isolated"),
    };

    private static BreakerState ParseState(string text, string where) => text switch
    {
        "closed" => BreakerState.Closed,
        "open" => BreakerState.Open,
        "half-open" => BreakerState.HalfOpen,
        "isolated" => BreakerState.Isolated,
        _ => throw new FormatException($"{where} is \"{text}\"; allowed: \"closed\", \"open\", \"half-open\", \"isolated\"."),
    };

    private static CallOutcome ParseOutcome(string text, string where) => text switch
    {
        "success" => CallOutcome.Success,
        "failure" => CallOutcome.Failure,
        _ => throw new FormatException($"{where} is \"{text}\"; allowed: \"success\", \"failure\"."),
    };

    private static JsonObject Object(JsonObject parent, string name) =>
        parent[name] as JsonObject ?? throw new FormatException($"{name}: an object is required.");

    private static string Text(JsonObject parent, string name, string prefix = "") =>
        parent[name] is JsonValue v && v.TryGetValue(out string? s) ? s : throw new FormatException($"{prefix}{name}: a string is required.");

    private static T Get<T>(JsonObject parent, string name, string prefix = "")
    {
        if (parent[name] is JsonValue v)
        {
            try
            {
                return v.GetValue<T>();
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{prefix}{name}: a {typeof(T).Name} is required, not {v.ToJsonString()}."), e);
            }
        }

        throw new FormatException($"{prefix}{name}: a {typeof(T).Name} is required.");
    }
}
