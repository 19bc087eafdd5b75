using Workbook.Core.Queueing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class MM1Tests
{
    /// <summary>
    /// A discrete-event simulation of a single FIFO server with Poisson arrivals and exponential
    /// service, by Lindley's recursion W(n+1) = max(0, W(n) + S(n) − A(n+1)), where W is the wait in
    /// queue, S the service time and A the time between arrivals.
    /// </summary>
    private static (double MeanWait, double MeanResponse) Simulate(double meanServiceTime, double utilisation, int customers, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        double meanInterarrival = meanServiceTime / utilisation;
        const int warmUp = 10_000; // the queue starts empty; drop the transient before averaging

        double wait = 0, waitSum = 0, responseSum = 0;
        for (int n = 0; n < warmUp + customers; n++)
        {
            double service = random.NextExponential(meanServiceTime);
            if (n >= warmUp)
            {
                waitSum += wait;
                responseSum += wait + service;
            }

            wait = Math.Max(0.0, wait + service - random.NextExponential(meanInterarrival));
        }

        return (waitSum / customers, responseSum / customers);
    }

    // Tolerances: the asymptotic variance of the M/M/1 sample-mean wait is about
    // ρ(2 + 5ρ − 4ρ² + ρ³) / (1 − ρ)⁴ × S² per customer, so with 10⁶ customers the standard error is
    // about 0.5 % of the mean at ρ = 0.5 and about 1.1 % at ρ = 0.8. 3 % and 5 % are over four
    // standard errors.
    [Theory]
    [InlineData(0.5, 0.03, 1)]
    [InlineData(0.8, 0.05, 2)]
    public void MeanWaitInQueue_MatchesADiscreteEventSimulation(double utilisation, double relativeTolerance, int seed)
    {
        const double serviceTime = 1.2; // µs, a 1500-byte packet at 10 Gb/s

        var (simulatedWait, simulatedResponse) = Simulate(serviceTime, utilisation, 1_000_000, seed);

        double wait = MM1.MeanWaitInQueue(serviceTime, utilisation);
        double response = MM1.MeanResponseTime(serviceTime, utilisation);
        Assert.True(Math.Abs(simulatedWait - wait) <= relativeTolerance * wait, $"simulated {simulatedWait}, formula {wait}");
        Assert.True(Math.Abs(simulatedResponse - response) <= relativeTolerance * response, $"simulated {simulatedResponse}, formula {response}");
    }

    // The library's own simulation (the one episode 1 shows) against the closed form, with the same
    // tolerances: 900,000 customers are counted after its 10 % warm-up, so the standard errors above grow
    // by about 5 % and the bands stay over four standard errors wide.
    [Theory]
    [InlineData(0.5, 0.03, 11)]
    [InlineData(0.8, 0.05, 12)]
    public void LindleySimulation_MatchesTheClosedForm(double utilisation, double relativeTolerance, int seed)
    {
        double simulated = MM1Simulation.MeanWaitInQueue(1.2, utilisation, customers: 1_000_000, seed: seed);
        double wait = MM1.MeanWaitInQueue(1.2, utilisation);
        Assert.True(Math.Abs(simulated - wait) <= relativeTolerance * wait, $"simulated {simulated}, formula {wait}");
        Assert.Equal(simulated, MM1Simulation.MeanWaitInQueue(1.2, utilisation, customers: 1_000_000, seed: seed));
    }

    [Fact]
    public void LindleySimulation_RejectsTooFewCustomers_NamingTheParameter()
    {
        BadInput.Rejects(() => MM1Simulation.MeanWaitInQueue(1.2, 0.5, customers: 999, seed: 1), "customers", "customers must be at least 1000; got 999.");
    }

    [Fact]
    public void MeanWaitInQueue_At70PercentOf1Point2Microseconds_Is2Point8Microseconds()
    {
        // 0.7 / 0.3 × 1.2 = 2.8 exactly in real arithmetic.
        Assert.Equal(2.8, MM1.MeanWaitInQueue(1.2, 0.7), 12);
    }

    [Fact]
    public void ResponseTime_IsWaitPlusService()
    {
        foreach (double rho in new[] { 0.0, 0.1, 0.5, 0.9, 0.99 })
        {
            Assert.Equal(MM1.MeanWaitInQueue(3.0, rho) + 3.0, MM1.MeanResponseTime(3.0, rho), 9);
        }
    }

    [Fact]
    public void IdleServer_HasNoWait()
    {
        Assert.Equal(0.0, MM1.MeanWaitInQueue(5.0, 0.0));
        Assert.Equal(5.0, MM1.MeanResponseTime(5.0, 0.0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Utilisation_OutsideZeroToOne_IsRejected(double utilisation)
    {
        var wait = Assert.Throws<ArgumentOutOfRangeException>(() => MM1.MeanWaitInQueue(1.0, utilisation));
        var response = Assert.Throws<ArgumentOutOfRangeException>(() => MM1.MeanResponseTime(1.0, utilisation));

        Assert.Equal("utilisation", wait.ParamName);
        Assert.Equal("utilisation", response.ParamName);
        Assert.Contains("utilisation must be a finite number in [0, 1)", wait.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ServiceTime_MustBePositiveAndFinite(double serviceTime)
    {
        BadInput.Rejects(() => MM1.MeanWaitInQueue(serviceTime, 0.5), "meanServiceTime", "meanServiceTime must be a finite number > 0");
    }
}
