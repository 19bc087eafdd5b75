using System.Diagnostics.CodeAnalysis;
using Workbook.Cli.Figures;

namespace Workbook.Core.Tests.Cli;

/// <summary>
/// Finds Chromium for tests that render. With the environment variable CI set (CI installs
/// Chromium) a missing browser fails the test; locally such tests report
/// themselves as skipped, with the reason, so a run without a browser never counts them as passed.
/// </summary>
internal static class ChromiumRequirement
{
    public static string? Find()
    {
        var path = ChromiumLocator.Locate(explicitPath: null);
        if (path is null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("CI is set but no Chromium was found: " + ChromiumLocator.InstallHint);
        }

        return path;
    }

    /// <summary>Reports the test as skipped (never passed) when no browser was found.</summary>
    public static void SkipIfMissing([NotNull] string? path)
    {
        if (path is null)
        {
            Assert.Skip("no Chromium found; " + ChromiumLocator.InstallHint);
        }
    }
}

/// <summary>Tests that start Chromium run one at a time: two cores, and timing-free but CPU-hungry.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChromiumCollection
{
    public const string Name = "Chromium";
}

/// <summary>A temporary folder deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("workbook-tests-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test.
        }
    }
}
