using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Queueing;

/// <summary>
/// The answer of <see cref="CapacityPlanner.MinimumServers"/>: the fewest servers that meet a target,
/// or the statement that no number of servers can, with the reason.
/// </summary>
public sealed record CapacityPlan
{
    internal CapacityPlan(
        CapacityTarget target,
        MMcQueue queue,
        MMcSteadyState? steadyState,
        double? achievedValue,
        string reason)
    {
        Target = target;
        ArrivalRatePerSecond = queue.ArrivalRatePerSecond;
        MeanServiceTimeSeconds = queue.MeanServiceTimeSeconds;
        OfferedLoadErlangs = queue.OfferedLoadErlangs;
        MinimumServersForStability = queue.MinimumServersForStability;
        BestPossibleValue = target.BestPossible(queue.MeanServiceTimeSeconds);
        SteadyState = steadyState;
        Servers = steadyState?.Queue.Servers;
        AchievedValue = achievedValue;
        Reason = reason;
    }

    /// <summary>The target that was planned for.</summary>
    public CapacityTarget Target { get; }

    /// <summary>λ, the arrival rate planned for, per second.</summary>
    public double ArrivalRatePerSecond { get; }

    /// <summary>S, the mean service time planned for, in seconds.</summary>
    public double MeanServiceTimeSeconds { get; }

    /// <summary>A = λS, in erlangs.</summary>
    public double OfferedLoadErlangs { get; }

    /// <summary>The fewest servers for which the queue is stable at all; see <see cref="MMcQueue.MinimumServersForStability"/>.</summary>
    public int MinimumServersForStability { get; }

    /// <summary>Whether some number of servers meets the target. When false, see <see cref="Reason"/>.</summary>
    [MemberNotNullWhen(true, nameof(SteadyState), nameof(Servers), nameof(AchievedValue))]
    public bool IsFeasible => SteadyState is not null;

    /// <summary>The fewest servers that meet the target; null exactly when <see cref="IsFeasible"/> is false.</summary>
    public int? Servers { get; }

    /// <summary>
    /// The value of the target's measure with <see cref="Servers"/> servers, in the unit of
    /// <see cref="CapacityTarget.Limit"/>; null exactly when <see cref="IsFeasible"/> is false.
    /// </summary>
    public double? AchievedValue { get; }

    /// <summary>
    /// The value the measure approaches as servers are added without limit: the service time's own
    /// percentile or mean for the response-time targets, 0 for the others. A target at or below it
    /// cannot be met (except a waiting-time percentile of 0, which is reached exactly).
    /// </summary>
    public double BestPossibleValue { get; }

    /// <summary>The full steady state with <see cref="Servers"/> servers; null exactly when <see cref="IsFeasible"/> is false.</summary>
    public MMcSteadyState? SteadyState { get; }

    /// <summary>Why this is the answer: what the chosen number of servers achieves and one fewer does not, or why no number can.</summary>
    public string Reason { get; }
}
