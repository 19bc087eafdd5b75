using System.Diagnostics;
using System.Text.Json.Nodes;
using Workbook.Cli.Notebooks;
using Workbook.Core.Exercises;

namespace Workbook.Core.Tests.Notebooks;

/// <summary>
/// Jupyter is the fallback host when the Polyglot Notebooks extension is unavailable: a small
/// notebook runs there (nbconvert, the <c>.net-csharp</c> kernel), a compile error does not stop
/// the cells after it (<c>--allow-errors</c>), and check results carry an HTML and a plain-text form
/// for people and a JSON form (<see cref="CheckResult.JsonMimeType"/>) that the CLI's reader understands.
/// </summary>
/// <remarks>
/// Skipped, with the reason, when Jupyter or the kernel is missing; with the environment variable CI
/// set (CI installs both) a missing Jupyter fails the test instead.
/// </remarks>
[Trait("Category", "Slow")]
[Collection(NotebookCollection.Name)]
public sealed class JupyterHostTests
{
    [Fact]
    public async Task SmallNotebook_RunsInJupyter_AndCheckResultsCarryHtmlTextAndJson()
    {
        await SkipUnlessJupyterHasTheKernel();
        var cells = new[]
        {
            "#!import setup.dib",
            "// exercise: ep01.fiber-one-way\ndouble FiberOneWayMs(double distanceKm) => 2 * distanceKm * 1.4682 / 299_792.458 * 1e3;",
            "Check(\"ep01.fiber-one-way\", FiberOneWayMs)",
            "int broken = \"not a number\";",
            "Check(\"ep01.serialization\", (Func<int, double, double>)((bytes, rate) => bytes * 8.0 / rate * 1e6))",
        };
        var source = Path.Combine(Repository.Notebooks, $".jupyter-{Guid.NewGuid():N}.test.ipynb");
        using var folder = new Cli.TempFolder();
        var executed = folder.Combine("executed.ipynb");
        File.WriteAllText(source, Notebook(cells).ToJsonString());
        try
        {
            var (exit, output) = await RunAsync(
                "jupyter", Repository.Notebooks, TimeSpan.FromMinutes(5),
                "nbconvert", "--to", "notebook", "--execute", "--allow-errors", Path.GetFileName(source), "--output", executed);
            Assert.True(exit == 0, $"nbconvert exited with {exit}: {output}");
        }
        finally
        {
            File.Delete(source);
        }

        var notebook = NotebookFile.Load(executed);
        var outputs = notebook.Cells
            .Select(c => (c, new CellExecution(CellOutcome.Succeeded, OutputsOf(notebook, c), null, TimeSpan.Zero)))
            .ToList();

        Assert.Contains(OutputsOf(notebook, notebook.Cells[3]), o => o["output_type"]?.GetValue<string>() == "error");
        foreach (var checkCell in new[] { notebook.Cells[2], notebook.Cells[4] })
        {
            var data = Assert.Single(OutputsOf(notebook, checkCell), o => o["data"]?["text/html"] is not null)["data"]!.AsObject();
            Assert.NotNull(data["text/plain"]);
            Assert.NotNull(data[CheckResult.JsonMimeType]);
        }

        var results = ExerciseResultReader.Read(notebook.Cells, outputs);
        var fiber = Assert.Single(results, r => r.Id == "ep01.fiber-one-way");
        Assert.Equal(CheckStatus.Failed, fiber.Status);

        // 1 km one way in fiber: 1.4682 / 299,792.458 s = 0.00489739 ms; the answer is the round trip.
        Assert.Equal(new FailingCase(2, "distanceKm = 1", "0.00489739", "0.00979478"), fiber.Result!.FailingCase);
        Assert.Equal(CheckStatus.Passed, Assert.Single(results, r => r.Id == "ep01.serialization").Status);
    }

    private static List<JsonObject> OutputsOf(NotebookFile notebook, NotebookCell cell) =>
        (notebook.Document["cells"]![cell.Index]!["outputs"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static JsonObject Notebook(IEnumerable<string> cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject(),
            ["outputs"] = new JsonArray(),
            ["source"] = c,
        }).ToArray()),
        ["metadata"] = new JsonObject
        {
            ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        },
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static async Task SkipUnlessJupyterHasTheKernel()
    {
        string? problem;
        try
        {
            var (exit, output) = await RunAsync("jupyter", Repository.Root, TimeSpan.FromMinutes(1), "kernelspec", "list");
            problem = exit != 0 ? "'jupyter kernelspec list' failed"
                : !output.Contains(".net-csharp", StringComparison.Ordinal) ? "the .net-csharp kernel is not registered (run ./workbook.sh setup)"
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            problem = "jupyter is not installed (sudo apt-get install jupyter-nbconvert python3-nbclient jupyter-client jupyter-core python3-ipykernel)";
        }

        if (problem is null)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("CI is set but Jupyter cannot run the notebook: " + problem);
        }

        Assert.Skip(problem);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
