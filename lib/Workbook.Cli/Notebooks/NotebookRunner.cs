using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workbook.Cli.Notebooks;

/// <summary>Runs notebooks through a fresh <see cref="KernelProcess"/> each, as Run All would.</summary>
/// <param name="toolRoot">Folder with the tool manifest that pins dotnet-interactive (the repository root).</param>
/// <param name="cellTimeout">Bound on any single cell; the first cell restores NuGet packages, so be generous.</param>
internal sealed class NotebookRunner(string toolRoot, TimeSpan cellTimeout)
{
    /// <summary>Default bound on one cell: long enough for a cold NuGet restore in the setup cell.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs every code cell in order and collects outputs and exercise results.</summary>
    /// <param name="notebook">The notebook to run; the file itself is never modified.</param>
    /// <param name="progress">Called after each code cell with (cells done, code cells in total).</param>
    public async Task<NotebookRun> RunAsync(NotebookFile notebook, Action<int, int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var code = notebook.Cells.Where(c => c.IsCode && !string.IsNullOrWhiteSpace(c.Source)).ToList();
        var results = new List<(NotebookCell, CellExecution)>();
        var workingDirectory = Path.GetDirectoryName(notebook.Path)!;
        KernelProcess? kernel = null;
        try
        {
            kernel = code.Count == 0 ? null : await KernelProcess.StartAsync(toolRoot, workingDirectory, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            results.AddRange(code.Select(c => (c, new CellExecution(CellOutcome.NotRun, [], e.Message, TimeSpan.Zero))));
        }

        if (kernel is not null)
        {
            await using (kernel.ConfigureAwait(false))
            {
                string? stopped = null;
                foreach (var cell in code)
                {
                    CellExecution execution;
                    if (stopped is null)
                    {
                        execution = await kernel.SubmitAsync(cell.Source, cell.Kernel, cellTimeout).ConfigureAwait(false);
                        stopped = execution.Outcome == CellOutcome.TimedOut ? $"the kernel was stopped at {cell.Label}, which timed out"
                            : !kernel.IsRunning ? $"the kernel exited during {cell.Label}"
                            : null;
                    }
                    else
                    {
                        execution = new CellExecution(CellOutcome.NotRun, [], stopped, TimeSpan.Zero);
                    }

                    results.Add((cell, execution));
                    progress?.Invoke(results.Count, code.Count);
                }
            }
        }

        var executed = WithOutputs(notebook, results);
        var exercises = ExerciseResultReader.Read(notebook.Cells, results);
        return new NotebookRun(notebook, results, executed, exercises, clock.Elapsed);
    }

    private static JsonObject WithOutputs(NotebookFile notebook, List<(NotebookCell Cell, CellExecution Execution)> results)
    {
        var document = (JsonObject)notebook.Document.DeepClone();
        var cells = (JsonArray)document["cells"]!;
        var count = 0;
        foreach (var (cell, execution) in results)
        {
            var json = (JsonObject)cells[cell.Index]!;
            var ran = execution.Outcome != CellOutcome.NotRun;
            count += ran ? 1 : 0;
            json["execution_count"] = ran ? count : null;
            var outputs = new JsonArray();
            foreach (var output in execution.Outputs)
            {
                var copy = (JsonObject)output.DeepClone();
                if (copy["output_type"]?.GetValue<string>() == "execute_result")
                {
                    copy["execution_count"] = count;
                }

                outputs.Add(copy);
            }

            json["outputs"] = outputs;
            var metadata = json["metadata"] as JsonObject ?? [];
            metadata["workbook"] = new JsonObject
            {
                ["outcome"] = execution.Outcome.ToString(),
                ["seconds"] = Math.Round(execution.Elapsed.TotalSeconds, 3),
            };
            json["metadata"] = metadata;
        }

        return document;
    }
}
