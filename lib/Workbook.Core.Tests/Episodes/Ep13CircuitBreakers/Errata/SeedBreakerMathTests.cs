using Workbook.Core.Episodes.Ep13CircuitBreakers.Errata;
using Workbook.Core.Resilience;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Episodes.Ep13CircuitBreakers.Errata;

public class SeedBreakerMathTests(ITestOutputHelper output)
{
    [Fact]
    public void SeedEwmaTrace_ReproducesTheSeedStepByStep()
    {
        var trace = SeedBreakerMath.SeedEwmaTrace([0, 1, 0], alpha: 0.5);

        // n = 0: value = 0, variance untouched (0). n = 1: value 0.5, deviation 0.5, variance (0.5/1.5)·0.25.
        // n = 2: value 0.25, deviation −0.25, variance (1/3)·0.0625: the previous value is simply overwritten.
        Assert.Equal((0.0, 0.0), trace[0]);
        Assert.Equal(0.5, trace[1].Value, 15);
        Assert.Equal(0.25 / 3, trace[1].Variance, 15);
        Assert.Equal(0.25, trace[2].Value, 15);
        Assert.Equal(0.0625 / 3, trace[2].Variance, 15);
    }

    [Fact]
    public void SeedEwmaVariance_IsBiased_AndDoesNotSettle()
    {
        // Steady state, independent Bernoulli(0.2) inputs, α = 0.1. The seed's value has mean 2α(1−α)²σ²/(2−α)²,
        // not the EWMA variance ασ²/(2−α), and its spread across paths stays as large as its mean.
        const double alpha = 0.1, p = 0.2;
        double sigma2 = p * (1 - p);
        var random = new Xoshiro256StarStar(3);
        double sum = 0, squares = 0;
        const int paths = 20_000;
        for (int path = 0; path < paths; path++)
        {
            var x = Enumerable.Range(0, 200).Select(_ => random.NextDouble() < p ? 1.0 : 0.0).ToArray();
            double v = SeedBreakerMath.SeedEwmaTrace(x, alpha)[^1].Variance;
            sum += v;
            squares += v * v;
        }

        double mean = sum / paths;
        double spread = Math.Sqrt((squares / paths) - (mean * mean));
        double predicted = 2 * alpha * (1 - alpha) * (1 - alpha) * sigma2 / ((2 - alpha) * (2 - alpha));
        double correct = sigma2 * EwmaMath.SteadyStateVarianceFactor(alpha);
        output.WriteLine($"seed mean {mean:G4} (predicted {predicted:G4}), correct Var(z) {correct:G4}, seed spread {spread:G4}");

        Assert.True(Math.Abs(mean - predicted) < 0.03 * predicted);
        Assert.True(Math.Abs(mean - correct) > 0.1 * correct);
        Assert.True(spread > 0.8 * mean, "one squared residual per step: the spread never shrinks");
    }

    [Fact]
    public void SeedProbeSequence_And_RecoveryTime_AreTheSeedsNumbers()
    {
        Assert.Equal([1, 1, 2, 3, 5, 7], SeedBreakerMath.SeedProbeSequence());

        // 300 + (1/0.7)·(1 + 1 + 1/2 + 1/3 + 1/5 + 1/7)·30 ≈ 436.12 s.
        double seed = SeedBreakerMath.SeedExpectedRecoveryTime(300, 0.7);
        Assert.Equal(300 + (1 / 0.7 * (1 + 1 + 0.5 + (1.0 / 3) + 0.2 + (1.0 / 7)) * 30), seed, 9);
        Assert.InRange(seed, 436.1, 436.2);
    }

    [Fact]
    public void SeedRecoveryTime_DisagreesWithTheDerivedModel()
    {
        // The seed says recovery takes the outage length plus ~136 s. Under the stated model (exponential recovery with
        // mean 300 s, a probe every 30 s, each probe after recovery succeeding with probability 0.7) the breaker closes on
        // average 300 s + E[delay] after opening, with E[delay] = 30(1/0.7 − 1/2) ≈ 28 s in the long-outage limit.
        double delay = HalfOpenRecovery.ExpectedForFixedPeriod(30, 300, 0.7).MeanDetectionDelaySeconds;
        double seed = SeedBreakerMath.SeedExpectedRecoveryTime(300, 0.7);

        Assert.InRange(delay, 27, 29);
        Assert.True(seed - 300 > 4 * delay);
    }

    [Fact]
    public void SeedOptimalThreshold_HasTheRightK_ButMisreportsTheErrorAndTheRatio()
    {
        var (k, ratio, reportedError, power) = SeedBreakerMath.SeedOptimalThreshold(100, 0.05, 0.01);
        double achieved = TripThreshold.ExceedanceProbability(100, 0.05, k);
        var library = new TripCondition(minimumThroughput: 1, failureThreshold: ratio, comparison: TripComparison.RatioAtLeast);

        Assert.Equal(11, k);
        Assert.Equal(0.01, reportedError);
        Assert.True(achieved < 0.5 * reportedError, $"achieved size {achieved}");
        Assert.Equal(11, library.MinimumFailuresToTrip(100).Failures); // ">= 0.11" trips at 11 failures, not 12
        Assert.True(BreakerTripMath.WindowTripProbability(library, 0.05, 100) > 0.01);
        Assert.Equal(0.05, power[0].FailureRate);
        Assert.Equal(achieved, power[0].TripProbability); // the curve's first "power" is the false-trip probability
        Assert.Equal(19, power.Count);                    // arange(0.05, 1.0, 0.05): 0.05 .. 0.95
    }

    [Fact]
    public void SeedProbeSequence_RejectsAGrowthFactorThatWouldLoopForever()
    {
        BadInput.Rejects(() => SeedBreakerMath.SeedProbeSequence(growthFactor: 1), "growthFactor", "growthFactor must be a finite number > 1; got 1.");
    }
}
