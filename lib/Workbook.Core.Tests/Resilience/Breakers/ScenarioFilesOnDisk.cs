using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>The scenario files under data/resilience/breaker-scenarios/, found by walking up from the test binaries.</summary>
internal static class ScenarioFilesOnDisk
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "resilience", "breaker-scenarios");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("data/resilience/breaker-scenarios not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The production-format files (<c>workbook.breaker-scenario/1</c>); the beginner file has its own format and tests.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder.Value, "*.json")
            .Where(path => File.ReadAllText(path).Contains($"\"{BreakerScenarioJson.FormatId}\"", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static BreakerScenario Load(string name) => BreakerScenarioJson.Parse(File.ReadAllText(Path.Combine(Folder.Value, name + ".json")));
}
