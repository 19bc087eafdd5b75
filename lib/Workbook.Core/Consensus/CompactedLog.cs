using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// A Raft log whose prefix through <see cref="SnapshotIndex"/> was replaced by a snapshot (extended Raft
/// paper, section 7): positions keep their meaning (entry i at position i − 1, <see cref="Count"/> is the
/// last index), but only the entries after the snapshot can be read.
/// </summary>
/// <remarks>
/// A node with a snapshot hands this view to its <see cref="RaftRules"/> and shows it as <see cref="RaftNode.Log"/>;
/// without a snapshot they see a plain list. Read it through <see cref="RaftLog"/>: <c>TermAt(SnapshotIndex)</c>
/// is the snapshot's last term. Reading a compacted position, or enumerating the whole list, throws an
/// <see cref="InvalidOperationException"/> that names the snapshot; <see cref="Retained"/> holds the readable entries.
/// </remarks>
public sealed class CompactedLog : IReadOnlyList<LogEntry>
{
    /// <summary>Creates the view of a log compacted through <paramref name="snapshotIndex"/>.</summary>
    /// <param name="snapshotIndex">The index of the last entry the snapshot replaces; an integer &gt;= 1.</param>
    /// <param name="snapshotTerm">The term of that entry; an integer &gt;= 1.</param>
    /// <param name="retained">The entries after it, at indexes snapshotIndex + 1, snapshotIndex + 2, …</param>
    /// <exception cref="ArgumentOutOfRangeException">The index or term is below 1, or an entry sits at the wrong index.</exception>
    public CompactedLog(long snapshotIndex, long snapshotTerm, IEnumerable<LogEntry> retained)
    {
        ArgumentNullException.ThrowIfNull(retained);
        if (snapshotIndex < 1)
        {
            throw Guard.OutOfRange(nameof(snapshotIndex), "an integer >= 1 (a snapshot replaces at least one entry)", snapshotIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (snapshotTerm < 1)
        {
            throw Guard.OutOfRange(nameof(snapshotTerm), "an integer >= 1 (every entry has a term >= 1)", snapshotTerm.ToString(CultureInfo.InvariantCulture));
        }

        var entries = retained as ImmutableList<LogEntry> ?? [.. retained];
        for (int i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null || entries[i].Index != snapshotIndex + 1 + i)
            {
                throw Guard.OutOfRange(
                    nameof(retained),
                    $"entries at indexes {nameof(snapshotIndex)} + 1 = {(snapshotIndex + 1).ToString(CultureInfo.InvariantCulture)}, then one more each",
                    $"{entries[i]?.ToString() ?? "null"} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            }
        }

        (SnapshotIndex, SnapshotTerm, Retained) = (snapshotIndex, snapshotTerm, entries);
    }

    private CompactedLog(long snapshotIndex, long snapshotTerm, ImmutableList<LogEntry> retained, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted, "only for views built from checked parts");
        (SnapshotIndex, SnapshotTerm, Retained) = (snapshotIndex, snapshotTerm, retained);
    }

    /// <summary>The index of the last entry the snapshot replaces.</summary>
    public long SnapshotIndex { get; }

    /// <summary>The term of that entry.</summary>
    public long SnapshotTerm { get; }

    /// <summary>The entries after the snapshot, entry i at position i − 1 − <see cref="SnapshotIndex"/>.</summary>
    public ImmutableList<LogEntry> Retained { get; }

    /// <summary>The index of the last entry: <see cref="SnapshotIndex"/> plus the retained entries.</summary>
    public int Count => checked((int)(SnapshotIndex + Retained.Count));

    /// <summary>The entry at a 0-based position (index − 1), which must lie after the snapshot.</summary>
    /// <param name="index">A position in [<see cref="SnapshotIndex"/>, <see cref="Count"/>).</param>
    /// <exception cref="InvalidOperationException">The position is inside the snapshot.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The position is negative or past the last entry.</exception>
    public LogEntry this[int index]
    {
        get
        {
            if (index < 0 || index >= Count)
            {
                throw Guard.OutOfRange(nameof(index), $"a position in [0, {Count.ToString(CultureInfo.InvariantCulture)})", index.ToString(CultureInfo.InvariantCulture));
            }

            if (index < SnapshotIndex)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"entry {index + 1} was compacted into a snapshot through index {SnapshotIndex}; only entries after it can be read (RaftLog.TermAt({SnapshotIndex}) gives the snapshot's term, {SnapshotTerm})."));
            }

            return Retained[checked((int)(index - SnapshotIndex))];
        }
    }

    /// <summary>Enumerates every position from the first: throws at once, since position 0 is compacted. Enumerate <see cref="Retained"/> instead.</summary>
    /// <returns>An enumerator that throws an <see cref="InvalidOperationException"/> on its first move.</returns>
    public IEnumerator<LogEntry> GetEnumerator()
    {
        for (int position = 0; position < Count; position++)
        {
            yield return this[position];
        }
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A compact form: <c>snapshot through 10 (t2), then [11:2 "x"]</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"snapshot through {SnapshotIndex} (t{SnapshotTerm}), then [{string.Join(", ", Retained)}]");

    /// <summary>The same snapshot with other retained entries (checked by the caller).</summary>
    internal CompactedLog WithRetained(ImmutableList<LogEntry> retained) =>
        ReferenceEquals(retained, Retained) ? this : new CompactedLog(SnapshotIndex, SnapshotTerm, retained, trusted: true);

    /// <summary>A view built by the node from parts it keeps checked.</summary>
    internal static CompactedLog Trusted(long snapshotIndex, long snapshotTerm, ImmutableList<LogEntry> retained) =>
        new(snapshotIndex, snapshotTerm, retained, trusted: true);
}
