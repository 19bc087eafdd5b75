namespace Workbook.Core.Consensus.Scenarios;

/// <summary>A deterministic Raft test in the manner of MIT 6.5840's tester, run in simulated ticks (1 tick = 10 ms).</summary>
/// <remarks>
/// <see cref="Run(RaftClusterOptions, long)"/> takes the cluster's options, so node rules, timing and the network
/// flow through unchanged; the scenario adapts its faults to the cluster size, and a snapshot scenario (3D)
/// turns snapshots on when the options leave them off. A run is a pure function of (options, seed); a broken
/// invariant fails it with the violation.
/// </remarks>
public sealed class RaftScenario
{
    private readonly Action<ScenarioDriver> body;

    internal RaftScenario(string id, string title, string mirrors, string checks, int nodeCount, Action<ScenarioDriver> body, int snapshotInterval = 0)
    {
        (Id, Title, Mirrors, Checks, NodeCount, this.body, SnapshotInterval) = (id, title, mirrors, checks, nodeCount, body, snapshotInterval);
    }

    /// <summary>The id, such as <c>raft.initial-election</c>.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The 6.5840 test it mirrors, such as <c>TestInitialElection3A</c>.</summary>
    public string Mirrors { get; }

    /// <summary>What it checks, in words.</summary>
    public string Checks { get; }

    /// <summary>The number of servers 6.5840 uses for this test; <see cref="DefaultOptions"/> has that many.</summary>
    public int NodeCount { get; }

    /// <summary>Entries applied between snapshots in this scenario (6.5840's SnapShotInterval, 10, for the 3D tests); 0 when it takes none.</summary>
    public int SnapshotInterval { get; }

    /// <summary>The standard options with <see cref="NodeCount"/> nodes (and <see cref="SnapshotInterval"/>).</summary>
    public RaftClusterOptions DefaultOptions => new(NodeCount, snapshotInterval: SnapshotInterval);

    /// <summary>Runs the scenario on <see cref="DefaultOptions"/>.</summary>
    /// <param name="seed">The seed of every random choice.</param>
    public ScenarioOutcome Run(long seed) => Run(DefaultOptions, seed);

    /// <summary>Runs the scenario.</summary>
    /// <param name="options">The cluster (at least 3 nodes); a snapshot scenario sets <see cref="RaftClusterOptions.SnapshotInterval"/> if it is 0.</param>
    /// <param name="seed">The seed of every random choice.</param>
    public ScenarioOutcome Run(RaftClusterOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NodeIds.Count < 3)
        {
            throw Guard.OutOfRange(nameof(options), "a cluster of at least 3 nodes", $"{options.NodeIds.Count} nodes");
        }

        if (SnapshotInterval > 0 && options.SnapshotInterval == 0)
        {
            options = options.WithSnapshotInterval(SnapshotInterval);
        }

        var driver = new ScenarioDriver(options, seed);
        string reason;
        bool passed;
        try
        {
            body(driver);
            (passed, reason) = driver.Cluster.HasViolation ? (false, driver.Cluster.ViolationReason) : (true, $"{Title}: every check held.");
        }
        catch (ScenarioFailedException e)
        {
            (passed, reason) = (false, e.Message);
        }

        var (rpcs, bytes) = driver.Traffic();
        return new ScenarioOutcome(Id, seed, passed, reason, driver.Cluster, rpcs, bytes);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Mirrors})";
}
