using System.Globalization;
using Workbook.Core.Data;

namespace Workbook.Core.Reliability.Leaks;

/// <summary>
/// The measured retained memory in <c>data/reliability/leak-memory.csv</c> (written by the benchmark command
/// <c>leak-memory</c>): the seed's tracker, its two fixes and the two request caches, as events flow.
/// </summary>
/// <remarks>
/// The file starts with <c>#</c> lines that say how, on which runtime and machine and when it was measured
/// (<see cref="LeakMemoryMeasurements.Notes"/>); then a CSV header and one row per structure and sample point.
/// <c>data/reliability/README.md</c> describes the columns. Figures are drawn from this file, not from a live
/// measurement, so an exported figure is the same on every run.
/// </remarks>
public static class LeakMemoryData
{
    internal const string Resource = "data/reliability/leak-memory.csv";

    private static readonly Lazy<LeakMemoryMeasurements> measured = new(() => Parse(ReadResource(), Resource));

    /// <summary>The measurements shipped with the workbook.</summary>
    public static LeakMemoryMeasurements Measured => measured.Value;

    /// <summary>Parses a file in the format <c>leak-memory</c> writes.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="sourceName">The file's name, for error messages.</param>
    /// <exception cref="FormatException">The text is not in that format; the message names the line.</exception>
    public static LeakMemoryMeasurements Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var notes = lines.TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToArray();

        // Implementation note: comment lines are blanked, not removed, so Csv's line numbers stay the file's.
        var body = string.Join('\n', lines.Select(l => l.StartsWith('#') ? "" : l));
        var rows = Csv.Parse(body, sourceName).Select(row => new LeakMemoryRow(
            row.Text("structure"), WholeNumber(row, "events"), WholeNumber(row, "retained_bytes"))).ToArray();
        return new LeakMemoryMeasurements(notes, rows);
    }

    private static long WholeNumber(CsvRow row, string column)
    {
        var value = row.Double(column);
        return value == Math.Floor(value) && Math.Abs(value) < 9e15
            ? (long)value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {row.LineNumber}: {column} must be a whole number; got {value:R}."));
    }

    private static string ReadResource()
    {
        var assembly = typeof(LeakMemoryData).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{Resource}' is missing from {assembly.GetName().Name}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
