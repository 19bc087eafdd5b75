using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>The answer of one <see cref="RaftInvariants.Check"/>: all invariants hold, or the first one found broken.</summary>
public sealed record InvariantCheck
{
    internal InvariantCheck(RaftInvariant? invariant, string reason, IReadOnlyList<int> nodeIds)
    {
        Invariant = invariant;
        Reason = reason;
        NodeIds = nodeIds;
    }

    /// <summary>Whether every invariant holds. When false, <see cref="Invariant"/> says which one broke.</summary>
    [MemberNotNullWhen(false, nameof(Invariant))]
    public bool Holds => Invariant is null;

    /// <summary>The broken invariant; null exactly when <see cref="Holds"/> is true.</summary>
    public RaftInvariant? Invariant { get; }

    /// <summary>In words: what broke, naming nodes, indexes and terms; or that everything holds.</summary>
    public string Reason { get; }

    /// <summary>The nodes involved in the violation; empty when everything holds.</summary>
    public IReadOnlyList<int> NodeIds { get; }
}
