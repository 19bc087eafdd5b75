namespace Workbook.Cli;

/// <summary>Dispatches the CLI's commands; kept apart from Program.cs so tests can call it.</summary>
internal static class Cli
{
    private static readonly string Help =
        "The Distributed Systems Workbook\n\n" +
        "Usage:\n" +
        "  " + NotebookCommands.Usage.Replace("\n", "\n  ", StringComparison.Ordinal) + "\n" +
        "  workbook figures --episode <n> | --id <figure-id> [--format html,png,svg] [--out <dir>] [--browser <path>]\n\n" +
        "run      execute notebooks (default: all in notebooks/) through the .NET Interactive kernel,\n" +
        "         write executed copies (default: out/notebooks/), print cells/errors/seconds and exercises\n" +
        "check    execute your own notebooks and print only the exercise progress table\n" +
        "figures  export an episode's figures as offline HTML, PNG and SVG\n\n" +
        "Exit codes: 0 ok, 1 a cell failed (or the browser failed), 2 bad input, 3 no browser found (HTML still written).";

    /// <summary>Runs the CLI with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> MainAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            stdout.WriteLine(Help);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        }

        var rest = args.Skip(1).ToArray();
        try
        {
            return args[0] switch
            {
                "run" or "check" => await NotebookCommands.RunAsync(args[0], rest, stdout, stderr).ConfigureAwait(false),
                "figures" => Figures.FiguresCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command '{args[0]}'; expected run, check or figures (see 'workbook --help')."),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"workbook: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
