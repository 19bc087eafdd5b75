using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A follower's answer to an <see cref="InstallSnapshot"/> (extended Raft paper, Figure 13), with the index it now matches.</summary>
/// <remarks>
/// Figure 13's reply carries only the term; a message-passing node cannot look up the request it answers,
/// so the reply also says how far the follower's state is known to match the leader's.
/// </remarks>
/// <param name="From">The follower.</param>
/// <param name="To">The leader.</param>
/// <param name="Term">The follower's current term, for the leader to update itself.</param>
/// <param name="MatchIndex">The snapshot's LastIncludedIndex when the follower holds the snapshot's state (installed now or already covered); 0 when it refused a stale term.</param>
public sealed record InstallSnapshotResponse(int From, int To, long Term, long MatchIndex) : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"InstallSnapshotResponse {From}->{To} t{Term} match={MatchIndex}");
}
