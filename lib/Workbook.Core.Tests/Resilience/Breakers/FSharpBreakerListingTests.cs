using System.Text.Json;
using System.Text.Json.Nodes;
using Workbook.Cli.Notebooks;
using Workbook.Core.Tests.Cli;

namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// The F# listing of the beginner breaker (samples/breakers/fsharp/breaker.fsx) is run with <c>dotnet fsi</c>
/// (part of the SDK, so never skipped) against the shared scenario file, whose expected values were worked out by
/// hand, and against a planted mismatch; and episode 22's notebook runs the very same code in its F# cell.
/// </summary>
public class FSharpBreakerListingTests
{
    private const string CommandLineMarker = "// ---- command line";

    private static string Listing => Path.Combine(Repository.Root, "samples", "breakers", "fsharp", "breaker.fsx");

    private static string ScenarioFile => Path.Combine(Repository.Root, "data", "resilience", "breaker-scenarios", "consecutive-failures.json");

    private static int StepCount(string file) =>
        JsonNode.Parse(File.ReadAllText(file))!["scenarios"]!.AsArray().Sum(s => s!["steps"]!.AsArray().Count);

    [Fact]
    [Trait("Category", "Slow")]
    public void Listing_ReplaysTheScenarioFile_AndReportsAPlantedMismatch()
    {
        using var temp = new TempFolder();
        var run = ToolRequirement.Run("dotnet", temp.Path, null, "fsi", "--quiet", "--exec", Listing, ScenarioFile);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"{StepCount(ScenarioFile)} steps, 0 mismatches", run.Output, StringComparison.Ordinal);

        // The first step's expected state changed from closed to open: the runner must say so and exit 1.
        var root = JsonNode.Parse(File.ReadAllText(ScenarioFile))!;
        var step = root["scenarios"]![0]!["steps"]![0]!;
        Assert.Equal("closed", (string?)step["state"]);
        step["state"] = "open";
        var planted = temp.Combine("planted.json");
        File.WriteAllText(planted, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var mismatch = ToolRequirement.Run("dotnet", temp.Path, null, "fsi", "--quiet", "--exec", Listing, planted);
        Assert.Equal(1, mismatch.ExitCode);
        Assert.Contains("1 mismatches", mismatch.Output, StringComparison.Ordinal);
        Assert.Contains("step 1 t=0 failure: admitted=true state=closed MISMATCH expected admitted=true state=open", mismatch.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NotebookFSharpCell_RunsTheListingsBreaker_OnTheFSharpKernel_AndThrowsOnAMismatch()
    {
        var listing = File.ReadAllText(Listing).ReplaceLineEndings("\n");
        var marker = listing.IndexOf(CommandLineMarker, StringComparison.Ordinal);
        Assert.True(marker > 0, $"{Listing} has no line '{CommandLineMarker}'");
        var breakerCode = listing[..marker].Trim();

        var notebook = NotebookFile.Load(Path.Combine(Repository.Notebooks, "ep22-building-circuit-breakers.ipynb"));
        var cell = Assert.Single(notebook.Cells, c => c.IsCode && c.Kernel == "fsharp");
        var source = cell.Source.ReplaceLineEndings("\n");
        Assert.StartsWith("#!fsharp\n", source, StringComparison.Ordinal); // Jupyter sends every cell to the C# kernel; the magic line switches it
        Assert.Contains(breakerCode, source, StringComparison.Ordinal);
        Assert.Contains("consecutive-failures.json", source, StringComparison.Ordinal);
        Assert.Matches(@"if mismatches <> 0 then\s+failwith", source);
    }
}
