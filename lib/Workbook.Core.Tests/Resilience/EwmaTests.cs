using Workbook.Core.Resilience;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience;

public class EwmaTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(0.2, 0.2)]
    [InlineData(0.05, 0.1)]
    public void ExactVarianceFormula_MatchesTheSpreadOfManySimulatedPaths(double p, double lambda)
    {
        // 20,000 independent paths of z_t for Bernoulli(p) inputs, z₀ = p. The relative standard error of a
        // sample variance is √((κ − 1)/N) with κ the kurtosis of z_t; for these inputs it is at most ~3 %, so
        // 12 % is a four-standard-error band even for the skewed early steps.
        const int paths = 20_000;
        int[] checkpoints = [1, 2, 5, 20, 100];
        var random = new Xoshiro256StarStar(42);
        var sums = new double[checkpoints.Length];
        var squares = new double[checkpoints.Length];
        for (int path = 0; path < paths; path++)
        {
            double z = p;
            int c = 0;
            for (int t = 1; t <= checkpoints[^1]; t++)
            {
                z = EwmaMath.Next(z, random.NextDouble() < p ? 1 : 0, lambda);
                if (t == checkpoints[c])
                {
                    sums[c] += z;
                    squares[c] += z * z;
                    c++;
                }
            }
        }

        double sigma2 = p * (1 - p);
        for (int c = 0; c < checkpoints.Length; c++)
        {
            double mean = sums[c] / paths;
            double sampleVariance = (squares[c] - (paths * mean * mean)) / (paths - 1);
            double formula = sigma2 * EwmaMath.VarianceFactor(lambda, checkpoints[c]);
            output.WriteLine($"t={checkpoints[c]}: simulated {sampleVariance:G5}, formula {formula:G5}");
            Assert.True(Math.Abs(sampleVariance - formula) < 0.12 * formula, $"t = {checkpoints[c]}: simulated {sampleVariance}, formula {formula}");
        }

        Assert.Equal(sigma2 * lambda / (2 - lambda), sigma2 * EwmaMath.SteadyStateVarianceFactor(lambda), 15);
    }

    [Fact]
    public void VarianceFactor_StartsAtZero_AndIsLambdaSquaredAfterOneStep()
    {
        Assert.Equal(0, EwmaMath.VarianceFactor(0.3, 0));
        Assert.Equal(0.09, EwmaMath.VarianceFactor(0.3, 1), 15);
        Assert.Equal(1, EwmaMath.VarianceFactor(1, 5));
    }

    [Fact]
    public void ControlLimits_AreMeanPlusMinusLSigmaZ()
    {
        double sigma = EwmaMath.FailureFractionStandardDeviation(0.01);
        var steady = EwmaMath.SteadyStateControlLimits(0.01, sigma, 0.1, 3);
        var first = EwmaMath.ControlLimits(0.01, sigma, 0.1, 3, 1);

        Assert.Equal(0.01 + (3 * Math.Sqrt(0.0099) * Math.Sqrt(0.1 / 1.9)), steady.Upper, 12);
        Assert.Equal(0.01 + (3 * Math.Sqrt(0.0099) * 0.1), first.Upper, 12);

        // One failure lifts z from 0.01 to 0.109: above the steady-state limit (~0.0785). One call per observation is fragile.
        Assert.True(EwmaMath.Next(0.01, 1, 0.1) > steady.Upper);
        Assert.Equal(Math.Sqrt(0.05 * 0.95 / 20), EwmaMath.FailureFractionStandardDeviation(0.05, 20), 15);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void ExponentiallyWeightedMoments_VarianceIsUnbiased_AtEveryStep(double lambda)
    {
        const int paths = 20_000;
        const double p = 0.3;
        int[] checkpoints = [1, 3, 10, 60];
        var random = new Xoshiro256StarStar(5);
        var sums = new double[checkpoints.Length];
        double rawSteady = 0;
        for (int path = 0; path < paths; path++)
        {
            var moments = new ExponentiallyWeightedMoments(lambda, p);
            int c = 0;
            for (int t = 1; t <= checkpoints[^1]; t++)
            {
                moments.Observe(random.NextDouble() < p ? 1 : 0);
                if (t == checkpoints[c])
                {
                    sums[c] += moments.Variance;
                    c++;
                }
            }

            rawSteady += moments.WeightedVariance;
        }

        double sigma2 = p * (1 - p);
        foreach (var (t, sum) in checkpoints.Zip(sums))
        {
            output.WriteLine($"λ={lambda}, t={t}: mean estimate {sum / paths:G5}, σ² {sigma2:G5}");
            Assert.True(Math.Abs((sum / paths) - sigma2) < 0.03 * sigma2, $"t = {t}: mean estimate {sum / paths}, σ² = {sigma2}");
        }

        double biasFactor = 2 * (1 - lambda) / (2 - lambda);
        Assert.True(Math.Abs((rawSteady / paths) - (biasFactor * sigma2)) < 0.03 * biasFactor * sigma2, "raw weighted variance should be low by 2(1−λ)/(2−λ)");
    }

    [Fact]
    public void ExponentiallyWeightedMoments_BeforeAnyObservation()
    {
        var moments = new ExponentiallyWeightedMoments(0.2, 0.05);

        Assert.Equal(0, moments.Count);
        Assert.Equal(0.05, moments.Mean);
        var ex = Assert.Throws<InvalidOperationException>(() => moments.Variance);
        Assert.Equal("Variance needs at least one observation; call Observe first (Count is 0).", ex.Message);
        BadInput.Rejects(() => new ExponentiallyWeightedMoments(1, 0), "lambda", "lambda must be a finite number in (0, 1); got 1.");
    }

    [Fact]
    public void RunLength_Simulation_IsDeterministicBySeed()
    {
        var chart = new EwmaChartOptions();

        var first = EwmaRunLength.Simulate(chart, 0.05, 0.15, 20, runs: 500, seed: 9);
        var second = EwmaRunLength.Simulate(chart, 0.05, 0.15, 20, runs: 500, seed: 9);
        var other = EwmaRunLength.Simulate(chart, 0.05, 0.15, 20, runs: 500, seed: 10);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0.05, 0.05, 20, 0.2, 3.0)]   // in control: time to a false alarm
    [InlineData(0.05, 0.10, 20, 0.2, 3.0)]   // rate doubled
    [InlineData(0.05, 0.20, 20, 0.2, 3.0)]   // rate quadrupled
    [InlineData(0.02, 0.02, 50, 0.1, 2.8)]
    [InlineData(0.02, 0.06, 50, 0.1, 2.8)]
    public void RunLength_Simulation_AgreesWithTheMarkovChainMethod(double p0, double p, int calls, double lambda, double limitWidth)
    {
        var chart = new EwmaChartOptions(lambda: lambda, limitWidth: limitWidth);

        var simulated = EwmaRunLength.Simulate(chart, p0, p, calls, runs: 4000, seed: 1);
        double markov = EwmaRunLength.MarkovChain(chart, p0, p, calls, states: 1000).Observations;
        double coarse = EwmaRunLength.MarkovChain(chart, p0, p, calls, states: 500).Observations;

        output.WriteLine($"p0={p0} p={p} b={calls}: simulated {simulated.Mean:F2} ± {simulated.StandardError:F2}, Markov {markov:F2} (500 cells: {coarse:F2})");
        Assert.Equal(0, simulated.Censored);

        // Discretisation error is estimated by the change from 500 to 1000 cells; the band adds four standard errors.
        double tolerance = (4 * simulated.StandardError) + (2 * Math.Abs(markov - coarse)) + (0.01 * markov);
        Assert.True(Math.Abs(simulated.Mean - markov) < tolerance, $"simulated {simulated.Mean} ± {simulated.StandardError}, Markov {markov}");
    }

    [Fact]
    public void MarkovChain_ALimitAtOrAbove1_NeverSignals_AndSaysWhy()
    {
        // p₀ = 0.3, one call per observation, λ = 0.5, L = 3: UCL = 0.3 + 3·√0.21·√(0.5/1.5) ≈ 1.094 > 1, and z ≤ 1 always.
        var never = EwmaRunLength.MarkovChain(new EwmaChartOptions(lambda: 0.5), 0.3, 0.6, 1, states: 100);
        var finite = EwmaRunLength.MarkovChain(new EwmaChartOptions(), 0.05, 0.1, 20, states: 100);

        Assert.False(never.IsFinite);
        Assert.Equal(double.PositiveInfinity, never.Observations);
        Assert.StartsWith("The upper limit 1.09", never.Reason, StringComparison.Ordinal);
        Assert.EndsWith("the chart never signals.", never.Reason, StringComparison.Ordinal);
        Assert.True(finite.IsFinite);
    }

    [Fact]
    public void MarkovChain_NeedsSteadyStateLimits()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            EwmaRunLength.MarkovChain(new EwmaChartOptions(timeVaryingLimits: true), 0.05, 0.1, 20));

        Assert.Equal("chart", ex.ParamName);
    }

    [Fact]
    public void TimeVaryingLimits_WithOneCallPerObservation_SignalOnTheFirstFailure()
    {
        // σ_z(1) = λσ, so one failure exceeds the limit whenever p₀ < 1/(1 + L²) = 0.1.
        var chart = new EwmaChartOptions(lambda: 0.1, timeVaryingLimits: true);
        var alwaysFails = EwmaRunLength.Simulate(chart, 0.05, 1.0, 1, runs: 10, seed: 1);

        Assert.Equal(1.0, alwaysFails.Mean);
    }

    public static TheoryData<string, Action, string> BadInputs => new()
    {
        { "lambda", () => EwmaMath.Next(0, 1, 0), "lambda must be a finite number in (0, 1]; got 0." },
        { "lambda", () => EwmaMath.VarianceFactor(1.5, 3), "lambda must be a finite number in (0, 1]; got 1.5." },
        { "observations", () => EwmaMath.VarianceFactor(0.5, -1), "observations must be an integer >= 0; got -1." },
        { "observation", () => EwmaMath.Next(0, double.NaN, 0.5), "observation must be a finite number; got NaN." },
        { "callsPerObservation", () => EwmaMath.FailureFractionStandardDeviation(0.1, 0), "callsPerObservation must be an integer >= 1; got 0." },
        { "lambda", () => new ExponentiallyWeightedMoments(1, 0), "lambda must be a finite number in (0, 1); got 1." },
        { "lambda", () => _ = new EwmaChartOptions(lambda: double.NaN), "lambda must be a finite number in (0, 1]; got NaN." },
        { "lambda", () => _ = new EwmaChartOptions(lambda: 1.5), "lambda must be a finite number in (0, 1]; got 1.5." },
        { "limitWidth", () => _ = new EwmaChartOptions(limitWidth: 0), "limitWidth must be a finite number > 0; got 0." },
        { "limitWidth", () => _ = new EwmaChartOptions(limitWidth: double.PositiveInfinity), "limitWidth must be a finite number > 0; got Infinity." },
        { "actualFailureRate", () => EwmaRunLength.Simulate(new EwmaChartOptions(), 0.1, 2, 1, 10, 1), "actualFailureRate must be a finite number in [0, 1]; got 2." },
        { "states", () => EwmaRunLength.MarkovChain(new EwmaChartOptions(), 0.1, 0.2, 1, states: 5), "states must be an integer in [10, 5000]; got 5." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_IsRejected_NamingTheParameterAndTheRange(string parameter, Action call, string message)
    {
        BadInput.Rejects(call, parameter, message);
    }
}
