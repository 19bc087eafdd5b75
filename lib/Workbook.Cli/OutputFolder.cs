namespace Workbook.Cli;

/// <summary>Checks an output folder before any work starts, so that a bad <c>--out</c> costs nothing.</summary>
internal static class OutputFolder
{
    /// <summary>
    /// Creates <paramref name="path"/> if needed and proves it is writable by writing and deleting
    /// a small hidden file.
    /// </summary>
    /// <param name="option">The option that named the folder, for the message (<c>--out</c>).</param>
    /// <param name="path">The folder, relative to the current folder or absolute.</param>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="UsageException">The path is empty, names a file, or cannot be created or written.</exception>
    public static string Prepare(string option, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option} needs a folder name.");
        }

        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new UsageException($"{option} {path} is a file, not a folder; give a folder (it is created if missing).");
        }

        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".workbook-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option} {path} cannot be used as an output folder: {Reason(e)}.");
        }

        return full;
    }

    /// <summary>A short, stack-free reason for a file-system failure.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "a folder cannot be created there",
        _ => e.Message.Split('\n')[0].TrimEnd('.'),
    };
}
