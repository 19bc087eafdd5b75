using Workbook.Core.Episodes.Ep19Queueing.Errata;
using Workbook.Core.Queueing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

public class CapacityPlannerTests
{
    [Fact]
    public void MatchesBruteForce_OverSeededRandomCases()
    {
        var random = new Xoshiro256StarStar(7);
        var infeasible = 0;
        for (var i = 0; i < 150; i++)
        {
            var s = Math.Pow(10, -4 + (4 * random.NextDouble()));
            var load = Math.Pow(10, -2 + (5 * random.NextDouble()));   // 0.01 to 1000 erlangs
            var lambda = load / s;
            var c0 = new MMcQueue(lambda, s, 1).MinimumServersForStability;
            var target = RandomTarget(ref random, lambda, s, c0);

            var plan = CapacityPlanner.MinimumServers(lambda, s, target);
            if (!plan.IsFeasible)
            {
                // A nudge below 1 can push a response-time target under the service time's own value.
                Assert.True(target.Limit <= plan.BestPossibleValue, $"{target} at λ = {lambda}, S = {s}: {plan.Reason}");
                infeasible++;
                continue;
            }

            var bruteForce = BruteForce(lambda, s, target, c0);
            Assert.Equal(bruteForce, plan.Servers);
            Assert.True(Measure(target, Steady(lambda, s, bruteForce)) <= target.Limit);
            Assert.Equal(Measure(target, Steady(lambda, s, bruteForce)), plan.AchievedValue);
        }

        Assert.True(infeasible < 30, $"{infeasible} of 150 random targets were infeasible; the test should mostly exercise the search");
    }

    [Fact]
    public void SeedChallenge_P99ResponseOf50Ms_IsInfeasible_BecauseServiceAloneHasP99Of92Ms()
    {
        var plan = CapacityPlanner.MinimumServers(
            SeedScenarios.ChallengeArrivalRatePerSecond,
            SeedScenarios.ChallengeMeanServiceTimeSeconds,
            CapacityTarget.ResponseTimePercentileAtMost(0.99, SeedScenarios.ChallengeP99ResponseTimeSeconds));

        Assert.False(plan.IsFeasible);
        Assert.Null(plan.Servers);
        Assert.Null(plan.AchievedValue);
        Assert.Null(plan.SteadyState);
        Assert.Equal(0.02 * Math.Log(100), plan.BestPossibleValue, 15);
        Assert.Equal(1001, plan.MinimumServersForStability);
        Assert.Equal(
            "No number of servers can meet p99 response time ≤ 50 ms. Servers remove waiting, not service: every "
            + "request still spends its own service time, and an exponential service time with mean 20 ms has p99 = "
            + "20 ms × ln(1/(1 − 0.99)) = 92.1 ms by itself. With more servers the p99 response time only approaches "
            + "92.1 ms from above. Meeting the target needs faster service (a mean below 10.86 ms) or less variable service.",
            plan.Reason);
    }

    [Fact]
    public void SeedChallenge_P99WaitOf30Ms_Needs1003Servers_ConfirmedByTheOracle()
    {
        const double lambda = SeedScenarios.ChallengeArrivalRatePerSecond;
        const double s = SeedScenarios.ChallengeMeanServiceTimeSeconds;

        var plan = CapacityPlanner.MinimumServers(lambda, s, CapacityTarget.WaitingTimePercentileAtMost(0.99, 0.030));

        Assert.True(plan.IsFeasible);
        int servers = plan.Servers.Value; // IsFeasible guarantees Servers and AchievedValue to the compiler
        Assert.Equal(1003, servers);
        Assert.True(plan.AchievedValue.Value <= 0.030);
        Assert.True(new MMcOracle(lambda, s, 1003).WaitingPercentile(0.99) <= BigFloat.FromDouble(0.030));
        Assert.True(new MMcOracle(lambda, s, 1002).WaitingPercentile(0.99) > BigFloat.FromDouble(0.030));
        Assert.Equal(plan.SteadyState.WaitingTime.PercentileSeconds(0.99), plan.AchievedValue);
        Assert.StartsWith("1,003 servers meet p99 waiting time ≤ 30 ms: the p99 waiting time is 29.9 ms", plan.Reason, StringComparison.Ordinal);
        Assert.EndsWith("With 1,002 it would be 45.26 ms.", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MeanResponseBelowTheServiceTime_IsInfeasible()
    {
        var plan = CapacityPlanner.MinimumServers(100, 0.02, CapacityTarget.MeanResponseTimeAtMost(0.02));

        Assert.False(plan.IsFeasible);
        Assert.Equal(0.02, plan.BestPossibleValue);
        Assert.StartsWith("No number of servers can meet mean response time ≤ 20 ms. The mean response time is the mean wait plus the mean service time, 20 ms", plan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    [InlineData(0.999)]
    public void ResponsePercentileTarget_JustAboveTheServiceTimesOwn_IsFeasibleAndMet(double p)
    {
        const double s = 0.01;
        var best = -Math.Log(1 - p) * s;

        var plan = CapacityPlanner.MinimumServers(2000, s, CapacityTarget.ResponseTimePercentileAtMost(p, best * (1 + 1e-6)));

        Assert.True(plan.IsFeasible);
        Assert.True(plan.AchievedValue <= best * (1 + 1e-6));
        Assert.True(Steady(2000, s, plan.Servers!.Value - 1).ResponseTime.PercentileSeconds(p) > best * (1 + 1e-6));
    }

    [Fact]
    public void ResponsePercentileTarget_AtTheServiceTimesOwn_IsInfeasible()
    {
        var best = -Math.Log(1 - 0.99) * 0.01;

        Assert.False(CapacityPlanner.MinimumServers(2000, 0.01, CapacityTarget.ResponseTimePercentileAtMost(0.99, best)).IsFeasible);
        Assert.False(CapacityPlanner.MinimumServers(2000, 0.01, CapacityTarget.ResponseTimePercentileAtMost(0.99, best * 0.5)).IsFeasible);
    }

    [Theory]
    [InlineData(100.0, 0.8, 125)]
    [InlineData(100.0, 1.0, 101)]     // only stability: ⌊A⌋ + 1, not ⌈A⌉
    [InlineData(99.5, 0.995, 100)]
    [InlineData(0.3, 0.5, 1)]
    public void UtilisationTarget_IsTheSmallestStableCWithLoadOverCAtMostU(double load, double u, int expected)
    {
        var plan = CapacityPlanner.MinimumServers(load, 1.0, CapacityTarget.UtilisationAtMost(u));

        Assert.Equal(expected, plan.Servers);
        Assert.Equal(BruteForce(load, 1.0, CapacityTarget.UtilisationAtMost(u), plan.MinimumServersForStability), plan.Servers);
    }

    [Fact]
    public void WaitingPercentileOfZero_AsksThatAFractionPDoNotWaitAtAll()
    {
        var plan = CapacityPlanner.MinimumServers(900, 0.01, CapacityTarget.WaitingTimePercentileAtMost(0.9, 0));

        Assert.True(plan.IsFeasible);
        Assert.Equal(0.0, plan.AchievedValue);
        Assert.True(plan.SteadyState.ProbabilityOfWaiting <= 0.1);
        Assert.True(Steady(900, 0.01, plan.Servers!.Value - 1).ProbabilityOfWaiting > 0.1);
    }

    [Theory]
    [InlineData(10_000.0)]
    [InlineData(100_000.0)]
    public void LargeLoads_AnswerMeetsTheTargetAndOneFewerDoesNot(double load)
    {
        const double s = 0.02;
        var targets = new[]
        {
            CapacityTarget.ResponseTimePercentileAtMost(0.99, 0.1),
            CapacityTarget.WaitingTimePercentileAtMost(0.999, 0.001),
            CapacityTarget.MeanResponseTimeAtMost(0.0201),
            CapacityTarget.MeanWaitAtMost(1e-5),
            CapacityTarget.ProbabilityOfWaitingAtMost(0.001),
            CapacityTarget.UtilisationAtMost(0.99),
        };
        foreach (var target in targets)
        {
            var plan = CapacityPlanner.MinimumServers(load / s, s, target);

            Assert.True(plan.IsFeasible);
            Assert.True(Measure(target, Steady(load / s, s, plan.Servers!.Value)) <= target.Limit);
            Assert.True(Measure(target, Steady(load / s, s, plan.Servers.Value - 1)) > target.Limit, $"{target}: {plan.Reason}");
        }
    }

    [Fact]
    public void AtTheStabilityMinimum_TheReasonSaysFewerCannotServeTheLoad()
    {
        var plan = CapacityPlanner.MinimumServers(10, 1.0, CapacityTarget.ProbabilityOfWaitingAtMost(1.0));

        Assert.Equal(11, plan.Servers);
        Assert.EndsWith(
            "11 is the fewest servers that keep the queue stable (⌊A⌋ + 1 with A = 10 erlangs); fewer cannot serve the load at all.",
            plan.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Planner_RejectsBadArguments()
    {
        var target = CapacityTarget.MeanWaitAtMost(1);

        Assert.Throws<ArgumentNullException>(() => CapacityPlanner.MinimumServers(1, 1, null!));
        BadInput.Rejects(() => CapacityPlanner.MinimumServers(double.NaN, 1, target), "arrivalRatePerSecond", "arrivalRatePerSecond must be a finite number > 0; got NaN.");
        BadInput.Rejects(() => CapacityPlanner.MinimumServers(1, 0, target), "meanServiceTimeSeconds", "meanServiceTimeSeconds must be a finite number in [1E-15, 1000000000000000]; got 0.");
    }

    [Theory]
    [InlineData(1.0, 0.05, "percentile", "percentile must be a finite number in (0, 1); got 1.")]
    [InlineData(99.0, 0.05, "percentile", "percentile must be a finite number in (0, 1); got 99.")]
    [InlineData(0.99, 0.0, "limitSeconds", "limitSeconds must be a finite number > 0; got 0.")]
    [InlineData(0.99, double.NaN, "limitSeconds", "limitSeconds must be a finite number > 0; got NaN.")]
    public void Targets_RejectBadInput_NamingTheParameterAndRange(double percentile, double limit, string param, string message)
    {
        BadInput.Rejects(() => CapacityTarget.ResponseTimePercentileAtMost(percentile, limit), param, message);
    }

    [Fact]
    public void OtherTargets_RejectBadInput()
    {
        Assert.StartsWith("limitSeconds must be a finite number >= 0; got -1.", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityTarget.WaitingTimePercentileAtMost(0.9, -1)).Message, StringComparison.Ordinal);
        Assert.StartsWith("limitSeconds must be a finite number > 0; got Infinity.", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityTarget.MeanWaitAtMost(double.PositiveInfinity)).Message, StringComparison.Ordinal);
        Assert.StartsWith("limitSeconds must be a finite number > 0; got 0.", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityTarget.MeanResponseTimeAtMost(0)).Message, StringComparison.Ordinal);
        Assert.StartsWith("probability must be a finite number in (0, 1]; got 0.", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityTarget.ProbabilityOfWaitingAtMost(0)).Message, StringComparison.Ordinal);
        Assert.StartsWith("utilisation must be a finite number in (0, 1]; got 1.2.", Assert.Throws<ArgumentOutOfRangeException>(() => CapacityTarget.UtilisationAtMost(1.2)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_Describes_Itself()
    {
        Assert.Equal("p99.9 response time ≤ 250 µs", CapacityTarget.ResponseTimePercentileAtMost(0.999, 250e-6).ToString());
        Assert.Equal("utilisation ≤ 75 %", CapacityTarget.UtilisationAtMost(0.75).Description);
        Assert.Equal(0.999, CapacityTarget.ResponseTimePercentileAtMost(0.999, 1).Percentile);
        Assert.Null(CapacityTarget.MeanWaitAtMost(1).Percentile);
        Assert.True(CapacityTarget.WaitingTimePercentileAtMost(0.5, 0).IsPercentileTarget);
        Assert.False(CapacityTarget.UtilisationAtMost(0.8).IsPercentileTarget);
    }

    private static CapacityTarget RandomTarget(ref Xoshiro256StarStar random, double lambda, double s, int c0)
    {
        // Aim at the value the measure takes a few servers above the minimum, nudged either way, so
        // that the answer is usually neither the minimum nor far from it.
        var reference = Steady(lambda, s, c0 + random.Next(0, 12));
        var nudge = 1 + ((random.NextDouble() - 0.5) * 0.02);
        var p = new[] { 0.5, 0.9, 0.95, 0.99, 0.999 }[random.Next(5)];
        return random.Next(6) switch
        {
            0 => CapacityTarget.ResponseTimePercentileAtMost(p, reference.ResponseTime.PercentileSeconds(p) * nudge),
            1 => CapacityTarget.WaitingTimePercentileAtMost(p, reference.WaitingTime.PercentileSeconds(p) * nudge),
            2 => CapacityTarget.MeanResponseTimeAtMost(reference.MeanResponseTimeSeconds * nudge),
            3 => CapacityTarget.MeanWaitAtMost(Math.Max(reference.MeanWaitSeconds * nudge, 1e-300)),
            4 => CapacityTarget.ProbabilityOfWaitingAtMost(Math.Clamp(reference.ProbabilityOfWaiting * nudge, 1e-300, 1)),
            _ => CapacityTarget.UtilisationAtMost(Math.Min(reference.Utilisation * nudge, 1)),
        };
    }

    /// <summary>The obviously correct search: try every c from the stability minimum upward.</summary>
    private static int BruteForce(double lambda, double s, CapacityTarget target, int c0)
    {
        for (var c = c0; c < c0 + 100_000; c++)
        {
            if (Measure(target, Steady(lambda, s, c)) <= target.Limit)
            {
                return c;
            }
        }

        throw new InvalidOperationException($"Brute force found no c up to {c0 + 100_000} for {target}.");
    }

    private static double Measure(CapacityTarget target, MMcSteadyState state) => target.Metric switch
    {
        CapacityMetric.ResponseTimePercentile => state.ResponseTime.PercentileSeconds(target.Percentile!.Value),
        CapacityMetric.WaitingTimePercentile => state.WaitingTime.PercentileSeconds(target.Percentile!.Value),
        CapacityMetric.MeanResponseTime => state.MeanResponseTimeSeconds,
        CapacityMetric.MeanWait => state.MeanWaitSeconds,
        CapacityMetric.ProbabilityOfWaiting => state.ProbabilityOfWaiting,
        _ => state.Utilisation,
    };

    private static MMcSteadyState Steady(double lambda, double s, int servers) =>
        Assert.IsType<MMcSteadyState>(new MMcQueue(lambda, s, servers).Analyze());
}
