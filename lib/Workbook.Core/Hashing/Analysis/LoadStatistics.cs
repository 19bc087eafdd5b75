namespace Workbook.Core.Hashing.Analysis;

/// <summary>How many keys each node got from one placer, and how uneven that is.</summary>
/// <remarks>
/// The coefficient of variation is the POPULATION standard deviation over the nodes (divided by n,
/// not n − 1) over the mean: the counts sum to the number of keys, so the mean K/n is known exactly
/// and the mean of CV² over many runs estimates the per-node variance over (K/n)² without bias.
/// </remarks>
public sealed record LoadStatistics
{
    internal LoadStatistics(IReadOnlyList<string> nodes, int[] counts)
    {
        Nodes = nodes;
        Counts = counts;
        Keys = counts.Sum();
        double[] loads = [.. counts.Select(c => (double)c)];
        Mean = Dispersion.Mean(loads);
        Max = counts.Max();
        Min = counts.Min();
        CoefficientOfVariation = Keys == 0 ? 0 : Dispersion.PopulationCv(loads);
    }

    /// <summary>The nodes, in the placer's order.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Keys per node, aligned with <see cref="Nodes"/>.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The number of keys placed.</summary>
    public int Keys { get; }

    /// <summary>The mean count per node, K/n.</summary>
    public double Mean { get; }

    /// <summary>The largest count.</summary>
    public int Max { get; }

    /// <summary>The smallest count.</summary>
    public int Min { get; }

    /// <summary>The largest count over the mean (1 is perfect balance); 0 when no keys were placed.</summary>
    public double MaxOverMean => Keys == 0 ? 0 : Max / Mean;

    /// <summary>Population SD of the counts over their mean; 0 when no keys were placed.</summary>
    public double CoefficientOfVariation { get; }
}
