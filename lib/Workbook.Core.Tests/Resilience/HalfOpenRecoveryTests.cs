using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

public class HalfOpenRecoveryTests(ITestOutputHelper output)
{
    public static TheoryData<double, double, double, double, double> Scenarios => new()
    {
        // t0 (s), growth, cap (s), mean recovery μ (s), probe success q
        { 5, 1, 60, 60, 1 },
        { 5, 1, 60, 60, 0.7 },
        { 5, 2, 60, 120, 1 },
        { 1, 1.5, double.PositiveInfinity, 30, 0.8 },
        { 10, 3, 300, 20, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Expected_MatchesSimulation(double initialWait, double growth, double cap, double meanRecovery, double q)
    {
        var schedule = new ProbeSchedule(initialWaitSeconds: initialWait, growthFactor: growth, maximumWaitSeconds: cap);

        var expected = HalfOpenRecovery.Expected(schedule, meanRecovery, q);
        var (delay, probes) = HalfOpenRecovery.Simulate(schedule, meanRecovery, q, runs: 40_000, seed: 17);

        output.WriteLine($"delay: expected {expected.MeanDetectionDelaySeconds:F3}, simulated {delay.Mean:F3} ± {delay.StandardError:F3}; " +
                         $"probes while broken: expected {expected.MeanProbesWhileBroken:F3}, simulated {probes.Mean:F3} ± {probes.StandardError:F3}");
        Assert.True(Math.Abs(delay.Mean - expected.MeanDetectionDelaySeconds) < 4 * delay.StandardError, $"delay {delay.Mean} ± {delay.StandardError} vs {expected.MeanDetectionDelaySeconds}");
        Assert.True(Math.Abs(probes.Mean - expected.MeanProbesWhileBroken) < 4 * probes.StandardError, $"probes {probes.Mean} ± {probes.StandardError} vs {expected.MeanProbesWhileBroken}");
        Assert.Equal(expected.MeanCloseTimeSeconds - meanRecovery, expected.MeanDetectionDelaySeconds, 9);
        Assert.True(expected.MeanFailedProbesAfterRecovery >= -1e-12);
        if (q == 1)
        {
            Assert.Equal(0, expected.MeanFailedProbesAfterRecovery, 9);
        }
    }

    [Theory]
    [InlineData(5, 60, 1)]
    [InlineData(5, 60, 0.7)]
    [InlineData(30, 10, 0.9)]
    [InlineData(0.5, 600, 0.25)]
    public void FixedPeriod_GeneralSumEqualsTheRenewalClosedForm(double period, double meanRecovery, double q)
    {
        var schedule = new ProbeSchedule(initialWaitSeconds: period, maximumWaitSeconds: double.PositiveInfinity);

        var sum = HalfOpenRecovery.Expected(schedule, meanRecovery, q);
        var closedForm = HalfOpenRecovery.ExpectedForFixedPeriod(period, meanRecovery, q);

        double delay = closedForm.MeanDetectionDelaySeconds, probes = closedForm.MeanProbesWhileBroken;
        Assert.Equal(delay, sum.MeanDetectionDelaySeconds, 1e-9 * Math.Max(1, delay));
        Assert.Equal(probes, sum.MeanProbesWhileBroken, 1e-9 * Math.Max(1, probes));
        Assert.Equal(closedForm.MeanCloseTimeSeconds, sum.MeanCloseTimeSeconds, 1e-9 * closedForm.MeanCloseTimeSeconds);
        Assert.Equal(closedForm.MeanFailedProbesAfterRecovery, sum.MeanFailedProbesAfterRecovery, 1e-9 * Math.Max(1, closedForm.MeanFailedProbesAfterRecovery));
    }

    [Fact]
    public void LongOutages_TendToTheRenewalLimit_HalfAPeriodPlusFailedProbes()
    {
        // μ ≫ c: the recovery instant is uniform within its period, so E[delay] → c(1/q − 1/2), E[wasted] → μ/c − 1/2.
        var longOutage = HalfOpenRecovery.ExpectedForFixedPeriod(5, 1e6, 0.5);

        Assert.Equal(7.5, longOutage.MeanDetectionDelaySeconds, 1e-3);
        Assert.Equal((1e6 / 5) - 0.5, longOutage.MeanProbesWhileBroken, 1e-3);
        Assert.Equal(1, longOutage.MeanFailedProbesAfterRecovery, 12); // geometric: (1 − q)/q failures before the first success
    }

    [Fact]
    public void TradeOff_GrowingWaitsSendFewerProbesToABrokenService_ButDetectRecoveryLater()
    {
        var results = HalfOpenRecovery.TradeOff(new ProbeSchedule(maximumWaitSeconds: 600), [1, 1.5, 2, 3], meanRecoverySeconds: 300, probeSuccessProbability: 1);

        foreach (var (g, e) in results)
        {
            output.WriteLine($"g={g}: delay {e.MeanDetectionDelaySeconds:F1} s, probes while broken {e.MeanProbesWhileBroken:F2}");
        }

        for (int i = 1; i < results.Count; i++)
        {
            Assert.True(results[i].Expectation.MeanProbesWhileBroken < results[i - 1].Expectation.MeanProbesWhileBroken);
            Assert.True(results[i].Expectation.MeanDetectionDelaySeconds > results[i - 1].Expectation.MeanDetectionDelaySeconds);
        }
    }

    [Fact]
    public void ProbeSchedule_GrowsGeometrically_UpToTheCap()
    {
        var schedule = new ProbeSchedule(initialWaitSeconds: 2, growthFactor: 3, maximumWaitSeconds: 50);

        Assert.Equal([2.0, 6.0, 18.0, 50.0, 50.0], Enumerable.Range(1, 5).Select(schedule.WaitBefore));
        Assert.Equal([2.0, 8.0, 26.0, 76.0, 126.0], schedule.ProbeTimes(5));
        Assert.Equal(5.0, new ProbeSchedule().WaitBefore(10));
    }

    public static TheoryData<string, Action, string> BadInputs => new()
    {
        { "initialWaitSeconds", () => _ = new ProbeSchedule(initialWaitSeconds: 0), "initialWaitSeconds must be a finite number > 0; got 0." },
        { "growthFactor", () => _ = new ProbeSchedule(growthFactor: 0.5), "growthFactor must be a finite number >= 1; got 0.5." },
        { "growthFactor", () => _ = new ProbeSchedule().WithGrowthFactor(double.NaN), "growthFactor must be a finite number >= 1; got NaN." },
        { "maximumWaitSeconds", () => _ = new ProbeSchedule(maximumWaitSeconds: double.NaN), "maximumWaitSeconds must be a finite number > 0 or PositiveInfinity (no cap); got NaN." },
        {
            "initialWaitSeconds",
            () => _ = new ProbeSchedule(initialWaitSeconds: 100, maximumWaitSeconds: 60),
            "initialWaitSeconds must be a finite number in (0, 60] (at most maximumWaitSeconds, the cap on every wait); got 100."
        },
        { "meanRecoverySeconds", () => HalfOpenRecovery.Expected(new ProbeSchedule(), -1, 1), "meanRecoverySeconds must be a finite number > 0; got -1." },
        { "probeSuccessProbability", () => HalfOpenRecovery.Expected(new ProbeSchedule(), 10, 0), "probeSuccessProbability must be a finite number in (0, 1]; got 0." },
        { "runs", () => HalfOpenRecovery.Simulate(new ProbeSchedule(), 10, 1, 0, 1), "runs must be an integer >= 2; got 0." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsRejected_NamingTheParameterAndTheRange(string parameter, Action call, string message)
    {
        BadInput.Rejects(call, parameter, message);
    }
}
