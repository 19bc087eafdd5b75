using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A candidate asks for a vote (extended Raft paper, Figure 2, RequestVote RPC).</summary>
/// <param name="From">The candidate.</param>
/// <param name="To">The voter.</param>
/// <param name="Term">The candidate's term.</param>
/// <param name="LastLogIndex">The index of the candidate's last log entry (0 for an empty log).</param>
/// <param name="LastLogTerm">The term of the candidate's last log entry (0 for an empty log).</param>
public sealed record RequestVote(int From, int To, long Term, long LastLogIndex, long LastLogTerm) : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RequestVote {From}->{To} t{Term} last=({LastLogIndex},t{LastLogTerm})");
}
