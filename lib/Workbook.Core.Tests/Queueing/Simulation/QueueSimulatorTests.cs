using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;
using static Workbook.Core.Tests.Queueing.Simulation.QueueingTheory;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>
/// The simulator against closed forms (<see cref="QueueingTheory"/>), within its own confidence
/// intervals widened by <see cref="SimulationAssert.HalfWidthFactor"/>. Run lengths are chosen so
/// that every interval is at most a few percent of its value, and the 50,000-customer warm-up is long
/// compared with the queue's relaxation time (about ρ / (1 − √ρ)² customers for one server: 380 at ρ = 0.9).
/// </summary>
public class QueueSimulatorTests
{
    private const double S = 2.0; // mean service time, any unit

    private static QueueSimulationOptions Options(int servers, int customers, int seed, bool keepSamples = false) =>
        new(servers: servers, customers: customers, warmUpCustomers: 50_000, batches: 30, seed: seed, keepSamples: keepSamples);

    private static void AssertSteadyState(QueueSimulationResult result, double wait, double probabilityOfWaiting, double rho, double lambda)
    {
        Assert.True(result.IsStable);
        SimulationAssert.WithinInterval(result.MeanWait, wait, "mean wait");
        SimulationAssert.WithinInterval(result.MeanResponseTime, wait + S, "mean response time");
        SimulationAssert.WithinInterval(result.ProbabilityOfWaiting, probabilityOfWaiting, "P(wait > 0)");
        SimulationAssert.WithinInterval(result.Utilisation, rho, "utilisation");
        SimulationAssert.WithinInterval(result.Throughput, lambda, "throughput");
    }

    [Theory]
    [InlineData(0.5, 11)]
    [InlineData(0.8, 12)]
    public void MM1_MatchesClosedForm(double rho, int seed)
    {
        var lambda = rho / S;
        var result = QueueSimulator.Run(new PoissonArrivals(lambda), new ExponentialService(S), Options(1, 2_000_000, seed));

        Assert.Equal(rho, result.OfferedUtilisation, 12);
        Assert.Equal(rho, result.OfferedLoadErlangs, 12); // one server: A = ρ
        AssertSteadyState(result, MM1Wait(rho, S), rho, rho, lambda);
    }

    [Theory]
    [InlineData(2, 0.8, 2_000_000, 21)]
    [InlineData(10, 0.9, 2_000_000, 22)]
    [InlineData(50, 0.95, 8_000_000, 23)] // few customers wait, so W_q needs a longer run: half-width ≈ 4 %
    public void MMc_MatchesErlangC(int c, double rho, int customers, int seed)
    {
        var lambda = c * rho / S;
        var result = QueueSimulator.Run(new PoissonArrivals(lambda), new ExponentialService(S), Options(c, customers, seed));

        AssertSteadyState(result, MMcWait(c, rho, S), ErlangC(c, c * rho), rho, lambda);
    }

    [Theory]
    [InlineData(0.5, 31)]
    [InlineData(0.9, 32)]
    public void MD1_MatchesPollaczekKhinchine(double rho, int seed)
    {
        var lambda = rho / S;
        var result = QueueSimulator.Run(new PoissonArrivals(lambda), new DeterministicService(S), Options(1, 2_000_000, seed));

        // In any M/G/1 queue an arrival waits exactly when the server is busy: P(wait) = ρ (PASTA).
        AssertSteadyState(result, MG1Wait(rho, S, serviceScv: 0), rho, rho, lambda);
    }

    [Fact]
    public void MD1_WaitsHalfAsLongAsMM1()
    {
        var mm1 = QueueSimulator.Run(new PoissonArrivals(0.35), new ExponentialService(S), Options(1, 1_000_000, 33));
        var md1 = QueueSimulator.Run(new PoissonArrivals(0.35), new DeterministicService(S), Options(1, 1_000_000, 33));

        SimulationAssert.Relative(md1.MeanWait.Mean / mm1.MeanWait.Mean, 0.5, 0.05, "M/D/1 wait / M/M/1 wait");
    }

    [Theory]
    [InlineData(0.6, 0.5, 41)]
    [InlineData(0.6, 2.0, 42)]
    public void MLognormal1_MatchesPollaczekKhinchine(double rho, double scv, int seed)
    {
        var lambda = rho / S;
        var result = QueueSimulator.Run(new PoissonArrivals(lambda), new LognormalService(S, scv), Options(1, 2_000_000, seed));

        AssertSteadyState(result, MG1Wait(rho, S, scv), rho, rho, lambda);
    }

    [Theory]
    [InlineData(0.7, 4.0, 51)]
    [InlineData(0.5, 10.0, 52)]
    public void H2M1_MatchesGM1(double rho, double scv, int seed)
    {
        var lambda = rho / S;
        var sigma = GM1Sigma(H2Transform(1 / lambda, scv), S);
        var result = QueueSimulator.Run(new HyperexponentialArrivals(lambda, scv), new ExponentialService(S), Options(1, 2_000_000, seed));

        AssertSteadyState(result, sigma * S / (1 - sigma), sigma, rho, lambda);
    }

    [Theory]
    [InlineData(0.8, 61)]
    [InlineData(0.95, 62)]
    public void DM1_MatchesGM1(double rho, int seed)
    {
        var lambda = rho / S;
        var sigma = GM1Sigma(DeterministicTransform(1 / lambda), S);
        var result = QueueSimulator.Run(new DeterministicArrivals(lambda), new ExponentialService(S), Options(1, 2_000_000, seed));

        AssertSteadyState(result, sigma * S / (1 - sigma), sigma, rho, lambda);
    }

    [Fact]
    public void Percentiles_MatchTheMM1Distributions()
    {
        // In M/M/1 the response time is exponential with rate μ − λ, and P(W_q > t) = ρ·e^(−(μ − λ)t),
        // so the p-quantile of the wait is ln(ρ / (1 − p)) / (μ − λ) when p > 1 − ρ, and 0 below that.
        // Tolerances are five standard deviations of the relative error, measured over 100 other seeds:
        // sd 0.4–0.8 % up to p99 and 1.9 % at p99.9 (a thousandth of 2·10⁶ correlated waits).
        const double rho = 0.7;
        double lambda = rho / S, decay = 1 / S - lambda;
        var result = QueueSimulator.Run(
            new PoissonArrivals(lambda), new ExponentialService(S), Options(1, 2_000_000, seed: 71, keepSamples: true));
        var waits = result.Waits!;
        var responses = result.ResponseTimes!;

        Assert.Equal(2_000_000, waits.Count);
        Assert.Equal(0.0, waits.Percentile(0.2)); // 1 − ρ = 30 % of customers find the server idle
        foreach (var (p, responseTolerance, waitTolerance) in new[]
                 { (0.5, 0.02, 0.04), (0.9, 0.025, 0.03), (0.95, 0.03, 0.035), (0.99, 0.04, 0.045), (0.999, 0.09, 0.10) })
        {
            SimulationAssert.Relative(responses.Percentile(p), -Math.Log(1 - p) / decay, responseTolerance, $"response p{p * 100}");
            SimulationAssert.Relative(waits.Percentile(p), Math.Log(rho / (1 - p)) / decay, waitTolerance, $"wait p{p * 100}");
        }

        SimulationAssert.Relative(waits.FractionAbove(0), rho, 0.01, "fraction of customers who waited");
        SimulationAssert.Relative(waits.FractionAbove(10), rho * Math.Exp(-decay * 10), 0.045, "P(wait > 10)");
        Assert.Equal(0.0, waits.Minimum);
        Assert.True(responses.Minimum > 0);
    }
}
