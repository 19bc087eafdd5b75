namespace Workbook.Core.Consensus;

/// <summary>What a follower knows when an AppendEntries of its current term arrives: the input of <see cref="RaftRules.LogMatches"/>.</summary>
/// <remarks>Read terms with <see cref="RaftLog.TermAt"/> (index 0 has term 0).</remarks>
/// <param name="Log">The follower's log (read-only), entry i at position i − 1. With snapshots on, a <see cref="CompactedLog"/>: read it through <see cref="RaftLog"/>.</param>
/// <param name="PrevLogIndex">The index of the entry just before the new ones, in the leader's log.</param>
/// <param name="PrevLogTerm">The term of that entry in the leader's log.</param>
/// <param name="Entries">The entries the leader sends, at indexes PrevLogIndex + 1, …; empty for a heartbeat.</param>
public sealed record LogMatchContext(IReadOnlyList<LogEntry> Log, long PrevLogIndex, long PrevLogTerm, IReadOnlyList<LogEntry> Entries);
