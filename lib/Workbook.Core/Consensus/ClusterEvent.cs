using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>One thing that happened in a simulated cluster run, at a logical tick; the trace a figure draws.</summary>
/// <param name="Tick">The tick at which it happened.</param>
public abstract record ClusterEvent(long Tick);

/// <summary>Why the network did not deliver a message.</summary>
public enum DropReason
{
    /// <summary>The network lost it (see <see cref="NetworkOptions.LossProbability"/>).</summary>
    Lost,

    /// <summary>Sender and receiver were on different sides of a partition, at sending or at delivery.</summary>
    Partitioned,

    /// <summary>The receiver was crashed when it arrived.</summary>
    ReceiverCrashed,
}

/// <summary>A node sent a message; it is due at <paramref name="DeliverAtTick"/>.</summary>
/// <param name="Tick">The sending tick.</param>
/// <param name="Message">The message.</param>
/// <param name="DeliverAtTick">When the network will try to deliver it.</param>
/// <param name="IsDuplicate">Whether this is the network's second copy of a message.</param>
public sealed record MessageSent(long Tick, RaftMessage Message, long DeliverAtTick, bool IsDuplicate) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tick} send{(IsDuplicate ? " (duplicate)" : "")} due {DeliverAtTick}: {Message}");
}

/// <summary>A message reached its receiver.</summary>
/// <param name="Tick">The delivery tick.</param>
/// <param name="Message">The message.</param>
/// <param name="SentAtTick">When it was sent.</param>
public sealed record MessageDelivered(long Tick, RaftMessage Message, long SentAtTick) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} deliver (sent {SentAtTick}): {Message}");
}

/// <summary>A message was not delivered.</summary>
/// <param name="Tick">The tick it was dropped.</param>
/// <param name="Message">The message.</param>
/// <param name="Reason">Why.</param>
public sealed record MessageDropped(long Tick, RaftMessage Message, DropReason Reason) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} drop {Reason}: {Message}");
}

/// <summary>A node changed role or term.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Change">The change.</param>
public sealed record RoleChanged(long Tick, int NodeId, RoleChange Change) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} n{NodeId} role {Change}");
}

/// <summary>A node learned that an entry is committed and applied it.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Entry">The entry.</param>
public sealed record EntryCommitted(long Tick, int NodeId, LogEntry Entry) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} n{NodeId} commit {Entry}");
}

/// <summary>A client proposed a command to a node.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="NodeId">The node asked.</param>
/// <param name="Command">The command.</param>
/// <param name="Result">The node's answer.</param>
public sealed record CommandProposed(long Tick, int NodeId, string Command, ProposalResult Result) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Tick} n{NodeId} propose \"{Command}\": {(Result.IsAccepted ? "accepted as " + Result.Entry : "refused")}");
}

/// <summary>A node crashed (its volatile state is gone) or restarted from what it persisted.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="NodeId">The node.</param>
/// <param name="IsUp">True for a restart, false for a crash.</param>
public sealed record NodeLifecycle(long Tick, int NodeId, bool IsUp) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} n{NodeId} {(IsUp ? "restart" : "crash")}");
}

/// <summary>The network's partition changed: the groups that can talk to each other (one group when healed).</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Groups">The groups, each in ascending id order.</param>
public sealed record PartitionChanged(long Tick, IReadOnlyList<IReadOnlyList<int>> Groups) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tick} partition {string.Join(" | ", Groups.Select(g => string.Join(",", g)))}");
}

/// <summary>The network's options changed.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Network">The new options.</param>
public sealed record NetworkChanged(long Tick, NetworkOptions Network) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Tick} network delay [{Network.MinDelayTicks}, {Network.MaxDelayTicks}] loss {Network.LossProbability:R} dup {Network.DuplicationProbability:R} reorder {Network.ReorderProbability:R}");
}

/// <summary>A client's command for "the leader" went nowhere: no running node was leader.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Command">The command.</param>
/// <param name="Reason">Why it was not routed.</param>
public sealed record CommandNotRouted(long Tick, string Command, string Reason) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} propose \"{Command}\" to the leader: not routed, {Reason}");
}

/// <summary>The invariant checker found a violation; the run stopped here.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="Invariant">The broken invariant.</param>
/// <param name="Description">What broke.</param>
public sealed record InvariantBroken(long Tick, RaftInvariant Invariant, string Description) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick} VIOLATION {Invariant}: {Description}");
}

/// <summary>A node stored a snapshot: taken from its own state machine (<see cref="RaftClusterOptions.SnapshotInterval"/>) or installed from its leader.</summary>
/// <param name="Tick">The tick.</param>
/// <param name="NodeId">The node.</param>
/// <param name="LastIncludedIndex">The last entry the snapshot replaces.</param>
/// <param name="LastIncludedTerm">The term of that entry.</param>
/// <param name="Installed">True for a snapshot installed from the leader (InstallSnapshot), false for one the node took.</param>
public sealed record SnapshotStored(long Tick, int NodeId, long LastIncludedIndex, long LastIncludedTerm, bool Installed) : ClusterEvent(Tick)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tick} node {NodeId} {(Installed ? "installs" : "takes")} snapshot through ({LastIncludedIndex},t{LastIncludedTerm})");
}
