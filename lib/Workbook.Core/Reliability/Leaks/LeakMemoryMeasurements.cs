namespace Workbook.Core.Reliability.Leaks;

/// <summary>A file of measured retained memory (see <see cref="LeakMemoryData"/>).</summary>
/// <param name="Notes">The file's <c>#</c> lines: command, runtime, machine, date, what each structure is.</param>
/// <param name="Rows">One row per structure and sample point, in file order.</param>
public sealed record LeakMemoryMeasurements(IReadOnlyList<string> Notes, IReadOnlyList<LeakMemoryRow> Rows)
{
    /// <summary>The rows of one structure (<c>seed-tracker</c>, <c>ring-buffer</c>, ...), in file order.</summary>
    /// <param name="structure">The structure's name as the file writes it.</param>
    /// <returns>Its rows.</returns>
    /// <exception cref="ArgumentException">The file has no rows for <paramref name="structure"/>.</exception>
    public IReadOnlyList<LeakMemoryRow> Series(string structure)
    {
        var rows = Rows.Where(r => r.Structure == structure).ToArray();
        return rows.Length > 0
            ? rows
            : throw new ArgumentException($"No rows for '{structure}'; the file has {string.Join(", ", Rows.Select(r => r.Structure).Distinct())}.", nameof(structure));
    }
}
