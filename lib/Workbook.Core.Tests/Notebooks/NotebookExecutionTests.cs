using Workbook.Cli.Notebooks;
using Workbook.Core.Episodes;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Notebooks;

/// <summary>
/// Every notebook runs top to bottom through the real .NET Interactive kernel (a
/// <c>dotnet interactive stdio</c> process, as the CLI uses), with its shipped starter cells, with the
/// reference answers, and with typical mistakes.
/// </summary>
[Trait("Category", "Slow")]
[Collection(NotebookCollection.Name)]
public class NotebookExecutionTests
{
    private static readonly NotebookRunner Runner = new(Repository.Root, TimeSpan.FromMinutes(5));

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Repository.EpisodeNotebooks())
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task AsShipped_RunsWithNoCellError_AndEveryExerciseIsNotAttempted(string name)
    {
        var run = await Runner.RunAsync(NotebookFile.Load(Path.Combine(Repository.Notebooks, name)));

        AssertNoCellErrors(run);
        Assert.Equal(EpisodeExerciseIds(name), run.Exercises.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(run.Exercises, e => Assert.Equal(CheckStatus.NotAttempted, e.Status));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public Task WithReferenceAnswers_EveryExercisePasses(string name) =>
        RunWithAnswers(name, "solutions", CheckStatus.Passed);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public Task WithTypicalMistakes_EveryExerciseFails(string name) =>
        RunWithAnswers(name, "mistakes", CheckStatus.Failed);

    private static async Task RunWithAnswers(string name, string kind, CheckStatus expected)
    {
        var notebook = Path.Combine(Repository.Notebooks, name);
        var answers = ExerciseBlocks.Read(Path.Combine(Repository.Notebooks, "solutions", Path.ChangeExtension(name, $".{kind}.csx")));
        Assert.Equal(EpisodeExerciseIds(name), answers.Keys.Order(StringComparer.Ordinal));
        var copy = ExerciseBlocks.WriteSubstituted(notebook, answers, kind);
        try
        {
            var run = await Runner.RunAsync(NotebookFile.Load(copy));

            AssertNoCellErrors(run);
            Assert.Equal(answers.Count, run.Exercises.Count);
            Assert.All(run.Exercises, e => Assert.True(e.Status == expected, $"{e.Id}: expected {expected.ToDisplay()}, got {e.StatusText}"));
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static IEnumerable<string> EpisodeExerciseIds(string notebookName)
    {
        return EpisodeCatalog.ForNotebook(notebookName).Exercises.Select(e => e.Id).Order(StringComparer.Ordinal);
    }

    private static void AssertNoCellErrors(NotebookRun run)
    {
        var errors = run.Cells.Where(c => c.Execution.Outcome != CellOutcome.Succeeded)
            .Select(c => $"{c.Cell.Label} ({c.Execution.Outcome}): {c.Execution.Error}");
        Assert.True(run.Succeeded, string.Join("\n", errors));
    }
}
