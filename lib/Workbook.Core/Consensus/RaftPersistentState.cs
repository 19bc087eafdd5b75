using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// What a Raft node must keep on stable storage before it answers any message (extended Raft paper,
/// Figure 2, "persistent state on all servers"): its current term, its vote in that term, and its log.
/// </summary>
/// <remarks>
/// A node given this state after a crash (<see cref="RaftNode(RaftOptions, long, RaftPersistentState, RaftRules)"/>)
/// keeps every promise it made: it never votes twice in a term and never forgets an entry it acknowledged.
/// The log is immutable, so a state handed out by <see cref="RaftOutput"/> never changes afterwards.
/// </remarks>
public sealed record RaftPersistentState
{
    /// <summary>Creates a persistent state and checks that its log is well formed.</summary>
    /// <param name="currentTerm">The latest term the node has seen; an integer &gt;= 0.</param>
    /// <param name="votedFor">The candidate voted for in <paramref name="currentTerm"/>, or null for none.</param>
    /// <param name="log">Entries at indexes 1, 2, 3, … with non-decreasing terms, none above <paramref name="currentTerm"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The term is negative, or an entry has the wrong index or term.</exception>
    public RaftPersistentState(long currentTerm, int? votedFor, IEnumerable<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (currentTerm < 0)
        {
            throw Guard.OutOfRange(nameof(currentTerm), "an integer >= 0", currentTerm.ToString(CultureInfo.InvariantCulture));
        }

        var entries = log as ImmutableList<LogEntry> ?? [.. log];
        long previousTerm = 0;
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Index != i + 1 || entry.Term < Math.Max(1, previousTerm) || entry.Term > currentTerm)
            {
                throw Guard.OutOfRange(
                    nameof(log),
                    $"entries at indexes 1, 2, 3, … whose terms never decrease and lie in [1, {nameof(currentTerm)} = {currentTerm.ToString(CultureInfo.InvariantCulture)}]",
                    $"entry {entry} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}");
            }

            previousTerm = entry.Term;
        }

        CurrentTerm = currentTerm;
        VotedFor = votedFor;
        Log = entries;
    }

    // Implementation note: the node builds its states from a log it has kept well formed, so it skips the O(n) check.
    internal RaftPersistentState(long currentTerm, int? votedFor, ImmutableList<LogEntry> log, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted, "only for states built by RaftNode");
        CurrentTerm = currentTerm;
        VotedFor = votedFor;
        Log = log;
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

    /// <summary>The log, entry i at position i − 1.</summary>
    public ImmutableList<LogEntry> Log { get; }

    /// <summary>A compact form for transcripts: <c>term=3 vote=1 log=[1:1 "x", 2:3 no-op]</c>.</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"term={CurrentTerm} vote={(HasVoted ? VotedFor.Value.ToString(CultureInfo.InvariantCulture) : "none")} log=[{string.Join(", ", Log)}]");
}
