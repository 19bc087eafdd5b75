namespace Workbook.Core.Consensus.Kv;

/// <summary>The configuration of a <see cref="KvCluster"/>: the Raft cluster, the clients and the network between clients and nodes.</summary>
/// <remarks>
/// Client <c>c</c> sits next to its home node <c>((c − 1) mod n) + 1</c> and can reach exactly the
/// nodes in its home node's partition group (all nodes when there is no partition). Client links
/// use <see cref="ClientNetwork"/>'s delay, loss and duplication; they are datagrams, so messages may
/// overtake each other whatever its reorder probability.
/// </remarks>
public sealed record KvClusterOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="cluster">The Raft nodes and the network between them.</param>
    /// <param name="clientCount">The number of clients (ids 1..count); an integer &gt;= 1.</param>
    /// <param name="clientNetwork">How requests and replies travel; null (the default) for <see cref="NetworkOptions.Reliable"/>.</param>
    /// <param name="requestTimeoutTicks">How long a client waits for a reply before it retries at the next node; an integer &gt;= 1.</param>
    /// <param name="readMode">How gets are served; the default is <see cref="KvReadMode.ThroughLog"/>.</param>
    /// <param name="useSessions">Whether nodes detect duplicate commands; true by default (false only to show why they must).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public KvClusterOptions(
        RaftClusterOptions cluster,
        int clientCount = 3,
        NetworkOptions? clientNetwork = null,
        int requestTimeoutTicks = 20,
        KvReadMode readMode = KvReadMode.ThroughLog,
        bool useSessions = true)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.SnapshotInterval != 0)
        {
            // The store rebuilds a restarted node's state by replaying committed entries; it has no snapshot of its own yet.
            throw Guard.OutOfRange(nameof(cluster), "options with SnapshotInterval 0 (the key-value store does not take snapshots)", $"SnapshotInterval {cluster.SnapshotInterval}");
        }

        Cluster = cluster;
        ClientCount = Guard.Positive(clientCount, nameof(clientCount));
        ClientNetwork = clientNetwork ?? NetworkOptions.Reliable;
        RequestTimeoutTicks = Guard.Positive(requestTimeoutTicks, nameof(requestTimeoutTicks));
        if (!Enum.IsDefined(readMode))
        {
            throw Guard.OutOfRange(nameof(readMode), "one of the KvReadMode values", readMode.ToString());
        }

        ReadMode = readMode;
        UseSessions = useSessions;
    }

    /// <summary>The Raft nodes and the network between them.</summary>
    public RaftClusterOptions Cluster { get; }

    /// <summary>The number of clients, ids 1..count.</summary>
    /// <value>The default is 3.</value>
    public int ClientCount { get; }

    /// <summary>How requests and replies travel between clients and nodes.</summary>
    /// <value>The default is <see cref="NetworkOptions.Reliable"/>.</value>
    public NetworkOptions ClientNetwork { get; }

    /// <summary>Ticks a client waits for a reply before retrying at the next node.</summary>
    /// <value>The default is 20 ticks, about one election timeout.</value>
    public int RequestTimeoutTicks { get; }

    /// <summary>How gets are served.</summary>
    /// <value>The default is <see cref="KvReadMode.ThroughLog"/>.</value>
    public KvReadMode ReadMode { get; }

    /// <summary>Whether nodes detect duplicate commands.</summary>
    /// <value>The default is true.</value>
    public bool UseSessions { get; }

    /// <summary>The home node of a client: <c>((clientId − 1) mod n) + 1</c>.</summary>
    /// <param name="clientId">A client id, 1..<see cref="ClientCount"/>.</param>
    public int HomeNode(int clientId)
    {
        if (clientId < 1 || clientId > ClientCount)
        {
            throw new ArgumentException(
                $"{nameof(clientId)} must be a client id, 1 to {ClientCount}; got {clientId}.", nameof(clientId));
        }

        return ((clientId - 1) % Cluster.NodeIds.Count) + 1;
    }
}
