using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// The configuration of one Raft node: its id, the ids of every node in the cluster (itself included),
/// the range its randomised election timeout is drawn from and its heartbeat interval, all in logical ticks.
/// </summary>
/// <remarks>
/// Every value and every rule between values is checked here, once. The election timeout must exceed
/// the heartbeat interval, or followers would start elections between a healthy leader's heartbeats
/// (extended Raft paper, section 5.6: broadcastTime ≪ electionTimeout). The defaults follow etcd's raft
/// package: a heartbeat every tick and an election timeout drawn from [10, 19] ticks.
/// </remarks>
public sealed record RaftOptions
{
    /// <summary>Creates and validates the options of one node.</summary>
    /// <param name="nodeId">This node's id; one of <paramref name="clusterNodeIds"/>.</param>
    /// <param name="clusterNodeIds">The ids of every node in the cluster, this one included; at least one id, no repeats.</param>
    /// <param name="electionTimeoutMinTicks">The shortest election timeout, in ticks; an integer &gt; <paramref name="heartbeatIntervalTicks"/>.</param>
    /// <param name="electionTimeoutMaxTicks">The longest election timeout, in ticks; an integer &gt;= <paramref name="electionTimeoutMinTicks"/>.</param>
    /// <param name="heartbeatIntervalTicks">Ticks between a leader's heartbeats; an integer &gt; 0.</param>
    /// <param name="appendNoOpOnElection">Whether a new leader appends a no-op entry of its term (paper, section 8).</param>
    /// <exception cref="ArgumentNullException"><paramref name="clusterNodeIds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range, the cluster is empty, or the election timeout does not exceed the heartbeat interval.</exception>
    /// <exception cref="ArgumentException">An id repeats, or <paramref name="nodeId"/> is not in the cluster.</exception>
    public RaftOptions(
        int nodeId,
        IReadOnlyList<int> clusterNodeIds,
        int electionTimeoutMinTicks = 10,
        int electionTimeoutMaxTicks = 19,
        int heartbeatIntervalTicks = 1,
        bool appendNoOpOnElection = true)
    {
        ArgumentNullException.ThrowIfNull(clusterNodeIds);
        if (clusterNodeIds.Count < 1)
        {
            throw Guard.OutOfRange(nameof(clusterNodeIds), "a list of at least 1 node id", "an empty list");
        }

        var distinct = new HashSet<int>();
        foreach (var id in clusterNodeIds)
        {
            if (!distinct.Add(id))
            {
                throw new ArgumentException(
                    $"{nameof(clusterNodeIds)} must list each node id once; got {id.ToString(CultureInfo.InvariantCulture)} twice.",
                    nameof(clusterNodeIds));
            }
        }

        if (!distinct.Contains(nodeId))
        {
            throw new ArgumentException(
                $"{nameof(nodeId)} must be one of the cluster's node ids [{string.Join(", ", clusterNodeIds)}]; got {nodeId.ToString(CultureInfo.InvariantCulture)}.",
                nameof(nodeId));
        }

        HeartbeatIntervalTicks = Guard.Positive(heartbeatIntervalTicks, nameof(heartbeatIntervalTicks));
        if (electionTimeoutMinTicks <= heartbeatIntervalTicks)
        {
            throw Guard.OutOfRange(
                nameof(electionTimeoutMinTicks),
                $"an integer > {heartbeatIntervalTicks.ToString(CultureInfo.InvariantCulture)} (more than {nameof(heartbeatIntervalTicks)}, so a healthy leader's heartbeats arrive before followers time out)",
                electionTimeoutMinTicks.ToString(CultureInfo.InvariantCulture));
        }

        if (electionTimeoutMaxTicks < electionTimeoutMinTicks)
        {
            throw Guard.OutOfRange(
                nameof(electionTimeoutMaxTicks),
                $"an integer >= {electionTimeoutMinTicks.ToString(CultureInfo.InvariantCulture)} (at least {nameof(electionTimeoutMinTicks)})",
                electionTimeoutMaxTicks.ToString(CultureInfo.InvariantCulture));
        }

        NodeId = nodeId;
        ClusterNodeIds = [.. clusterNodeIds];
        ElectionTimeoutMinTicks = electionTimeoutMinTicks;
        ElectionTimeoutMaxTicks = electionTimeoutMaxTicks;
        AppendNoOpOnElection = appendNoOpOnElection;
    }

    /// <summary>This node's id.</summary>
    public int NodeId { get; }

    /// <summary>The ids of every node in the cluster, this one included, in the order given.</summary>
    public IReadOnlyList<int> ClusterNodeIds { get; }

    /// <summary>The shortest election timeout, in ticks.</summary>
    /// <value>The default is 10 ticks (etcd's ElectionTick).</value>
    public int ElectionTimeoutMinTicks { get; }

    /// <summary>The longest election timeout, in ticks; each timeout is drawn uniformly from [min, max].</summary>
    /// <value>The default is 19 ticks (etcd draws from [ElectionTick, 2·ElectionTick − 1]).</value>
    public int ElectionTimeoutMaxTicks { get; }

    /// <summary>Ticks between a leader's heartbeats.</summary>
    /// <value>The default is 1 tick (etcd's HeartbeatTick).</value>
    public int HeartbeatIntervalTicks { get; }

    /// <summary>Whether a new leader appends a no-op entry of its own term, so that entries of earlier terms commit without waiting for a client.</summary>
    /// <value>The default is true (the paper's section 8; etcd does the same).</value>
    public bool AppendNoOpOnElection { get; }

    /// <summary>The number of votes or replicas that make a majority: ⌊n/2⌋ + 1.</summary>
    public int Quorum => (ClusterNodeIds.Count / 2) + 1;

    /// <summary>The same options for another node of the same cluster.</summary>
    /// <param name="nodeId">One of <see cref="ClusterNodeIds"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="nodeId"/> is not in the cluster.</exception>
    public RaftOptions ForNode(int nodeId) =>
        new(nodeId, ClusterNodeIds, ElectionTimeoutMinTicks, ElectionTimeoutMaxTicks, HeartbeatIntervalTicks, AppendNoOpOnElection);
}
