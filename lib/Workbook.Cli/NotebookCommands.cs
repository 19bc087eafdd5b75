using System.Globalization;
using Workbook.Cli.Notebooks;

namespace Workbook.Cli;

/// <summary>
/// <c>run</c> and <c>check</c>: execute notebooks through the real kernel and report.
/// </summary>
/// <remarks>
/// <c>run</c> is the main job: it writes executed copies under an output folder (never touching
/// the source notebooks) and prints a table per notebook and per exercise. <c>check</c> is what a
/// learner runs on an edited notebook: the same execution, only the progress table.
/// </remarks>
internal static class NotebookCommands
{
    /// <summary>Usage text shared by both commands.</summary>
    public const string Usage =
        "workbook run   [<notebook.ipynb|folder> ...] [--out <dir>] [--cell-timeout <seconds>]\n" +
        "workbook check <notebook.ipynb|folder> ... [--cell-timeout <seconds>]";

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
                    var text = Value(args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || double.IsInfinity(seconds))
                    {
                        throw new UsageException($"--cell-timeout must be a positive number of seconds; got '{text}'.");
                    }

                    cellTimeout = TimeSpan.FromSeconds(seconds);
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

        var notebooks = Expand(paths).Select(NotebookFile.Load).ToList();
        var root = RepositoryPaths.Root(Path.GetDirectoryName(notebooks[0].Path));
        var runner = new NotebookRunner(root, cellTimeout);
        var output = isRun ? Path.GetFullPath(outDir ?? Path.Combine(root, "out", "notebooks")) : null;

        var runs = new List<NotebookRun>();
        foreach (var (notebook, number) in notebooks.Select((n, i) => (n, i + 1)))
        {
            stderr.Write($"[{number}/{notebooks.Count}] {notebook.Name} ");
            var run = await runner.RunAsync(notebook, (done, total) => stderr.Write(done == total ? ". " : ".")).ConfigureAwait(false);
            stderr.WriteLine(run.ErrorCount == 0
                ? $"ok ({run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)"
                : $"{run.ErrorCount} cell error(s)");
            foreach (var (cell, execution) in run.Cells.Where(c => c.Execution.Outcome != CellOutcome.Succeeded))
            {
                stderr.WriteLine($"    cell {cell.Index + 1}: {OneLine(execution.Error)}");
            }

            if (output is not null)
            {
                Directory.CreateDirectory(output);
                var target = Path.Combine(output, notebook.Name);
                if (string.Equals(Path.GetFullPath(target), notebook.Path, StringComparison.Ordinal))
                {
                    throw new UsageException($"--out {outDir} would overwrite the source notebook; choose another folder.");
                }

                await File.WriteAllTextAsync(target, run.Executed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n").ConfigureAwait(false);
            }

            runs.Add(run);
        }

        if (isRun)
        {
            var table = new TextTable("Notebook", "Cells", "Errors", "Seconds");
            foreach (var run in runs)
            {
                table.Add(run.Notebook.Name, run.Cells.Count.ToString(CultureInfo.InvariantCulture),
                    run.ErrorCount.ToString(CultureInfo.InvariantCulture), run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            }

            stdout.WriteLine();
            stdout.Write(table);
            stdout.WriteLine($"Executed copies: {output}");
        }

        stdout.WriteLine();
        stdout.Write(ProgressTable(runs));
        var passed = runs.Sum(r => r.Exercises.Count(e => e.Status == Core.Exercises.CheckStatus.Passed));
        var total = runs.Sum(r => r.Exercises.Count);
        stdout.WriteLine($"{passed} of {total} exercises passed.");
        return runs.All(r => r.ErrorCount == 0) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string ProgressTable(IEnumerable<NotebookRun> runs)
    {
        var table = new TextTable("Notebook", "Exercise", "Track", "Status");
        foreach (var run in runs)
        {
            foreach (var exercise in run.Exercises)
            {
                table.Add(run.Notebook.Name, exercise.Id, exercise.Track is { } t ? Core.Exercises.CheckStatusText.ToDisplay(t) : "?", exercise.StatusText);
            }
        }

        return table.ToString();
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                // Hidden files (editor checkpoints, test copies) are not the learner's notebooks.
                var found = Directory.GetFiles(path, "*.ipynb")
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToArray();
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

    private static string OneLine(string? text) =>
        text is null ? "" : text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
