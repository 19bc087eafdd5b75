using System.Globalization;

namespace Workbook.Core.Hashing.Chord;

/// <summary>The settings of <see cref="ChordExperiment"/>: network sizes, identifier bits, lookups and joins per size, seed.</summary>
public sealed record ChordExperimentOptions
{
    /// <summary>Creates and validates the settings.</summary>
    /// <exception cref="ArgumentException"><paramref name="nodeCounts"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size outside [1, 2^m − joins], m outside [3, 62], or fewer than 2 lookups or joins.</exception>
    public ChordExperimentOptions(IReadOnlyList<int> nodeCounts, int identifierBits = 32, int lookupsPerSize = 10_000, int joinsPerSize = 20, long seed = 1)
    {
        ArgumentNullException.ThrowIfNull(nodeCounts);
        if (nodeCounts.Count == 0)
        {
            throw new ArgumentException("nodeCounts must list at least one network size; got none.", nameof(nodeCounts));
        }

        Space = new ChordSpace(identifierBits);
        LookupsPerSize = Guard.AtLeast(lookupsPerSize, 2, nameof(lookupsPerSize));
        JoinsPerSize = Guard.AtLeast(joinsPerSize, 2, nameof(joinsPerSize));
        foreach (int n in nodeCounts)
        {
            // The joins add nodes, so every size plus the joins must still fit on the circle.
            if (n < 1 || (ulong)n + (ulong)joinsPerSize > Space.Size)
            {
                throw Guard.OutOfRange(nameof(nodeCounts), $"a list of sizes in [1, 2^{identifierBits} - joinsPerSize]", n.ToString(CultureInfo.InvariantCulture));
            }
        }

        NodeCounts = [.. nodeCounts];
        Seed = seed;
    }

    /// <summary>The network sizes N, in the order given.</summary>
    public IReadOnlyList<int> NodeCounts { get; }

    /// <summary>The identifier circle.</summary>
    /// <value>The default is m = 32 bits.</value>
    public ChordSpace Space { get; }

    /// <summary>Random lookups (start node, key) per size.</summary>
    /// <value>The default is 10,000.</value>
    public int LookupsPerSize { get; }

    /// <summary>Joins measured per size (<see cref="ChordExperiment.JoinCosts"/>).</summary>
    /// <value>The default is 20.</value>
    public int JoinsPerSize { get; }

    /// <summary>The seed of the Xoshiro256** stream that draws node ids, start nodes and keys.</summary>
    /// <value>The default is 1.</value>
    public long Seed { get; }
}
