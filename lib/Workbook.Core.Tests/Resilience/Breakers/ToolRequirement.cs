using System.Diagnostics;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Finds a compiler (go, rustc) on PATH for the tests that build the Go and Rust listings. As with
/// Chromium: with CI set (.ci/run installs golang-go and rustc) a missing tool fails the test; locally the
/// test reports itself skipped, with the reason, never passed.
/// </summary>
internal static class ToolRequirement
{
    public static string Require(string tool, string debianPackage)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail($"CI is set but {tool} is not on PATH; .ci/run installs it (apt-get install {debianPackage}).");
            }

            Assert.Skip($"{tool} is not on PATH; install it with 'sudo apt-get install {debianPackage}' to run this test.");
        }

        return path;
    }

    /// <summary>Runs a process to completion (at most 5 minutes) and returns its exit code and combined output.</summary>
    public static ProcessRun Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        return new ProcessRun(process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }
}

/// <summary>A finished process: its exit code and its standard output followed by its standard error.</summary>
internal sealed record ProcessRun(int ExitCode, string Output);
