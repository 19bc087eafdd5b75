namespace Workbook.Core.Consensus;

/// <summary>A message between two Raft nodes; every message carries its sender's current term.</summary>
/// <remarks>
/// The six kinds are the two RPCs of the extended Raft paper's Figure 2 and their replies
/// (<see cref="RequestVote"/>, <see cref="RequestVoteResponse"/>, <see cref="AppendEntries"/>,
/// <see cref="AppendEntriesResponse"/>) and Figure 13's <see cref="InstallSnapshot"/> with its reply
/// <see cref="InstallSnapshotResponse"/>. A node that sees a higher term in any of them becomes a follower
/// of that term before it does anything else.
/// </remarks>
/// <param name="From">The sender's node id.</param>
/// <param name="To">The receiver's node id.</param>
/// <param name="Term">The sender's current term.</param>
public abstract record RaftMessage(int From, int To, long Term);
