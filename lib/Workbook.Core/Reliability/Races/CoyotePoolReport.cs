namespace Workbook.Core.Reliability.Races;

/// <summary>
/// The committed Coyote bug report and trace for the seed's pool, <c>data/reliability/coyote-unsafe-pool.txt</c>:
/// written by the test <c>CoyotePoolTests.UnsafePool_BugReportAndTrace_MatchTheCommittedFile</c>, which fails when a
/// fresh Coyote run differs from it (<c>WORKBOOK_UPDATE_GOLDEN=1</c> rewrites it). Notebooks cannot run Coyote.
/// </summary>
public static class CoyotePoolReport
{
    internal const string Resource = "data/reliability/coyote-unsafe-pool.txt";

    private static readonly Lazy<string> text = new(() =>
    {
        var assembly = typeof(CoyotePoolReport).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{Resource}' is missing from {assembly.GetName().Name}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    /// <summary>The whole committed file.</summary>
    public static string Text => text.Value;
}
