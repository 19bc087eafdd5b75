namespace Workbook.Cli.Figures;

/// <summary>Finds the Chromium (or Chrome) executable that renders PNG and SVG figures.</summary>
/// <remarks>
/// <para>The search order, first match wins:</para>
/// <list type="number">
/// <item>an explicit path (the <c>--browser</c> option);</item>
/// <item>the environment variable <see cref="EnvironmentVariable"/>;</item>
/// <item><see cref="CommandNames"/> on <c>PATH</c>.</item>
/// </list>
/// <para>
/// A path that the user named (steps 1 and 2) and that does not exist is an error the user should
/// hear about, so it throws. Finding nothing on <c>PATH</c> is an ordinary situation (a laptop
/// without Chromium): <see cref="Locate(string?)"/> returns <see langword="null"/> and the caller
/// prints <see cref="InstallHint"/>.
/// </para>
/// </remarks>
public static class ChromiumLocator
{
    /// <summary>The environment variable that names the browser executable: <c>WORKBOOK_CHROMIUM</c>.</summary>
    public const string EnvironmentVariable = "WORKBOOK_CHROMIUM";

    /// <summary>One line telling the user how to get a browser.</summary>
    public const string InstallHint =
        "install one with 'sudo apt-get install chromium', or set " + EnvironmentVariable + " / pass --browser <path>";

    /// <summary>The executable names looked for on <c>PATH</c>, in order.</summary>
    public static IReadOnlyList<string> CommandNames { get; } = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>Finds the browser using the process's environment.</summary>
    /// <param name="explicitPath">A path the user gave (the <c>--browser</c> option), or <see langword="null"/>.</param>
    /// <returns>The full path of the browser executable, or <see langword="null"/> when none was found.</returns>
    /// <exception cref="FileNotFoundException">
    /// <paramref name="explicitPath"/> or the path in <see cref="EnvironmentVariable"/> does not name an existing file.
    /// </exception>
    public static string? Locate(string? explicitPath) => Locate(explicitPath, Environment.GetEnvironmentVariable);

    /// <summary>Finds the browser, reading environment variables through <paramref name="getEnvironmentVariable"/>.</summary>
    /// <param name="explicitPath">A path the user gave, or <see langword="null"/>.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable (<c>WORKBOOK_CHROMIUM</c>, <c>PATH</c>); tests pass their own.</param>
    /// <returns>The full path of the browser executable, or <see langword="null"/> when none was found.</returns>
    /// <exception cref="FileNotFoundException">A path the user named does not exist.</exception>
    public static string? Locate(string? explicitPath, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return RequireFile(explicitPath, source: null);
        }

        var fromEnvironment = getEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return RequireFile(fromEnvironment, source: EnvironmentVariable);
        }

        var searchPath = getEnvironmentVariable("PATH") ?? string.Empty;
        var folders = searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return CommandNames
            .SelectMany(name => folders.Select(folder => Path.Combine(folder, name)))
            .FirstOrDefault(IsExecutableFile);
    }

    private static string RequireFile(string path, string? source)
    {
        var full = Path.GetFullPath(path);
        if (IsExecutableFile(full))
        {
            return full;
        }

        var from = source is null ? string.Empty : $" (from {source})";
        throw new FileNotFoundException($"browser not found at {path}{from}", path);
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
