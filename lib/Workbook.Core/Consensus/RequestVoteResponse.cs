using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A voter's answer to a <see cref="RequestVote"/>.</summary>
/// <param name="From">The voter.</param>
/// <param name="To">The candidate.</param>
/// <param name="Term">The voter's current term, for the candidate to update itself.</param>
/// <param name="VoteGranted">Whether the voter voted for the candidate.</param>
public sealed record RequestVoteResponse(int From, int To, long Term, bool VoteGranted) : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RequestVoteResponse {From}->{To} t{Term} {(VoteGranted ? "granted" : "refused")}");
}
