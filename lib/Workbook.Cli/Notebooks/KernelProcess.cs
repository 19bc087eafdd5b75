using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Workbook.Cli.Notebooks;

/// <summary>
/// A real .NET Interactive kernel (<c>dotnet interactive stdio</c>, the engine behind Polyglot
/// Notebooks) in a child process, driven through its JSON-lines protocol.
/// </summary>
/// <remarks>
/// Each line the runner writes is a command envelope (<c>SubmitCode</c> with a token); each line the
/// kernel writes back is an event envelope naming the command token it belongs to. A cell is done
/// when <c>CommandSucceeded</c> or <c>CommandFailed</c> arrives for its exact token; events of child
/// commands (tokens <c>token.1</c>, ...) such as an imported setup file's belong to the cell too.
/// Running the kernel out of process keeps the runner safe: a cell that never returns is stopped by
/// killing the process, and every notebook starts from a fresh kernel, as Run All would.
/// </remarks>
internal sealed class KernelProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder standardError = new();
    private readonly Task readLoop;
    private int submissions;
    private volatile bool stopped;

    private KernelProcess(Process process)
    {
        this.process = process;
        readLoop = Task.Run(ReadEventsAsync);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (standardError)
                {
                    standardError.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>Starts a kernel whose working directory is <paramref name="workingDirectory"/>.</summary>
    /// <param name="toolRoot">The folder holding the local tool manifest that pins dotnet-interactive.</param>
    /// <param name="workingDirectory">The notebook's folder: relative paths in cells resolve against it.</param>
    /// <param name="startTimeout">How long to wait for the kernel to report ready.</param>
    public static async Task<KernelProcess> StartAsync(string toolRoot, string workingDirectory, TimeSpan startTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = toolRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in new[] { "tool", "run", "dotnet-interactive", "stdio", "--default-kernel", "csharp", "--working-dir", workingDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet tool run dotnet-interactive'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start 'dotnet tool run dotnet-interactive': {e.Message}. Is the .NET SDK on PATH?", e);
        }

        var kernel = new KernelProcess(process);
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(startTimeout);
        try
        {
            while (EventType(await kernel.events.Reader.ReadAsync(timeout.Token).ConfigureAwait(false)) != "KernelReady")
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            var detail = kernel.StandardErrorText();
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                "The .NET Interactive kernel did not start" + (e is OperationCanceledException ? $" within {Seconds(startTimeout)} s" : "") +
                ". Run 'dotnet tool restore' in the repository root. " + detail.Trim());
        }

        // Implementation note: the first submission also loads the C# compiler (seconds on a busy
        // machine). A throw-away one here keeps that out of the first cell's time bound.
        var remaining = startTimeout - clock.Elapsed;
        var warmUp = await kernel.SubmitAsync("0", "csharp", remaining > TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        if (warmUp.Outcome != CellOutcome.Succeeded)
        {
            await kernel.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("The .NET Interactive kernel started but could not run C#: " + warmUp.Error);
        }

        return kernel;
    }

    /// <summary>Submits one cell and collects its outputs until it completes or times out.</summary>
    public async Task<CellExecution> SubmitAsync(string code, string kernelName, TimeSpan timeout)
    {
        var token = "cell" + Interlocked.Increment(ref submissions).ToString(CultureInfo.InvariantCulture);
        var command = new JsonObject
        {
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = kernelName },
            ["token"] = token,
        };
        var clock = Stopwatch.StartNew();
        var outputs = new OutputCollector();
        try
        {
            await process.StandardInput.WriteLineAsync(command.ToJsonString()).ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The kernel exited between cells: its input pipe is closed.
            Kill();
            var message = "The kernel process exited before this cell could run. " + StandardErrorText().Trim();
            outputs.AddFailure(message);
            return new CellExecution(CellOutcome.Failed, outputs.Outputs, message, clock.Elapsed);
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var envelope = await events.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
                var eventToken = NotebookFile.Text(NotebookFile.At(envelope, "command", "token"));
                if (eventToken is null || !(eventToken == token || eventToken.StartsWith(token + ".", StringComparison.Ordinal)))
                {
                    continue;
                }

                var type = EventType(envelope);
                var body = envelope["event"] as JsonObject ?? [];
                if (eventToken == token && type == "CommandSucceeded")
                {
                    return new CellExecution(CellOutcome.Succeeded, outputs.Outputs, null, clock.Elapsed);
                }

                if (eventToken == token && type == "CommandFailed")
                {
                    var message = NotebookFile.Text(body["message"]) ?? "the cell failed";
                    outputs.AddFailure(message);
                    return new CellExecution(CellOutcome.Failed, outputs.Outputs, message, clock.Elapsed);
                }

                outputs.Add(type, body);
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            var message = $"The cell did not finish within {Seconds(timeout)} s (--cell-timeout); the kernel was stopped.";
            outputs.AddFailure(message);
            return new CellExecution(CellOutcome.TimedOut, outputs.Outputs, message, clock.Elapsed);
        }
        catch (ChannelClosedException)
        {
            Kill();
            var message = "The kernel process exited while running this cell. " + StandardErrorText().Trim();
            outputs.AddFailure(message);
            return new CellExecution(CellOutcome.Failed, outputs.Outputs, message, clock.Elapsed);
        }
    }

    /// <summary>True while the kernel process is alive and has not been stopped.</summary>
    public bool IsRunning => !stopped && !process.HasExited;

    /// <inheritdoc />
    /// <remarks>The kernel keeps no state worth a graceful shutdown, so it is stopped at once.</remarks>
    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync().ConfigureAwait(false);
        await readLoop.ConfigureAwait(false);
        process.Dispose();
    }

    private void Kill()
    {
        stopped = true;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private string StandardErrorText()
    {
        lock (standardError)
        {
            return standardError.ToString();
        }
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                // The kernel prints a welcome banner before its first event; only JSON lines are protocol.
                if (!line.StartsWith('{'))
                {
                    continue;
                }

                try
                {
                    if (JsonNode.Parse(line) is JsonObject envelope)
                    {
                        await events.Writer.WriteAsync(envelope).ConfigureAwait(false);
                    }
                }
                catch (JsonException)
                {
                    // Not protocol output; ignore it as the editor hosts do.
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe broke or closed with the process: the same as the end of the stream.
        }
        finally
        {
            events.Writer.TryComplete();
        }
    }

    private static string? EventType(JsonObject envelope) => NotebookFile.Text(envelope["eventType"]);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
