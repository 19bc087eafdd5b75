using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// What a Raft node must keep on stable storage before it answers any message (extended Raft paper,
/// Figure 2, "persistent state on all servers"): its current term, its vote in that term, and its log,
/// whose prefix may have been replaced by a snapshot (section 7).
/// </summary>
/// <remarks>
/// A node given this state after a crash (<see cref="RaftNode(RaftOptions, long, RaftPersistentState, RaftRules)"/>)
/// keeps every promise it made: it never votes twice in a term and never forgets an entry it acknowledged.
/// The log and the snapshot are saved together, so a crash never splits them. Both are immutable, so a
/// state handed out by <see cref="RaftOutput"/> never changes afterwards.
/// </remarks>
public sealed record RaftPersistentState
{
    /// <summary>Creates a persistent state without a snapshot and checks that its log is well formed.</summary>
    /// <param name="currentTerm">The latest term the node has seen; an integer &gt;= 0.</param>
    /// <param name="votedFor">The candidate voted for in <paramref name="currentTerm"/>, or null for none.</param>
    /// <param name="log">Entries at indexes 1, 2, 3, … with non-decreasing terms, none above <paramref name="currentTerm"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The term is negative, or an entry has the wrong index or term.</exception>
    public RaftPersistentState(long currentTerm, int? votedFor, IEnumerable<LogEntry> log)
        : this(currentTerm, votedFor, log, RaftSnapshot.None)
    {
    }

    /// <summary>Creates a persistent state whose log starts after a snapshot, and checks that the two fit.</summary>
    /// <param name="currentTerm">The latest term the node has seen; an integer &gt;= 0.</param>
    /// <param name="votedFor">The candidate voted for in <paramref name="currentTerm"/>, or null for none.</param>
    /// <param name="log">The entries after the snapshot, at indexes LastIncludedIndex + 1, + 2, …, with non-decreasing terms from the snapshot's term to <paramref name="currentTerm"/>.</param>
    /// <param name="snapshot">The snapshot that replaced the log's prefix, or <see cref="RaftSnapshot.None"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The term is negative, the snapshot's term is above it, or an entry has the wrong index or term.</exception>
    public RaftPersistentState(long currentTerm, int? votedFor, IEnumerable<LogEntry> log, RaftSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (currentTerm < 0)
        {
            throw Guard.OutOfRange(nameof(currentTerm), "an integer >= 0", currentTerm.ToString(CultureInfo.InvariantCulture));
        }

        if (snapshot.LastIncludedTerm > currentTerm)
        {
            throw Guard.OutOfRange(
                nameof(snapshot),
                $"a snapshot whose last term is at most {nameof(currentTerm)} = {currentTerm.ToString(CultureInfo.InvariantCulture)}",
                snapshot.ToString());
        }

        var entries = log as ImmutableList<LogEntry> ?? [.. log];
        long previousTerm = snapshot.LastIncludedTerm;
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Index != snapshot.LastIncludedIndex + i + 1 || entry.Term < Math.Max(1, previousTerm) || entry.Term > currentTerm)
            {
                var first = snapshot.Exists
                    ? string.Create(CultureInfo.InvariantCulture, $"entries at indexes {snapshot.LastIncludedIndex + 1}, {snapshot.LastIncludedIndex + 2}, … (after the snapshot) whose terms never decrease, start at the snapshot's term {snapshot.LastIncludedTerm}")
                    : "entries at indexes 1, 2, 3, … whose terms never decrease";
                throw Guard.OutOfRange(
                    nameof(log),
                    $"{first} and lie in [1, {nameof(currentTerm)} = {currentTerm.ToString(CultureInfo.InvariantCulture)}]",
                    $"entry {entry} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            }

            previousTerm = entry.Term;
        }

        CurrentTerm = currentTerm;
        VotedFor = votedFor;
        Log = entries;
        Snapshot = snapshot;
    }

    // Implementation note: the node builds its states from a log it has kept well formed, so it skips the O(n) check.
    internal RaftPersistentState(long currentTerm, int? votedFor, ImmutableList<LogEntry> log, RaftSnapshot snapshot, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted, "only for states built by RaftNode");
        CurrentTerm = currentTerm;
        VotedFor = votedFor;
        Log = log;
        Snapshot = snapshot;
    }

    /// <summary>The empty state of a node that has never run: term 0, no vote, empty log.</summary>
    public static RaftPersistentState Initial { get; } = new(0, null, ImmutableList<LogEntry>.Empty);

    /// <summary>The latest term the node has seen.</summary>
    public long CurrentTerm { get; }

    /// <summary>Whether the node has voted in <see cref="CurrentTerm"/>.</summary>
    [MemberNotNullWhen(true, nameof(VotedFor))]
    public bool HasVoted => VotedFor is not null;

    /// <summary>The candidate the node voted for in <see cref="CurrentTerm"/>; null exactly when <see cref="HasVoted"/> is false.</summary>
    public int? VotedFor { get; }

    /// <summary>The entries after the snapshot (all of them without one): entry i at position i − 1 − Snapshot.LastIncludedIndex.</summary>
    public ImmutableList<LogEntry> Log { get; }

    /// <summary>The snapshot that replaced the log's prefix; <see cref="RaftSnapshot.None"/> when the log is whole.</summary>
    /// <value>The default is <see cref="RaftSnapshot.None"/>.</value>
    public RaftSnapshot Snapshot { get; }

    /// <summary>The log by index, as <see cref="RaftNode.Log"/> shows it: <see cref="Log"/> itself without a snapshot, a <see cref="CompactedLog"/> with one.</summary>
    public IReadOnlyList<LogEntry> IndexedLog =>
        Snapshot.Exists ? CompactedLog.Trusted(Snapshot.LastIncludedIndex, Snapshot.LastIncludedTerm, Log) : Log;

    /// <summary>A compact form for transcripts: <c>term=3 vote=1 log=[1:1 "x", 2:3 no-op]</c>, followed by the snapshot if there is one.</summary>
    public override string ToString()
    {
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"term={CurrentTerm} vote={(HasVoted ? VotedFor.Value.ToString(CultureInfo.InvariantCulture) : "none")} log=[{string.Join(", ", Log)}]");
        return Snapshot.Exists ? $"{text} {Snapshot}" : text;
    }
}
