using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class MMcQueueTests
{
    private const double Tolerance = 1e-10;

    [Theory]
    [MemberData(nameof(OracleGrid.RepresentablePoints), MemberType = typeof(OracleGrid))]
    public void SteadyState_MatchesTheHighPrecisionOracle(int servers, double utilisation)
    {
        var lambda = OracleGrid.ArrivalRate(servers, utilisation);
        var oracle = new MMcOracle(lambda, OracleGrid.ServiceTimeSeconds, servers);

        var state = Assert.IsType<MMcSteadyState>(new MMcQueue(lambda, OracleGrid.ServiceTimeSeconds, servers).Analyze());

        AssertClose(state.ProbabilityOfWaiting, oracle.ProbabilityOfWaiting, "P(wait)");
        AssertClose(state.MeanWaitSeconds, oracle.MeanWait, "Wq");
        AssertClose(state.MeanResponseTimeSeconds, oracle.MeanResponse, "W");
        AssertClose(state.MeanQueueLength, oracle.MeanWait * lambda, "Lq");
        AssertClose(state.MeanNumberInSystem, oracle.MeanResponse * lambda, "L");
        AssertClose(state.WaitingTime.MeanSeconds, oracle.MeanWait, "E[Wq] of the distribution");
        AssertClose(state.ResponseTime.MeanSeconds, oracle.MeanResponse, "E[T] of the distribution");
    }

    [Fact]
    public void SingleServer_AgreesWithTheMM1ClosedForms()
    {
        foreach (var rho in new[] { 0.1, 0.5, 0.7, 0.9, 0.99 })
        {
            const double s = 1.2e-6;
            var state = (MMcSteadyState)MMcQueue.SingleServer(rho / s, s).Analyze();

            Assert.Equal(MM1.MeanWaitInQueue(s, rho), state.MeanWaitSeconds, s * 1e-12);
            Assert.Equal(MM1.MeanResponseTime(s, rho), state.MeanResponseTimeSeconds, s * 1e-12);
            Assert.Equal(rho, state.ProbabilityOfWaiting, 14);
        }
    }

    [Fact]
    public void LittlesLaw_HoldsBetweenTheReportedMeans()
    {
        var state = (MMcSteadyState)new MMcQueue(830, 0.011, 10).Analyze();

        Assert.Equal(state.MeanQueueLength, LittlesLaw.MeanQueueLength(830, state.MeanWaitSeconds), 14);
        Assert.Equal(state.MeanNumberInSystem, state.MeanQueueLength + state.OfferedLoadErlangs, 12);
    }

    [Theory]
    [InlineData(1000, 0.1, 10, 101)]   // the seed's web server: A = 100 erlangs, ρ = 10
    [InlineData(1000, 0.1, 100, 101)]  // ρ = 1 exactly: still no steady state
    [InlineData(500, 0.02, 5, 11)]     // the seed's database: A = 10, ρ = 2
    [InlineData(10, 0.1, 1, 2)]        // M/M/1 at ρ = 1
    [InlineData(7.5, 1.0, 3, 8)]       // A = 7.5: ⌊7.5⌋ + 1 = 8
    public void Overloaded_ReportsNoSteadyStateAndTheMinimumServers(double lambda, double s, int servers, int minimum)
    {
        var analysis = new MMcQueue(lambda, s, servers).Analyze();

        var overloaded = Assert.IsType<MMcOverloaded>(analysis);
        Assert.False(overloaded.IsStable);
        Assert.Equal(minimum, overloaded.MinimumServersForStability);
        Assert.True(overloaded.Utilisation >= 1);
        Assert.True(overloaded.BacklogGrowthPerSecond >= 0);
        Assert.Contains($"At least {minimum:N0} servers are needed", overloaded.Reason, StringComparison.Ordinal);
        Assert.IsType<MMcSteadyState>(new MMcQueue(lambda, s, minimum).Analyze());
    }

    [Fact]
    public void Reason_IsOnTheBase_ForBothKinds()
    {
        // M/M/1 at ρ = 0.5, S = 1 s: C = ρ = 0.5, W_q = ρS/(1 − ρ) = 1 s, W = W_q + S = 2 s (by hand).
        MMcAnalysis stable = MMcQueue.SingleServer(0.5, 1).Analyze();
        MMcAnalysis overloaded = MMcQueue.SingleServer(2, 1).Analyze();

        Assert.True(stable.IsStable);
        Assert.Equal("Stable: utilisation ρ = 0.5 < 1; an arrival waits with probability 0.5, 1 s on average, and spends 2 s in the system.", stable.Reason);
        Assert.False(overloaded.IsStable);
        Assert.StartsWith("The offered load is A = λS = 2/s × 1 s = 2 erlangs", overloaded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloaded_AtExactlyOne_SaysTheQueueDriftsWithoutBound()
    {
        var overloaded = (MMcOverloaded)new MMcQueue(1000, 0.1, 100).Analyze();

        Assert.Equal(0.0, overloaded.BacklogGrowthPerSecond);
        Assert.Contains("ρ = 1 exactly", overloaded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Overloaded_WebServer_ExplainsTheGrowthOfTheBacklog()
    {
        var overloaded = (MMcOverloaded)SeedScenarios.WebServer.ToQueue().Analyze();

        Assert.Equal(10.0, overloaded.Utilisation);
        Assert.Equal(900.0, overloaded.BacklogGrowthPerSecond, 9);
        Assert.Equal(
            "The offered load is A = λS = 1000/s × 100 ms = 100 erlangs, and 10 servers can carry at most 10: "
            + "utilisation ρ = 10 > 1, so the backlog grows by about 900 requests per second and there is no "
            + "steady state. At least 101 servers are needed for ρ < 1 (⌊A⌋ + 1), and more to keep waits short.",
            overloaded.Reason);
    }

    [Fact]
    public void NoResult_IsEverNaNInfiniteOrNegative_OverASeededGrid()
    {
        var random = new Xoshiro256StarStar(20240611);
        var percentiles = new[] { 0.01, 0.5, 0.9, 0.99, 0.999, 0.999999 };
        for (var i = 0; i < 2000; i++)
        {
            var servers = random.Next(4) switch
            {
                0 => 1 + random.Next(3),
                1 => 1 + random.Next(50),
                2 => 1 + random.Next(2000),
                _ => 1 + random.Next(200_000),
            };
            var rho = random.Next(5) switch
            {
                0 => random.NextDouble() * 2,           // overloaded about half the time
                1 => 1 - Math.Pow(10, -1 - (6 * random.NextDouble())),
                2 => 1.0,
                3 => (servers - 1.0) / servers,         // the degenerate θ = μ case
                _ => random.NextDouble(),
            };
            var s = Math.Pow(10, -9 + (12 * random.NextDouble()));
            var lambda = Math.Max(rho, 1e-9) * servers / s;

            var analysis = new MMcQueue(lambda, s, servers).Analyze();

            AssertFiniteNonNegative(analysis.Utilisation);
            AssertFiniteNonNegative(analysis.OfferedLoadErlangs);
            Assert.True(analysis.MinimumServersForStability >= 1);
            if (analysis is MMcSteadyState state)
            {
                Assert.True(state.Utilisation < 1);
                AssertProbability(state.ProbabilityOfWaiting);
                AssertFiniteNonNegative(state.MeanWaitSeconds);
                AssertFiniteNonNegative(state.MeanQueueLength);
                Assert.True(state.MeanResponseTimeSeconds >= s);
                Assert.True(state.MeanNumberInSystem >= state.MeanQueueLength);
                foreach (var p in percentiles)
                {
                    var wait = state.WaitingTime.PercentileSeconds(p);
                    var response = state.ResponseTime.PercentileSeconds(p);
                    AssertFiniteNonNegative(wait);
                    AssertFiniteNonNegative(response);
                    Assert.True(response >= wait);
                    AssertProbability(state.ResponseTime.Cdf(response));
                    AssertProbability(state.ResponseTime.ComplementaryCdf(response));
                    AssertProbability(state.WaitingTime.Cdf(wait));
                }
            }
            else
            {
                var overloaded = Assert.IsType<MMcOverloaded>(analysis);
                Assert.True(overloaded.Utilisation >= 1);
                AssertFiniteNonNegative(overloaded.BacklogGrowthPerSecond);
                Assert.DoesNotContain("NaN", overloaded.Reason, StringComparison.Ordinal);
                Assert.DoesNotContain("∞", overloaded.Reason, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(0.0, 0.1, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got 0.")]
    [InlineData(-5.0, 0.1, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got -5.")]
    [InlineData(double.NaN, 0.1, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got NaN.")]
    [InlineData(double.PositiveInfinity, 0.1, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got Infinity.")]
    [InlineData(double.NegativeInfinity, 0.1, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got -Infinity.")]
    [InlineData(10.0, 0.0, 1, "meanServiceTimeSeconds", "meanServiceTimeSeconds must be a finite number in [1E-15, 1000000000000000]; got 0.")]
    [InlineData(10.0, -0.1, 1, "meanServiceTimeSeconds", "meanServiceTimeSeconds must be a finite number in [1E-15, 1000000000000000]; got -0.1.")]
    [InlineData(10.0, double.NaN, 1, "meanServiceTimeSeconds", "meanServiceTimeSeconds must be a finite number in [1E-15, 1000000000000000]; got NaN.")]
    [InlineData(10.0, double.PositiveInfinity, 1, "meanServiceTimeSeconds", "meanServiceTimeSeconds must be a finite number in [1E-15, 1000000000000000]; got Infinity.")]
    [InlineData(10.0, 0.1, 0, "servers", "servers must be an integer >= 1; got 0.")]
    [InlineData(10.0, 0.1, -3, "servers", "servers must be an integer >= 1; got -3.")]
    [InlineData(1e12, 0.01, 1, "arrivalRatePerSecond", "arrivalRatePerSecond must be a rate whose offered load λ × S is at most 1000000000 erlangs")]
    public void Constructor_RejectsBadInput_NamingTheParameterAndRange(double lambda, double s, int servers, string param, string message)
    {
        BadInput.Rejects(() => new MMcQueue(lambda, s, servers), param, message);
    }

    [Fact]
    public void Properties_DescribeTheQueue()
    {
        var queue = new MMcQueue(50_000, 0.02, 1200);

        Assert.Equal(50.0, queue.ServiceRatePerSecond, 12);
        Assert.Equal(1000.0, queue.OfferedLoadErlangs, 9);
        Assert.Equal(1000.0 / 1200, queue.Utilisation, 12);
        Assert.True(queue.IsStable);
        Assert.Equal(1001, queue.MinimumServersForStability);
        Assert.Equal(3, queue.WithServers(3).Servers);
        Assert.Equal(new MMcQueue(50_000, 0.02, 1200), queue);
    }

    private static void AssertClose(double actual, BigFloat expected, string what)
    {
        var error = MMcOracle.RelativeError(actual, expected);
        Assert.True(error <= Tolerance, $"{what}: {actual:R} vs {expected}, relative error {error:E2}");
    }

    private static void AssertFiniteNonNegative(double value) =>
        Assert.True(double.IsFinite(value) && value >= 0, $"expected a finite number >= 0, got {value}");

    private static void AssertProbability(double value) =>
        Assert.True(value is >= 0 and <= 1, $"expected a probability, got {value}");
}
