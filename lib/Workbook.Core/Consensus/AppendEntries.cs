using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A leader replicates log entries, or sends a heartbeat with none (extended Raft paper, Figure 2, AppendEntries RPC).</summary>
/// <param name="From">The leader.</param>
/// <param name="To">The follower.</param>
/// <param name="Term">The leader's term.</param>
/// <param name="PrevLogIndex">The index of the entry just before <paramref name="Entries"/> (0 when they start the log).</param>
/// <param name="PrevLogTerm">The term of the entry at <paramref name="PrevLogIndex"/> in the leader's log (0 when the index is 0).</param>
/// <param name="Entries">The entries to store, at indexes PrevLogIndex + 1, PrevLogIndex + 2, …; empty for a heartbeat.</param>
/// <param name="LeaderCommit">The leader's commit index.</param>
public sealed record AppendEntries(
    int From, int To, long Term, long PrevLogIndex, long PrevLogTerm, IReadOnlyList<LogEntry> Entries, long LeaderCommit)
    : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"AppendEntries {From}->{To} t{Term} prev=({PrevLogIndex},t{PrevLogTerm}) entries=[{string.Join(", ", Entries)}] commit={LeaderCommit}");
}
