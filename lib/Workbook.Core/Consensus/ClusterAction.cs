namespace Workbook.Core.Consensus;

/// <summary>One step of a scenario: something done to a simulated cluster at the start of a tick.</summary>
/// <remarks>Actions are checked when they run, against the cluster as it is then (a proposal to a crashed node is an error).</remarks>
public abstract record ClusterAction
{
    /// <summary>Crash a node: its volatile state is lost, what it persisted stays.</summary>
    public sealed record Crash(int NodeId) : ClusterAction;

    /// <summary>Restart a crashed node from what it persisted.</summary>
    public sealed record Restart(int NodeId) : ClusterAction;

    /// <summary>Cut one node off from every other node.</summary>
    public sealed record Isolate(int NodeId) : ClusterAction;

    /// <summary>Split the nodes into groups that cannot talk to each other; every node in exactly one group.</summary>
    public sealed record Split(IReadOnlyList<IReadOnlyList<int>> Groups) : ClusterAction;

    /// <summary>Heal every partition.</summary>
    public sealed record Heal : ClusterAction;

    /// <summary>Change the network's delay, loss, duplication and reordering.</summary>
    public sealed record SetNetwork(NetworkOptions Network) : ClusterAction;

    /// <summary>A client proposes a command to one node (which must be running).</summary>
    public sealed record Propose(int NodeId, string Command) : ClusterAction;

    /// <summary>A client proposes a command to the running leader of the highest term, if there is one (otherwise the trace records that it went nowhere).</summary>
    public sealed record ProposeToLeader(string Command) : ClusterAction;
}

/// <summary>An action and the tick at whose start it runs.</summary>
/// <param name="AtTick">The tick; an integer &gt;= 0.</param>
/// <param name="Action">The action.</param>
public sealed record ScenarioStep(long AtTick, ClusterAction Action);
