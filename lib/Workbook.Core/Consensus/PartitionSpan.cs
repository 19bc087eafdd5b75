namespace Workbook.Core.Consensus;

/// <summary>Ticks [<paramref name="FromTick"/>, <paramref name="ToTick"/>) in which the network was split into <paramref name="Groups"/>.</summary>
/// <param name="FromTick">The tick the split began.</param>
/// <param name="ToTick">The tick it healed or changed, or the end of the run.</param>
/// <param name="Groups">The groups that could talk among themselves, each in ascending id order.</param>
public sealed record PartitionSpan(long FromTick, long ToTick, IReadOnlyList<IReadOnlyList<int>> Groups)
{
    /// <summary>The nodes in groups smaller than a majority of <paramref name="clusterSize"/>: they can neither elect a leader nor commit.</summary>
    /// <param name="clusterSize">The number of nodes in the cluster; an integer &gt;= 1.</param>
    /// <returns>Their ids, ascending.</returns>
    public IReadOnlyList<int> CutOff(int clusterSize)
    {
        Guard.Positive(clusterSize, nameof(clusterSize));
        var quorum = (clusterSize / 2) + 1;
        return [.. Groups.Where(g => g.Count < quorum).SelectMany(g => g).Order()];
    }
}
