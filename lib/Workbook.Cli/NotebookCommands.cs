using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Cli;

/// <summary>
/// <c>run</c> and <c>check</c>: execute notebooks through the real kernel and report.
/// </summary>
/// <remarks>
/// <c>run</c> is the main job: it writes executed copies under an output folder (never touching
/// the source notebooks) and prints a table per notebook and per exercise. <c>check</c> is what a
/// learner runs on an edited notebook: the same execution, only the progress table. Both print,
/// below the table, what the notebook shows for every exercise that failed, threw or timed out.
/// Every input (paths, options, the output folder) is checked before the first notebook runs.
/// </remarks>
internal static partial class NotebookCommands
{
    /// <summary>Usage text shared by both commands.</summary>
    public const string Usage =
        "workbook run   [<notebook.ipynb|folder> ...] [--out <dir>] [--cell-timeout <seconds>]\n" +
        "workbook check <notebook.ipynb|folder> ... [--cell-timeout <seconds>]";

    /// <summary>The smallest <c>--cell-timeout</c>, in seconds.</summary>
    public const double MinCellTimeoutSeconds = 1;

    /// <summary>The largest <c>--cell-timeout</c>, in seconds: one day.</summary>
    public const double MaxCellTimeoutSeconds = 86_400;

    /// <summary>Runs the command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string command, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var isRun = command == "run";
        var paths = new List<string>();
        string? outDir = null;
        var cellTimeout = NotebookRunner.DefaultCellTimeout;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when isRun:
                    outDir = Value(args, ref i);
                    break;
                case "--cell-timeout":
                    cellTimeout = ParseCellTimeout(Value(args, ref i));
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{option}' for '{command}'. Usage: {Usage.Split('\n')[isRun ? 0 : 1]}");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            if (!isRun)
            {
                throw new UsageException("check needs a notebook or a folder, e.g. 'workbook check notebooks/ep01-speed-of-light.ipynb'.");
            }

            paths.Add(Path.Combine(RepositoryPaths.Root(), "notebooks"));
        }

        var notebooks = Expand(paths).Select(NotebookFile.Load).DistinctBy(n => n.Path, StringComparer.Ordinal).ToList();
        foreach (var notebook in notebooks)
        {
            RequireImportedFiles(notebook);
        }

        var root = RepositoryPaths.Root(Path.GetDirectoryName(notebooks[0].Path));
        var output = isRun ? PrepareOutput(outDir, root, notebooks) : null;
        var runner = new NotebookRunner(root, cellTimeout);

        var runs = new List<NotebookRun>();
        foreach (var (notebook, number) in notebooks.Select((n, i) => (n, i + 1)))
        {
            stderr.Write($"[{number}/{notebooks.Count}] {notebook.Name} ");
            var run = await runner.RunAsync(notebook, (done, total) => stderr.Write(done == total ? ". " : ".")).ConfigureAwait(false);
            stderr.WriteLine(CellSummary(run));
            foreach (var line in CellProblems(run))
            {
                stderr.WriteLine("    " + line);
            }

            if (output is not null)
            {
                WriteExecutedCopy(output, run);
            }

            runs.Add(run);
        }

        if (isRun)
        {
            var table = new TextTable("Notebook", "Cells", "Failed", "Not run", "Seconds");
            foreach (var run in runs)
            {
                table.Add(run.Notebook.Name, Number(run.Cells.Count), Number(run.FailedCount), Number(run.NotRunCount),
                    run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            }

            stdout.WriteLine();
            stdout.Write(table);
            stdout.WriteLine($"Executed copies: {output}");
        }

        stdout.WriteLine();
        stdout.Write(ProgressReport(runs));
        return runs.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>
    /// The progress table, then one block per exercise that failed, threw or timed out (what its
    /// check cell shows: message, input, expected, actual, hint) or whose result could not be read
    /// (why), then one summary line.
    /// </summary>
    internal static string ProgressReport(IReadOnlyList<NotebookRun> runs)
    {
        var text = new StringBuilder();
        var all = runs.SelectMany(r => r.Exercises.Select(e => (r.Notebook, Exercise: e))).ToList();
        if (all.Count == 0)
        {
            text.AppendLine("No exercises were checked (no cell calls Check(\"epNN.name\", ...)).");
            return text.ToString();
        }

        var table = new TextTable("Notebook", "Exercise", "Track", "Status");
        foreach (var (notebook, exercise) in all)
        {
            table.Add(notebook.Name, exercise.Id, exercise.Track is { } t ? t.ToDisplay() : "?", exercise.StatusText);
        }

        text.Append(table);
        foreach (var (notebook, exercise) in all.Where(x => x.Exercise.NeedsAttention || x.Exercise.Problem is not null))
        {
            text.AppendLine();
            AppendDetails(text, notebook, exercise);
        }

        var passed = all.Count(x => x.Exercise.Status == CheckStatus.Passed);
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{passed} of {all.Count} exercises passed."));
        return text.ToString();
    }

    private static void AppendDetails(StringBuilder text, NotebookFile notebook, ExerciseOutcome exercise)
    {
        var where = exercise.Cell is { } cell ? string.Create(CultureInfo.InvariantCulture, $", code cell {cell.CodeNumber}") : "";
        var title = ExerciseCatalog.TryGet(exercise.Id)?.Title is { } t ? $" ({t})" : "";
        text.AppendLine($"{exercise.Id}{title}: {exercise.StatusText} [{notebook.Name}{where}]");
        if (exercise.Result is not { } result)
        {
            text.AppendLine("  " + exercise.Problem);
            return;
        }

        void Field(string label, string value)
        {
            var indent = new string(' ', label.Length + 2);
            text.AppendLine("  " + label + value.Replace("\n", "\n" + indent, StringComparison.Ordinal));
        }

        Field("", result.Message);
        if (result.FailingCase is { } c)
        {
            Field("input:    ", string.Create(CultureInfo.InvariantCulture, $"{c.Input} (case {c.Number})"));
            Field("expected: ", c.Expected);
            Field("actual:   ", c.Actual);
        }

        if (result.Hint is { } hint)
        {
            Field("hint:     ", hint);
        }

        if (result.Details is { } details)
        {
            Field("details:  ", details);
        }
    }

    // A notebook copied out of notebooks/ loses setup.dib, and then every cell fails: say so up front.
    private static void RequireImportedFiles(NotebookFile notebook)
    {
        var folder = Path.GetDirectoryName(notebook.Path)!;
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            foreach (Match m in ImportMagic().Matches(cell.Source))
            {
                var imported = Path.GetFullPath(Path.Combine(folder, m.Groups["file"].Value.Trim('"')));
                if (!File.Exists(imported))
                {
                    throw new UsageException(
                        $"{notebook.Name} ({cell.Label}) imports {m.Groups["file"].Value}, which is not at {imported}; keep your notebooks in the repository's notebooks/ folder, beside setup.dib.");
                }
            }
        }
    }

    [GeneratedRegex("^#!import\\s+(?<file>\\S+)", RegexOptions.Multiline)]
    private static partial Regex ImportMagic();

    private static TimeSpan ParseCellTimeout(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || !(seconds >= MinCellTimeoutSeconds && seconds <= MaxCellTimeoutSeconds))
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"--cell-timeout must be a number of seconds from {MinCellTimeoutSeconds} to {MaxCellTimeoutSeconds} (one day); got '{text}'."));
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static string PrepareOutput(string? outDir, string root, IReadOnlyList<NotebookFile> notebooks)
    {
        var output = OutputFolder.Prepare("--out", outDir ?? Path.Combine(root, "out", "notebooks"));
        var overwritten = notebooks.FirstOrDefault(n => string.Equals(Path.Combine(output, n.Name), n.Path, StringComparison.Ordinal));
        if (overwritten is not null)
        {
            throw new UsageException(
                $"the output folder {outDir ?? output} holds {overwritten.Name} itself: its executed copy would overwrite the source; choose another folder with --out.");
        }

        var clash = notebooks.GroupBy(n => n.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new UsageException(
                $"two notebooks are named {clash.Key} ({string.Join(", ", clash.Select(n => n.Path))}); their executed copies would overwrite each other: run them separately with different --out folders.");
        }

        return output;
    }

    private static void WriteExecutedCopy(string output, NotebookRun run)
    {
        var target = Path.Combine(output, run.Notebook.Name);
        try
        {
            File.WriteAllText(target, run.Executed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"could not write the executed copy {target}: {OutputFolder.Reason(e)}.");
        }
    }

    private static string CellSummary(NotebookRun run)
    {
        var seconds = run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (run.Succeeded)
        {
            return $"ok ({seconds} s)";
        }

        var counts = new[] { (CellOutcome.Failed, "failed"), (CellOutcome.TimedOut, "timed out"), (CellOutcome.NotRun, "not run") }
            .Select(o => (Count: run.Cells.Count(c => c.Execution.Outcome == o.Item1), Word: o.Item2))
            .Where(o => o.Count > 0)
            .Select((o, i) => string.Create(CultureInfo.InvariantCulture, $"{o.Count}{(i == 0 ? (o.Count == 1 ? " cell" : " cells") : "")} {o.Word}"));
        return $"{string.Join(", ", counts)} ({seconds} s)";
    }

    /// <summary>
    /// One line per failed or timed-out cell, and one per stretch of cells not run for the same
    /// reason; cells are named as a learner finds them ("code cell 24 (exercise ep19.erlang-c)").
    /// </summary>
    internal static IEnumerable<string> CellProblems(NotebookRun run)
    {
        var cells = run.Cells.Where(c => c.Execution.Outcome != CellOutcome.Succeeded).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            var (cell, execution) = cells[i];
            if (execution.Outcome != CellOutcome.NotRun)
            {
                var what = execution.Outcome == CellOutcome.TimedOut ? "timed out" : "failed";
                yield return $"{cell.Label} {what}: {OneLine(execution.Error)}";
                continue;
            }

            var last = i;
            while (last + 1 < cells.Count && cells[last + 1].Execution.Outcome == CellOutcome.NotRun
                && cells[last + 1].Execution.Error == execution.Error)
            {
                last++;
            }

            var span = last == i
                ? cell.Label
                : string.Create(CultureInfo.InvariantCulture, $"code cells {cell.CodeNumber}-{cells[last].Cell.CodeNumber}");
            yield return $"{span} not run: {OneLine(execution.Error)}";
            i = last;
        }
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                string[] found;
                try
                {
                    // Hidden files (editor checkpoints, test copies) are not the learner's notebooks.
                    found = Directory.GetFiles(path, "*.ipynb")
                        .Where(f => !Path.GetFileName(f).StartsWith('.'))
                        .Order(StringComparer.Ordinal)
                        .ToArray();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"{path} cannot be read: {OutputFolder.Reason(e)}.");
                }

                if (found.Length == 0)
                {
                    throw new UsageException($"{path} contains no notebooks (*.ipynb).");
                }

                foreach (var file in found)
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string? text) =>
        text is null ? "" : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
