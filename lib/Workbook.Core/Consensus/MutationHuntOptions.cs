using System.Collections.Immutable;
using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>How hard a <see cref="MutationHunt"/> looks: how many random fault runs, on which cluster sizes, and how many seeds of the scenario suite.</summary>
public sealed record MutationHuntOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="faultSeeds">Random fault runs to try, seeds 1..n; an integer in [0, 1000000].</param>
    /// <param name="livenessSeeds">Quiet runs from a cold start to try, seeds 1..n, each longer than the liveness bound; an integer in [0, 1000].</param>
    /// <param name="scenarioSeeds">Seeds of the whole scenario suite to try, 1..n; an integer in [0, 1000].</param>
    /// <param name="schedule">The fault schedule of every run; null (the default) for <see cref="FaultScheduleOptions"/>' defaults. Its node count is replaced by each cluster's.</param>
    /// <param name="clusters">Clusters taken in turn by the fault runs (seed s runs on cluster (s − 1) mod the count; their rules are replaced by the hunted ones); null (the default) for <see cref="DefaultClusters"/>. Each of 1 to 63 nodes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public MutationHuntOptions(int faultSeeds = 50, int livenessSeeds = 1, int scenarioSeeds = 1, FaultScheduleOptions? schedule = null, IReadOnlyList<RaftClusterOptions>? clusters = null)
    {
        FaultSeeds = InRange(faultSeeds, 0, 1_000_000, nameof(faultSeeds));
        LivenessSeeds = InRange(livenessSeeds, 0, 1000, nameof(livenessSeeds));
        ScenarioSeeds = InRange(scenarioSeeds, 0, 1000, nameof(scenarioSeeds));
        Schedule = schedule ?? new FaultScheduleOptions();
        ImmutableArray<RaftClusterOptions> all = [.. clusters ?? DefaultClusters];
        if (all.Length == 0)
        {
            throw Guard.OutOfRange(nameof(clusters), "at least one cluster", "none");
        }

        foreach (var cluster in all)
        {
            ArgumentNullException.ThrowIfNull(cluster, nameof(clusters));
            InRange(cluster.NodeIds.Count, 1, 63, nameof(clusters));
        }

        Clusters = all;
    }

    /// <summary>Random fault runs to try (seeds 1..n).</summary>
    /// <value>The default is 50.</value>
    public int FaultSeeds { get; }

    /// <summary>Quiet runs from a cold start to try (seeds 1..n).</summary>
    /// <value>The default is 1.</value>
    public int LivenessSeeds { get; }

    /// <summary>Seeds of the whole scenario suite to try (1..n).</summary>
    /// <value>The default is 1.</value>
    public int ScenarioSeeds { get; }

    /// <summary>The fault schedule of every run (its node count replaced by the run's).</summary>
    /// <value>The default is <see cref="FaultScheduleOptions"/>' defaults: 1,000 ticks, a fault every 20 ticks on average.</value>
    public FaultScheduleOptions Schedule { get; }

    /// <summary>Clusters taken in turn by the fault runs (their network is the schedule's, their rules the hunted ones).</summary>
    /// <value>The default is <see cref="DefaultClusters"/>.</value>
    public IReadOnlyList<RaftClusterOptions> Clusters { get; }

    /// <summary>
    /// 5 nodes; 4 nodes (an even size catches a wrong majority); and 5 nodes that append no no-op entry on
    /// election (with one, a new leader's first AppendEntries carries an entry of its own term, so the Figure 8
    /// rule about counting entries of earlier terms never gets to matter).
    /// </summary>
    public static IReadOnlyList<RaftClusterOptions> DefaultClusters { get; } =
        [new RaftClusterOptions(5), new RaftClusterOptions(4), new RaftClusterOptions(5, appendNoOpOnElection: false)];

    private static int InRange(int value, int low, int high, string name) =>
        value < low || value > high
            ? throw Guard.OutOfRange(name, string.Create(CultureInfo.InvariantCulture, $"an integer in [{low}, {high}]"), value.ToString(CultureInfo.InvariantCulture))
            : value;
}
