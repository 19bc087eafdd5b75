using Workbook.Core.Queueing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class LittlesLawTests
{
    [Fact]
    public void SystemForm_SolvesForEachQuantityFromTheOtherTwo()
    {
        // 200 requests/s, each in the system for 0.05 s on average: 10 in the system.
        Assert.Equal(10.0, LittlesLaw.MeanNumberInSystem(200, 0.05), 12);
        Assert.Equal(0.05, LittlesLaw.MeanResponseTimeSeconds(10, 200), 15);
        Assert.Equal(200.0, LittlesLaw.ArrivalRatePerSecondFromSystem(10, 0.05), 12);
    }

    [Fact]
    public void QueueForm_SolvesForEachQuantityFromTheOtherTwo()
    {
        Assert.Equal(3.0, LittlesLaw.MeanQueueLength(1500, 0.002), 12);
        Assert.Equal(0.002, LittlesLaw.MeanWaitSeconds(3, 1500), 15);
        Assert.Equal(1500.0, LittlesLaw.ArrivalRatePerSecondFromQueue(3, 0.002), 9);
    }

    [Fact]
    public void RoundTrips_AreConsistent_OverASeededGrid()
    {
        var random = new Xoshiro256StarStar(3);
        for (var i = 0; i < 200; i++)
        {
            var lambda = Math.Pow(10, -3 + (9 * random.NextDouble()));
            var w = Math.Pow(10, -9 + (10 * random.NextDouble()));
            var l = LittlesLaw.MeanNumberInSystem(lambda, w);

            Assert.Equal(w, LittlesLaw.MeanResponseTimeSeconds(l, lambda), w * 1e-14);
            Assert.Equal(lambda, LittlesLaw.ArrivalRatePerSecondFromSystem(l, w), lambda * 1e-14);
        }
    }

    [Fact]
    public void ZeroOccupancy_IsAllowed()
    {
        Assert.Equal(0.0, LittlesLaw.MeanNumberInSystem(0, 1));
        Assert.Equal(0.0, LittlesLaw.MeanWaitSeconds(0, 5));
        Assert.Equal(0.0, LittlesLaw.ArrivalRatePerSecondFromQueue(0, 5));
    }

    [Theory]
    [InlineData(double.NaN, "arrivalRatePerSecond must be a finite number >= 0; got NaN.")]
    [InlineData(-1.0, "arrivalRatePerSecond must be a finite number >= 0; got -1.")]
    public void Products_RejectBadRates(double lambda, string message)
    {
        BadInput.Rejects(() => LittlesLaw.MeanNumberInSystem(lambda, 1), "arrivalRatePerSecond", message);
    }

    [Fact]
    public void Quotients_RejectZeroDivisors_NamingTheParameter()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => LittlesLaw.MeanResponseTimeSeconds(1, 0));
        var time = Assert.Throws<ArgumentOutOfRangeException>(() => LittlesLaw.ArrivalRatePerSecondFromQueue(1, 0));
        var count = Assert.Throws<ArgumentOutOfRangeException>(() => LittlesLaw.MeanWaitSeconds(double.PositiveInfinity, 1));

        Assert.StartsWith("arrivalRatePerSecond must be a finite number > 0; got 0.", rate.Message, StringComparison.Ordinal);
        Assert.StartsWith("meanWaitSeconds must be a finite number > 0; got 0.", time.Message, StringComparison.Ordinal);
        Assert.Equal("meanQueueLength", count.ParamName);
    }
}
