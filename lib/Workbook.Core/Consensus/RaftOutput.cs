namespace Workbook.Core.Consensus;

/// <summary>
/// Everything one input to a <see cref="RaftNode"/> produced: messages to send, the persistent state
/// to save, entries that became committed, role changes, and a snapshot installed from the leader.
/// </summary>
/// <remarks>
/// The caller must save <see cref="PersistentState"/> (when <see cref="PersistentStateChanged"/>)
/// before it sends <see cref="Messages"/>: a vote or an acknowledgement that reaches another node
/// must survive a crash. When <see cref="HasInstalledSnapshot"/>, the application first replaces its state
/// with <see cref="InstalledSnapshot"/>; then <see cref="CommittedEntries"/> are applied in order.
/// </remarks>
/// <param name="Messages">Messages to send, in the order the node produced them.</param>
/// <param name="PersistentStateChanged">Whether the term, the vote, the log or the snapshot changed.</param>
/// <param name="PersistentState">The node's persistent state after the input (changed or not).</param>
/// <param name="CommittedEntries">Entries newly known to be committed, in log order, to apply.</param>
/// <param name="RoleChanges">Role or term changes, in order (a follower that learns a higher term appears as Follower->Follower).</param>
public sealed record RaftOutput(
    IReadOnlyList<RaftMessage> Messages,
    bool PersistentStateChanged,
    RaftPersistentState PersistentState,
    IReadOnlyList<LogEntry> CommittedEntries,
    IReadOnlyList<RoleChange> RoleChanges)
{
    /// <summary>Whether the node installed a snapshot sent by its leader (extended Raft paper, Figure 13, step 8).</summary>
    public bool HasInstalledSnapshot => InstalledSnapshot.Exists;

    /// <summary>The snapshot the application must load before applying <see cref="CommittedEntries"/>; <see cref="RaftSnapshot.None"/> unless <see cref="HasInstalledSnapshot"/>.</summary>
    /// <value>The default is <see cref="RaftSnapshot.None"/>.</value>
    public RaftSnapshot InstalledSnapshot { get; init; } = RaftSnapshot.None;
}
