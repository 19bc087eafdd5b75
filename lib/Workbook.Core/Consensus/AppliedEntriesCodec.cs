using System.Globalization;
using System.Text;

namespace Workbook.Core.Consensus;

/// <summary>
/// The simulated state machine's snapshot: every applied entry, written as text, so that a node restored
/// from a snapshot still knows what it applied and the invariants can compare it (as 6.5840's tester
/// keeps the applied values in its snapshots).
/// </summary>
/// <remarks>One record per entry, <c>index:term:n|c:length:command</c> (n for a no-op), concatenated.</remarks>
internal static class AppliedEntriesCodec
{
    public static string Encode(IReadOnlyList<LogEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Index}:{e.Term}:{(e.IsNoOp ? 'n' : 'c')}:{e.Command.Length}:").Append(e.Command);
        }

        return text.ToString();
    }

    /// <exception cref="FormatException">The text is not a list of entries 1, 2, 3, … written by <see cref="Encode"/>.</exception>
    public static List<LogEntry> Decode(string data)
    {
        var entries = new List<LogEntry>();
        int at = 0;
        while (at < data.Length)
        {
            var index = long.Parse(Field(data, ref at), CultureInfo.InvariantCulture);
            var term = long.Parse(Field(data, ref at), CultureInfo.InvariantCulture);
            var kind = Field(data, ref at);
            var length = int.Parse(Field(data, ref at), CultureInfo.InvariantCulture);
            if (index != entries.Count + 1 || kind is not ("n" or "c") || length < 0 || at + length > data.Length)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"snapshot data is not a list of applied entries: bad record for entry {entries.Count + 1} at character {at}."));
            }

            entries.Add(new LogEntry(index, term, data.Substring(at, length), kind == "n"));
            at += length;
        }

        return entries;
    }

    private static string Field(string data, ref int at)
    {
        var end = data.IndexOf(':', at);
        if (end < 0)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"snapshot data is not a list of applied entries: no field at character {at}."));
        }

        var field = data[at..end];
        at = end + 1;
        return field;
    }
}
