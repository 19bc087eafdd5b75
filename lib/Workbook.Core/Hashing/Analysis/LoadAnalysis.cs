using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>Load statistics of a placer: keys per node, max/mean and coefficient of variation, over one run or many seeds.</summary>
public static class LoadAnalysis
{
    /// <summary>Places every key and counts the keys per node.</summary>
    /// <param name="placer">The placer.</param>
    /// <param name="keys">The keys.</param>
    /// <exception cref="InvalidOperationException">The placer returned a name that is not one of its nodes.</exception>
    public static LoadStatistics Measure(IKeyPlacer placer, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(placer);
        ArgumentNullException.ThrowIfNull(keys);
        var index = IndexOf(placer.Nodes);
        var counts = new int[placer.Nodes.Count];
        foreach (string key in keys)
        {
            counts[Owner(placer, key, index)]++;
        }

        return new LoadStatistics(placer.Nodes, counts);
    }

    /// <summary>
    /// Runs <see cref="Measure"/> once per seed (node names and/or keys drawn from the seed, as
    /// <see cref="LoadSpreadOptions.Variation"/> says) and reports each statistic's mean and 95 % t interval.
    /// </summary>
    /// <param name="scheme">The scheme, built afresh for each run's nodes.</param>
    /// <param name="options">Nodes, keys, seeds and what varies.</param>
    public static LoadSpread Spread(PlacementScheme scheme, LoadSpreadOptions options)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(options);
        var runs = new List<LoadStatistics>(options.Seeds);
        double cv = 0, cvSquares = 0, cvSquared = 0, cvFourth = 0, ratio = 0, ratioSquares = 0;
        for (int i = 0; i < options.Seeds; i++)
        {
            var random = new Xoshiro256StarStar(options.FirstSeed + i);
            IReadOnlyList<string> nodes = options.Variation == LoadVariation.Keys
                ? SampleNames.Nodes(options.NodeCount)
                : SampleNames.RandomNodes(options.NodeCount, ref random);
            IReadOnlyList<string> keys = options.Variation == LoadVariation.NodeNames
                ? SampleNames.Keys(options.KeyCount)
                : SampleNames.RandomKeys(options.KeyCount, ref random);
            var run = Measure(scheme.Place(nodes), keys);
            runs.Add(run);
            double c = run.CoefficientOfVariation;
            (cv, cvSquares) = (cv + c, cvSquares + (c * c));
            (cvSquared, cvFourth) = (cvSquared + (c * c), cvFourth + (c * c * c * c));
            (ratio, ratioSquares) = (ratio + run.MaxOverMean, ratioSquares + (run.MaxOverMean * run.MaxOverMean));
        }

        return new LoadSpread(
            scheme.Name,
            options,
            Estimate.FromSums(cv, cvSquares, options.Seeds),
            Estimate.FromSums(cvSquared, cvFourth, options.Seeds),
            Estimate.FromSums(ratio, ratioSquares, options.Seeds),
            runs);
    }

    internal static Dictionary<string, int> IndexOf(IReadOnlyList<string> nodes)
    {
        var index = new Dictionary<string, int>(nodes.Count, StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            index[nodes[i]] = i;
        }

        return index;
    }

    internal static int Owner(IKeyPlacer placer, string key, Dictionary<string, int> index) =>
        index.TryGetValue(placer.NodeFor(key), out int owner)
            ? owner
            : throw new InvalidOperationException($"The placer put \"{key}\" on a node that is not in its node list.");
}
