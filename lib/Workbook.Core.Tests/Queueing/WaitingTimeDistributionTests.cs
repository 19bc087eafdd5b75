using Workbook.Core.Queueing;

namespace Workbook.Core.Tests.Queueing;

/// <summary>Tests of <see cref="WaitingTimeDistribution"/>; the validation tests in <see cref="ResponseTimeDistributionTests"/> cover both distributions.</summary>
public class WaitingTimeDistributionTests
{
    private const double Tolerance = 1e-10;

    private static readonly double[] StandardPercentiles = [0.5, 0.9, 0.95, 0.99, 0.999];

    [Theory]
    [MemberData(nameof(OracleGrid.RepresentablePoints), MemberType = typeof(OracleGrid))]
    public void WaitingTimePercentiles_MatchTheHighPrecisionOracle(int servers, double utilisation)
    {
        var lambda = OracleGrid.ArrivalRate(servers, utilisation);
        var oracle = new MMcOracle(lambda, OracleGrid.ServiceTimeSeconds, servers);
        var waiting = Steady(lambda, OracleGrid.ServiceTimeSeconds, servers).WaitingTime;

        // At p = 1 − C the percentile jumps off the point mass at 0, and near there it is
        // ill-conditioned: t = ln(C/(1 − p))/θ moves by δ/θ when C changes by a relative δ, however
        // small t is. (M/M/1 at ρ = 0.5 and p = 0.5 is exactly that point: the library's C, from the
        // rounded A = λS, gives 0; the oracle's exact λ·S gives 8·10⁻¹⁹ s.) So besides the relative
        // tolerance the test allows an absolute 10⁻¹³/θ, a relative error of 10⁻¹³ in C.
        var conditionalMeanWait = 1 / oracle.Theta.ToDouble();
        foreach (var p in StandardPercentiles)
        {
            var expected = oracle.WaitingPercentile(p).ToDouble();
            var actual = waiting.PercentileSeconds(p);
            var allowed = (Tolerance * expected) + (1e-13 * conditionalMeanWait);
            Assert.True(
                Math.Abs(actual - expected) <= allowed,
                $"p{p * 100}: {actual:R} vs {expected:R}, relative error {Math.Abs(actual - expected) / expected:E2}");
        }
    }

    [Fact]
    public void WaitingTime_HasAPointMassAtZero_OfOneMinusC()
    {
        var state = Steady(10_000, 0.001, 20); // the seed's message queue: C ≈ 0.0037

        Assert.Equal(1 - state.ProbabilityOfWaiting, state.WaitingTime.Cdf(0), 15);
        Assert.Equal(state.ProbabilityOfWaiting, state.WaitingTime.ComplementaryCdf(0), 15);
        Assert.Equal(0.0, state.WaitingTime.PercentileSeconds(0.99));
        Assert.True(state.WaitingTime.PercentileSeconds(0.999) > 0);
        Assert.Equal(0.0, state.WaitingTime.Cdf(-1));
        Assert.Equal(1.0, state.ResponseTime.ComplementaryCdf(-1));
        Assert.Equal((20 * 1000.0) - 10_000, state.WaitingTime.DecayRatePerSecond, 1e-9);
    }

    private static MMcSteadyState Steady(double lambda, double s, int servers) =>
        Assert.IsType<MMcSteadyState>(new MMcQueue(lambda, s, servers).Analyze());
}
