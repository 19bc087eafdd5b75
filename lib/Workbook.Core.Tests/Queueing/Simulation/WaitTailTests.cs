using Workbook.Core.Queueing;
using Workbook.Core.Queueing.Simulation;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing.Simulation;

/// <summary>Exceedance fractions and percentiles of the wait, with intervals, against exact M/M/c tails.</summary>
public class WaitTailTests
{
    [Fact]
    public void MM1_FractionsAbove_MatchTheExactTail()
    {
        // M/M/1, ρ = 0.8, S = 1: P(W > t) = ρ·e^−(1 − ρ)t.
        var result = QueueSimulator.Run(new PoissonArrivals(0.8), new ExponentialService(1),
            new QueueSimulationOptions(servers: 1, customers: 4_000_000, warmUpCustomers: 50_000, seed: 41),
            new WaitTailRequest(0.99, 40, 400));

        foreach (var t in new[] { 0.0, 1.0, 5.0, 10.0, 20.0 })
        {
            SimulationAssert.WithinInterval(result.WaitTail!.FractionAbove(t), 0.8 * Math.Exp(-0.2 * t), $"P(W > {t})");
        }
    }

    [Theory]
    [InlineData(1, 0.8, 0.99, 42)]   // p99 = ln(0.8/0.01)/0.2 = 21.9
    [InlineData(10, 0.9, 0.99, 43)]
    [InlineData(10, 0.9, 0.9, 44)]
    public void Percentile_IntervalContainsTheExactPercentile(int servers, double rho, double percentile, int seed)
    {
        var exact = ((MMcSteadyState)new MMcQueue(rho * servers, 1, servers).Analyze()).WaitingTime.PercentileSeconds(percentile);
        var result = QueueSimulator.Run(new PoissonArrivals(rho * servers), new ExponentialService(1),
            new QueueSimulationOptions(servers: servers, customers: 4_000_000, warmUpCustomers: 50_000, seed: seed),
            new WaitTailRequest(percentile, 40, 4000));
        var interval = result.WaitTail!.Percentile;

        // The inverted interval is conservative by up to one grid step at each end; widen by a third of
        // its width more, as SimulationAssert widens the symmetric intervals.
        var slack = (interval.Upper - interval.Lower) / 3;
        Assert.True(exact >= interval.Lower - slack && exact <= interval.Upper + slack, $"exact {exact:G6} outside {interval}");
        Assert.True(interval.Upper - interval.Lower < 0.2 * exact, $"{interval} is too wide to test anything");
        Assert.True(interval.HasEstimate && interval.IsUpperBounded, interval.Reason);
        Assert.Equal(exact, interval.Estimate.Value, 0.05 * exact);
    }

    [Fact]
    public void MM1_P99_MatchesTheClosedForm()
    {
        // An independent value: for M/M/1 the p-th wait percentile is ln(ρ/(1 − p))/(μ − λ).
        var exact = Math.Log(0.8 / 0.01) / 0.2;
        var result = QueueSimulator.Run(new PoissonArrivals(0.8), new ExponentialService(1),
            new QueueSimulationOptions(servers: 1, customers: 4_000_000, warmUpCustomers: 50_000, seed: 42),
            new WaitTailRequest(0.99, 40, 4000));

        Assert.Equal(exact, result.WaitTail!.Percentile.Estimate!.Value, 0.05 * exact);
    }

    [Fact]
    public void Percentile_IsZero_WhenMostCustomersDoNotWait()
    {
        // M/M/10 at ρ = 0.5: only C = 3.6 % wait, so the median wait is 0.
        var result = QueueSimulator.Run(new PoissonArrivals(5), new ExponentialService(1),
            new QueueSimulationOptions(servers: 10, customers: 500_000, warmUpCustomers: 10_000, seed: 45),
            new WaitTailRequest(0.5, 10, 100));

        Assert.Equal(0.0, result.WaitTail!.Percentile.Estimate);
        Assert.Equal(0.0, result.WaitTail.Percentile.Lower);
    }

    [Fact]
    public void Percentile_HasNoEstimateAndNoUpperEnd_WhenTheGridIsTooShort()
    {
        var result = QueueSimulator.Run(new PoissonArrivals(0.8), new ExponentialService(1),
            new QueueSimulationOptions(servers: 1, customers: 200_000, warmUpCustomers: 10_000, seed: 46),
            new WaitTailRequest(0.99, 5, 50));
        var interval = result.WaitTail!.Percentile;

        // The exact p99 is ln(0.8/0.01)/0.2 = 21.9, far beyond the grid's last point, 5.
        Assert.False(interval.HasEstimate);
        Assert.Null(interval.Estimate);
        Assert.False(interval.IsUpperBounded);
        Assert.Equal(double.PositiveInfinity, interval.Upper);
        Assert.Contains("beyond the last grid point", interval.Reason, StringComparison.Ordinal);
        Assert.StartsWith("none [", interval.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Request_DoesNotChangeTheRun_AndIsReproducible()
    {
        var options = new QueueSimulationOptions(servers: 3, customers: 100_000, warmUpCustomers: 1000, seed: 47);
        var plain = QueueSimulator.Run(new PoissonArrivals(2.5), new ExponentialService(1), options);
        var first = QueueSimulator.Run(new PoissonArrivals(2.5), new ExponentialService(1), options, new WaitTailRequest(0.99, 20, 200));
        var second = QueueSimulator.Run(new PoissonArrivals(2.5), new ExponentialService(1), options, new WaitTailRequest(0.99, 20, 200));

        Assert.Null(plain.WaitTail);
        Assert.False(plain.HasWaitTail);
        Assert.True(first.HasWaitTail);
        Assert.Equal(plain.MeanWait, first.MeanWait);
        Assert.Equal(first.WaitTail!.Percentile, second.WaitTail!.Percentile);
        Assert.Equal(first.ProbabilityOfWaiting.Mean, first.WaitTail.FractionAbove(0).Mean, 15);
    }

    [Theory]
    [InlineData(0.0, 1.0, 10, "percentile", "(0, 1)")]
    [InlineData(1.0, 1.0, 10, "percentile", "(0, 1)")]
    [InlineData(99.0, 1.0, 10, "percentile", "(0, 1)")]
    [InlineData(double.NaN, 1.0, 10, "percentile", "(0, 1)")]
    [InlineData(0.99, 0.0, 10, "maxWaitSeconds", "> 0")]
    [InlineData(0.99, double.PositiveInfinity, 10, "maxWaitSeconds", "> 0")]
    [InlineData(0.99, 1.0, 0, "gridIntervals", "[1, 10000]")]
    [InlineData(0.99, 1.0, 10_001, "gridIntervals", "[1, 10000]")]
    public void Request_RejectsBadInput_NamingTheParameterAndRange(double percentile, double max, int intervals, string param, string range)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WaitTailRequest(percentile, max, intervals));

        Assert.Equal(param, error.ParamName);
        Assert.Contains(range, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FractionAbove_AcceptsOnlyGridPoints()
    {
        var result = QueueSimulator.Run(new PoissonArrivals(0.5), new ExponentialService(1),
            new QueueSimulationOptions(servers: 1, customers: 10_000, warmUpCustomers: 0, seed: 48),
            new WaitTailRequest(0.99, 0.060, 600));

        _ = result.WaitTail!.FractionAbove(0.030); // 300 steps of 0.1 ms, despite rounding in 0.06 / 600
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => result.WaitTail.FractionAbove(0.03005));
        Assert.Equal("timeSeconds", error.ParamName);
        Assert.Equal("timeSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => result.WaitTail.FractionAbove(0.07)).ParamName);
    }
}
