using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>One seeded random fault run: a <see cref="FaultSchedule"/> played on a cluster, with the five safety invariants checked after every step and the liveness check after every tick.</summary>
/// <remarks>
/// The run stops at the first safety violation (the cluster stops itself) or liveness violation. It is a pure
/// function of (cluster options, schedule options, bound, seed); the same seed draws the schedule and the cluster.
/// </remarks>
public sealed class FaultRun
{
    private FaultRun(RaftCluster cluster, LivenessMonitor liveness)
    {
        Cluster = cluster;
        Liveness = liveness;
    }

    /// <summary>The cluster as the run left it.</summary>
    public RaftCluster Cluster { get; }

    /// <summary>The liveness check, with the longest leaderless stretch seen.</summary>
    public LivenessMonitor Liveness { get; }

    /// <summary>The run's seed.</summary>
    public long Seed => Cluster.Seed;

    /// <summary>Whether every safety invariant and the liveness check held to the end.</summary>
    public bool Passed => !Cluster.HasViolation && !Liveness.HasViolation;

    /// <summary>Whether a safety invariant broke (then <see cref="RaftCluster.Violation"/> has the details).</summary>
    [MemberNotNullWhen(true, nameof(SafetyViolation))]
    public bool HasSafetyViolation => Cluster.HasViolation;

    /// <summary>The safety violation; null exactly when <see cref="HasSafetyViolation"/> is false.</summary>
    public InvariantViolation? SafetyViolation => Cluster.Violation;

    /// <summary>In words: what broke first, or that everything held.</summary>
    public string Reason => Cluster.HasViolation ? Cluster.Violation.ToString()
        : Liveness.HasViolation ? Liveness.Violation
        : Cluster.ViolationReason + " A leader was never missing for longer than the liveness bound.";

    /// <summary>Runs a random fault schedule on a cluster.</summary>
    /// <param name="cluster">The cluster's options (rules, timing); the schedule sets its network as it goes.</param>
    /// <param name="schedule">What the schedule draws; its node count must be the cluster's.</param>
    /// <param name="seed">The seed of the schedule and of the cluster.</param>
    /// <param name="livenessBoundTicks">The liveness bound; an integer &gt;= 1 (see <see cref="LivenessBound"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The node counts differ, or the bound is below 1.</exception>
    public static FaultRun Run(RaftClusterOptions cluster, FaultScheduleOptions schedule, long seed, int livenessBoundTicks)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(schedule);
        Guard.Positive(livenessBoundTicks, nameof(livenessBoundTicks));
        if (cluster.NodeIds.Count != schedule.NodeCount)
        {
            throw Guard.OutOfRange(nameof(schedule), $"a schedule for the cluster's {cluster.NodeIds.Count} nodes", $"{schedule.NodeCount} nodes");
        }

        var liveness = new LivenessMonitor(livenessBoundTicks);
        var run = new RaftCluster(cluster, seed, FaultSchedule.Generate(schedule, seed));
        for (int tick = 0; tick < schedule.DurationTicks && !run.HasViolation; tick++)
        {
            run.Step();
            if (!run.HasViolation && !liveness.Observe(run))
            {
                break;
            }
        }

        return new FaultRun(run, liveness);
    }
}
