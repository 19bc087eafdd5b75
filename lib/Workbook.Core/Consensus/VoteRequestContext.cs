using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>What a voter knows when a candidate of its current term asks for its vote: the input of <see cref="RaftRules.GrantVote"/>.</summary>
/// <remarks>The node has already handled the terms (a higher term made it a follower of that term; an older one was refused).</remarks>
/// <param name="VotedFor">The candidate this voter voted for in the current term, or null if none (see <see cref="HasVoted"/>).</param>
/// <param name="CandidateId">The candidate asking.</param>
/// <param name="CandidateLastLogIndex">The index of the candidate's last log entry (0 for an empty log).</param>
/// <param name="CandidateLastLogTerm">The term of the candidate's last log entry (0 for an empty log).</param>
/// <param name="OwnLastLogIndex">The index of the voter's last log entry.</param>
/// <param name="OwnLastLogTerm">The term of the voter's last log entry.</param>
public sealed record VoteRequestContext(
    int? VotedFor, int CandidateId, long CandidateLastLogIndex, long CandidateLastLogTerm, long OwnLastLogIndex, long OwnLastLogTerm)
{
    /// <summary>Whether the voter has voted in the current term; <see cref="VotedFor"/> is not null exactly then.</summary>
    [MemberNotNullWhen(true, nameof(VotedFor))]
    public bool HasVoted => VotedFor is not null;
}
