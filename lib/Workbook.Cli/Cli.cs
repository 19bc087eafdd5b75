namespace Workbook.Cli;

/// <summary>Dispatches the CLI's commands; kept apart from Program.cs so tests can call it.</summary>
internal static class Cli
{
    private static readonly string Help =
        "The Distributed Systems Workbook\n\n" +
        "Usage:\n" +
        "  " + NotebookCommands.Usage.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n" +
        "  workbook figures --episode <n> | --id <figure-id> [--format html,png,svg] [--out <dir>] [--browser <path>]\n" +
        "  " + Etcd.EtcdFailoverCommand.Usage + "\n\n" +
        "run      execute notebooks (default: all in notebooks/) through the .NET Interactive kernel,\n" +
        "         write executed copies (default: out/notebooks/), print cells (failed, not run) and seconds\n" +
        "         per notebook, then the exercises as check does\n" +
        "check    execute your own notebooks and print the exercise progress table, with the input, expected and\n" +
        "         actual values and the hint of every exercise that failed, threw or timed out\n" +
        "figures  export an episode's figures as offline HTML, PNG and SVG\n" +
        "etcd-failover  kill the leader of a local 3-member etcd cluster again and again, time each failover, write a CSV\n\n" +
        "--cell-timeout  seconds one cell may run (1 to 86400, default 300); a cell over it is stopped with its\n" +
        "                kernel, and the cells after it are not run\n\n" +
        "Exit codes: 0 ok; 1 a cell failed, timed out or was not run (or the browser failed); 2 bad input (one-line reason);\n" +
        "3 no browser found (HTML still written); 4 an unexpected internal error (one-line reason; please report it).";

    /// <summary>Runs the CLI with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> MainAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
            {
                stdout.WriteLine(Help);
                return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
            }

            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "run" or "check" => await NotebookCommands.RunAsync(args[0], rest, stdout, stderr).ConfigureAwait(false),
                "figures" => Figures.FiguresCommand.Run(rest, stdout, stderr),
                "etcd-failover" => await Etcd.EtcdFailoverCommand.RunAsync(rest, stdout, stderr, Environment.GetEnvironmentVariable).ConfigureAwait(false),
                _ => throw new UsageException($"unknown command '{args[0]}'; expected run, check, figures or etcd-failover (see 'workbook --help')."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"workbook: {e.Message}");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The last line of defence: a one-line reason instead of a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            try
            {
                stderr.WriteLine($"workbook: internal error ({e.GetType().Name}: {reason.TrimEnd('.')}); please report it with the command you ran.");
            }
            catch (IOException)
            {
                // Nowhere left to say it; the exit code still does.
            }

            return ExitCodes.InternalError;
        }
    }
}
