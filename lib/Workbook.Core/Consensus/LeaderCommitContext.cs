namespace Workbook.Core.Consensus;

/// <summary>What a leader knows when it may advance its commit index: the input of <see cref="RaftRules.LeaderCommitIndex"/>.</summary>
/// <param name="Log">The leader's log (read-only), entry i at position i − 1. With snapshots on, a <see cref="CompactedLog"/>: read it through <see cref="RaftLog"/>.</param>
/// <param name="CurrentTerm">The leader's term.</param>
/// <param name="CommitIndex">The leader's commit index now.</param>
/// <param name="MatchIndexes">For every node of the cluster, the leader first (its last index), the highest index known to be stored there.</param>
/// <param name="Quorum">How many nodes make a majority.</param>
public sealed record LeaderCommitContext(IReadOnlyList<LogEntry> Log, long CurrentTerm, long CommitIndex, IReadOnlyList<long> MatchIndexes, int Quorum);
