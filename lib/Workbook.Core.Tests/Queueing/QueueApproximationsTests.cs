using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Queueing;

public class QueueApproximationsTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 0.8)]
    [InlineData(50, 0.95)]
    [InlineData(1000, 0.99)]
    public void AllenCunneen_WithExponentialArrivalsAndService_IsTheExactMMcWait(int servers, double rho)
    {
        const double s = 0.01;
        var lambda = rho * servers / s;
        var exact = ((MMcSteadyState)new MMcQueue(lambda, s, servers).Analyze()).MeanWaitSeconds;

        Assert.Equal(exact, QueueApproximations.AllenCunneenMeanWaitSeconds(lambda, s, servers, 1, 1), exact * 1e-15);
    }

    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(0.7, 1.0)]
    [InlineData(0.9, 4.0)]
    public void Kingman_WithPoissonArrivals_IsThePollaczekKhinchineMeanWait(double rho, double serviceScv)
    {
        // M/G/1: E[Wq] = λE[S²]/(2(1 − ρ)) with E[S²] = (1 + c_s²)S².
        const double s = 0.002;
        var lambda = rho / s;
        var pollaczekKhinchine = lambda * (1 + serviceScv) * s * s / (2 * (1 - rho));

        Assert.Equal(pollaczekKhinchine, QueueApproximations.KingmanMeanWaitSeconds(lambda, s, 1, serviceScv), pollaczekKhinchine * 1e-13);
    }

    [Fact]
    public void AllenCunneen_WithOneServer_EqualsKingman()
    {
        foreach (var (ca, cs) in new[] { (0.0, 0.0), (0.5, 2.0), (3.0, 1.0) })
        {
            var kingman = QueueApproximations.KingmanMeanWaitSeconds(80, 0.01, ca, cs);
            Assert.Equal(kingman, QueueApproximations.AllenCunneenMeanWaitSeconds(80, 0.01, 1, ca, cs), Math.Max(kingman, 1e-300) * 1e-14);
        }
    }

    [Fact]
    public void Variability_ScalesTheWaitLinearly()
    {
        var poisson = QueueApproximations.AllenCunneenMeanWaitSeconds(900, 0.01, 10, 1, 1);
        var deterministicService = QueueApproximations.AllenCunneenMeanWaitSeconds(900, 0.01, 10, 1, 0);
        var burstyArrivals = QueueApproximations.AllenCunneenMeanWaitSeconds(900, 0.01, 10, 5, 1);

        Assert.Equal(poisson / 2, deterministicService, poisson * 1e-15);
        Assert.Equal(poisson * 3, burstyArrivals, poisson * 1e-14);
    }

    [Fact]
    public void Overload_IsRejected_WithTheUtilisationInTheMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => QueueApproximations.AllenCunneenMeanWaitSeconds(1000, 0.1, 10, 1, 1));
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => QueueApproximations.KingmanMeanWaitSeconds(10, 0.1, 1, 1));

        Assert.Equal("arrivalRatePerSecond", ex.ParamName);
        Assert.StartsWith(
            "arrivalRatePerSecond must be a finite number in (0, servers / meanServiceTimeSeconds) = (0, 100) per second, so that the utilisation is below 1 (no steady state otherwise); got 1000, a utilisation of 10.",
            ex.Message,
            StringComparison.Ordinal);
        Assert.Contains("a utilisation of 1.", single.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, 1.0, "interarrivalScv")]
    [InlineData(1.0, double.NaN, "serviceScv")]
    public void NegativeOrNaNVariability_IsRejected(double ca, double cs, string param)
    {
        BadInput.Rejects(() => QueueApproximations.KingmanMeanWaitSeconds(10, 0.01, ca, cs), param, $"{param} must be a finite number >= 0");
    }
}
