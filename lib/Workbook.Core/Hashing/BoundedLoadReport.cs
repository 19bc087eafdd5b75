namespace Workbook.Core.Hashing;

/// <summary>A snapshot of a <see cref="BoundedLoadBalancer"/>: loads per node, their spread, and how often keys were forwarded.</summary>
/// <param name="Loads">Keys held per node, in the ring's node order.</param>
/// <param name="Capacities">Each node's capacity for the next key.</param>
/// <param name="ActiveKeys">m, the keys held now (assigned and not released).</param>
/// <param name="MaxLoad">The largest load.</param>
/// <param name="MeanLoad">m/n.</param>
/// <param name="MaxOverMean">MaxLoad/MeanLoad; 1 when no key is held (all loads are equal).</param>
/// <param name="Assigned">Keys assigned since the start, released or not.</param>
/// <param name="Forwarded">Of those, the keys that went past their first choice.</param>
public sealed record BoundedLoadReport(
    IReadOnlyList<int> Loads,
    IReadOnlyList<int> Capacities,
    int ActiveKeys,
    int MaxLoad,
    double MeanLoad,
    double MaxOverMean,
    long Assigned,
    long Forwarded)
{
    /// <summary>Forwarded/Assigned; 0 before the first key.</summary>
    public double ForwardedFraction => Assigned == 0 ? 0 : (double)Forwarded / Assigned;
}
