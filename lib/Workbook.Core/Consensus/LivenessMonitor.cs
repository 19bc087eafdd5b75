using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// The liveness check of a <see cref="RaftCluster"/> run: once a majority is running and connected and the
/// network is quiet (no loss, no duplication), that majority has a leader within <see cref="BoundTicks"/> ticks.
/// </summary>
/// <remarks>
/// Call <see cref="Observe"/> after every tick. A leader counts when it is in the connected majority and
/// no node there has a higher term. A stretch without one starts when the condition starts (a crash, restart,
/// partition or network change restarts it) or when a leader is lost; a stretch longer than the bound is a
/// violation. <see cref="LivenessBound"/> derives the bound; <see cref="LongestLeaderlessTicks"/> is what a run
/// needed, for comparing with it.
/// </remarks>
public sealed class LivenessMonitor
{
    private ulong condition;
    private NetworkOptions? conditionNetwork;
    private long leaderlessSince = -1;

    /// <summary>Creates a monitor.</summary>
    /// <param name="boundTicks">The longest allowed stretch without a leader; an integer &gt;= 1.</param>
    public LivenessMonitor(int boundTicks)
    {
        BoundTicks = Guard.Positive(boundTicks, nameof(boundTicks));
    }

    /// <summary>The longest allowed stretch without a leader, in ticks.</summary>
    public int BoundTicks { get; }

    /// <summary>Whether a stretch without a leader outlasted the bound.</summary>
    [MemberNotNullWhen(true, nameof(Violation))]
    public bool HasViolation => Violation is not null;

    /// <summary>In words, the first stretch that outlasted the bound; null exactly when <see cref="HasViolation"/> is false.</summary>
    public string? Violation { get; private set; }

    /// <summary>The tick at which the bound was exceeded (0 when it was not).</summary>
    public long ViolationTick { get; private set; }

    /// <summary>Ticks observed with a quiet, connected majority.</summary>
    public long QuietTicks { get; private set; }

    /// <summary>Leaderless stretches observed under the condition (each counted once, at its start).</summary>
    public long Stretches { get; private set; }

    /// <summary>The longest stretch without a leader while the condition held, in ticks.</summary>
    public long LongestLeaderlessTicks { get; private set; }

    /// <summary>Checks the cluster as it is after a tick.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <returns>Whether the check still holds.</returns>
    public bool Observe(RaftCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (cluster.Options.NodeIds.Count > 63)
        {
            throw Guard.OutOfRange(nameof(cluster), "a cluster of at most 63 nodes", cluster.Options.NodeIds.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (HasViolation)
        {
            return false;
        }

        long now = cluster.Now;
        ulong group = cluster.Network.IsQuiet ? ConnectedMajority(cluster) : 0;
        if (group != condition || !ReferenceEquals(cluster.Network, conditionNetwork))
        {
            condition = group;
            conditionNetwork = cluster.Network;
            leaderlessSince = -1;
            if (group != 0)
            {
                // The condition starts at the tick that just ran.
                leaderlessSince = now - 1;
                Stretches++;
            }
        }

        if (group == 0)
        {
            return true;
        }

        QuietTicks++;
        if (HasCurrentLeader(cluster, group))
        {
            leaderlessSince = -1;
            return true;
        }

        if (leaderlessSince < 0)
        {
            leaderlessSince = now - 1;
            Stretches++;
        }

        long length = now - leaderlessSince;
        LongestLeaderlessTicks = Math.Max(LongestLeaderlessTicks, length);
        if (length > BoundTicks)
        {
            ViolationTick = now;
            Violation = string.Create(
                CultureInfo.InvariantCulture,
                $"Liveness violated (seed {cluster.Seed}, tick {now}): nodes {Describe(group)} were running, connected and on a quiet network from tick {leaderlessSince + 1}, but had no leader for {length} ticks (bound {BoundTicks}).");
            return false;
        }

        return true;
    }

    private static ulong ConnectedMajority(RaftCluster cluster)
    {
        int quorum = cluster.Options.Node.Quorum;
        var ids = cluster.Options.NodeIds;
        ulong seen = 0;
        foreach (var first in ids)
        {
            if ((seen & (1UL << first)) != 0 || !cluster.IsRunning(first))
            {
                continue;
            }

            // The running nodes connected to this one (connection is an equivalence: partitions are groups).
            ulong mask = 0;
            int count = 0;
            foreach (var id in ids)
            {
                if (cluster.IsRunning(id) && cluster.AreConnected(first, id))
                {
                    mask |= 1UL << id;
                    count++;
                }
            }

            if (count >= quorum)
            {
                return mask;
            }

            seen |= mask;
        }

        return 0;
    }

    private static bool HasCurrentLeader(RaftCluster cluster, ulong group)
    {
        long topTerm = 0;
        long leaderTerm = -1;
        for (int id = 1; id < 64; id++)
        {
            if ((group & (1UL << id)) == 0)
            {
                continue;
            }

            var node = cluster.Node(id);
            topTerm = Math.Max(topTerm, node.CurrentTerm);
            if (node.Role == RaftRole.Leader)
            {
                leaderTerm = Math.Max(leaderTerm, node.CurrentTerm);
            }
        }

        return leaderTerm == topTerm;
    }

    private static string Describe(ulong group) =>
        string.Join(", ", Enumerable.Range(1, 63).Where(id => (group & (1UL << id)) != 0));
}
