using Workbook.Core.Queueing;
using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class MD1Tests
{
    [Fact]
    public void MeanWaitInQueue_At70PercentOf1Point2Microseconds_Is1Point4Microseconds()
    {
        // By hand: 0.7 × 1.2 / (2 × 0.3) = 0.84 / 0.6 = 1.4.
        Assert.Equal(1.4, MD1.MeanWaitInQueue(1.2, 0.7), 12);
        Assert.Equal(2.6, MD1.MeanResponseTime(1.2, 0.7), 12);
    }

    [Fact]
    public void MeanWaitInQueue_IsZeroWhenIdle()
    {
        Assert.Equal(0.0, MD1.MeanWaitInQueue(5.0, 0.0));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void MeanWaitInQueue_IsHalfTheMM1Wait(double utilisation)
    {
        // Pollaczek–Khinchine: E[S²] is S² for fixed service and 2S² for exponential service.
        Assert.Equal(MM1.MeanWaitInQueue(3.0, utilisation) / 2, MD1.MeanWaitInQueue(3.0, utilisation), 12);
    }

    // The independent check: the library's seeded G/G/c simulator with Poisson arrivals and a fixed
    // service time (itself validated in QueueSimulatorTests), 2,000,000 customers after a 100,000
    // warm-up. The formula must lie within three of the run's 95 % half-widths (see SimulationAssert).
    [Theory]
    [InlineData(0.3, 101)]
    [InlineData(0.7, 102)]
    [InlineData(0.9, 103)]
    public void MeanWaitInQueue_MatchesASeededSimulation(double utilisation, int seed)
    {
        const double serviceUs = 1.2;
        var result = QueueSimulator.Run(
            new PoissonArrivals(utilisation / serviceUs), new DeterministicService(serviceUs),
            new QueueSimulationOptions(customers: 2_000_000, seed: seed));

        Assert.Empty(result.Warnings);
        Assert.True(
            Math.Abs(result.MeanWait.Mean - MD1.MeanWaitInQueue(serviceUs, utilisation)) <= 3 * result.MeanWait.HalfWidth,
            $"simulated {result.MeanWait}, formula {MD1.MeanWaitInQueue(serviceUs, utilisation)}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsABadServiceTime_NamingTheParameter(double serviceTime)
    {
        BadInput.Rejects(() => MD1.MeanWaitInQueue(serviceTime, 0.5), "serviceTime", "serviceTime must be a finite number > 0");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void RejectsAUtilisationOutside0To1_NamingTheParameter(double utilisation)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MD1.MeanResponseTime(1.0, utilisation));
        Assert.Equal("utilisation", error.ParamName);
    }
}
