using System.Globalization;
using System.Text.RegularExpressions;
using Workbook.Core.Data;

namespace Workbook.Core.Consensus.RealSystems;

/// <summary>
/// The measured etcd leader failovers in <c>data/consensus/etcd-failover.csv</c> (written by
/// <c>./workbook.sh etcd-failover</c>), to set beside <see cref="FailoverExperiment"/>.
/// </summary>
/// <remarks>
/// The file starts with <c>#</c> lines that say what was measured, how, with which etcd version and
/// flags, on which machine and when (<see cref="EtcdFailoverMeasurements.Notes"/>); then a CSV header
/// and one row per kill. <c>data/consensus/README.md</c> describes the columns.
/// </remarks>
public static partial class EtcdFailoverData
{
    internal const string Resource = "data/consensus/etcd-failover.csv";

    private static readonly Lazy<EtcdFailoverMeasurements> measured = new(() => Parse(ReadResource(), Resource));

    /// <summary>The measurements shipped with the workbook.</summary>
    public static EtcdFailoverMeasurements Measured => measured.Value;

    /// <summary>Parses a file in the format <c>etcd-failover</c> writes.</summary>
    /// <param name="text">The whole file.</param>
    /// <param name="sourceName">The file's name, for error messages.</param>
    /// <exception cref="FormatException">The text is not in that format; the message names the line.</exception>
    public static EtcdFailoverMeasurements Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var notes = lines.TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToArray();

        // Implementation note: comment lines are blanked, not removed, so Csv's line numbers stay the file's.
        var body = string.Join('\n', lines.Select(l => l.StartsWith('#') ? "" : l));
        var rows = Csv.Parse(body, sourceName);
        var kills = rows.Select(row => new EtcdFailoverObservation(
            Integer(row, "kill"),
            row.Text("killed_leader"),
            row.Text("new_leader"),
            Integer(row, "term_before"),
            Integer(row, "term_after"),
            row.Double("failover_ms"))).ToArray();
        var version = notes.Select(n => VersionLine().Match(n)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            ?? throw new FormatException($"{sourceName}: no '# etcd <version>, ...' line before the header.");
        return new EtcdFailoverMeasurements(version, notes, kills);
    }

    private static int Integer(CsvRow row, string column)
    {
        var value = row.Double(column);
        return value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"line {row.LineNumber}: {column} must be a whole number; got {value:R}."));
    }

    [GeneratedRegex(@"^etcd (\d+\.\d+\.\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    private static string ReadResource()
    {
        var assembly = typeof(EtcdFailoverData).Assembly;
        using var stream = assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{Resource}' is missing from {assembly.GetName().Name}. Check the EmbeddedResource item in Workbook.Core.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A file of measured etcd failovers.</summary>
/// <param name="EtcdVersion">The etcd version measured, e.g. 3.4.23.</param>
/// <param name="Notes">The file's <c>#</c> lines: command, version and flags, machine, date, definition.</param>
/// <param name="Kills">One row per leader kill, in order.</param>
public sealed record EtcdFailoverMeasurements(string EtcdVersion, IReadOnlyList<string> Notes, IReadOnlyList<EtcdFailoverObservation> Kills)
{
    /// <summary>The failover times in milliseconds, in kill order.</summary>
    public IReadOnlyList<double> FailoverMilliseconds => [.. Kills.Select(k => k.FailoverMs)];
}

/// <summary>One measured kill of the etcd leader.</summary>
/// <param name="Kill">1, 2, ...</param>
/// <param name="KilledLeader">The member killed (n1, n2 or n3).</param>
/// <param name="NewLeader">The leader the survivors agreed on afterwards.</param>
/// <param name="TermBefore">The raft term before the kill.</param>
/// <param name="TermAfter">The raft term after it.</param>
/// <param name="FailoverMs">Milliseconds from SIGKILL to the first acknowledged write.</param>
public sealed record EtcdFailoverObservation(int Kill, string KilledLeader, string NewLeader, long TermBefore, long TermAfter, double FailoverMs)
{
    /// <summary>The number of elections started: TermAfter − TermBefore (more than 1 means a split or ignored vote).</summary>
    public long Elections => TermAfter - TermBefore;
}
