namespace Workbook.Core.Consensus;

/// <summary>A follower's log and the entries of an AppendEntries that matched it: the input of <see cref="RaftRules.MergeEntries"/>.</summary>
/// <param name="Log">The follower's log (read-only), entry i at position i − 1; it holds an entry at PrevLogIndex that matches the leader's. With snapshots on, a <see cref="CompactedLog"/>: read it through <see cref="RaftLog"/>.</param>
/// <param name="PrevLogIndex">The index of the entry just before <paramref name="Entries"/>.</param>
/// <param name="Entries">The leader's entries, at indexes PrevLogIndex + 1, PrevLogIndex + 2, …</param>
public sealed record MergeEntriesContext(IReadOnlyList<LogEntry> Log, long PrevLogIndex, IReadOnlyList<LogEntry> Entries);
