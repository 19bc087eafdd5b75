namespace Workbook.Core.Hashing.Analysis;

/// <summary>Each node's share of the hash space (fractions summing to 1), and how uneven the shares are.</summary>
public sealed record NodeShares
{
    internal NodeShares(IReadOnlyList<string> nodes, double[] shares)
    {
        Nodes = nodes;
        Shares = shares;
        CoefficientOfVariation = Dispersion.PopulationCv(shares);
        MaxOverMean = Dispersion.Max(shares) / Dispersion.Mean(shares);
    }

    /// <summary>The nodes.</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Each node's fraction of the hash space, aligned with <see cref="Nodes"/>.</summary>
    public IReadOnlyList<double> Shares { get; }

    /// <summary>Population SD of the shares over their mean 1/n.</summary>
    public double CoefficientOfVariation { get; }

    /// <summary>The largest share over the mean share 1/n.</summary>
    public double MaxOverMean { get; }
}
