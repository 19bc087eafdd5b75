namespace Workbook.Core.Tests;

/// <summary>
/// Compares the lines a test produced with a reviewed text file in the repository, line by line, so a change of
/// behaviour shows up as a readable diff. Set <c>WORKBOOK_UPDATE_GOLDEN=1</c> to rewrite the file (the test then
/// reports skipped, never passed); review the diff before committing.
/// </summary>
internal static class GoldenFile
{
    /// <param name="path">The committed file (for example under <see cref="Repository.Tests"/> or <see cref="Repository.Root"/>/data).</param>
    /// <param name="actual">The lines the test produced.</param>
    public static void AssertMatches(string path, IReadOnlyList<string> actual)
    {
        var fileName = Path.GetFileName(path);
        if (Environment.GetEnvironmentVariable("WORKBOOK_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(path, actual);
            Assert.Skip($"rewrote {path}; review its diff, then run again without WORKBOOK_UPDATE_GOLDEN");
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with WORKBOOK_UPDATE_GOLDEN=1 and review it");
        var expected = File.ReadAllLines(path);
        for (int i = 0; i < Math.Min(expected.Length, actual.Count); i++)
        {
            Assert.True(
                expected[i] == actual[i],
                $"{fileName} line {i + 1} differs:\n  expected: {expected[i]}\n  actual:   {actual[i]}");
        }

        if (expected.Length != actual.Count)
        {
            var firstExtra = expected.Length > actual.Count ? expected[actual.Count] : actual[expected.Length];
            Assert.Fail($"{fileName}: expected {expected.Length} lines, got {actual.Count}; first extra line: {firstExtra}");
        }
    }
}
