namespace Workbook.Core.Consensus;

/// <summary>What <see cref="RaftInvariants"/> sees of one node at one instant.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="IsRunning">False for a crashed node (its log is what it persisted; it leads nothing).</param>
/// <param name="Role">The node's role (a crashed node counts as a follower).</param>
/// <param name="Term">The node's current term.</param>
/// <param name="Log">The node's log, entry i at position i − 1 (a <see cref="CompactedLog"/> when a snapshot replaced its prefix).</param>
/// <param name="CommitIndex">The highest index the node knows to be committed (0 for a crashed node).</param>
public sealed record RaftNodeSnapshot(int NodeId, bool IsRunning, RaftRole Role, long Term, IReadOnlyList<LogEntry> Log, long CommitIndex)
{
    /// <summary>The snapshot of a running node.</summary>
    /// <param name="node">The node.</param>
    public static RaftNodeSnapshot Of(RaftNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(node.Id, true, node.Role, node.CurrentTerm, node.Log, node.CommitIndex);
    }

    /// <summary>The snapshot of a crashed node: what it persisted.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="persisted">What it persisted.</param>
    public static RaftNodeSnapshot Crashed(int nodeId, RaftPersistentState persisted)
    {
        ArgumentNullException.ThrowIfNull(persisted);
        return new(nodeId, false, RaftRole.Follower, persisted.CurrentTerm, persisted.IndexedLog, 0);
    }
}
