using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>Counting messages: Raft's measured in the simulator, and the textbook steady-state costs of Multi-Paxos and PBFT.</summary>
/// <remarks>
/// Raft's cost is measured as a difference, so heartbeats are excluded without having to say which message
/// "belongs" to a command (a heartbeat also carries entries not yet acknowledged): two runs with the same
/// seed and a stable leader, one with commands and one without, counted over the same window.
/// </remarks>
public static class MessageCost
{
    /// <summary>The messages sent in ticks [<paramref name="fromTick"/>, <paramref name="toTick"/>): sends recorded in the trace, including those lost or cut off when sent.</summary>
    /// <param name="trace">The events of a run.</param>
    /// <param name="fromTick">The first tick.</param>
    /// <param name="toTick">The tick after the last.</param>
    /// <returns>The count; a duplicate made by the network is not a second send.</returns>
    public static long MessagesSent(IReadOnlyList<ClusterEvent> trace, long fromTick, long toTick)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return MessageSequence.Arrows(trace, fromTick, toTick).Count(a => !a.IsDuplicate);
    }

    /// <summary>Measures the messages per committed command of a cluster with a stable leader, heartbeats excluded.</summary>
    /// <param name="options">The cluster; a network without loss or duplication and with one fixed delay makes the count exact.</param>
    /// <param name="commands">Commands to propose to the leader; an integer &gt;= 1.</param>
    /// <param name="ticksBetweenCommands">Ticks from one command to the next; an integer &gt;= 1.</param>
    /// <param name="seed">The run's seed.</param>
    /// <returns>
    /// The counts of both runs over the same window: from the first command to 20 ticks after the last. The
    /// warm-up runs until a leader has committed an entry of its term, then 5 ticks more.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range.</exception>
    public static SteadyStateMessageCost MeasureSteadyState(RaftClusterOptions options, int commands, int ticksBetweenCommands, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Positive(commands, nameof(commands));
        Guard.Positive(ticksBetweenCommands, nameof(ticksBetweenCommands));
        const int drainTicks = 20;
        var window = ((long)(commands - 1) * ticksBetweenCommands) + drainTicks;

        RaftCluster WarmedUp()
        {
            var cluster = new RaftCluster(options, seed);
            cluster.RunUntil(c => c.RunningLeaders.Count == 1 && c.RunningLeaders[0].CommitIndex >= 1, 2_000);
            cluster.RunTicks(5);
            return cluster;
        }

        var idle = WarmedUp();
        var loaded = WarmedUp();
        var start = loaded.Now;
        if (loaded.RunningLeaders.Count != 1)
        {
            return new SteadyStateMessageCost(options.NodeIds.Count, commands, 0, window, 0, 0, "no leader was elected within 2,000 ticks");
        }

        var leader = loaded.RunningLeaders[0].Id;
        var proposed = new List<LogEntry>();
        for (var i = 0; i < commands; i++)
        {
            var result = loaded.Propose(leader, "c" + i.ToString(CultureInfo.InvariantCulture));
            if (result.IsAccepted)
            {
                proposed.Add(result.Entry);
            }

            loaded.RunTicks(i < commands - 1 ? ticksBetweenCommands : drainTicks);
        }

        idle.RunTicks(checked((int)window));
        var end = start + window;
        var committed = loaded.Trace.OfType<EntryCommitted>()
            .Where(c => c.NodeId == leader && c.Tick < end && proposed.Any(p => p.Index == c.Entry.Index && p.Term == c.Entry.Term))
            .Select(c => c.Entry.Index).Distinct().Count();
        var roleChanges = loaded.Trace.Concat(idle.Trace).OfType<RoleChanged>().Any(r => r.Tick >= start && r.Tick < end);
        var problem = roleChanges ? "a node changed role or term within the window: the leader was not stable"
            : committed < commands ? string.Create(CultureInfo.InvariantCulture, $"only {committed} of {commands} commands committed within the window")
            : null;
        return new SteadyStateMessageCost(
            options.NodeIds.Count, commands, committed, window,
            MessagesSent(loaded.Trace, start, end), MessagesSent(idle.Trace, start, end), problem);
    }

    /// <summary>Multi-Paxos in steady state (a stable leader skips phase 1): an Accept to each of the other n − 1 acceptors and an Accepted back from each, 2(n − 1).</summary>
    /// <param name="nodeCount">The number of replicas n; an integer &gt;= 1.</param>
    /// <returns>Messages per command between replicas (client request and reply not counted).</returns>
    public static long MultiPaxosSteadyState(int nodeCount)
    {
        Guard.Positive(nodeCount, nameof(nodeCount));
        return 2L * (nodeCount - 1);
    }

    /// <summary>
    /// PBFT's normal case (Castro and Liskov, 1999, section 4.2): pre-prepare from the primary to n − 1 backups,
    /// prepare from each of the n − 1 backups to the n − 1 other replicas, commit from each of the n replicas to
    /// the n − 1 others: (n − 1) + (n − 1)² + n(n − 1) = 2n(n − 1).
    /// </summary>
    /// <param name="nodeCount">The number of replicas n; an integer &gt;= 1 (PBFT needs n = 3f + 1 to tolerate f faults).</param>
    /// <returns>Messages per request between replicas (the client's request and the n replies not counted).</returns>
    public static long PbftNormalCase(int nodeCount)
    {
        Guard.Positive(nodeCount, nameof(nodeCount));
        long n = nodeCount;
        return (n - 1) + ((n - 1) * (n - 1)) + (n * (n - 1));
    }
}
