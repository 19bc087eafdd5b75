namespace Workbook.Core.Tests;

/// <summary>Paths inside the repository under test.</summary>
internal static class Repository
{
    private static readonly Lazy<string> root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workbook.sln not found above the test assembly.");
    });

    public static string Root => root.Value;

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>This test project's folder, where committed golden files live next to their tests.</summary>
    public static string Tests => Path.Combine(Root, "lib", "Workbook.Core.Tests");

    public static IEnumerable<string> EpisodeNotebooks() =>
        Directory.GetFiles(Notebooks, "ep*.ipynb").Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal);
}
