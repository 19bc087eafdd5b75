using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>Reading a Raft log by its 1-based indexes: the term at an index, the last index and the last term.</summary>
/// <remarks>
/// Raft numbers entries from 1 and treats index 0 as an empty prefix of term 0, so entry i sits at
/// position i − 1 of the list. These helpers keep that arithmetic in one place for the rules in
/// <see cref="RaftRules"/> and for code that reads a node's <see cref="RaftNode.Log"/>. They also read a
/// <see cref="CompactedLog"/>: its terms are known from its <see cref="SnapshotIndex"/> on.
/// </remarks>
public static class RaftLog
{
    /// <summary>The term of the entry at a 1-based index; 0 for index 0 (the empty prefix), the snapshot's term at a compacted log's snapshot index.</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    /// <param name="index">An index in [<see cref="SnapshotIndex"/>, log.Count] (0 or an entry of the log for a log without a snapshot).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is below the snapshot's index (or negative) or beyond the log's last entry.</exception>
    public static long TermAt(this IReadOnlyList<LogEntry> log, long index)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log is CompactedLog compacted)
        {
            if (index < compacted.SnapshotIndex || index > compacted.Count)
            {
                throw Guard.OutOfRange(
                    nameof(index),
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"an index in [{compacted.SnapshotIndex}, {compacted.Count}] (the snapshot's last index or an entry after it; the entries before were compacted)"),
                    index.ToString(CultureInfo.InvariantCulture));
            }

            return index == compacted.SnapshotIndex ? compacted.SnapshotTerm : compacted.Retained[checked((int)(index - compacted.SnapshotIndex - 1))].Term;
        }

        if (index < 0 || index > log.Count)
        {
            throw Guard.OutOfRange(
                nameof(index),
                $"an index in [0, {log.Count.ToString(CultureInfo.InvariantCulture)}] (0 or an entry of the log)",
                index.ToString(CultureInfo.InvariantCulture));
        }

        return index == 0 ? 0 : log[checked((int)index - 1)].Term;
    }

    /// <summary>The index of the last entry; 0 for an empty log (the snapshot's index for a compacted log with no entry after it).</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    public static long LastIndex(this IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Count;
    }

    /// <summary>The term of the last entry; 0 for an empty log (the snapshot's term for a compacted log with no entry after it).</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    public static long LastTerm(this IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log is CompactedLog compacted ? compacted.TermAt(compacted.Count) : log.Count == 0 ? 0 : log[^1].Term;
    }

    /// <summary>The index of the last entry replaced by a snapshot: <see cref="CompactedLog.SnapshotIndex"/>, or 0 for a log without a snapshot.</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    /// <remarks>Terms can be read from this index on; entries from the next one on.</remarks>
    public static long SnapshotIndex(this IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log is CompactedLog compacted ? compacted.SnapshotIndex : 0;
    }

    /// <summary>The log without its entries from <paramref name="index"/> on (a compacted log keeps its snapshot).</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    /// <param name="index">The first index to drop, in [<see cref="SnapshotIndex"/> + 1, log.Count + 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is inside the snapshot or past the end + 1.</exception>
    public static IReadOnlyList<LogEntry> TruncateFrom(this IReadOnlyList<LogEntry> log, long index)
    {
        ArgumentNullException.ThrowIfNull(log);
        var offset = log.SnapshotIndex();
        if (index < offset + 1 || index > log.Count + 1)
        {
            throw Guard.OutOfRange(
                nameof(index),
                string.Create(CultureInfo.InvariantCulture, $"an index in [{offset + 1}, {log.Count + 1}] (after the snapshot, at most one past the last entry)"),
                index.ToString(CultureInfo.InvariantCulture));
        }

        var held = Held(log);
        var kept = held.RemoveRange(checked((int)(index - offset - 1)), checked((int)(log.Count - index + 1)));
        return log is CompactedLog compacted ? compacted.WithRetained(kept) : kept;
    }

    /// <summary>The log with one more entry at its end (a compacted log keeps its snapshot).</summary>
    /// <param name="log">A log, entry i at position i − 1.</param>
    /// <param name="entry">The entry; its index must be log.Count + 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The entry's index is not the next one.</exception>
    public static IReadOnlyList<LogEntry> AppendEntry(this IReadOnlyList<LogEntry> log, LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Index != log.Count + 1)
        {
            throw Guard.OutOfRange(nameof(entry), string.Create(CultureInfo.InvariantCulture, $"an entry at index {log.Count + 1} (the next one)"), entry.ToString());
        }

        var appended = Held(log).Add(entry);
        return log is CompactedLog compacted ? compacted.WithRetained(appended) : appended;
    }

    /// <summary>The entries a log holds: a compacted log's retained entries, or all of a plain log.</summary>
    internal static ImmutableList<LogEntry> Held(IReadOnlyList<LogEntry> log) => log switch
    {
        CompactedLog compacted => compacted.Retained,
        ImmutableList<LogEntry> list => list,
        _ => [.. log],
    };
}
