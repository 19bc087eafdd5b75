using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Cli.Notebooks;
using Workbook.Core.Tests.Notebooks;

namespace Workbook.Core.Tests.Reliability.Locks.Redis;

/// <summary>
/// Episode 23's Redis section through the real kernel, twice: pointed (WORKBOOK_REDIS) at the fixture's own server,
/// where every scenario prints its finding, and at a closed port, where every scenario cell prints the one-line reason
/// and how to start a server. Either way no cell fails. The section is the setup cell plus the cells from the header
/// "## 4. The same lock against a real Redis" to the next "## " header.
/// </summary>
[Trait("Category", "Slow")]
[Collection(NotebookCollection.Name)]
public sealed class Episode23RedisNotebookTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    private const string Notebook = "ep23-spot-the-bug.ipynb";
    private const string SectionHeader = "## 4. The same lock against a real Redis";
    private static readonly NotebookRunner Runner = new(Repository.Root, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task WithAServer_EveryScenarioRunsAndPrintsItsFinding()
    {
        using (await fixture.ConnectAsync())
        {
        }

        var text = await RunSectionAsync($"127.0.0.1:{fixture.Port}", "redis-up");

        Assert.Contains($"Redis: connected to 127.0.0.1:{fixture.Port}", text, StringComparison.Ordinal);
        Assert.Contains("both A and B acquired", text, StringComparison.Ordinal);
        Assert.Contains("A's DEL freed B's lock", text, StringComparison.Ordinal);
        Assert.Contains("the release script refused to delete B's lock", text, StringComparison.Ordinal);
        Assert.Contains("A's stale write was accepted after B's", text, StringComparison.Ordinal);
        Assert.Contains("the storage rejected A's token 1 after accepting token 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("skipped", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAServer_EveryScenarioCellSaysHowToStartOne()
    {
        var port = RedisServerFixture.FreePort();

        var text = await RunSectionAsync($"127.0.0.1:{port}", "redis-down");

        var reason = $"no Redis at 127.0.0.1:{port} (connection refused); start one with ./workbook.sh redis start";
        Assert.Contains($"Redis cells will be skipped: {reason}", text, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(text, $"^skipped: {Regex.Escape(reason)}$", RegexOptions.Multiline).Count); // one per scenario cell
        Assert.DoesNotContain("both A and B acquired", text, StringComparison.Ordinal);
    }

    private static async Task<string> RunSectionAsync(string endpoint, string tag)
    {
        var copy = WriteSection(tag);
        var previous = Environment.GetEnvironmentVariable("WORKBOOK_REDIS");
        Environment.SetEnvironmentVariable("WORKBOOK_REDIS", endpoint); // the kernel process inherits it
        try
        {
            var run = await Runner.RunAsync(NotebookFile.Load(copy));

            var errors = run.Cells.Where(c => c.Execution.Outcome != CellOutcome.Succeeded)
                .Select(c => $"{c.Cell.Label} ({c.Execution.Outcome}): {c.Execution.Error}");
            Assert.True(run.Succeeded, string.Join("\n", errors));
            return string.Join("\n", run.Cells.SelectMany(c => c.Execution.Outputs).Select(OutputText));
        }
        finally
        {
            Environment.SetEnvironmentVariable("WORKBOOK_REDIS", previous);
            File.Delete(copy);
        }
    }

    private static string WriteSection(string tag)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Notebooks, Notebook)))!.AsObject();
        var cells = document["cells"]!.AsArray().OfType<JsonObject>().ToList();
        var source = cells.Select(c => NotebookFile.ReadSource(c["source"]).Trim()).ToList();
        var setup = cells.FindIndex(c => (string?)c["cell_type"] == "code");
        var start = source.FindIndex(s => s.StartsWith(SectionHeader, StringComparison.Ordinal));
        Assert.True(start >= 0, $"{Notebook} has no cell starting with \"{SectionHeader}\"");
        var end = source.FindIndex(start + 1, s => s.StartsWith("## ", StringComparison.Ordinal));
        var section = cells.Skip(start).Take((end < 0 ? cells.Count : end) - start);
        Assert.Contains(section, c => (string?)c["cell_type"] == "code");

        document["cells"] = new JsonArray([.. new[] { cells[setup] }.Concat(section).Select(c => c.DeepClone())]);
        var copy = Path.Combine(Repository.Notebooks, $".ep23-spot-the-bug.{tag}.test.ipynb");
        File.WriteAllText(copy, document.ToJsonString());
        return copy;
    }

    private static string OutputText(JsonObject output) =>
        NotebookFile.ReadSource(output["text"]) + NotebookFile.ReadSource(output["data"]?["text/plain"]);
}
