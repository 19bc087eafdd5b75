using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Workbook.Core.Exercises;
using Workbook.Core.Resilience;
using Workbook.Core.Tests.Resilience;

namespace Workbook.Core.Tests.Episodes.Ep13CircuitBreakers;

/// <summary>
/// Episode 13's exercises checked against values that do not come from their references: exact rational
/// tails, closed forms written out here, simulations, and a second, independently written Markov chain.
/// </summary>
public class Episode13ExercisesTests(ITestOutputHelper output)
{
    private static object? Expected(string id, params object?[] arguments) =>
        ExerciseCatalog.Get(id).Reference.DynamicInvoke(arguments);

    [Fact]
    public void Tracks_ExpertExercisesAreTheTwoAlgorithms_AndOutageDelayIsIntermediate()
    {
        var tracks = ExerciseCatalog.ForEpisode(13).ToDictionary(e => e.Id, e => e.Track);

        Assert.Equal(["ep13.ewma-arl", "ep13.smallest-window"], tracks.Where(t => t.Value == Track.Expert).Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Track.Intermediate, tracks["ep13.outage-delay"]);
        Assert.DoesNotContain("ep13.probe-delay", tracks.Keys);
    }

    [Fact]
    public void FalseTrip_FarTailCase_IsTheExactValue_WhereOneMinusCdfIsZero()
    {
        double exact = ExactBinomial.UpperTails(100, 1, 100)[50]; // P(X > 49), X ~ Binomial(100, 1/100), exact rational
        var exercise = ExerciseCatalog.Get("ep13.false-trip");

        Assert.Contains(exercise.Cases, c => c.SequenceEqual(new object?[] { 100, 0.01, 49 }));
        Assert.Equal(exact, (double)Expected("ep13.false-trip", 100, 0.01, 49)!, exact * 1e-12);
        Assert.InRange(exact, 6.16e-72, 6.17e-72);
        Assert.Equal(0, 1 - Binomial.CDF(0.01, 100, 49));

        var oneMinusCdf = ExerciseChecker.Check(exercise, (Func<int, double, int, double>)((n, p, k) => 1 - Binomial.CDF(p, n, k)));
        Assert.Equal(CheckStatus.Failed, oneMinusCdf.Status);
        Assert.Contains("1 − CDF", oneMinusCdf.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void OutageDelay_BoundaryCaseIsHandComputed_AndMillisecondsGetTheirOwnHint()
    {
        // 55 % of 100 calls is 55 failures, at 10 per second: 5.5 s (Math.Ceiling(0.55 * 100) would say 56).
        Assert.Equal(5.5, (double)Expected("ep13.outage-delay", 100, 0.55, 10.0)!, 12);
        Assert.Equal(3.0, (double)Expected("ep13.outage-delay", 10, 0.25, 1.0)!, 12); // ⌈2.5⌉ = 3 failures at 1/s

        var milliseconds = ExerciseChecker.Check(ExerciseCatalog.Get("ep13.outage-delay"),
            (Func<int, double, double, double>)((n, r, rate) => 1000 * Math.Ceiling(Math.Round(r * n, 9)) / rate));
        Assert.Equal(CheckStatus.Failed, milliseconds.Status);
        Assert.Contains("milliseconds", milliseconds.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void BackoffClose_FixedWait_EqualsTheRenewalClosedFormPlusTheMeanOutage()
    {
        foreach (var (d, tau, q) in new[] { (5.0, 300.0, 0.7), (60.0, 30.0, 0.5) })
        {
            // Section 6: E[S_J] = τ + E[delay] = τ + d − τ + d/(e^{d/τ} − 1) + d(1 − q)/q, written out here.
            double closedForm = d + (d / (Math.Exp(d / tau) - 1)) + (d * (1 - q) / q);
            Assert.Equal(closedForm, (double)Expected("ep13.backoff-close", d, 1.0, d, tau, q)!, closedForm * 1e-9);
        }
    }

    [Fact]
    public void BackoffClose_GrowingWaits_AgreeWithSimulatedOutages()
    {
        var schedule = new ProbeSchedule(initialWaitSeconds: 5, growthFactor: 1.5, maximumWaitSeconds: 120);
        var simulated = HalfOpenRecovery.Simulate(schedule, 300, 0.7, runs: 100_000, seed: 1301);
        double expected = (double)Expected("ep13.backoff-close", 5.0, 1.5, 120.0, 300.0, 0.7)!;

        // Close time = recovery + delay, so E[close] = τ + E[delay]; the simulated delay carries the noise.
        double simulatedClose = 300 + simulated.DetectionDelaySeconds.Mean;
        output.WriteLine($"recursion {expected:F3} s, simulation {simulatedClose:F3} ± {simulated.DetectionDelaySeconds.StandardError:F3} s");
        Assert.True(Math.Abs(expected - simulatedClose) < 4 * simulated.DetectionDelaySeconds.StandardError);
    }

    [Fact]
    public void EwmaArl_WithoutSmoothing_IsTheExactShewhartRunLength()
    {
        // κ = 1: z_t = x_t, UCL = 0.05 + 3·√(0.05·0.95/20) ≈ 0.196, so a batch signals at 4 or more failures of 20
        // and the run length is geometric: ARL = 1 / P(X ≥ 4 | 20, 0.2) whatever the discretisation.
        double ucl = 0.05 + (3 * Math.Sqrt(0.05 * 0.95 / 20));
        Assert.InRange(20 * ucl, 3, 4);
        double exact = 1 / ExactBinomial.UpperTails(20, 1, 5)[4];

        Assert.Equal(exact, (double)Expected("ep13.ewma-arl", 0.05, 0.2, 20, 1.0, 3.0, 200)!, exact * 1e-9);
        Assert.InRange(exact, 1.69, 1.71);
    }

    [Fact]
    public void EwmaArl_LimitAtOrAboveOne_IsInfinite()
    {
        // b = 1, p₀ = 0.3, κ = 0.5, L = 3: UCL = 0.3 + 3·√0.21·√(1/3) ≈ 1.09 > 1, which a failure fraction never exceeds.
        Assert.True(0.3 + (3 * Math.Sqrt(0.21) * Math.Sqrt(1.0 / 3)) > 1);
        Assert.Equal(double.PositiveInfinity, (double)Expected("ep13.ewma-arl", 0.3, 0.6, 1, 0.5, 3.0, 100)!);
    }

    [Theory]
    [InlineData(0.05, 0.05, 20, 0.2, 3.0, 4_000)]
    [InlineData(0.05, 0.10, 20, 0.2, 3.0, 20_000)]
    [InlineData(0.01, 0.01, 100, 0.1, 2.7, 4_000)]
    [InlineData(0.01, 0.03, 100, 0.1, 2.7, 20_000)]
    public void EwmaArl_Cases_AgreeWithSimulation(double p0, double p, int b, double kappa, double width, int runs)
    {
        var exercise = ExerciseCatalog.Get("ep13.ewma-arl");
        var @case = exercise.Cases.Single(c => (double)c[0]! == p0 && (double)c[1]! == p && (double)c[3]! == kappa);
        double chain = (double)exercise.Reference.DynamicInvoke(@case)!;
        var simulated = EwmaRunLength.Simulate(new EwmaChartOptions(lambda: kappa, limitWidth: width), p0, p, b, runs, seed: 1313);

        output.WriteLine($"chain {chain:G5}, simulated {simulated.Mean:G5} ± {simulated.StandardError:G3}");
        Assert.True(Math.Abs(chain - simulated.Mean) < (0.01 * chain) + (4 * simulated.StandardError));
    }

    [Fact]
    public void EwmaArl_ASoundButDifferentDiscretisation_Passes_AndWrongBoundariesFail()
    {
        var exercise = ExerciseCatalog.Get("ep13.ewma-arl");

        // Written independently: 50 more cells than asked for, and the first step taken from the cell that holds p₀.
        Assert.Equal(CheckStatus.Passed, ExerciseChecker.Check(exercise, (Func<double, double, int, double, double, int, double>)((p0, p, b, k, l, m) =>
            Chain(p0, p, b, k, l, m + 50, lowerEdge: _ => 0, absorbBelow: false))).Status);

        // The in-control range must reach down to 0: starting the cells at p₀, or absorbing below the lower limit, fails.
        var clamped = ExerciseChecker.Check(exercise, (Func<double, double, int, double, double, int, double>)((p0, p, b, k, l, m) =>
            Chain(p0, p, b, k, l, m, lowerEdge: half => p0, absorbBelow: false)));
        var twoSided = ExerciseChecker.Check(exercise, (Func<double, double, int, double, double, int, double>)((p0, p, b, k, l, m) =>
            Chain(p0, p, b, k, l, m, lowerEdge: half => Math.Max(0, p0 - half), absorbBelow: true)));
        Assert.Equal(CheckStatus.Failed, clamped.Status);
        Assert.Equal(CheckStatus.Failed, twoSided.Status);
    }

    [Fact]
    public void SmallestWindow_CasesOnTheSawTooth_DefeatEveryBisection()
    {
        var exercise = ExerciseCatalog.Get("ep13.smallest-window");
        var cases = exercise.Cases.Select(c => ((double)c[0]!, (double)c[1]!, (double)c[2]!, (double)c[3]!)).ToArray();

        // The scan, written here with MathNet's tails: the reference answers.
        foreach (var (p0, p1, alpha, target) in cases)
        {
            Assert.Equal(Scan(p0, p1, alpha, target), (int)exercise.Reference.DynamicInvoke(p0, p1, alpha, target)!);
        }

        Assert.Contains(cases, c => Bisect(c, 1, 1_000) != Scan(c.Item1, c.Item2, c.Item3, c.Item4));
        Assert.Contains(cases, c => Bisect(c, 1, 100_000) != Scan(c.Item1, c.Item2, c.Item3, c.Item4));
        Assert.Contains(cases, c => Doubling(c) != Scan(c.Item1, c.Item2, c.Item3, c.Item4));

        // Whatever its bounds, a bisection is told that it bisected.
        foreach (var answer in new Func<double, double, double, double, int>[]
        {
            (p0, p1, a, t) => Bisect((p0, p1, a, t), 1, 100_000),
            (p0, p1, a, t) => Bisect((p0, p1, a, t), 1, 10_000),
            (p0, p1, a, t) => Doubling((p0, p1, a, t)),
        })
        {
            var result = ExerciseChecker.Check(exercise, answer);
            Assert.Equal(CheckStatus.Failed, result.Status);
            Assert.StartsWith("Bisection assumes", result.Hint, StringComparison.Ordinal);
        }
    }

    private static double Power(int n, double p0, double p1, double alpha)
    {
        int k = 0;
        while (k < n && 1 - Binomial.CDF(p0, n, k) > alpha * (1 + 1e-12))
        {
            k++;
        }

        double tail = 0;
        for (int i = k + 1; i <= n; i++)
        {
            tail += Binomial.PMF(p1, n, i);
        }

        return tail;
    }

    private static int Scan(double p0, double p1, double alpha, double target)
    {
        for (int n = 1; ; n++)
        {
            if (Power(n, p0, p1, alpha) >= target)
            {
                return n;
            }
        }
    }

    private static int Bisect((double P0, double P1, double Alpha, double Target) c, int low, int high)
    {
        while (low < high)
        {
            int mid = (low + high) / 2;
            if (Power(mid, c.P0, c.P1, c.Alpha) >= c.Target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static int Doubling((double P0, double P1, double Alpha, double Target) c)
    {
        int high = 1;
        while (Power(high, c.P0, c.P1, c.Alpha) < c.Target)
        {
            high *= 2;
        }

        return Bisect(c, Math.Max(1, high / 2), high);
    }

    // A plain Brook–Evans chain on [lowerEdge, UCL]: cells of equal width, nearest-cell moves, first step from the cell of p₀.
    private static double Chain(double p0, double p, int b, double kappa, double width, int cells, Func<double, double> lowerEdge, bool absorbBelow)
    {
        double half = width * Math.Sqrt(p0 * (1 - p0) / b) * Math.Sqrt(kappa / (2 - kappa));
        double top = p0 + half;
        if (top >= 1)
        {
            return double.PositiveInfinity;
        }

        double bottom = lowerEdge(half);
        double size = (top - bottom) / cells;
        var q = Matrix<double>.Build.Dense(cells, cells);
        for (int i = 0; i < cells; i++)
        {
            double centre = bottom + ((i + 0.5) * size);
            for (int j = 0; j <= b; j++)
            {
                double next = ((1 - kappa) * centre) + (kappa * j / b);
                if (next > top || (absorbBelow && next < p0 - half))
                {
                    continue;
                }

                q[i, Math.Clamp((int)Math.Floor((next - bottom) / size), 0, cells - 1)] += Binomial.PMF(p, b, j);
            }
        }

        var lengths = (Matrix<double>.Build.DenseIdentity(cells) - q).Solve(Vector<double>.Build.Dense(cells, 1));
        return lengths[Math.Clamp((int)Math.Floor((p0 - bottom) / size), 0, cells - 1)];
    }
}
