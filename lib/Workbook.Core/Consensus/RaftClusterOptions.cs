using System.Collections.Immutable;

namespace Workbook.Core.Consensus;

/// <summary>The configuration of a simulated Raft cluster: nodes 1..n with the same timing, and the network between them.</summary>
/// <remarks>
/// The node timing is validated by <see cref="RaftOptions"/> (the election timeout must exceed the
/// heartbeat interval); the errors name this constructor's parameters.
/// </remarks>
public sealed record RaftClusterOptions
{
    private readonly RaftRules rules = RaftRules.Standard;

    /// <summary>Creates and validates the options of a cluster.</summary>
    /// <param name="nodeCount">The number of nodes; an integer &gt;= 1. They get ids 1..n.</param>
    /// <param name="network">How messages travel; null (the default) for <see cref="NetworkOptions.Reliable"/>.</param>
    /// <param name="electionTimeoutMinTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="electionTimeoutMaxTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="heartbeatIntervalTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="appendNoOpOnElection">As in <see cref="RaftOptions"/>.</param>
    /// <param name="snapshotInterval">Entries a node applies between snapshots (<see cref="SnapshotInterval"/>); an integer &gt;= 0, 0 (the default) for never.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public RaftClusterOptions(
        int nodeCount,
        NetworkOptions? network = null,
        int electionTimeoutMinTicks = 10,
        int electionTimeoutMaxTicks = 19,
        int heartbeatIntervalTicks = 1,
        bool appendNoOpOnElection = true,
        int snapshotInterval = 0)
    {
        Guard.Positive(nodeCount, nameof(nodeCount));
        SnapshotInterval = Guard.NonNegative(snapshotInterval, nameof(snapshotInterval));
        ImmutableArray<int> ids = [.. Enumerable.Range(1, nodeCount)];
        NodeIds = ids;
        Node = new RaftOptions(1, ids, electionTimeoutMinTicks, electionTimeoutMaxTicks, heartbeatIntervalTicks, appendNoOpOnElection);
        Network = network ?? NetworkOptions.Reliable;
    }

    /// <summary>The node ids, 1..n.</summary>
    public IReadOnlyList<int> NodeIds { get; }

    /// <summary>The options of node 1; <see cref="RaftOptions.ForNode"/> gives the others.</summary>
    public RaftOptions Node { get; }

    /// <summary>The network at the start of a run (a scenario may change it).</summary>
    public NetworkOptions Network { get; }

    /// <summary>
    /// How many entries a node applies between snapshots: once it has applied this many since its last
    /// snapshot, it hands its state (the entries applied so far) to <see cref="RaftNode.Snapshot"/>, as
    /// 6.5840's tester does every 10 entries. 0 means never, and the log is never compacted.
    /// </summary>
    /// <value>The default is 0 (no snapshots).</value>
    public int SnapshotInterval { get; private init; }

    /// <summary>These options with another <see cref="SnapshotInterval"/>.</summary>
    /// <param name="snapshotInterval">An integer &gt;= 0; 0 for never.</param>
    /// <exception cref="ArgumentOutOfRangeException">The interval is negative.</exception>
    public RaftClusterOptions WithSnapshotInterval(int snapshotInterval) =>
        this with { SnapshotInterval = Guard.NonNegative(snapshotInterval, nameof(snapshotInterval)) };

    /// <summary>The rules every node follows: <c>options with { Rules = RaftRules.Standard with { … } }</c> plugs in a learner's rule or a planted bug.</summary>
    /// <value>The default is <see cref="RaftRules.Standard"/>.</value>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public RaftRules Rules
    {
        get => rules;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Rules));
            rules = value;
        }
    }
}
