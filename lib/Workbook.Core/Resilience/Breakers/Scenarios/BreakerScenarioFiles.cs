using System.Text.Json.Nodes;

namespace Workbook.Core.Resilience.Breakers.Scenarios;

/// <summary>
/// The shared scenario files of data/resilience/breaker-scenarios/, embedded in the library, read as
/// <see cref="StepScenario{TSettings}"/> lists that <see cref="ScenarioReplay"/> can drive any breaker through.
/// </summary>
/// <remarks>
/// Three formats (the folder's README describes each): <c>consecutive-failures/1</c> (beginner breaker),
/// <c>count-window/1</c> (intermediate breaker), and the production files <c>workbook.breaker-scenario/1</c>,
/// read with <see cref="BreakerScenarioJson"/> (an <c>advance</c> step becomes a step without a call).
/// </remarks>
public static class BreakerScenarioFiles
{
    /// <summary>The folder of the files, relative to the repository.</summary>
    public const string Folder = "data/resilience/breaker-scenarios/";

    /// <summary>The beginner file.</summary>
    public const string ConsecutiveFailuresFile = Folder + "consecutive-failures.json";

    /// <summary>The intermediate file.</summary>
    public const string CountWindowFile = Folder + "count-window.json";

    private static readonly Lazy<IReadOnlyList<StepScenario<ConsecutiveFailuresSettings>>> ConsecutiveFailuresLazy =
        new(() => ParseConsecutiveFailures(ReadResource(ConsecutiveFailuresFile), ConsecutiveFailuresFile));

    private static readonly Lazy<IReadOnlyList<StepScenario<CountWindowSettings>>> CountWindowLazy =
        new(() => ParseCountWindow(ReadResource(CountWindowFile), CountWindowFile));

    private static readonly Lazy<IReadOnlyList<(string File, BreakerScenario Scenario)>> ProductionFilesLazy = new(ReadProduction);

    private static readonly Lazy<IReadOnlyList<StepScenario<BreakerScenarioOptions>>> ProductionLazy =
        new(() => [.. ProductionFilesLazy.Value.Select(f => FromProduction(f.Scenario, f.File))]);

    /// <summary>The scenarios of consecutive-failures.json.</summary>
    public static IReadOnlyList<StepScenario<ConsecutiveFailuresSettings>> ConsecutiveFailures => ConsecutiveFailuresLazy.Value;

    /// <summary>The scenarios of count-window.json.</summary>
    public static IReadOnlyList<StepScenario<CountWindowSettings>> CountWindow => CountWindowLazy.Value;

    /// <summary>Every production-track file (format <c>workbook.breaker-scenario/1</c>), in file-name order.</summary>
    public static IReadOnlyList<StepScenario<BreakerScenarioOptions>> Production => ProductionLazy.Value;

    /// <summary>The production-track files as read (with their expectations), in file-name order: what the Polly runner replays.</summary>
    public static IReadOnlyList<BreakerScenario> ProductionScenarios => [.. ProductionFilesLazy.Value.Select(f => f.Scenario)];

    /// <summary>Reads a <c>consecutive-failures/1</c> file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">Its name, for messages.</param>
    /// <returns>The scenarios, in file order.</returns>
    /// <exception cref="FormatException">The text breaks the format; the message names the property.</exception>
    public static IReadOnlyList<StepScenario<ConsecutiveFailuresSettings>> ParseConsecutiveFailures(string json, string file) =>
        ParseSteps(json, file, "consecutive-failures/1", s => new ConsecutiveFailuresSettings(Get<int>(s, "failureThreshold"), Get<double>(s, "resetTimeout")));

    /// <summary>Reads a <c>count-window/1</c> file.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">Its name, for messages.</param>
    /// <returns>The scenarios, in file order.</returns>
    /// <exception cref="FormatException">The text breaks the format; the message names the property.</exception>
    public static IReadOnlyList<StepScenario<CountWindowSettings>> ParseCountWindow(string json, string file) =>
        ParseSteps(json, file, "count-window/1", s => new CountWindowSettings(
            Get<int>(s, "windowSize"), Get<int>(s, "minimumCalls"), Get<double>(s, "failureRatio"), Get<double>(s, "openDuration"), Get<int>(s, "halfOpenProbes")));

    /// <summary>A production scenario as steps: a call keeps its outcome, an <c>advance</c> becomes a step without a call; times in ms.</summary>
    /// <param name="scenario">A scenario with expectations.</param>
    /// <param name="file">Its file, for messages.</param>
    /// <returns>The step scenario.</returns>
    /// <exception cref="ArgumentException">The scenario has no expectations.</exception>
    public static StepScenario<BreakerScenarioOptions> FromProduction(BreakerScenario scenario, string file)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!scenario.HasExpectations)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no expectations to replay against.", nameof(scenario));
        }

        var steps = scenario.Steps.Zip(scenario.ExpectedSteps, (s, e) => new ScenarioStep(
            s.AtMilliseconds,
            s.Kind == BreakerStepKind.Advance ? StepOutcome.None : s.Outcome == CallOutcome.Success ? StepOutcome.Success : StepOutcome.Failure,
            e.Executed,
            e.StateAfter)).ToList();
        return new StepScenario<BreakerScenarioOptions>(file, scenario.Name, scenario.Options, steps, "ms");
    }

    private static IReadOnlyList<(string File, BreakerScenario Scenario)> ReadProduction()
    {
        var assembly = typeof(BreakerScenarioFiles).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Folder, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: n, Text: ReadResource(n)))
            .Where(f => JsonNode.Parse(f.Text)?["format"]?.GetValue<string>() == BreakerScenarioJson.FormatId)
            .Select(f => (f.Name, BreakerScenarioJson.Parse(f.Text)))
            .ToList();
    }

    private static IReadOnlyList<StepScenario<T>> ParseSteps<T>(string json, string file, string format, Func<JsonObject, T> settings)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{file}: the top level is not a JSON object.");
        string found = Get<string>(root, "format");
        if (found != format)
        {
            throw new FormatException($"{file}: format is \"{found}\"; expected \"{format}\".");
        }

        var list = root["scenarios"] as JsonArray ?? throw new FormatException($"{file}: scenarios must be an array.");
        var scenarios = new List<StepScenario<T>>();
        foreach (var node in list)
        {
            var s = node as JsonObject ?? throw new FormatException($"{file}: every scenario is an object.");
            string name = Get<string>(s, "name");
            var steps = new List<ScenarioStep>();
            var stepArray = s["steps"] as JsonArray ?? throw new FormatException($"{file}, scenario '{name}': steps must be an array.");
            for (int i = 0; i < stepArray.Count; i++)
            {
                var step = stepArray[i] as JsonObject ?? throw new FormatException($"{file}, scenario '{name}': steps[{i}] is not an object.");
                string where = $"{file}, scenario '{name}', steps[{i}]";
                var outcome = Get<string>(step, "outcome") switch
                {
                    "success" => StepOutcome.Success,
                    "failure" => StepOutcome.Failure,
                    "none" => StepOutcome.None,
                    var other => throw new FormatException($"{where}.outcome is \"{other}\"; allowed: success, failure, none."),
                };
                var state = Get<string>(step, "state") switch
                {
                    "closed" => BreakerState.Closed,
                    "open" => BreakerState.Open,
                    "half-open" => BreakerState.HalfOpen,
                    var other => throw new FormatException($"{where}.state is \"{other}\"; allowed: closed, open, half-open."),
                };
                double time = Get<double>(step, "time");
                if (steps.Count > 0 && time < steps[^1].Time)
                {
                    throw new FormatException($"{where}.time = {time} goes back in time.");
                }

                steps.Add(new ScenarioStep(time, outcome, Get<bool>(step, "admitted"), state));
            }

            scenarios.Add(new StepScenario<T>(file, name, settings(s), steps, "s"));
        }

        return scenarios;
    }

    private static T Get<T>(JsonObject o, string property)
    {
        var node = o[property] ?? throw new FormatException($"{property} is missing.");
        try
        {
            return node.GetValue<T>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new FormatException($"{property} is not a {typeof(T).Name}: {node.ToJsonString()}.", e);
        }
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(BreakerScenarioFiles).Assembly;
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{name}' is missing from {assembly.GetName().Name}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
