using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>
/// Kills the leader of a simulated <see cref="RaftCluster"/> again and again and measures, in ticks, how long
/// until a new leader commits a client write: the simulator's side of Episode 21's etcd comparison.
/// </summary>
/// <remarks>
/// Each kill: wait until the cluster is healthy (one leader, every node running, following it and fully
/// committed), run <see cref="FailoverExperimentOptions.SettleTicks"/> plus a random phase within one
/// heartbeat, crash the leader, propose a write to each new leader as soon as it is elected, stop when
/// it commits there, restart the crashed node. Expected: detection (the earliest survivor's election
/// timeout after its last heartbeat) + one election round + one commit round, plus a whole timeout per
/// split vote. A pure function of (options, seed).
/// </remarks>
public static class FailoverExperiment
{
    /// <summary>Runs the experiment.</summary>
    /// <param name="options">The kills, timing and network.</param>
    /// <param name="seed">The seed of every random choice (election timeouts, delays, the kill phase).</param>
    /// <returns>One sample per kill, or the kills done before a wait hit its bound and why.</returns>
    public static FailoverExperimentResult Run(FailoverExperimentOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Xoshiro256StarStar(seed);
        var cluster = new RaftCluster(options.Cluster, unchecked((long)random.NextUInt64()));
        var heartbeat = options.Cluster.Node.HeartbeatIntervalTicks;
        var samples = new List<FailoverSample>();
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            if (!cluster.RunUntil(IsHealthy, options.MaxTicksPerKill))
            {
                return Stopped(kill, $"the cluster did not become healthy within {options.MaxTicksPerKill} ticks");
            }

            // Implementation note: the phase of the crash within the heartbeat cycle is drawn, as a real kill
            // lands anywhere between two heartbeats; a uniform integer in [0, heartbeat) by multiply-shift.
            var phase = (int)Math.BigMul(random.NextUInt64(), (ulong)heartbeat, out _);
            cluster.RunTicks(options.SettleTicks + phase);
            if (!IsHealthy(cluster))
            {
                return Stopped(kill, "the cluster was not healthy after settling (a leader changed without a crash)");
            }

            var sample = KillLeaderAndWrite(cluster, kill, options.MaxTicksPerKill);
            if (sample is null)
            {
                return Stopped(kill, $"no new leader committed a write within {options.MaxTicksPerKill} ticks of the crash");
            }

            samples.Add(sample);
            cluster.Restart(sample.KilledLeaderId);
        }

        return new FailoverExperimentResult(options, seed, samples, null);

        FailoverExperimentResult Stopped(int kill, string why) =>
            new(options, seed, samples, string.Create(CultureInfo.InvariantCulture, $"stopped at kill {kill} of {options.Kills}: {why}."));
    }

    private static FailoverSample? KillLeaderAndWrite(RaftCluster cluster, int kill, int maxTicks)
    {
        var leader = cluster.RunningLeaders[0];
        var (killedId, termBefore) = (leader.Id, leader.CurrentTerm);
        var crashTick = cluster.Now;
        cluster.Crash(killedId);
        var cursor = cluster.Trace.Count;
        long firstCandidate = -1, elected = -1;
        int proposedTo = 0;
        long proposedTerm = 0;
        string command = "";
        for (var i = 0; i < maxTicks; i++)
        {
            // The client writes to each newly elected leader once, at the start of the tick after its election.
            if (cluster.RunningLeaders is [var current, ..] && current.CurrentTerm > termBefore
                && (current.Id != proposedTo || current.CurrentTerm != proposedTerm))
            {
                (proposedTo, proposedTerm) = (current.Id, current.CurrentTerm);
                command = string.Create(CultureInfo.InvariantCulture, $"write after kill {kill} to n{proposedTo} in term {proposedTerm}");
                cluster.Propose(proposedTo, command);
            }

            cluster.Step();
            for (; cursor < cluster.Trace.Count; cursor++)
            {
                switch (cluster.Trace[cursor])
                {
                    case RoleChanged { Change.To: RaftRole.Candidate } c when firstCandidate < 0:
                        firstCandidate = c.Tick - crashTick;
                        break;
                    case RoleChanged { Change.To: RaftRole.Leader } c:
                        elected = c.Tick - crashTick;
                        break;
                    case EntryCommitted e when e.NodeId == proposedTo && e.Entry.Command == command && !e.Entry.IsNoOp:
                        return new FailoverSample(
                            kill, crashTick, killedId, proposedTo, termBefore, e.Entry.Term, firstCandidate, elected, e.Tick - crashTick);
                }
            }
        }

        return null;
    }

    private static bool IsHealthy(RaftCluster cluster)
    {
        if (cluster.RunningNodeIds.Count != cluster.Options.NodeIds.Count || cluster.RunningLeaders is not [var leader])
        {
            return false;
        }

        foreach (var id in cluster.RunningNodeIds)
        {
            var node = cluster.Node(id);
            if (node.CurrentTerm != leader.CurrentTerm || node.KnownLeaderId != leader.Id || node.CommitIndex != leader.LastLogIndex)
            {
                return false;
            }
        }

        return true;
    }
}
