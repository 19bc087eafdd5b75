using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Simulation;

public class BatchMeansTests
{
    [Theory]
    [InlineData(19, 2.093)]
    [InlineData(29, 2.045)]
    [InlineData(49, 2.010)]
    public void TQuantile_MatchesTheTable(int degreesOfFreedom, double tableValue)
    {
        // Two-sided 95 % Student t quantiles, t₀.₉₇₅, as printed in statistical tables (three decimals).
        Assert.Equal(tableValue, BatchMeans.TQuantile(degreesOfFreedom), 3);
    }

    [Fact]
    public void Ratio_WithEqualBatchSizes_IsTheTextbookIntervalOfTheBatchMeans()
    {
        double[] batchMeans = [4.1, 3.7, 4.4, 3.9, 4.0, 4.6, 3.5, 4.2];
        const double size = 1000;
        var sums = batchMeans.Select(m => m * size).ToArray();
        var sizes = batchMeans.Select(_ => size).ToArray();

        var interval = BatchMeans.Ratio(sums, sizes);

        var mean = batchMeans.Average();
        var sd = Math.Sqrt(batchMeans.Sum(m => (m - mean) * (m - mean)) / (batchMeans.Length - 1));
        Assert.Equal(mean, interval.Mean, 12);
        Assert.Equal(BatchMeans.TQuantile(7) * sd / Math.Sqrt(batchMeans.Length), interval.HalfWidth, 12);
        Assert.Equal(7, interval.DegreesOfFreedom);
        Assert.Equal(0.95, interval.Level);
        Assert.True(interval.Contains(mean) && !interval.Contains(interval.Upper + 1e-9));
    }

    [Fact]
    public void Lag1Autocorrelation_OfATrend_IsHigh_AndOfAnAlternation_IsNegative()
    {
        double[] ones = [1, 1, 1, 1, 1, 1];

        Assert.True(BatchMeans.Lag1Autocorrelation([1, 2, 3, 4, 5, 6], ones) > 0.4);
        Assert.True(BatchMeans.Lag1Autocorrelation([1, -1, 1, -1, 1, -1], ones) < -0.8);
        Assert.True(double.IsNaN(BatchMeans.Lag1Autocorrelation([2, 2, 2, 2, 2, 2], ones)));
    }
}
