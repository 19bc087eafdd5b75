using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Scenarios;

/// <summary>The result of one <see cref="RaftScenario"/> run: passed or why not, with the cluster for pictures and the traffic it took.</summary>
/// <param name="ScenarioId">The scenario.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Passed">Whether every check of the scenario held and no invariant broke.</param>
/// <param name="Reason">What passed, or the first check that failed, in words.</param>
/// <param name="Cluster">The cluster as the scenario left it (its trace draws the timeline).</param>
/// <param name="Rpcs">Requests sent by nodes (RequestVote and AppendEntries; network duplicates not counted), as 6.5840 counts RPCs.</param>
/// <param name="Bytes">The modelled size of every message sent (see <see cref="RaftMessageSize"/>).</param>
public sealed record ScenarioOutcome(string ScenarioId, long Seed, bool Passed, string Reason, RaftCluster Cluster, long Rpcs, long Bytes)
{
    /// <summary>Whether a safety invariant broke.</summary>
    [MemberNotNullWhen(true, nameof(Violation))]
    public bool HasViolation => Cluster.HasViolation;

    /// <summary>The invariant violation, if any; null exactly when <see cref="HasViolation"/> is false.</summary>
    public InvariantViolation? Violation => Cluster.Violation;

    /// <summary>Simulated ticks the scenario ran.</summary>
    public long Ticks => Cluster.Now;
}
