using System.Text.Json.Nodes;
using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Cli;

/// <summary>Reading exercise results back out of outputs, as stored in an executed notebook.</summary>
public sealed class ExerciseResultReaderTests
{
    private static readonly CheckResult Failed = new(
        "ep01.fiber-one-way", "One-way delay in standard fiber", Track.Beginner, CheckStatus.Failed,
        "Case 2 of 5 differs from the reference.", new FailingCase(2, "distanceKm = 1", "0.00489739", "5"), "Use c / n.", 1, 5);

    private static readonly NotebookCell Starter = new(3, "code", "csharp", "// exercise: ep01.fiber-one-way\ndouble FiberOneWayMs(double d) => d * 5;", 2);

    private static readonly NotebookCell CheckCell = new(4, "code", "csharp", "Check(\"ep01.fiber-one-way\", FiberOneWayMs)", 3);

    [Fact]
    public void HtmlAndTextOfOneOutput_GiveStatusAndDetails()
    {
        var outcome = ReadOne(Output(("text/html", Failed.ToHtml()), ("text/plain", Failed.ToString())));

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Equal(new FailingCase(2, "distanceKm = 1", "0.00489739", "5"), outcome.Report!.FailingCase);
        Assert.Equal("Use c / n.", outcome.Report.Hint);
        Assert.Equal(3, outcome.Cell!.CodeNumber);
        Assert.True(outcome.NeedsAttention);
    }

    [Fact]
    public void HtmlAlone_GivesTheStatusWithoutDetails()
    {
        var outcome = ReadOne(Output(("text/html", Failed.ToHtml())));

        Assert.Equal(CheckStatus.Failed, outcome.Status);
        Assert.Null(outcome.Report);
    }

    [Fact]
    public void TextOfAnotherExercise_IsNotTakenForThisOne()
    {
        var other = Failed with { ExerciseId = "ep01.round-trip" };

        var outcome = ReadOne(Output(("text/html", Failed.ToHtml()), ("text/plain", other.ToString())));

        Assert.Null(outcome.Report);
    }

    [Fact]
    public void TextAlone_WithoutTheHtmlMarker_IsNotAResult()
    {
        // Printed text that looks like a result (a learner's Console.WriteLine) does not count.
        var outcome = ReadOne(Output(("text/plain", Failed.ToString())));

        Assert.Null(outcome.Status);
        Assert.Equal("not checked", outcome.StatusText);
    }

    [Fact]
    public void CheckCellNotRun_SaysNotRun()
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
    }

    private static ExerciseOutcome ReadOne(JsonObject output)
    {
        var cells = new[] { Starter, CheckCell };
        var executions = new[]
        {
            (Starter, new CellExecution(CellOutcome.Succeeded, [], null, TimeSpan.Zero)),
            (CheckCell, new CellExecution(CellOutcome.Succeeded, [output], null, TimeSpan.Zero)),
        };
        return Assert.Single(ExerciseResultReader.Read(cells, executions));
    }

    private static JsonObject Output(params (string Mime, string Value)[] data)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in data)
        {
            bundle[mime] = NotebookFile.ToSourceLines(value);
        }

        return new JsonObject { ["output_type"] = "execute_result", ["data"] = bundle, ["metadata"] = new JsonObject() };
    }
}
