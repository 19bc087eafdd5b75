using System.Globalization;
using System.Text.RegularExpressions;
using Workbook.Core.Charts;
using Workbook.Core.Tests.Charts;
using Workbook.Core.Tests.Resilience;

namespace Workbook.Core.Tests.Episodes.Ep13CircuitBreakers;

/// <summary>
/// Episode 13's figures use the notebook's notation (κ for the EWMA weight, λ only for a request rate, q for a
/// probe's success), name their series, carry units, and state numbers that exact binomial tails and closed
/// forms written here reproduce.
/// </summary>
public class Episode13FiguresTests
{
    private static string Labels(string id)
    {
        var figure = FigureData.Get(id);
        return string.Join(" | ", figure.TraceNames.Append(figure.Title).Append(figure.XTitle).Append(figure.YTitle));
    }

    private static double Tail(int n, int a, int b, int k) => ExactBinomial.UpperTail(n, a, b, k);

    private static int CriticalCount(int n, int a, int b, double alpha) => ExactBinomial.CriticalCount(n, a, b, alpha);

    [Fact]
    public void DetectionDelay_AtKappaOne_IsTheExactShewhartRunLength_ForTheTitlesLAndB()
    {
        var figure = FigureData.Get("ep13.detection-delay");
        Assert.Equal(["no change (false alarms)", "failure rate 5 % → 10 %", "failure rate 5 % → 20 %"], figure.TraceNames);
        Assert.Equal(("smoothing weight κ (ratio)", "average run length (observations, log scale)"), (figure.XTitle, figure.YTitle));
        Assert.EndsWith("(L = 3, b = 20)", figure.Title, StringComparison.Ordinal);

        // The log axis runs from 1 (no run is shorter) to above the longest run, so every series lies within its ticks.
        var range = FigureData.Numbers(figure.Layout["yaxis"]!["range"]);
        Assert.Equal(0, range[0]);
        Assert.True(figure.Traces.SelectMany(t => FigureData.Numbers(t["y"])).All(y => y >= 1 && Math.Log10(y) <= range[1]));

        // κ = 1 is a Shewhart chart: UCL = 0.05 + 3·√(0.05·0.95/20) = 0.196, so 4 or more failures of b = 20 signal
        // (20 × 0.196 = 3.92) and ARL = 1 / P(X > 3) exactly, for p = 0.05, 0.10 and 0.20.
        Assert.Equal(1.0, figure.X("no change (false alarms)")[^1]);
        foreach (var (name, a, b) in new[] { ("no change (false alarms)", 1, 20), ("failure rate 5 % → 10 %", 1, 10), ("failure rate 5 % → 20 %", 1, 5) })
        {
            double exact = 1 / Tail(20, a, b, 3);
            Assert.Equal(exact, figure.Y(name)[^1], exact * 1e-9);
        }

        // "Smaller κ: false alarms far rarer (over 20× at κ = 0.05), detection a little slower."
        var falseAlarms = figure.Y("no change (false alarms)");
        Assert.True(falseAlarms[0] > 20 * falseAlarms[^1]);
        Assert.True(figure.Y("failure rate 5 % → 10 %")[0] > figure.Y("failure rate 5 % → 10 %")[^1]);
        Assert.True(figure.Y("failure rate 5 % → 20 %")[0] > figure.Y("failure rate 5 % → 20 %")[^1]);
    }

    [Fact]
    public void EquationBuilder_EveryTraceName_StatesTheExactCriticalCountAndFalseTripRate()
    {
        var figure = FigureData.Get("ep13.equation-builder");
        Assert.EndsWith("P(X > k | p) for a window of n calls, baseline p₀ = 5 %", figure.Title, StringComparison.Ordinal);
        Assert.Equal(("true failure rate p (ratio)", "probability of tripping (ratio)"), (figure.XTitle, figure.YTitle));
        var steps = figure.Layout["sliders"]![0]!["steps"]!.AsArray();
        var windows = steps.Select(s => int.Parse(s!["label"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([10, 20, 50, 100, 200, 500, 1000], windows);

        // Three traces per window (α = 0.001, 0.01, 0.05); the name's k and "actual false trip" come from exact tails
        // at p₀ = 1/20, and the curve passes through that false-trip rate at p = 0.05.
        var pattern = new Regex(@"^α = (?<alpha>[\d.]+): trip if X > (?<k>\d+), actual false trip (?<rate>[\d.]+)$");
        for (int i = 0; i < figure.Traces.Count; i++)
        {
            int n = windows[i / 3];
            string name = figure.TraceNames[i];
            var match = pattern.Match(name);
            Assert.True(match.Success, name);
            double alpha = double.Parse(match.Groups["alpha"].Value, CultureInfo.InvariantCulture);
            int k = CriticalCount(n, 1, 20, alpha);
            Assert.Equal(k, int.Parse(match.Groups["k"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(Tail(n, 1, 20, k), 4), double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture));

            int atBaseline = Array.FindIndex(figure.X(name), p => Math.Abs(p - 0.05) < 1e-12);
            Assert.Equal(Tail(n, 1, 20, k), figure.Y(name)[atBaseline], Tail(n, 1, 20, k) * 1e-9);
        }

        // "A stricter false-trip budget α needs more failures to trip": in every window, k falls as α grows.
        foreach (var n in windows)
        {
            var ks = new[] { 0.001, 0.01, 0.05 }.Select(a => CriticalCount(n, 1, 20, a)).ToList();
            Assert.True(ks[0] >= ks[1] && ks[1] >= ks[2] && ks[0] > ks[2], $"n = {n}: {string.Join(", ", ks)}");
        }
    }

    [Fact]
    public void EwmaStep_TitleTimes_AreWhereTheRecomputedEwmaFirstCrossesTheExactLimit()
    {
        var figure = FigureData.Get("ep13.ewma-step");
        Assert.Equal(["failure fraction per 20 calls", "EWMA (κ = 0.2)", "upper control limit (exact, time-varying)", "failure rate steps 5 % → 15 %", "signal: EWMA above the limit"], figure.TraceNames);
        Assert.Equal(("observation t (count)", "failure fraction (ratio)"), (figure.XTitle, figure.YTitle));

        // Recompute from the plotted failure fractions: z₀ = 0.05, z_t = 0.2·x_t + 0.8·z_{t−1};
        // UCL_t = 0.05 + 3·σ·√(0.2/1.8 · (1 − 0.8^{2t})), σ = √(0.05·0.95/20).
        var t = figure.X("failure fraction per 20 calls");
        var fractions = figure.Y("failure fraction per 20 calls");
        var ewma = figure.Y("EWMA (κ = 0.2)");
        var limit = figure.Y("upper control limit (exact, time-varying)");
        double z = 0.05, sigma = Math.Sqrt(0.05 * 0.95 / 20);
        var signals = new List<double>();
        for (int i = 0; i < t.Length; i++)
        {
            z = (0.2 * fractions[i]) + (0.8 * z);
            double ucl = 0.05 + (3 * sigma * Math.Sqrt(0.2 / 1.8 * (1 - Math.Pow(0.8, 2 * t[i]))));
            Assert.Equal(z, ewma[i], 1e-12);
            Assert.Equal(ucl, limit[i], 1e-12);
            if (z > ucl)
            {
                signals.Add(t[i]);
            }
        }

        Assert.Equal(signals, figure.X("signal: EWMA above the limit"));
        Assert.Equal([100.0, 100.0], figure.X("failure rate steps 5 % → 15 %"));
        double falseAlarm = signals.First(), detected = signals.First(s => s > 100);
        Assert.EndsWith($"seeded trace: false alarm at t = {falseAlarm}; the step at t = 100 flagged at t = {detected}", figure.Title, StringComparison.Ordinal);
        Assert.Equal((24.0, 106.0), (falseAlarm, detected));
        // "flags a jump from 5 % to 15 % failures within a few observations": 6 after the step.
        Assert.StartsWith("An EWMA chart flags a jump from 5 % to 15 % failures", figure.Title, StringComparison.Ordinal);
        Assert.InRange(detected - 100, 1, 10);
    }

    [Fact]
    public void PowerCurves_CriticalCountsInTheNames_AreExactAtAlphaOnePercent_AndBiggerWindowsSeparateMore()
    {
        var figure = FigureData.Get("ep13.power-curves");
        Assert.Contains("α = 1 %", figure.Title, StringComparison.Ordinal);
        Assert.Equal(("true failure rate p (ratio)", "probability of tripping (ratio)"), (figure.XTitle, figure.YTitle));

        var windows = new[] { 20, 50, 100, 500 };
        var names = windows.Select(n => string.Create(CultureInfo.InvariantCulture, $"n = {n} (trip when failures > {CriticalCount(n, 1, 20, 0.01)})")).ToList();
        Assert.Equal(names.Append("baseline failure rate 5 %"), figure.TraceNames);

        // At p₀ = 5 % every curve is at most α; at a degraded 15 % a bigger window trips more often.
        double PowerAt(string name, double p) => figure.Y(name)[Array.FindIndex(figure.X(name), x => Math.Abs(x - p) < 1e-12)];
        Assert.All(names, name => Assert.True(PowerAt(name, 0.05) <= 0.01));
        var degraded = names.Select(name => PowerAt(name, 0.15)).ToList();
        Assert.All(degraded.Zip(degraded.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public void RecoveryTradeoff_FixedWaitPoint_IsTheClosedForm_ForTheTitlesTauAndQ()
    {
        var figure = FigureData.Get("ep13.recovery-tradeoff");
        Assert.Equal(["trade-off", "schedules: first wait 5 s, cap 120 s"], figure.TraceNames);
        Assert.Equal(("probes sent to the broken service (count)", "delay from recovery to closing (s)"), (figure.XTitle, figure.YTitle));
        Assert.EndsWith("(τ = 300 s, q = 0.7)", figure.Title, StringComparison.Ordinal);
        Assert.StartsWith("Faster back-off wastes fewer probes on a broken service but closes later", figure.Title, StringComparison.Ordinal);

        // The first schedule waits 5 s every time. With Exp(τ = 300 s) outages: probes before recovery
        // Σⱼ e^{−5j/300} = 1/(e^{5/300} − 1) = 59.50; delay after recovery 5 − 300 + 5/(e^{5/300} − 1) + 5·0.3/0.7 = 4.650 s.
        var probes = figure.X("schedules: first wait 5 s, cap 120 s");
        var delay = figure.Y("schedules: first wait 5 s, cap 120 s");
        double expectedProbes = 1 / (Math.Exp(5.0 / 300) - 1);
        double expectedDelay = 5 - 300 + (5 / (Math.Exp(5.0 / 300) - 1)) + (5 * 0.3 / 0.7);
        Assert.Equal(expectedProbes, probes[0], expectedProbes * 1e-9);
        Assert.Equal(expectedDelay, delay[0], expectedDelay * 1e-9);

        // "Faster back-off: fewer wasted probes, later close": along the schedules probes fall and the delay grows.
        Assert.All(probes.Zip(probes.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.All(delay.Zip(delay.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public void WindowKinds_ExactCurves_HaveTheLimitsOfEachLibrarysDefaults()
    {
        var figure = FigureData.Get("ep13.window-kinds");
        Assert.Equal(["Hystrix (last 10 s), exact", "Hystrix, Poisson calls, simulated", "Polly (last 30 s), exact", "Polly, Poisson calls, simulated", "resilience4j (last 100 calls), exact", "resilience4j, Poisson calls, simulated"], figure.TraceNames);
        Assert.Equal(("request rate λ (requests/s, log scale)", "time to trip (s, log scale)"), (figure.XTitle, figure.YTitle));
        Assert.Equal(("log", "log"), (figure.Layout["xaxis"]!["type"]!.GetValue<string>(), figure.Layout["yaxis"]!["type"]!.GetValue<string>()));

        // "Count windows trip sooner as traffic grows; time windows take the same seconds": resilience4j's delay
        // falls with every rate step, and from 10 requests/s on each time window stays within 5 % of its last value.
        var count = figure.Y("resilience4j (last 100 calls), exact");
        Assert.All(count.Zip(count.Skip(1)), p => Assert.True(p.Second < p.First));
        foreach (var name in new[] { "Polly (last 30 s), exact", "Hystrix (last 10 s), exact" })
        {
            var seconds = figure.X(name).Zip(figure.Y(name)).Where(p => p.First >= 10).Select(p => p.Second).ToList();
            Assert.All(seconds, s => Assert.InRange(s / seconds[^1], 0.95, 1.05));
        }

        // resilience4j: a full window of 100 successes trips at 50 % after 50 failures: 50/λ seconds.
        foreach (var (rate, seconds) in figure.X("resilience4j (last 100 calls), exact").Zip(figure.Y("resilience4j (last 100 calls), exact")))
        {
            Assert.Equal(50 / rate, seconds, 50 / rate * 1e-12);
        }

        // Time windows at high rates: the failure share reaches the threshold after threshold × window:
        // Polly 0.1 × 30 s = 3 s, Hystrix 0.5 × 10 s = 5 s (within 1 % at the highest rate).
        Assert.Equal(3.0, figure.Y("Polly (last 30 s), exact")[^1], 0.03);
        Assert.Equal(5.0, figure.Y("Hystrix (last 10 s), exact")[^1], 0.05);

        // Minimum throughput (Polly 100 calls in 30 s, Hystrix 20 in 10 s): calls 1/λ apart, a window of W seconds
        // holds at most ⌊Wλ⌋ + 1 of them, so with Wλ + 1 below the minimum a breaker never trips (a gap in the
        // curve), and with Wλ at or above it, it does.
        AssertMinimumThroughput("Polly (last 30 s), exact", 30, 100);
        AssertMinimumThroughput("Hystrix (last 10 s), exact", 10, 20);

        void AssertMinimumThroughput(string name, double windowSeconds, int minimumCalls)
        {
            foreach (var (rate, seconds) in figure.X(name).Zip(figure.Y(name)))
            {
                if ((windowSeconds * rate) + 1 < minimumCalls)
                {
                    Assert.True(double.IsNaN(seconds), $"{name}: λ = {rate} trips after {seconds} s");
                }
                else if (windowSeconds * rate >= minimumCalls)
                {
                    Assert.True(double.IsFinite(seconds), $"{name}: λ = {rate} never trips");
                }
            }
        }
    }

    [Fact]
    public void EwmaFigures_CallTheSmoothingWeightKappa_NotLambda()
    {
        var step = Labels("ep13.ewma-step");
        var delay = Labels("ep13.detection-delay");

        Assert.Contains("EWMA (κ = 0.2)", step, StringComparison.Ordinal);
        Assert.Contains("smoothing weight κ (ratio)", delay, StringComparison.Ordinal);
        Assert.DoesNotContain("λ", step + delay, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowKinds_UsesLambdaForTheRequestRate_AndRecoveryUsesQForTheProbe()
    {
        Assert.Contains("request rate λ (requests/s, log scale)", Labels("ep13.window-kinds"), StringComparison.Ordinal);

        var recovery = Labels("ep13.recovery-tradeoff");
        Assert.Contains("q = 0.7", recovery, StringComparison.Ordinal);
        Assert.DoesNotContain("p = 0.7", recovery, StringComparison.Ordinal);
    }
}
