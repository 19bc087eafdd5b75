namespace Workbook.Core.Consensus;

/// <summary>
/// Everything one input to a <see cref="RaftNode"/> produced: messages to send, the persistent state
/// to save, entries that became committed, and role changes.
/// </summary>
/// <remarks>
/// The caller must save <see cref="PersistentState"/> (when <see cref="PersistentStateChanged"/>)
/// before it sends <see cref="Messages"/>: a vote or an acknowledgement that reaches another node
/// must survive a crash. <see cref="CommittedEntries"/> are applied to the state machine in order.
/// </remarks>
/// <param name="Messages">Messages to send, in the order the node produced them.</param>
/// <param name="PersistentStateChanged">Whether the term, the vote or the log changed.</param>
/// <param name="PersistentState">The node's persistent state after the input (changed or not).</param>
/// <param name="CommittedEntries">Entries newly known to be committed, in log order, to apply.</param>
/// <param name="RoleChanges">Role or term changes, in order (a follower that learns a higher term appears as Follower->Follower).</param>
public sealed record RaftOutput(
    IReadOnlyList<RaftMessage> Messages,
    bool PersistentStateChanged,
    RaftPersistentState PersistentState,
    IReadOnlyList<LogEntry> CommittedEntries,
    IReadOnlyList<RoleChange> RoleChanges);
