using System.Globalization;
using Workbook.Core.Episodes.Ep22BuildingBreakers;
using Workbook.Core.Simulation;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep22BuildingBreakers;

/// <summary>
/// Episode 22's titles are recomputed here from the call stream regenerated in the test (same seed, same draws)
/// and from the breakers' rules as the episode states them (small models written here, not the library's breakers),
/// or read back from what the figure draws.
/// </summary>
public class Episode22FiguresTests
{
    private const double Start = 30, End = 60, Break = 5;

    /// <summary>The standard outage's calls, regenerated: exponential gaps at 20/s, one uniform draw per call (p = 0.2).</summary>
    private static readonly Lazy<List<(double T, bool Fails)>> Stream = new(() =>
    {
        var random = new Xoshiro256StarStar(22);
        var calls = new List<(double, bool)>();
        for (double t = random.NextExponential(1 / 20.0); t < 90; t += random.NextExponential(1 / 20.0))
        {
            var flaky = random.NextDouble() < 0.2;
            calls.Add((t, flaky || (t >= Start && t < End)));
        }

        return calls;
    });

    private static bool Down(double t) => t >= Start && t < End;

    /// <summary>The beginner rule of the README: k failures in a row open it; after the timeout the next call is the probe.</summary>
    private static List<double> BeginnerTrips(int k, double timeout, out List<double> closes)
    {
        var trips = new List<double>();
        closes = [];
        int streak = 0;
        double? openedAt = null;
        foreach (var (t, fails) in Stream.Value)
        {
            if (openedAt is { } o)
            {
                if (t - o < timeout)
                {
                    continue; // rejected
                }

                if (fails)
                {
                    openedAt = t; // the probe failed
                }
                else
                {
                    openedAt = null;
                    streak = 0;
                    closes.Add(t);
                }

                continue;
            }

            streak = fails ? streak + 1 : 0;
            if (streak >= k)
            {
                openedAt = t;
                trips.Add(t);
                streak = 0;
            }
        }

        return trips;
    }

    /// <summary>The intermediate rule: the last 20 outcomes since the last transition, ≥ 10 of them and ≥ 50 % failed; 3 probes must all succeed.</summary>
    private static List<double> IntermediateTrips()
    {
        var trips = new List<double>();
        var window = new Queue<bool>();
        double? openedAt = null;
        int probesSucceeded = 0;
        bool halfOpen = false;
        foreach (var (t, fails) in Stream.Value)
        {
            if (openedAt is { } o)
            {
                if (!halfOpen && t - o < Break)
                {
                    continue;
                }

                halfOpen = true;
                if (fails)
                {
                    (openedAt, halfOpen, probesSucceeded) = (t, false, 0);
                }
                else if (++probesSucceeded == 3)
                {
                    (openedAt, halfOpen, probesSucceeded) = (null, false, 0);
                    window.Clear();
                }

                continue;
            }

            window.Enqueue(fails);
            if (window.Count > 20)
            {
                window.Dequeue();
            }

            if (fails && window.Count >= 10 && window.Count(f => f) >= 0.5 * window.Count)
            {
                openedAt = t;
                trips.Add(t);
                window.Clear();
            }
        }

        return trips;
    }

    /// <summary>Failed fraction and count of the calls in (t - length, t].</summary>
    private static (double Fraction, int Calls) Trailing(double t, double length)
    {
        var inWindow = Stream.Value.Where(c => c.T > t - length && c.T <= t).ToList();
        return (inWindow.Count(c => c.Fails) / (double)Math.Max(1, inWindow.Count), inWindow.Count);
    }

    [Fact]
    public void OutageTimeline_Title_SparedCalls_Detection_AndRecovery_AreRecomputed()
    {
        var figure = FigureData.Get("ep22.outage-timeline");
        Assert.Equal(("time (s)", "calls per second (calls/s)"), (figure.XTitle, figure.YTitle));

        var doomed = Stream.Value.Count(c => Down(c.T));
        var binCentres = figure.X("rejected by the breaker");
        var rejectedBars = figure.Y("rejected by the breaker");
        var spared = (int)binCentres.Zip(rejectedBars).Where(b => Down(b.First)).Sum(b => b.Second);
        var all = figure.Y("succeeded").Zip(figure.Y("failed"), rejectedBars).Sum(b => b.First + b.Second + b.Third);
        Assert.Equal(Stream.Value.Count, (int)all);

        // One probe per break: the first probe is the first call ≥ 5 s after the trip, each later one ≥ 5 s after the last.
        var failedProbes = figure.X("probe failed");
        var succeededProbe = Assert.Single(figure.X("probe succeeded"));
        Assert.All(failedProbes, p => Assert.True(Down(p), $"a probe at {p} s failed outside the outage"));
        var expectedRecoveryProbe = Stream.Value.First(c => c.T >= failedProbes[^1] + Break).T;
        Assert.Equal(expectedRecoveryProbe, succeededProbe, 1e-9);
        for (int i = 1; i < failedProbes.Length; i++)
        {
            Assert.Equal(Stream.Value.First(c => c.T >= failedProbes[i - 1] + Break).T, failedProbes[i], 1e-9);
        }

        // The trip is where the figure's shaded band starts; one break later the next call is the first probe.
        var band = figure.Layout["shapes"]!.AsArray().Single(x => (string?)x!["type"] == "rect")!;
        var trip = band["x0"]!.GetValue<double>();
        Assert.Equal(succeededProbe, band["x1"]!.GetValue<double>(), 1e-9);
        Assert.Contains(Stream.Value, c => c.T == trip && c.Fails);
        Assert.Equal(Stream.Value.First(c => c.T >= trip + Break).T, failedProbes[0], 1e-9);
        var firstRejected = binCentres.Zip(rejectedBars).First(b => b.Second > 0).First;
        Assert.InRange(trip, Start, firstRejected + 0.5);
        // The ratio rule: at the trip the trailing window (9 to 10 s of buckets) holds ≥ 20 calls, about half failed,
        // and a second earlier the trailing 10 s were still below one half.
        Assert.True(Trailing(trip, 9).Fraction >= 0.45 && Trailing(trip, 9).Calls >= 20, $"trip at {trip}: {Trailing(trip, 9)}");
        Assert.True(Trailing(trip - 1, 10).Fraction < 0.5, $"a second before the trip: {Trailing(trip - 1, 10)}");

        var expected = string.Create(CultureInfo.InvariantCulture,
            $"The breaker spares {spared:N0} of {doomed:N0} doomed calls: trips {trip - Start:0.0} s in, closes {succeededProbe - End:0.0} s after");
        Assert.Equal(expected, FigureCatalogTitle("ep22.outage-timeline"));
        Assert.True(spared > 0.8 * doomed, $"{spared} of {doomed}");
    }

    [Fact]
    public void Comparison_Title_FalseTrips_AndDetection_FollowTheBreakersRules()
    {
        var figure = FigureData.Get("ep22.beginner-vs-production");
        Assert.Equal(["closed", "open or half-open", "false trip (dependency healthy)"], figure.TraceNames);

        var beginner = BeginnerTrips(5, Break, out _);
        var intermediate = IntermediateTrips();
        var beginnerFalse = beginner.Count(t => !Down(t));
        var intermediateFalse = intermediate.Count(t => !Down(t));
        var fastest = Math.Min(beginner.First(Down), intermediate.First(Down)) - Start;

        // Production: no trailing window of 9 to 10 s with ≥ 20 calls reaches one half failed while the dependency is healthy,
        // so the ratio rule cannot trip outside the outage.
        var healthyFailures = Stream.Value.Where(c => c.Fails && (c.T < Start || c.T >= End + 10)).Select(c => c.T);
        Assert.All(healthyFailures, t => Assert.True(Trailing(t, 9).Fraction < 0.5 || Trailing(t, 9).Calls < 20, $"{t}: {Trailing(t, 9)}"));
        var productionTrip = Episode22Figures.StandardRuns[2].Trips.First(Down) - Start;

        // Beginner and intermediate false trips as the figure marks them, by lane (3 = beginner, 2 = intermediate, 1 = production).
        var marks = figure.Y("false trip (dependency healthy)").Select(y => (int)Math.Round(y - 0.22)).ToList();
        Assert.Equal((beginnerFalse, intermediateFalse, 0), (marks.Count(l => l == 3), marks.Count(l => l == 2), marks.Count(l => l == 1)));
        Assert.Equal(beginner.Count, Episode22Figures.StandardRuns[0].Trips.Count);
        Assert.Equal(intermediate.Count, Episode22Figures.StandardRuns[1].Trips.Count);

        Assert.True(beginnerFalse + intermediateFalse > 0 && productionTrip > fastest, "the finding of the title no longer holds");
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"The 10 s window avoids the {beginnerFalse + intermediateFalse} false trips of short memories but trips {productionTrip - fastest:0.0} s later");
        Assert.Equal(expected, FigureCatalogTitle("ep22.beginner-vs-production"));
    }

    [Fact]
    public void StateMachine_DrawsEveryStateOnce_AndEveryEdgeTheTextNames()
    {
        var figure = FigureData.Get("ep22.state-machine");
        var text = figure.Trace("state")["text"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Equal(["Closed", "Open", "HalfOpen", "Isolated"], text);
        var annotations = figure.Layout["annotations"]!.AsArray().Select(a => a!["text"]?.GetValue<string>() ?? "").ToList();
        foreach (var label in new[] { "failure ratio ≥ r with ≥ m calls in the window", "break elapsed and", "probe succeeds", "probe fails", "Isolate() / Reset()" })
        {
            Assert.Contains(annotations, a => a.Contains(label, StringComparison.Ordinal));
        }

        Assert.Equal(7, annotations.Count(a => a.Length == 0)); // the seven arrows
    }

    private static string FigureCatalogTitle(string id) => Workbook.Core.Charts.FigureCatalog.Get(id).Title;
}
