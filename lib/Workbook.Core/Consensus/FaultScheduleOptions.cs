using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>What a <see cref="FaultSchedule"/> draws: how long, how often a fault, how bad the network, how many commands.</summary>
/// <remarks>
/// Faults arrive at random (exponential gaps with mean <see cref="MeanTicksBetweenFaults"/>) except during
/// quiet windows: every <see cref="QuietEveryTicks"/> ticks, and for the last <see cref="QuietWindowTicks"/>
/// ticks of the run, the network heals, every crashed node restarts and loss and duplication stop, so that
/// the liveness check (<see cref="LivenessBound"/>) has something to check and every run ends converged.
/// </remarks>
public sealed record FaultScheduleOptions
{
    private readonly int? maxCrashedNodesGiven;

    /// <summary>Creates and validates the options.</summary>
    /// <param name="nodeCount">The cluster's size; an integer in [1, 63].</param>
    /// <param name="durationTicks">The run's length in ticks; an integer &gt;= 1.</param>
    /// <param name="meanTicksBetweenFaults">The mean gap between two faults, in ticks; a finite number &gt;= 1.</param>
    /// <param name="proposalProbability">The chance that a client command arrives in a tick; in [0, 1].</param>
    /// <param name="lossProbability">The loss of the faulty network; in [0, 1].</param>
    /// <param name="duplicationProbability">The duplication of the faulty network; in [0, 1].</param>
    /// <param name="reorderProbability">The reordering of both networks; in [0, 1].</param>
    /// <param name="maxDelayTicks">The longest message delay of the faulty network (the shortest is 1 tick); an integer in [1, 1000].</param>
    /// <param name="quietMaxDelayTicks">The longest message delay of the quiet network; an integer in [1, <paramref name="maxDelayTicks"/>].</param>
    /// <param name="maxCrashedNodes">How many nodes may be down at once; an integer in [0, <paramref name="nodeCount"/>], or null (the default) for a minority, (n − 1) / 2.</param>
    /// <param name="quietEveryTicks">The period of the quiet windows; an integer &gt; <paramref name="quietWindowTicks"/>.</param>
    /// <param name="quietWindowTicks">The length of each quiet window; an integer in [0, <paramref name="durationTicks"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public FaultScheduleOptions(
        int nodeCount = 5,
        int durationTicks = 1000,
        double meanTicksBetweenFaults = 20,
        double proposalProbability = 0.2,
        double lossProbability = 0.1,
        double duplicationProbability = 0.05,
        double reorderProbability = 0.1,
        int maxDelayTicks = 12,
        int quietMaxDelayTicks = 2,
        int? maxCrashedNodes = null,
        int quietEveryTicks = 400,
        int quietWindowTicks = 200)
    {
        NodeCount = InRange(nodeCount, 1, 63, nameof(nodeCount));
        DurationTicks = Guard.Positive(durationTicks, nameof(durationTicks));
        MeanTicksBetweenFaults = Guard.AtLeastFinite(meanTicksBetweenFaults, 1, nameof(meanTicksBetweenFaults));
        ProposalProbability = Guard.Probability(proposalProbability, nameof(proposalProbability));
        LossProbability = Guard.Probability(lossProbability, nameof(lossProbability));
        DuplicationProbability = Guard.Probability(duplicationProbability, nameof(duplicationProbability));
        ReorderProbability = Guard.Probability(reorderProbability, nameof(reorderProbability));
        MaxDelayTicks = InRange(maxDelayTicks, 1, 1000, nameof(maxDelayTicks));
        QuietMaxDelayTicks = InRange(quietMaxDelayTicks, 1, maxDelayTicks, nameof(quietMaxDelayTicks));
        maxCrashedNodesGiven = maxCrashedNodes;
        MaxCrashedNodes = InRange(maxCrashedNodes ?? ((nodeCount - 1) / 2), 0, nodeCount, nameof(maxCrashedNodes));
        QuietWindowTicks = InRange(quietWindowTicks, 0, durationTicks, nameof(quietWindowTicks));
        QuietEveryTicks = Guard.AtLeast(quietEveryTicks, quietWindowTicks + 1, nameof(quietEveryTicks));
    }

    /// <summary>The cluster's size.</summary>
    /// <value>The default is 5.</value>
    public int NodeCount { get; }

    /// <summary>The run's length in ticks.</summary>
    /// <value>The default is 1,000 ticks (10 s at 10 ms a tick).</value>
    public int DurationTicks { get; }

    /// <summary>The mean gap between two faults, in ticks.</summary>
    /// <value>The default is 20 ticks (about one fault per election timeout).</value>
    public double MeanTicksBetweenFaults { get; }

    /// <summary>The chance that a client command arrives in a tick.</summary>
    /// <value>The default is 0.2 (one command every 5 ticks on average).</value>
    public double ProposalProbability { get; }

    /// <summary>The loss of the faulty network.</summary>
    /// <value>The default is 0.1.</value>
    public double LossProbability { get; }

    /// <summary>The duplication of the faulty network.</summary>
    /// <value>The default is 0.05.</value>
    public double DuplicationProbability { get; }

    /// <summary>The reordering of both networks.</summary>
    /// <value>The default is 0.1.</value>
    public double ReorderProbability { get; }

    /// <summary>The longest message delay of the faulty network, in ticks.</summary>
    /// <value>The default is 12 ticks: long enough for a message to overtake several sent after it, and for an answer to arrive after its sender's next election timeout.</value>
    public int MaxDelayTicks { get; }

    /// <summary>The longest message delay of the quiet network, in ticks.</summary>
    /// <value>The default is 2 ticks.</value>
    public int QuietMaxDelayTicks { get; }

    /// <summary>How many nodes may be down at once.</summary>
    /// <value>The default is a minority, (n − 1) / 2: 2 of 5.</value>
    public int MaxCrashedNodes { get; }

    /// <summary>The period of the quiet windows, in ticks.</summary>
    /// <value>The default is 400 ticks.</value>
    public int QuietEveryTicks { get; }

    /// <summary>The length of each quiet window, in ticks (the run also ends with one).</summary>
    /// <value>The default is 200 ticks.</value>
    public int QuietWindowTicks { get; }

    /// <summary>The network while it is faulty: delay 1 to <see cref="MaxDelayTicks"/>, with loss, duplication and reordering.</summary>
    public NetworkOptions FaultyNetwork => new(1, MaxDelayTicks, LossProbability, DuplicationProbability, ReorderProbability);

    /// <summary>The network while it is quiet: delay 1 to <see cref="QuietMaxDelayTicks"/>, the same reordering, no loss, no duplication.</summary>
    public NetworkOptions QuietNetwork => new(1, QuietMaxDelayTicks, 0, 0, ReorderProbability);

    /// <summary>The same options for another cluster size (a default <see cref="MaxCrashedNodes"/> follows the size).</summary>
    /// <param name="nodeCount">The cluster's size; an integer in [1, 63].</param>
    public FaultScheduleOptions WithNodeCount(int nodeCount) => new(
        nodeCount, DurationTicks, MeanTicksBetweenFaults, ProposalProbability, LossProbability, DuplicationProbability,
        ReorderProbability, MaxDelayTicks, QuietMaxDelayTicks, maxCrashedNodesGiven, QuietEveryTicks, QuietWindowTicks);

    /// <summary>Cluster options to run a schedule on: <see cref="NodeCount"/> nodes starting on the faulty network.</summary>
    public RaftClusterOptions Cluster() => new(NodeCount, FaultyNetwork);

    private static int InRange(int value, int low, int high, string name) =>
        value < low || value > high
            ? throw Guard.OutOfRange(name, string.Create(CultureInfo.InvariantCulture, $"an integer in [{low}, {high}]"), value.ToString(CultureInfo.InvariantCulture))
            : value;
}
