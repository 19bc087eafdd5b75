using Workbook.Core.Queueing;
using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;
using Workbook.Core.Tests.Queueing.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class MDcWaitingTimeBoundTests
{
    [Theory]
    // γ = c·r with A(eʳ − 1) = c·r, solved by bisection in Python's decimal module at 60 digits.
    [InlineData(50_000.0, 0.020, 1003, 6.005994008386821)]
    [InlineData(50_000.0, 0.020, 1002, 4.002664890546412)]
    [InlineData(50_000.0, 0.020, 1001, 2.000666444548094)]
    [InlineData(9.0, 1.0, 10, 2.0714650294424996)]
    public void DecayExponent_MatchesAHighPrecisionSolution(double lambda, double d, int servers, double expected)
    {
        var bound = new MDcWaitingTimeBound(lambda, d, servers);

        Assert.Equal(expected, bound.DecayExponent, expected * 1e-12);
        Assert.Equal(expected / d, bound.DecayRatePerSecond, expected / d * 1e-12);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(90.0, 100)]
    [InlineData(1e-6, 3)]
    [InlineData(99_999.0, 100_000)]
    public void DecayExponent_SolvesTheLundbergEquation(double load, int servers)
    {
        var r = new MDcWaitingTimeBound(load, 1, servers).DecayExponent / servers;

        // A(eʳ − 1) = c·r, checked directly (the library solves a rearranged, cancellation-free form).
        Assert.Equal(servers * r, load * (Math.Exp(r) - 1), servers * r * 1e-9);
    }

    [Fact]
    public void InHeavyTraffic_TheDecayIsTwiceTheMMcRate()
    {
        // M/M/c decays at (c − A) per service time; constant service halves the variability, doubling it.
        var bound = new MDcWaitingTimeBound(50_000, 0.020, 1003);

        Assert.InRange(bound.DecayExponent / 3, 2.0, 2.01);
    }

    [Theory]
    // The bound drops the prefactor of the true tail (about P(wait) = ρ for one server), so it is
    // tighter in heavy traffic, where the bound matters.
    [InlineData(0.5, 2.0)]
    [InlineData(0.9, 1.2)]
    public void ForOneServer_TheBoundIsAboveErlangsExactMD1Tail_AndClose(double rho, double factor)
    {
        var bound = new MDcWaitingTimeBound(rho, 1, 1);
        foreach (var t in new[] { 0.5, 1.0, 2.0, 4.0, 8.0 })
        {
            var exact = 1 - ErlangMD1WaitCdf(rho, t);
            var upper = bound.TailBound(t);

            Assert.True(upper >= exact, $"ρ = {rho}, t = {t}: bound {upper:G6} < exact {exact:G6}");
            Assert.True(upper <= factor * exact, $"ρ = {rho}, t = {t}: bound {upper:G6} is far above exact {exact:G6}");
        }
    }

    [Theory]
    [InlineData(10, 0.9, 31)]
    [InlineData(10, 0.95, 32)]
    [InlineData(50, 0.9, 33)]
    public void ManyServers_TheBoundIsAboveTheSimulatedTail_AndNotVacuous(int servers, double rho, int seed)
    {
        var lambda = rho * servers;
        var result = QueueSimulator.Run(new PoissonArrivals(lambda), new DeterministicService(1),
            new QueueSimulationOptions(servers: servers, customers: 4_000_000, warmUpCustomers: 100_000, batches: 20, seed: seed),
            new WaitTailRequest(0.99, 5, 200));
        var bound = new MDcWaitingTimeBound(lambda, 1, servers);

        foreach (var t in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            // Where the bound is below 10⁻³ the run sees too few such waits to test how close it is.
            var simulated = result.WaitTail!.FractionAbove(t);
            var allowed = SimulationAssert.HalfWidthFactor * simulated.HalfWidth;
            Assert.True(simulated.Mean - allowed <= bound.TailBound(t), $"t = {t}: simulated {simulated} above the bound {bound.TailBound(t):G4}");
            Assert.True(bound.TailBound(t) < 1e-3 || simulated.Mean >= bound.TailBound(t) / 3, $"t = {t}: simulated {simulated}, bound {bound.TailBound(t):G4}: not within a factor 3");
        }
    }

    [Fact]
    public void PercentileBound_IsWhereTheTailBoundReachesOneMinusP()
    {
        var bound = new MDcWaitingTimeBound(50_000, 0.020, 1003);
        var p99 = bound.PercentileBoundSeconds(0.99);

        Assert.Equal(0.020 * Math.Log(100) / 6.005994008386821, p99, 1e-15);
        Assert.Equal(0.01, bound.TailBound(p99), 1e-14);
        Assert.Equal(1.0, bound.TailBound(0));
        Assert.Equal(1.0, bound.TailBound(-1));
    }

    [Theory]
    [InlineData(10.0, 1.0, 10, "arrivalRatePerSecond")]
    [InlineData(-1.0, 1.0, 10, "arrivalRatePerSecond")]
    [InlineData(1.0, 0.0, 10, "serviceTimeSeconds")]
    [InlineData(1.0, 1.0, 0, "servers")]
    public void Constructor_RejectsBadOrUnstableInput(double lambda, double d, int servers, string param)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MDcWaitingTimeBound(lambda, d, servers));

        Assert.Equal(param, error.ParamName);
    }

    [Fact]
    public void Constructor_ExplainsInstability()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MDcWaitingTimeBound(50_000, 0.020, 1000));

        Assert.StartsWith(
            "arrivalRatePerSecond must be a rate with λD below servers = 1000 (λ < 50000/s), so that the queue is stable; got 50000, an offered load of 1000 erlangs.",
            error.Message,
            StringComparison.Ordinal);
    }

    /// <summary>
    /// Erlang's (1909) waiting-time distribution of M/D/1 with D = 1:
    /// P(W ≤ x) = (1 − ρ) Σₖ₌₀..⌊x⌋ (ρ(k − x))ᵏ/k! · e^−ρ(k − x). An alternating sum, fine for x ≤ 8.
    /// </summary>
    private static double ErlangMD1WaitCdf(double rho, double x)
    {
        double sum = 0;
        for (var k = 0; k <= (int)Math.Floor(x); k++)
        {
            var y = rho * (k - x);
            double term = Math.Exp(-y);
            for (var i = 1; i <= k; i++)
            {
                term *= y / i;
            }

            sum += term;
        }

        return (1 - rho) * sum;
    }
}
