namespace Workbook.Core.Consensus;

/// <summary>What a follower knows when it rejects an AppendEntries: the input of <see cref="RaftRules.ConflictHint"/>.</summary>
/// <param name="Log">The follower's log (read-only), entry i at position i − 1. With snapshots on, a <see cref="CompactedLog"/>: read it through <see cref="RaftLog"/>.</param>
/// <param name="PrevLogIndex">The PrevLogIndex of the rejected AppendEntries.</param>
public sealed record ConflictHintContext(IReadOnlyList<LogEntry> Log, long PrevLogIndex);
