using System.Globalization;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>The size of a load-spread experiment: nodes, keys, seeds and what the seeds vary.</summary>
public sealed record LoadSpreadOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="nodeCount">Nodes n; an integer ≥ 1.</param>
    /// <param name="keyCount">Keys K per seed; an integer ≥ 1.</param>
    /// <param name="seeds">Independent runs S; an integer ≥ 2 (the interval needs two).</param>
    /// <param name="firstSeed">Run i uses seed firstSeed + i.</param>
    /// <param name="variation">What each seed draws afresh.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is outside its range, or <paramref name="variation"/> is not defined.</exception>
    public LoadSpreadOptions(int nodeCount, int keyCount, int seeds = 30, long firstSeed = 1, LoadVariation variation = LoadVariation.Both)
    {
        NodeCount = Guard.Positive(nodeCount, nameof(nodeCount));
        KeyCount = Guard.Positive(keyCount, nameof(keyCount));
        Seeds = Guard.AtLeast(seeds, 2, nameof(seeds));
        if (firstSeed > long.MaxValue - seeds)
        {
            throw Guard.OutOfRange(nameof(firstSeed), $"an integer <= {long.MaxValue - seeds} (so that every seed fits in a long)", firstSeed.ToString(CultureInfo.InvariantCulture));
        }

        FirstSeed = firstSeed;
        Variation = Enum.IsDefined(variation)
            ? variation
            : throw Guard.OutOfRange(nameof(variation), "NodeNames, Keys or Both", variation.ToString());
    }

    /// <summary>Nodes n.</summary>
    public int NodeCount { get; }

    /// <summary>Keys K per run.</summary>
    public int KeyCount { get; }

    /// <summary>Independent runs S.</summary>
    /// <value>The default is 30.</value>
    public int Seeds { get; }

    /// <summary>The seed of the first run; run i uses FirstSeed + i.</summary>
    /// <value>The default is 1.</value>
    public long FirstSeed { get; }

    /// <summary>What each run draws afresh.</summary>
    /// <value>The default is <see cref="LoadVariation.Both"/>.</value>
    public LoadVariation Variation { get; }
}
