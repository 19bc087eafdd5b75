using System.Text.Json;
using System.Text.Json.Nodes;
using Workbook.Core.Tests.Cli;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// The Go and Rust listings of the beginner breaker (samples/breakers/) are built with the real compilers
/// and replay the shared scenario file; each runner must also report a planted mismatch, so a runner that
/// printed "ok" for anything could not pass. The expected values are in the file, worked out by hand.
/// </summary>
[Trait("Category", "Slow")]
public class BreakerListingsTests
{
    private static string Samples => Path.Combine(Repository.Root, "samples", "breakers");

    private static string ScenarioFile => Path.Combine(Repository.Root, "data", "resilience", "breaker-scenarios", "consecutive-failures.json");

    private static readonly Dictionary<string, string> GoEnvironment = new()
    {
        ["GOTOOLCHAIN"] = "local", // never download a toolchain
        ["GOPROXY"] = "off",       // the module has no dependencies
        ["GOFLAGS"] = "-mod=mod",
    };

    private static int StepCount(string file) =>
        JsonNode.Parse(File.ReadAllText(file))!["scenarios"]!.AsArray().Sum(s => s!["steps"]!.AsArray().Count);

    /// <summary>A copy of the scenario file with the first step's expected state changed from closed to open.</summary>
    private static string PlantMismatch(TempFolder temp)
    {
        var root = JsonNode.Parse(File.ReadAllText(ScenarioFile))!;
        var step = root["scenarios"]![0]!["steps"]![0]!;
        Assert.Equal("closed", (string?)step["state"]);
        step["state"] = "open";
        var path = temp.Combine("planted.json");
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    [Fact]
    public void ScenarioFile_FollowsItsReadmeRules()
    {
        // Rules from data/resilience/breaker-scenarios/README.md, checked on the data (not by any breaker).
        var root = JsonNode.Parse(File.ReadAllText(ScenarioFile))!;
        Assert.Equal("consecutive-failures/1", (string?)root["format"]);
        foreach (var scenario in root["scenarios"]!.AsArray())
        {
            Assert.True((int)scenario!["failureThreshold"]! >= 1);
            Assert.True((double)scenario["resetTimeout"]! > 0);
            double previous = double.NegativeInfinity;
            foreach (var step in scenario["steps"]!.AsArray())
            {
                double time = (double)step!["time"]!;
                string outcome = (string)step["outcome"]!, state = (string)step["state"]!;
                Assert.True(time >= previous, $"time goes back in '{scenario["name"]}'");
                previous = time;
                Assert.Contains(outcome, new[] { "success", "failure", "none" });
                Assert.Contains(state, new[] { "closed", "open", "half-open" });
                if (outcome == "none")
                {
                    Assert.False((bool)step["admitted"]!);
                }
                else
                {
                    Assert.NotEqual("half-open", state); // a probe has finished before the next step
                }
            }
        }
    }

    [Fact]
    public void Go_ReplaysTheScenarioFile_AndReportsAPlantedMismatch()
    {
        var go = ToolRequirement.Require("go", "golang-go");
        var dir = Path.Combine(Samples, "go");
        using var temp = new TempFolder();

        var run = ToolRequirement.Run(go, dir, GoEnvironment, "run", ".", ScenarioFile);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{StepCount(ScenarioFile)} steps, 0 mismatches", run.Output, StringComparison.Ordinal);

        var planted = ToolRequirement.Run(go, dir, GoEnvironment, "run", ".", PlantMismatch(temp));
        Assert.Equal(1, planted.ExitCode);
        Assert.Contains("1 mismatches", planted.Output, StringComparison.Ordinal);
        Assert.Contains("step 1 t=0 failure: admitted=true state=closed MISMATCH expected admitted=true state=open", planted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_FixedBreaker_PassesItsTestsUnderTheRaceDetector()
    {
        var go = ToolRequirement.Require("go", "golang-go");
        var run = ToolRequirement.Run(go, Path.Combine(Samples, "go"), GoEnvironment, "test", "-race", "-count=1", "./...");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("DATA RACE", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_SeedBreaker_RaceDetectorReportsTheUnlockedRead()
    {
        // The seed's beforeCall reads lastFailureTime after RUnlock; afterCall writes it under Lock.
        var go = ToolRequirement.Require("go", "golang-go");
        var run = ToolRequirement.Run(go, Path.Combine(Samples, "go"), GoEnvironment, "test", "-race", "-count=1", "-tags", "seedrace", "./seed");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("WARNING: DATA RACE", run.Output, StringComparison.Ordinal);
        Assert.Contains("seed.(*CircuitBreaker).beforeCall", run.Output, StringComparison.Ordinal);
        Assert.Contains("seed.(*CircuitBreaker).afterCall", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rust_ReplaysTheScenarioFile_AndReportsAPlantedMismatch()
    {
        var rustc = ToolRequirement.Require("rustc", "rustc");
        using var temp = new TempFolder();
        var binary = temp.Combine("breaker");
        var build = ToolRequirement.Run(rustc, temp.Path, null, "--edition", "2021", "-D", "warnings", "-o", binary, Path.Combine(Samples, "rust", "breaker.rs"));
        Assert.True(build.ExitCode == 0, build.Output);

        var run = ToolRequirement.Run(binary, temp.Path, null, ScenarioFile);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{StepCount(ScenarioFile)} steps, 0 mismatches", run.Output, StringComparison.Ordinal);

        var planted = ToolRequirement.Run(binary, temp.Path, null, PlantMismatch(temp));
        Assert.Equal(1, planted.ExitCode);
        Assert.Contains("1 mismatches", planted.Output, StringComparison.Ordinal);
        Assert.Contains("step 1 t=0 failure: admitted=true state=closed MISMATCH expected admitted=true state=open", planted.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Rust_UnitTests_Pass()
    {
        var rustc = ToolRequirement.Require("rustc", "rustc");
        using var temp = new TempFolder();
        var binary = temp.Combine("breaker-tests");
        var build = ToolRequirement.Run(rustc, temp.Path, null, "--edition", "2021", "-D", "warnings", "--test", "-o", binary, Path.Combine(Samples, "rust", "breaker.rs"));
        Assert.True(build.ExitCode == 0, build.Output);

        var run = ToolRequirement.Run(binary, temp.Path, null);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("test result: ok. 2 passed", run.Output, StringComparison.Ordinal);
    }
}
