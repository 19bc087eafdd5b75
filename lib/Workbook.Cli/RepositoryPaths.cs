namespace Workbook.Cli;

/// <summary>Finds the workbook repository: the folder with <c>dotnet-tools.json</c> and <c>Workbook.sln</c>.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root above <paramref name="startFolder"/>, else above the current folder, else above the CLI itself.</summary>
    /// <exception cref="UsageException">No repository root was found.</exception>
    public static string Root(string? startFolder = null)
    {
        foreach (var start in new[] { startFolder, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (start is not null && FindUp(start) is { } root)
            {
                return root;
            }
        }

        throw new UsageException("Cannot find the workbook repository (a folder with Workbook.sln and dotnet-tools.json); run from inside your clone.");
    }

    private static string? FindUp(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")) && File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
