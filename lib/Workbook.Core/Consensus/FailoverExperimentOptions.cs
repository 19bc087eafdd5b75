using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// The configuration of a <see cref="FailoverExperiment"/>: how many leaders to kill, the cluster's timing
/// in ticks and the network delay. The defaults are etcd's defaults read at 1 tick = 10 ms.
/// </summary>
/// <remarks>
/// etcd's <c>--heartbeat-interval 100</c> and <c>--election-timeout 1000</c> become a heartbeat every
/// 10 ticks and an election timeout drawn from [100, 199] ticks (etcd draws from
/// [electionTimeout, 2·electionTimeout − 1] in its own ticks: raft/raft.go,
/// <c>resetRandomizedElectionTimeout</c>). A loopback message takes one tick or less, so the delay is 1 tick.
/// The node timing is validated by <see cref="RaftClusterOptions"/>; its errors name the same parameters.
/// </remarks>
public sealed record FailoverExperimentOptions
{
    /// <summary>Milliseconds per simulated tick when a tick is read as real time.</summary>
    public const double MillisecondsPerTick = 10;

    /// <summary>Creates and validates the options.</summary>
    /// <param name="kills">How many leaders to kill, one after another; an integer in [1, 10000].</param>
    /// <param name="nodeCount">Cluster size; an integer in [3, 9] (a quorum must survive a kill).</param>
    /// <param name="heartbeatIntervalTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="electionTimeoutMinTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="electionTimeoutMaxTicks">As in <see cref="RaftOptions"/>.</param>
    /// <param name="minDelayTicks">As in <see cref="NetworkOptions"/>.</param>
    /// <param name="maxDelayTicks">As in <see cref="NetworkOptions"/>.</param>
    /// <param name="settleTicks">Ticks the healthy cluster runs before each kill; an integer &gt;= 0 (a random phase within one heartbeat interval is added).</param>
    /// <param name="maxTicksPerKill">The longest wait for a healthy cluster and for a failover; an integer &gt;= 2 × <paramref name="electionTimeoutMaxTicks"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public FailoverExperimentOptions(
        int kills = 30,
        int nodeCount = 3,
        int heartbeatIntervalTicks = 10,
        int electionTimeoutMinTicks = 100,
        int electionTimeoutMaxTicks = 199,
        int minDelayTicks = 1,
        int maxDelayTicks = 1,
        int settleTicks = 100,
        int maxTicksPerKill = 5000)
    {
        Kills = InRange(kills, 1, 10_000, nameof(kills));
        InRange(nodeCount, 3, 9, nameof(nodeCount));
        Cluster = new RaftClusterOptions(
            nodeCount,
            new NetworkOptions(minDelayTicks, maxDelayTicks),
            electionTimeoutMinTicks,
            electionTimeoutMaxTicks,
            heartbeatIntervalTicks,
            appendNoOpOnElection: true);
        SettleTicks = Guard.NonNegative(settleTicks, nameof(settleTicks));
        MaxTicksPerKill = Guard.AtLeast(maxTicksPerKill, checked(2 * electionTimeoutMaxTicks), nameof(maxTicksPerKill));
    }

    /// <summary>How many leaders are killed.</summary>
    /// <value>The default is 30 (as many as the etcd measurement).</value>
    public int Kills { get; }

    /// <summary>The simulated cluster: nodes, timing and network.</summary>
    /// <value>The default is 3 nodes, heartbeat 10 ticks, election timeout [100, 199] ticks, delay 1 tick.</value>
    public RaftClusterOptions Cluster { get; }

    /// <summary>Ticks a healthy cluster runs before each kill (plus a random phase within one heartbeat).</summary>
    /// <value>The default is 100 ticks (1 s, about what the etcd measurement waits).</value>
    public int SettleTicks { get; }

    /// <summary>The longest wait, in ticks, for a healthy cluster and for a failover.</summary>
    /// <value>The default is 5,000 ticks (50 s).</value>
    public int MaxTicksPerKill { get; }

    private static int InRange(int value, int low, int high, string name) =>
        value < low || value > high
            ? throw Guard.OutOfRange(
                name,
                string.Create(CultureInfo.InvariantCulture, $"an integer in [{low}, {high}]"),
                value.ToString(CultureInfo.InvariantCulture))
            : value;
}
