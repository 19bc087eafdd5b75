namespace Workbook.Core.Consensus;

/// <summary>What a leader knows when a follower rejects its AppendEntries: the input of <see cref="RaftRules.NextIndexAfterRejection"/>.</summary>
/// <param name="ConflictTerm">The follower's hint: the term of its entry at the probe's PrevLogIndex, or 0 if its log is shorter.</param>
/// <param name="ConflictIndex">The follower's hint: the first index of ConflictTerm in its log, or its last index + 1 if ConflictTerm is 0.</param>
/// <param name="Log">The leader's log (read-only), entry i at position i − 1. With snapshots on, a <see cref="CompactedLog"/>: read it through <see cref="RaftLog"/>.</param>
/// <param name="NextIndex">The index the leader would send to this follower next.</param>
/// <param name="MatchIndex">The highest index known to be stored on this follower (the new value may not go below MatchIndex + 1).</param>
public sealed record NextIndexContext(long ConflictTerm, long ConflictIndex, IReadOnlyList<LogEntry> Log, long NextIndex, long MatchIndex);
