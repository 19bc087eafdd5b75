using Workbook.Core.Resilience;

namespace Workbook.Core.Tests.Resilience;

public class TripThresholdTests
{
    private static readonly int[] WindowSizes = [1, 2, 3, 5, 10, 20, 37, 100, 250, 500, 1000];

    // Failure rates as exact fractions (numerator, denominator), so the reference is exact.
    private static readonly (int A, int B)[] Rates = [(1, 1000), (1, 100), (1, 20), (1, 10), (1, 5), (1, 2), (9, 10)];

    private static bool Close(double expected, double actual) =>
        expected < 1e-290 ? actual < 1e-280 : Math.Abs(actual - expected) <= 1e-9 * expected;

    [Fact]
    public void ExceedanceProbability_MatchesExactRationalSums_ForEveryKOnAGridUpTo1000Calls()
    {
        foreach (int n in WindowSizes)
        {
            foreach (var (a, b) in Rates)
            {
                double p = (double)a / b;
                double[] exact = ExactBinomial.UpperTails(n, a, b);
                for (int k = -1; k <= n; k++)
                {
                    double actual = TripThreshold.ExceedanceProbability(n, p, k);
                    Assert.True(Close(exact[k + 1], actual), $"n={n}, p={a}/{b}, k={k}: exact {exact[k + 1]:R}, library {actual:R}");
                }
            }
        }
    }

    [Fact]
    public void ExceedanceProbability_KeepsTinyTails_WhereOneMinusCdfWouldBeZero()
    {
        // P(X ≥ 50 | n = 100, p = 1 %): about 6.2e-72; 1 − CDF(49) is exactly 0 in double precision.
        double exact = ExactBinomial.UpperTails(100, 1, 100)[49 + 1];
        double actual = TripThreshold.ExceedanceProbability(100, 0.01, 49);

        Assert.InRange(exact, 6e-72, 6.3e-72);
        Assert.True(Close(exact, actual), $"{actual:R} vs {exact:R}");
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.01)]
    [InlineData(0.001)]
    public void CriticalFailureCount_MeetsTheBudget_AndOneFewerDoesNot(double alpha)
    {
        foreach (int n in WindowSizes)
        {
            foreach (var (a, b) in Rates)
            {
                double p0 = (double)a / b;
                double[] exact = ExactBinomial.UpperTails(n, a, b);
                int k = TripThreshold.CriticalFailureCount(n, p0, alpha);

                Assert.InRange(k, 0, n);
                Assert.True(exact[k + 1] <= alpha, $"n={n}, p0={a}/{b}: P(X > {k}) = {exact[k + 1]} exceeds α = {alpha}");
                if (k > 0)
                {
                    Assert.True(exact[k] > alpha, $"n={n}, p0={a}/{b}: k − 1 = {k - 1} also meets α, so {k} is not the smallest");
                }
            }
        }
    }

    [Fact]
    public void SeedExample_Gives11_WithAnAchievedSizeWellBelowAlpha_AndTheRatioRuleIsOneFailureEarly()
    {
        // The seed's example: 100 calls, 5 % baseline, α = 1 %.
        int k = TripThreshold.CriticalFailureCount(100, 0.05, 0.01);
        double size = TripThreshold.ExceedanceProbability(100, 0.05, k);
        double atLeastK = TripThreshold.ExceedanceProbability(100, 0.05, k - 1);

        Assert.Equal(11, k);
        Assert.InRange(size, 0.0042, 0.0044);      // achieved false-trip probability, not 0.01
        Assert.InRange(atLeastK, 0.0114, 0.0116);  // a ">= k/n" library rule: above the 1 % budget
    }

    [Fact]
    public void CriticalFailureCount_IsTheWholeWindow_WhenEvenAllFailuresAreTooLikely()
    {
        // P(all 5 fail | p0 = 0.2) = 3.2e-4 > α = 1e-4: no count can trip within budget.
        Assert.Equal(5, TripThreshold.CriticalFailureCount(5, 0.2, 1e-4));
        Assert.Equal(0.0, TripThreshold.ExceedanceProbability(5, 0.9, 5));
    }

    [Fact]
    public void CriticalFailureCount_AtTheExtremes()
    {
        Assert.Equal(0, TripThreshold.CriticalFailureCount(50, 0.0, 0.01));  // any failure is evidence
        Assert.Equal(50, TripThreshold.CriticalFailureCount(50, 1.0, 0.01)); // all calls fail anyway
    }

    [Fact]
    public void PowerCurve_RisesWithTheFailureRate_FromTheSizeAtTheBaseline()
    {
        int k = TripThreshold.CriticalFailureCount(200, 0.02, 0.01);
        double[] rates = Enumerable.Range(0, 99).Select(i => 0.02 + (i * 0.0098)).ToArray();
        var curve = TripThreshold.PowerCurve(200, k, rates);

        Assert.Equal(rates, curve.Select(c => c.FailureRate));
        Assert.Equal(TripThreshold.ExceedanceProbability(200, 0.02, k), curve[0].TripProbability);
        for (int i = 1; i < curve.Count; i++)
        {
            Assert.True(curve[i].TripProbability >= curve[i - 1].TripProbability, $"power fell between p = {curve[i - 1].FailureRate} and {curve[i].FailureRate}");
        }

        Assert.True(curve[^1].TripProbability > 0.999999);
    }

    [Fact]
    public void SmallestWindow_MeetsBothTargets_AndNoSmallerWindowDoes()
    {
        var design = TripThreshold.SmallestWindow(0.01, 0.05, 0.01, 0.9);

        Assert.True(design.IsFeasible);
        Assert.True(design.FalseTripProbability <= 0.01);
        Assert.True(design.Power >= 0.9);
        Assert.Equal(TripThreshold.CriticalFailureCount(design.WindowSize.Value, 0.01, 0.01), design.CriticalFailureCount);
        Assert.EndsWith("no smaller window meets both.", design.Reason, StringComparison.Ordinal);
        for (int n = 1; n < design.WindowSize; n++)
        {
            int k = TripThreshold.CriticalFailureCount(n, 0.01, 0.01);
            Assert.True(TripThreshold.ExceedanceProbability(n, 0.05, k) < 0.9, $"n = {n} already qualifies");
        }
    }

    [Fact]
    public void Power_IsASawtoothInTheWindowSize_NotMonotone()
    {
        int fallingSteps = 0;
        double previous = 0;
        for (int n = 1; n <= 300; n++)
        {
            int k = TripThreshold.CriticalFailureCount(n, 0.01, 0.01);
            double power = TripThreshold.ExceedanceProbability(n, 0.05, k);
            fallingSteps += power < previous ? 1 : 0;
            previous = power;
        }

        Assert.True(fallingSteps > 3, $"expected drops whenever k steps up; saw {fallingSteps}");
    }

    [Fact]
    public void SmallestWindow_IsInfeasible_WhenTheCapIsTooSmall_AndSaysHowFarItSearched()
    {
        var design = TripThreshold.SmallestWindow(0.01, 0.02, 0.001, 0.99, maxWindowSize: 50);

        Assert.False(design.IsFeasible);
        Assert.Equal((null, null, null, null), (design.WindowSize, design.CriticalFailureCount, design.FalseTripProbability, design.Power));
        Assert.Equal(
            "No window of 1 to 50 calls reaches power 0.99 at p1 = 0.02 within a false-trip budget of 0.001 at p0 = 0.01.",
            design.Reason);
    }

    public static TheoryData<string, Action, string> BadInputs => new()
    {
        { "windowSize", () => TripThreshold.CriticalFailureCount(0, 0.1, 0.05), "windowSize must be an integer >= 1; got 0." },
        { "baselineFailureRate", () => TripThreshold.CriticalFailureCount(10, double.NaN, 0.05), "baselineFailureRate must be a finite number in [0, 1]; got NaN." },
        { "baselineFailureRate", () => TripThreshold.CriticalFailureCount(10, 1.5, 0.05), "baselineFailureRate must be a finite number in [0, 1]; got 1.5." },
        { "alpha", () => TripThreshold.CriticalFailureCount(10, 0.1, 0), "alpha must be a finite number in (0, 1); got 0." },
        { "alpha", () => TripThreshold.CriticalFailureCount(10, 0.1, 1), "alpha must be a finite number in (0, 1); got 1." },
        { "alpha", () => TripThreshold.CriticalFailureCount(10, 0.1, double.PositiveInfinity), "alpha must be a finite number in (0, 1); got Infinity." },
        { "failureRate", () => TripThreshold.ExceedanceProbability(10, -0.1, 3), "failureRate must be a finite number in [0, 1]; got -0.1." },
        { "failureRates", () => TripThreshold.PowerCurve(10, 3, [0.1, double.NaN]), "failureRates must be a finite number in [0, 1]; got NaN." },
        { "degradedFailureRate", () => TripThreshold.SmallestWindow(0.1, 0.1, 0.05, 0.9), "degradedFailureRate must be a finite number in (0.1, 1] (above baselineFailureRate); got 0.1." },
        { "targetPower", () => TripThreshold.SmallestWindow(0.01, 0.1, 0.05, 1), "targetPower must be a finite number in (0, 1); got 1." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsRejected_NamingTheParameterAndTheRange(string parameter, Action call, string message)
    {
        BadInput.Rejects(call, parameter, message);
    }
}
