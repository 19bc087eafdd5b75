using System.Text.Json.Nodes;
using Workbook.Cli;
using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Cli;

/// <summary>
/// Reading exercise results back out of outputs, as stored in an executed notebook: from the JSON
/// item (<see cref="CheckResult.JsonMimeType"/>), never from the rendered HTML or text.
/// </summary>
public sealed class ExerciseResultReaderTests
{
    private static readonly CheckResult Failed = new(
        "ep01.fiber-one-way", "One-way delay in standard fiber", Track.Beginner, CheckStatus.Failed,
        "Case 2 of 5 differs from the reference.", new FailingCase(2, "distanceKm = 1", "0.00489739", "5"), "Use c / n.", 1, 5);

    private static readonly NotebookCell Starter = new(3, "code", "csharp", "// exercise: ep01.fiber-one-way\ndouble FiberOneWayMs(double d) => d * 5;", 2);

    private static readonly NotebookCell CheckCell = new(4, "code", "csharp", "Check(\"ep01.fiber-one-way\", FiberOneWayMs)", 3);

    [Fact]
    public void JsonItemStoredAsAnObject_GivesTheWholeResult()
    {
        // The runner (like nbformat) stores a JSON MIME type as JSON.
        var outcome = ReadOne(Output(("text/html", Failed.ToHtml()), ("text/plain", Failed.ToString()), (CheckResult.JsonMimeType, JsonNode.Parse(Failed.ToJson()))));

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal(Failed, outcome.Result);
        Assert.Equal(3, outcome.Cell!.CodeNumber);
        Assert.True(outcome.NeedsAttention);
        Assert.Null(outcome.Problem);
    }

    [Fact]
    public void JsonItemStoredAsText_OrAsLines_GivesTheWholeResult()
    {
        // Jupyter's .NET kernel sends the item as one string; a text form may also be split into lines.
        Assert.Equal(Failed, ReadOne(Output((CheckResult.JsonMimeType, Failed.ToJson()))).Result);
        var lines = new JsonArray(Failed.ToJson()[..20], Failed.ToJson()[20..]);
        Assert.Equal(Failed, ReadOne(Output((CheckResult.JsonMimeType, lines))).Result);
    }

    [Fact]
    public void HtmlAndTextWithoutJson_AreNotAResult_AndTheOutcomeSaysWhy()
    {
        // The rendered forms are never scraped: without the JSON item there is no result.
        var outcome = ReadOne(Output(("text/html", Failed.ToHtml()), ("text/plain", Failed.ToString())));

        Assert.Null(outcome.Status);
        Assert.Equal("not checked", outcome.StatusText);
        Assert.Contains(CheckResult.JsonMimeType, outcome.Problem, StringComparison.Ordinal);
        Assert.Contains("keep Check(...) as the cell's last expression", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonItemThatCannotBeRead_IsNotAResult_AndTheOutcomeNamesTheFault()
    {
        var broken = JsonNode.Parse(Failed.ToJson())!.AsObject();
        broken["status"] = "maybe";

        var outcome = ReadOne(Output((CheckResult.JsonMimeType, broken)));

        Assert.Null(outcome.Status);
        Assert.Equal(
            $"its check result ({CheckResult.JsonMimeType}) could not be read: Check result property 'status' must be one of not-attempted, passed, failed, error, timed-out; it was 'maybe'.",
            outcome.Problem);
    }

    [Fact]
    public void ResultOfAnotherExercise_IsReportedUnderItsOwnId()
    {
        var other = Failed with { ExerciseId = "ep01.round-trip", Status = CheckStatus.Passed };

        var outcomes = Read(Output((CheckResult.JsonMimeType, other.ToJson())));

        Assert.Equal(["ep01.fiber-one-way", "ep01.round-trip"], outcomes.Select(o => o.Id));
        Assert.Null(outcomes[0].Status);
        Assert.Equal(CheckStatus.Passed, outcomes[1].Status);
    }

    [Fact]
    public void CheckCellNotRun_SaysNotRun_WithoutAProblem()
    {
        var cells = new[] { Starter, CheckCell };
        var executions = new[]
        {
            (Starter, new CellExecution(CellOutcome.TimedOut, [], "timed out", TimeSpan.FromSeconds(3))),
            (CheckCell, new CellExecution(CellOutcome.NotRun, [], "the kernel was stopped at code cell 2", TimeSpan.Zero)),
        };

        var outcome = Assert.Single(ExerciseResultReader.Read(cells, executions));

        Assert.Equal("not run", outcome.StatusText);
        Assert.Same(CheckCell, outcome.Cell);
        Assert.False(outcome.NeedsAttention);
        Assert.Null(outcome.Problem);
    }

    [Fact]
    public void CheckCellThatFailed_HasNoProblemOfItsOwn()
    {
        // A compile error is reported as a cell failure; the exercise is simply not checked.
        var cells = new[] { Starter, CheckCell };
        var executions = new[]
        {
            (Starter, new CellExecution(CellOutcome.Succeeded, [], null, TimeSpan.Zero)),
            (CheckCell, new CellExecution(CellOutcome.Failed, [], "CS0103: The name 'FiberOneWayMs' does not exist", TimeSpan.Zero)),
        };

        var outcome = Assert.Single(ExerciseResultReader.Read(cells, executions));

        Assert.Equal("not checked", outcome.StatusText);
        Assert.Null(outcome.Problem);
    }

    [Theory]
    [InlineData("Check(\"ep1.fiber-one-way\", F)")]
    [InlineData("Check(\"ep01.Fiber\", F)")]
    [InlineData("Check(\"ep100.fiber\", F)")]
    [InlineData("Check(\"ep00.fiber\", F)")]
    public void CheckCallsWithMalformedIds_AreNotExercises(string source)
    {
        var cell = new NotebookCell(0, "code", "csharp", source, 1);

        Assert.Empty(cell.CheckedExerciseIds);
        Assert.Null(cell.ExerciseId);
        Assert.Empty(ExerciseResultReader.Read([cell], [(cell, new CellExecution(CellOutcome.Succeeded, [], null, TimeSpan.Zero))]));
    }

    [Fact]
    public void CellMentions_AreReadThroughTheOneIdParser()
    {
        var starter = new NotebookCell(0, "code", "csharp", "// exercise: ep19.erlang-c\ndouble ErlangC(int c, double a) => 0;", 1);
        var check = new NotebookCell(1, "code", "csharp", "Check( \"ep19.erlang-c\", ErlangC)\nCheck(\"ep19.mm1-wait\", W)", 2);

        Assert.Equal("ep19.erlang-c", starter.ExerciseId);
        Assert.Empty(starter.CheckedExerciseIds);
        Assert.Equal("code cell 2 (exercise ep19.erlang-c)", check.Label);
        Assert.Equal(["ep19.erlang-c", "ep19.mm1-wait"], check.CheckedExerciseIds);
    }

    [Fact]
    public void ProgressReport_PrintsTheFailureDetails_AndWhyAResultCouldNotBeRead()
    {
        var notebook = NotebookFile.Load(Path.Combine(Repository.Notebooks, "ep01-speed-of-light.ipynb"));
        ExerciseOutcome[] exercises =
        [
            new("ep01.fiber-one-way", Track.Beginner, Failed, CheckCell, CheckCellRan: true),
            new("ep01.round-trip", Track.Beginner, null, CheckCell with { CodeNumber = 7 }, CheckCellRan: true, Problem: "no JSON here."),
        ];
        var run = new NotebookRun(notebook, [], new JsonObject(), exercises, TimeSpan.Zero);

        var report = NotebookCommands.ProgressReport([run]).ReplaceLineEndings("\n");

        Assert.Contains(
            "ep01.fiber-one-way (One-way delay in standard fiber): failed [ep01-speed-of-light.ipynb, code cell 3]\n" +
            "  Case 2 of 5 differs from the reference.\n" +
            "  input:    distanceKm = 1 (case 2)\n" +
            "  expected: 0.00489739\n" +
            "  actual:   5\n" +
            "  hint:     Use c / n.\n",
            report,
            StringComparison.Ordinal);
        Assert.Contains(
            "ep01.round-trip (Round-trip time for any medium): not checked [ep01-speed-of-light.ipynb, code cell 7]\n  no JSON here.\n",
            report,
            StringComparison.Ordinal);
        Assert.EndsWith("0 of 2 exercises passed.\n", report, StringComparison.Ordinal);
    }

    private static ExerciseOutcome ReadOne(JsonObject output) => Assert.Single(Read(output));

    private static IReadOnlyList<ExerciseOutcome> Read(JsonObject output)
    {
        var cells = new[] { Starter, CheckCell };
        var executions = new[]
        {
            (Starter, new CellExecution(CellOutcome.Succeeded, [], null, TimeSpan.Zero)),
            (CheckCell, new CellExecution(CellOutcome.Succeeded, [output], null, TimeSpan.Zero)),
        };
        return ExerciseResultReader.Read(cells, executions);
    }

    private static JsonObject Output(params (string Mime, JsonNode? Value)[] data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data)
        {
            bundle[mime] = value is JsonValue v && v.TryGetValue<string>(out var text) && mime.StartsWith("text/", StringComparison.Ordinal)
                ? NotebookFile.ToSourceLines(text)
                : value;
        }

        return new JsonObject { ["output_type"] = "execute_result", ["data"] = bundle, ["metadata"] = new JsonObject() };
    }
}
