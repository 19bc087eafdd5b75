using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>The load spread of one scheme over S seeded runs: each statistic's mean with a Student t interval.</summary>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="Options">The experiment's size.</param>
/// <param name="CoefficientOfVariation">The mean over runs of the population CV of key counts.</param>
/// <param name="CoefficientOfVariationSquared">The mean over runs of CV² (unbiased for Var(count)/(K/n)²; compare theory here).</param>
/// <param name="MaxOverMean">The mean over runs of max count / mean count.</param>
/// <param name="Runs">Each run's statistics, in seed order.</param>
public sealed record LoadSpread(
    string Scheme,
    LoadSpreadOptions Options,
    Estimate CoefficientOfVariation,
    Estimate CoefficientOfVariationSquared,
    Estimate MaxOverMean,
    IReadOnlyList<LoadStatistics> Runs);
