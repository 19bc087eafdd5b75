using System.Text.Json.Nodes;
using Workbook.Core.Tests.Notebooks;

namespace Workbook.Core.Tests.Cli;

/// <summary>The CLI's run and check commands, called as a user would (arguments in, exit code and text out).</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("workbook-cli-").FullName;

    private readonly List<string> probes = [];

    public void Dispose()
    {
        probes.ForEach(File.Delete);
        Directory.Delete(temp, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Workbook.Cli.Cli.MainAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task MissingPath_Exits2_WithOneLineReason()
    {
        var (exit, _, err) = await Cli("run", Path.Combine(temp, "nope.ipynb"));

        Assert.Equal(2, exit);
        Assert.Equal($"workbook: {Path.Combine(temp, "nope.ipynb")}: no such file.", err.Trim());
    }

    [Fact]
    public async Task FileThatIsNotANotebook_Exits2()
    {
        var path = Path.Combine(temp, "notes.txt");
        File.WriteAllText(path, "hello");

        var (exit, _, err) = await Cli("check", path);

        Assert.Equal(2, exit);
        Assert.Contains("is not a notebook: expected a .ipynb file", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task InvalidJson_Exits2_NamingTheLine()
    {
        var path = Path.Combine(temp, "broken.ipynb");
        File.WriteAllText(path, "{\n  \"cells\": [\n}");

        var (exit, _, err) = await Cli("run", path);

        Assert.Equal(2, exit);
        Assert.Contains("is not valid notebook JSON (line 3)", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--cell-timeout", "-5")]
    [InlineData("check")]
    public async Task BadUsage_Exits2_WithOneLine(params string[] args)
    {
        var (exit, _, err) = await Cli(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("workbook: ", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Run_OnANotebookWithAFailingCell_Exits1_ReportsIt_AndLeavesTheSourceUntouched()
    {
        // A learner's notebook: an answer that never returns, a cell that throws, then a cell that still runs.
        var notebook = WriteNotebook(
            "#!import setup.dib",
            "double FiberOneWayMs(double distanceKm) { while (true) { } }",
            "Check(\"ep01.fiber-one-way\", FiberOneWayMs)",
            "throw new InvalidOperationException(\"deliberate\");",
            "Console.WriteLine(\"still alive\");");
        var before = File.ReadAllText(notebook);
        var output = Path.Combine(temp, "out");

        var (exit, stdout, stderr) = await Cli("run", notebook, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal(before, File.ReadAllText(notebook));
        Assert.Contains("deliberate", stderr, StringComparison.Ordinal);
        Assert.Matches(@"\.probe\.test\.ipynb\s+5\s+1\s+\d+\.\d", stdout);
        Assert.Matches(@"ep01\.fiber-one-way\s+beginner\s+timed out", stdout);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(notebook))))!;
        var cells = executed["cells"]!.AsArray();
        Assert.Contains("still alive", cells[4]!["outputs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("error", cells[3]!["outputs"]![0]!["output_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Check_PrintsOnlyTheProgressTable()
    {
        var notebook = WriteNotebook(
            "#!import setup.dib",
            "double SerializationMicroseconds(int packetBytes, double linkBitsPerSecond) => packetBytes * 8.0 / linkBitsPerSecond * 1e6;",
            "Check(\"ep01.serialization\", SerializationMicroseconds)",
            "double FiberOneWayMs(double distanceKm) => throw new NotImplementedException();",
            "Check(\"ep01.fiber-one-way\", FiberOneWayMs)");

        var (exit, stdout, _) = await Cli("check", notebook);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Cells", stdout, StringComparison.Ordinal);
        Assert.Matches(@"ep01\.serialization\s+beginner\s+passed", stdout);
        Assert.Matches(@"ep01\.fiber-one-way\s+beginner\s+not attempted", stdout);
        Assert.Contains("1 of 2 exercises passed.", stdout, StringComparison.Ordinal);
    }

    private string WriteNotebook(params string[] cells)
    {
        // Notebooks resolve setup.dib and the library relative to their folder, so the probe lives in notebooks/.
        var path = Path.Combine(Repository.Notebooks, $".{Path.GetFileName(temp)}.probe.test.ipynb");
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = c,
            }).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, json.ToJsonString());
        probes.Add(path);
        return path;
    }
}
