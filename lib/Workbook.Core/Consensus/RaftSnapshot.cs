using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// A snapshot that replaces a Raft log's prefix (extended Raft paper, section 7 and Figure 12): the
/// application's state after applying every entry through <see cref="LastIncludedIndex"/>, and the term of that entry.
/// </summary>
/// <remarks>
/// The node keeps the index and term so the AppendEntries consistency check still works at the first
/// entry after the snapshot. <see cref="Data"/> is opaque to Raft: the application writes it in
/// <see cref="RaftNode.Snapshot"/> and loads it from <see cref="RaftOutput.InstalledSnapshot"/> or,
/// after a restart, from <see cref="RaftPersistentState.Snapshot"/>. <see cref="None"/> stands for no snapshot.
/// </remarks>
public sealed record RaftSnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="lastIncludedIndex">The index of the last entry the snapshot replaces; an integer &gt;= 1.</param>
    /// <param name="lastIncludedTerm">The term of that entry; an integer &gt;= 1.</param>
    /// <param name="data">The application's state after applying that entry (any text).</param>
    /// <exception cref="ArgumentOutOfRangeException">The index or the term is below 1.</exception>
    public RaftSnapshot(long lastIncludedIndex, long lastIncludedTerm, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (lastIncludedIndex < 1)
        {
            throw Guard.OutOfRange(nameof(lastIncludedIndex), "an integer >= 1 (a snapshot replaces at least one entry)", lastIncludedIndex.ToString(CultureInfo.InvariantCulture));
        }

        if (lastIncludedTerm < 1)
        {
            throw Guard.OutOfRange(nameof(lastIncludedTerm), "an integer >= 1 (every entry has a term >= 1)", lastIncludedTerm.ToString(CultureInfo.InvariantCulture));
        }

        (LastIncludedIndex, LastIncludedTerm, Data) = (lastIncludedIndex, lastIncludedTerm, data);
    }

    private RaftSnapshot()
    {
        Data = string.Empty;
    }

    /// <summary>No snapshot: index 0 and term 0 (the empty prefix), no data.</summary>
    public static RaftSnapshot None { get; } = new();

    /// <summary>Whether this is a snapshot (false for <see cref="None"/>).</summary>
    public bool Exists => LastIncludedIndex > 0;

    /// <summary>The index of the last entry the snapshot replaces; 0 for <see cref="None"/>.</summary>
    public long LastIncludedIndex { get; }

    /// <summary>The term of that entry; 0 for <see cref="None"/>.</summary>
    public long LastIncludedTerm { get; }

    /// <summary>The application's state after applying that entry; empty for <see cref="None"/>.</summary>
    public string Data { get; }

    /// <summary>A compact form for transcripts: <c>snapshot(10,t2, 123 chars)</c>, or <c>no snapshot</c>.</summary>
    public override string ToString() =>
        Exists
            ? string.Create(CultureInfo.InvariantCulture, $"snapshot({LastIncludedIndex},t{LastIncludedTerm}, {Data.Length} chars)")
            : "no snapshot";
}
