using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>
/// The answer to <see cref="RaftNode.Propose"/>: where the command went in the leader's log, or why
/// it was not taken (the node is not the leader).
/// </summary>
/// <remarks>
/// Accepted is not committed: the entry commits when a majority stores it, and only then appears in
/// <see cref="RaftOutput.CommittedEntries"/>; a leader that loses its term before that may see it
/// overwritten. A refusal names the leader this node last heard from, if any, for the client to retry there.
/// </remarks>
public sealed record ProposalResult
{
    internal ProposalResult(LogEntry? entry, int? knownLeaderId, string reason, RaftOutput output)
    {
        Entry = entry;
        KnownLeaderId = knownLeaderId;
        Reason = reason;
        Output = output;
    }

    /// <summary>Whether the node is the leader and appended the command to its log. When false, see <see cref="Reason"/>.</summary>
    [MemberNotNullWhen(true, nameof(Entry))]
    public bool IsAccepted => Entry is not null;

    /// <summary>The appended entry (index and term); null exactly when <see cref="IsAccepted"/> is false.</summary>
    public LogEntry? Entry { get; }

    /// <summary>Whether a refusing node knows the current leader.</summary>
    [MemberNotNullWhen(true, nameof(KnownLeaderId))]
    public bool KnowsLeader => KnownLeaderId is not null;

    /// <summary>The leader a refusing node last heard from in its current term; null when it knows none or when accepted.</summary>
    public int? KnownLeaderId { get; }

    /// <summary>What happened, in words.</summary>
    public string Reason { get; }

    /// <summary>The messages and state changes the proposal caused (none when refused).</summary>
    public RaftOutput Output { get; }
}
