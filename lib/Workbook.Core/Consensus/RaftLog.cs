using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>Reading a Raft log by its 1-based indexes: the term at an index, the last index and the last term.</summary>
/// <remarks>
/// Raft numbers entries from 1 and treats index 0 as an empty prefix of term 0, so entry i sits at
/// position i − 1 of the list. These helpers keep that arithmetic in one place for the rules in
/// <see cref="RaftRules"/> and for code that reads a node's <see cref="RaftNode.Log"/>.
/// </remarks>
public static class RaftLog
{
    /// <summary>The term of the entry at a 1-based index; 0 for index 0 (the empty prefix).</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    /// <param name="index">An index in [0, log.Count].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or beyond the log's last entry.</exception>
    public static long TermAt(this IReadOnlyList<LogEntry> log, long index)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (index < 0 || index > log.Count)
        {
            throw Guard.OutOfRange(
                nameof(index),
                $"an index in [0, {log.Count.ToString(CultureInfo.InvariantCulture)}] (0 or an entry of the log)",
                index.ToString(CultureInfo.InvariantCulture));
        }

        return index == 0 ? 0 : log[checked((int)index - 1)].Term;
    }

    /// <summary>The index of the last entry; 0 for an empty log.</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    public static long LastIndex(this IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Count;
    }

    /// <summary>The term of the last entry; 0 for an empty log.</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    public static long LastTerm(this IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Count == 0 ? 0 : log[^1].Term;
    }
}
