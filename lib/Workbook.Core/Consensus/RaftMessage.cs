namespace Workbook.Core.Consensus;

/// <summary>A message between two Raft nodes; every message carries its sender's current term.</summary>
/// <remarks>
/// The four kinds are the two RPCs of the extended Raft paper's Figure 2 and their replies:
/// <see cref="RequestVote"/>, <see cref="RequestVoteResponse"/>, <see cref="AppendEntries"/> and
/// <see cref="AppendEntriesResponse"/>. A node that sees a higher term in any of them becomes a follower
/// of that term before it does anything else.
/// </remarks>
/// <param name="From">The sender's node id.</param>
/// <param name="To">The receiver's node id.</param>
/// <param name="Term">The sender's current term.</param>
public abstract record RaftMessage(int From, int To, long Term);
