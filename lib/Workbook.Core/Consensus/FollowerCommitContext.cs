namespace Workbook.Core.Consensus;

/// <summary>What a follower knows after it stored the entries of a matching AppendEntries: the input of <see cref="RaftRules.FollowerCommitIndex"/>.</summary>
/// <param name="CommitIndex">The follower's commit index before this message.</param>
/// <param name="LeaderCommit">The leader's commit index, as sent in the message.</param>
/// <param name="LastNewEntryIndex">The index of the last entry the message carried (PrevLogIndex for a heartbeat).</param>
/// <param name="LastLogIndex">The index of the follower's last entry, which may lie beyond the message's entries.</param>
public sealed record FollowerCommitContext(long CommitIndex, long LeaderCommit, long LastNewEntryIndex, long LastLogIndex);
