using Workbook.Core.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

public class EmpiricalDistributionTests
{
    [Fact]
    public void Percentiles_InterpolateLinearlyBetweenOrderStatistics()
    {
        // Sorted: 10, 20, 30, 40, 50. Position h = 4p: p = 0.5 → 30, 0.9 → 46, 0.95 → 48, 0.125 → 15.
        var distribution = new EmpiricalDistribution([50.0, 10.0, 40.0, 20.0, 30.0]);

        Assert.Equal(15.0, distribution.Percentile(0.125), 12);
        Assert.Equal(10.0 + (4 * 1e-9 * 10), distribution.Percentile(1e-9), 12);
        Assert.Equal(30.0, distribution.P50);
        Assert.Equal(46.0, distribution.P90, 12);
        Assert.Equal(48.0, distribution.P95, 12);
        Assert.Equal(49.6, distribution.P99, 12);
        Assert.Equal(49.96, distribution.P999, 12);
        Assert.Equal(50.0 - (4 * 1e-9 * 10), distribution.Percentile(1 - 1e-9), 9);
        Assert.Equal(10.0, distribution.Minimum);
        Assert.Equal(50.0, distribution.Maximum);
        Assert.Equal(5, distribution.Count);
    }

    [Fact]
    public void FractionAbove_CountsStrictlyGreaterValues()
    {
        var distribution = new EmpiricalDistribution([0.0, 0.0, 1.0, 2.0, 2.0, 3.0, 5.0, 8.0]);

        Assert.Equal(6 / 8.0, distribution.FractionAbove(0));
        Assert.Equal(3 / 8.0, distribution.FractionAbove(2));
        Assert.Equal(0.0, distribution.FractionAbove(8));
        Assert.Equal(1.0, distribution.FractionAbove(-1));
    }
}
