using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>The answer to <see cref="RaftCluster.ProposeToLeader"/>: the leader's answer, or why no node was asked.</summary>
/// <param name="Result">The leader's answer; null exactly when <see cref="WasRouted"/> is false.</param>
/// <param name="NotRoutedReason">Why no node was asked; empty when one was.</param>
public sealed record ProposalOutcome(ProposalResult? Result, string NotRoutedReason)
{
    /// <summary>Whether a leader was found and asked (it may still refuse, see <see cref="Reason"/>).</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    public bool WasRouted => Result is not null;

    /// <summary>Whether a leader appended the command.</summary>
    public bool IsAccepted => Result?.IsAccepted == true;

    /// <summary>What happened, in words.</summary>
    public string Reason => Result?.Reason ?? NotRoutedReason;
}
