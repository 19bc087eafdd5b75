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
    [InlineData("{\"cells\":[{\"cell_type\":5,\"source\":\"1\"}],\"nbformat\":4}", "cell 1 has a \"cell_type\" that is not a string.")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":5}],\"nbformat\":4}", "cell 1 has a \"source\" that is neither a string nor a list of strings.")]
    [InlineData("{\"cells\":[{\"cell_type\":\"code\",\"source\":[\"a\",1]}],\"nbformat\":4}", "cell 1 has a \"source\" that is neither a string nor a list of strings.")]
    [InlineData("{\"cells\":[],\"cells\":[],\"nbformat\":4}", "is not a valid notebook: ")]
    [InlineData("{\"cells\":[],\"nbformat\":\"4\"}", "only nbformat 4 notebooks are supported.")]
    [InlineData("{\"cells\":[],\"nbformat\":4.5}", "only nbformat 4 notebooks are supported.")]
    [InlineData("[]", "the JSON has no \"cells\" array.")]
    [InlineData("", "is not valid notebook JSON (line 1)")]
    public async Task MalformedNotebook_Exits2_WithOneLine(string json, string reason)
    {
        var path = Path.Combine(temp, "odd.ipynb");
        File.WriteAllText(path, json);

        var (exit, _, err) = await Cli("check", path);

        Assert.Equal(2, exit);
        Assert.StartsWith($"workbook: {path}", err, StringComparison.Ordinal);
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--cell-timeout", "-5")]
    [InlineData("check")]
    [InlineData("check", "")]
    [InlineData("check", "x.ipynb", "--out", "somewhere")]
    public async Task BadUsage_Exits2_WithOneLine(params string[] args)
    {
        var (exit, _, err) = await Cli(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("workbook: ", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("86401")]
    [InlineData("0.5")]
    [InlineData("0")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("ten")]
    public async Task CellTimeoutOutOfRange_Exits2_StatingTheRange(string value)
    {
        var (exit, _, err) = await Cli("check", WriteNotebook("1+1"), "--cell-timeout", value);

        Assert.Equal(2, exit);
        Assert.Equal($"workbook: --cell-timeout must be a number of seconds from 1 to 86400 (one day); got '{value}'.", err.Trim());
    }

    [Fact]
    public async Task NotebookOutsideTheNotebooksFolder_Exits2_NamingTheMissingSetup()
    {
        // A learner copied a notebook elsewhere: setup.dib is not beside it, so every cell would fail.
        var path = Path.Combine(temp, "copied.ipynb");
        File.Copy(WriteNotebook("#!import setup.dib", "1 + 1"), path);

        var (exit, _, err) = await Cli("check", path);

        Assert.Equal(2, exit);
        Assert.Equal(
            $"workbook: copied.ipynb (code cell 1) imports setup.dib, which is not at {Path.Combine(temp, "setup.dib")}; keep your notebooks in the repository's notebooks/ folder, beside setup.dib.",
            err.Trim());
    }

    [Fact]
    public async Task OutThatIsAFile_Exits2_BeforeAnyNotebookRuns()
    {
        var file = Path.Combine(temp, "out.txt");
        File.WriteAllText(file, "keep me");

        var (exit, stdout, err) = await Cli("run", WriteNotebook("1+1"), "--out", file);

        Assert.Equal(2, exit);
        Assert.Equal($"workbook: --out {file} is a file, not a folder; give a folder (it is created if missing).", err.Trim());
        Assert.Empty(stdout);
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public async Task OutThatCannotBeCreated_Exits2_BeforeAnyNotebookRuns()
    {
        File.WriteAllText(Path.Combine(temp, "file"), "");
        var below = Path.Combine(temp, "file", "out");

        var (exit, stdout, err) = await Cli("run", WriteNotebook("1+1"), "--out", below);

        Assert.Equal(2, exit);
        Assert.StartsWith($"workbook: --out {below} cannot be used as an output folder: ", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task OutThatIsTheNotebooksOwnFolder_Exits2_BeforeAnyNotebookRuns()
    {
        var notebook = WriteNotebook("1+1");

        var (exit, _, err) = await Cli("run", notebook, "--out", Repository.Notebooks);

        Assert.Equal(2, exit);
        Assert.Contains("would overwrite the source", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task TwoNotebooksWithOneName_Exit2_WhenTheirCopiesWouldCollide()
    {
        var first = Directory.CreateDirectory(Path.Combine(temp, "a")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(temp, "b")).FullName;
        foreach (var folder in new[] { first, second })
        {
            File.Copy(WriteNotebook("1+1"), Path.Combine(folder, "same.ipynb"));
        }

        var (exit, _, err) = await Cli("run", Path.Combine(first, "same.ipynb"), Path.Combine(second, "same.ipynb"), "--out", Path.Combine(temp, "out"));

        Assert.Equal(2, exit);
        Assert.Contains("two notebooks are named same.ipynb", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task UnexpectedException_IsOneLine_WithExit4()
    {
        // A broken stdout is the one failure no command anticipates.
        using var stdout = new ThrowingWriter();
        using var stderr = new StringWriter();

        var exit = await Workbook.Cli.Cli.MainAsync(["figures", "--help"], stdout, stderr);

        Assert.Equal(4, exit);
        Assert.Equal(
            "workbook: internal error (InvalidOperationException: the terminal went away); please report it with the command you ran.",
            stderr.ToString().Trim());
    }

    [Trait("Category", "Slow")]
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
        Assert.Contains("    code cell 4 failed: ", stderr, StringComparison.Ordinal);
        Assert.Contains("deliberate", stderr, StringComparison.Ordinal);
        Assert.Matches(@"\.probe\.test\.ipynb\s+5\s+1\s+0\s+\d+\.\d", stdout);
        Assert.Matches(@"ep01\.fiber-one-way\s+beginner\s+timed out", stdout);
        Assert.Contains("ep01.fiber-one-way (One-way delay in standard fiber): timed out [", stdout, StringComparison.Ordinal);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(notebook))))!;
        var cells = executed["cells"]!.AsArray();
        Assert.Contains("still alive", cells[4]!["outputs"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("error", cells[3]!["outputs"]![0]!["output_type"]!.GetValue<string>());
    }

    [Trait("Category", "Slow")]
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
        Assert.EndsWith("1 of 2 exercises passed." + Environment.NewLine, stdout, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Run_ShowsWhatTheNotebookShows_ForFailedAndErroredExercises_AndCheckCellsCarryHtmlTextAndJson()
    {
        var notebook = WriteNotebook(
            "#!import setup.dib",
            "// exercise: ep01.fiber-one-way\ndouble FiberOneWayMs(double distanceKm) => 2 * distanceKm * 1.4682 / 299_792.458 * 1e3;",
            "Check(\"ep01.fiber-one-way\", FiberOneWayMs)",
            "// exercise: ep01.serialization\ndouble SerializationMicroseconds(int packetBytes, double linkBitsPerSecond) => throw new InvalidOperationException(\"deliberate\");",
            "Check(\"ep01.serialization\", SerializationMicroseconds)");
        var output = Path.Combine(temp, "out");

        var (exit, stdout, stderr) = await Cli("run", notebook, "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal("", string.Concat(stderr.Split('\n').Skip(1)).Trim());

        // Case 1 is 0 km (0 ms either way); case 2 is 1 km: one way 1.4682 / 299,792.458 s = 0.00489739 ms,
        // and this answer (the round trip) gives twice that. The round-trip mistake has its own hint.
        Assert.Contains(
            $"ep01.fiber-one-way (One-way delay in standard fiber): failed [{Path.GetFileName(notebook)}, code cell 3]\n" +
            "  Case 2 of 5 differs from the reference.\n" +
            "  input:    distanceKm = 1 (case 2)\n" +
            "  expected: 0.00489739\n" +
            "  actual:   0.00979478\n" +
            "  hint:     That is the round trip. The question asks for one way.\n",
            stdout.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);

        // 1500 bytes at 10 Gbit/s: 12,000 bits / 10^10 bit/s = 1.2 µs.
        Assert.Contains(
            $"ep01.serialization (Serialization delay of one packet): error [{Path.GetFileName(notebook)}, code cell 5]\n" +
            "  Your code threw InvalidOperationException: deliberate\n" +
            "  input:    packetBytes = 1500, linkBitsPerSecond = 1E+10 (case 1)\n" +
            "  expected: 1.2\n" +
            "  actual:   threw InvalidOperationException\n" +
            "  hint:     ",
            stdout.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.EndsWith("0 of 2 exercises passed." + Environment.NewLine, stdout, StringComparison.Ordinal);

        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(notebook))))!;
        foreach (var checkCell in new[] { 2, 4 })
        {
            var data = Assert.Single(executed["cells"]![checkCell]!["outputs"]!.AsArray())!["data"]!.AsObject();
            Assert.Contains("data-workbook-exercise=", data["text/html"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.StartsWith("[ep01.", data["text/plain"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("ep01.", data[Workbook.Core.Exercises.CheckResult.JsonMimeType]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task TimedOutCell_StopsTheKernel_LaterCellsSayNotRun_NamedAsTheLearnerCountsThem()
    {
        // Markdown and an empty code cell in between: the learner counts code cells, empty ones too.
        var notebook = WriteCells(
            ("markdown", "# A notebook"),
            ("code", "1 + 1"),
            ("code", ""),
            ("markdown", "## Exercise"),
            ("code", "// exercise: ep01.fiber-one-way\nwhile (true) { }"),
            ("code", "2 + 2"),
            ("code", "Check(\"ep01.fiber-one-way\", (Func<double, double>)(d => d))"));
        var output = Path.Combine(temp, "out");

        var (exit, stdout, stderr) = await Cli("run", notebook, "--out", output, "--cell-timeout", "5");

        Assert.Equal(1, exit);
        var lines = stderr.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.EndsWith("1 cell timed out, 2 not run", lines[0][..lines[0].LastIndexOf(" (", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(
            [
                "    code cell 3 (exercise ep01.fiber-one-way) timed out: The cell did not finish within 5 s (--cell-timeout); the kernel was stopped.",
                "    code cells 4-5 not run: the kernel was stopped at code cell 3 (exercise ep01.fiber-one-way), which timed out",
            ],
            lines[1..]);
        Assert.Matches(@"\.probe\.test\.ipynb\s+4\s+1\s+2\s+\d+\.\d", stdout);
        Assert.Matches(@"ep01\.fiber-one-way\s+beginner\s+not run", stdout);

        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(notebook))))!["cells"]!.AsArray();
        Assert.Equal("TimedOut", cells[4]!["metadata"]!["workbook"]!["outcome"]!.GetValue<string>());
        Assert.All(new[] { 5, 6 }, i =>
        {
            Assert.Equal("NotRun", cells[i]!["metadata"]!["workbook"]!["outcome"]!.GetValue<string>());
            Assert.Null(cells[i]!["execution_count"]);
            Assert.Empty(cells[i]!["outputs"]!.AsArray());
        });
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task KernelThatExits_LaterCellsSayNotRun()
    {
        var notebook = WriteNotebook("1 + 1", "Environment.Exit(3);", "2 + 2");

        var (exit, _, stderr) = await Cli("check", notebook);

        Assert.Equal(1, exit);
        var lines = stderr.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("    code cell 2 failed: The kernel process exited while running this cell.", lines[1], StringComparison.Ordinal);
        Assert.Equal("    code cell 3 not run: the kernel exited during code cell 2", lines[2]);
    }

    private string WriteNotebook(params string[] cells) => WriteCells(cells.Select(c => ("code", c)).ToArray());

    private string WriteCells(params (string Kind, string Source)[] cells)
    {
        // Notebooks resolve setup.dib and the library relative to their folder, so the probe lives in notebooks/.
        var path = Path.Combine(Repository.Notebooks, $".{Path.GetFileName(temp)}{probes.Count}.probe.test.ipynb");
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)(c.Kind == "code"
                ? new JsonObject
                {
                    ["cell_type"] = "code",
                    ["execution_count"] = null,
                    ["metadata"] = new JsonObject(),
                    ["outputs"] = new JsonArray(),
                    ["source"] = c.Source,
                }
                : new JsonObject { ["cell_type"] = c.Kind, ["metadata"] = new JsonObject(), ["source"] = c.Source })).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, json.ToJsonString());
        probes.Add(path);
        return path;
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the terminal went away\nat some frame");

        public override void Write(string? value) => throw new InvalidOperationException("the terminal went away\nat some frame");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the terminal went away\nat some frame");
    }
}
