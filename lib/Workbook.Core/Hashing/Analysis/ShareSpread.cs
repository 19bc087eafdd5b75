using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Analysis;

/// <summary>The spread of node shares over many seeded rings of random points: means with Student t intervals.</summary>
/// <param name="Nodes">Nodes n.</param>
/// <param name="PointsPerNode">Points V per node.</param>
/// <param name="CoefficientOfVariation">The mean over rings of the population CV of the shares.</param>
/// <param name="CoefficientOfVariationSquared">The mean over rings of CV²; its expectation is (n − 1)/(nV + 1) exactly.</param>
/// <param name="MaxOverMean">The mean over rings of the largest share over 1/n.</param>
public sealed record ShareSpread(
    int Nodes, int PointsPerNode, Estimate CoefficientOfVariation, Estimate CoefficientOfVariationSquared, Estimate MaxOverMean);
