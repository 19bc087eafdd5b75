using Workbook.Core.Resilience;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Resilience;

public class BreakerTripMathTests
{
    [Fact]
    public void FullWindowTripProbability_IsTheExactTailAtTheFirstTrippingCount()
    {
        var options = new TripCondition(windowSize: 200, minimumThroughput: 20, failureThreshold: 0.1, comparison: TripComparison.RatioAtLeast);
        double[] exact = ExactBinomial.UpperTails(200, 1, 20); // p = 5 %

        double actual = BreakerTripMath.FullWindowTripProbability(options, 0.05, requestsPerSecond: 1);

        Assert.Equal(20, options.MinimumFailuresToTrip(200).Failures);
        Assert.Equal(exact[20], actual, 1e-12); // P(X >= 20) = P(X > 19), index 19 + 1
    }

    [Theory]
    [InlineData(10.0, 300)]
    [InlineData(3.3, 99)]
    [InlineData(2.5, 75)]
    [InlineData(0.05, 2)]
    public void CallsInFullWindow_IsCeilingOfRateTimesWindow_ForTimeBased(double rate, int calls)
    {
        var polly = new TripCondition(windowKind: SlidingWindowKind.TimeBased, windowSize: 30);

        Assert.Equal(calls, BreakerTripMath.CallsInFullWindow(polly, rate));
        Assert.Equal(100, BreakerTripMath.CallsInFullWindow(new TripCondition(), rate));
    }

    [Fact]
    public void TimeBasedWindow_BelowMinimumThroughput_NeverTrips()
    {
        var polly = CircuitBreakerDefaults.TripConditionFor("Polly");

        Assert.Equal(0, BreakerTripMath.FullWindowTripProbability(polly, 1.0, requestsPerSecond: 3.3));
        var never = BreakerTripMath.DetectionDelayAllFailures(polly, 3.3);
        Assert.False(never.Trips);
        Assert.Null(never.Seconds);
        Assert.Equal("The breaker never trips. 99 calls are below the minimum throughput of 100: the ratio is not compared.", never.Reason);
        Assert.True(BreakerTripMath.FullWindowTripProbability(polly, 1.0, requestsPerSecond: 3.4) > 0.999);
    }

    [Theory]
    [InlineData(SlidingWindowKind.CountBased, 2.0)]
    [InlineData(SlidingWindowKind.CountBased, 50.0)]
    [InlineData(SlidingWindowKind.TimeBased, 5.0)]
    [InlineData(SlidingWindowKind.TimeBased, 50.0)]
    public void DetectionDelay_OfATotalOutage_SimulationEqualsTheClosedFormExactly(SlidingWindowKind kind, double rate)
    {
        var options = new TripCondition(windowKind: kind, windowSize: kind == SlidingWindowKind.CountBased ? 100 : 10, minimumThroughput: 20, failureThreshold: 0.5);

        double closedForm = BreakerTripMath.DetectionDelayAllFailures(options, rate).Seconds!.Value;
        var simulated = SlidingWindowSimulation.DetectionDelay(options, rate, 0, 1, ArrivalProcess.Deterministic, runs: 5, seed: 1);

        Assert.Equal(closedForm, simulated.Mean, 9);
        Assert.Equal(0, simulated.StandardError, 9);
    }

    [Fact]
    public void DetectionDelay_CountBasedShrinksWithTraffic_TimeBasedStaysNearHalfTheWindow()
    {
        var count = new TripCondition(windowSize: 100, minimumThroughput: 20, failureThreshold: 0.5);
        var time = new TripCondition(SlidingWindowKind.TimeBased, windowSize: 10, minimumThroughput: 20, failureThreshold: 0.5);

        Assert.Equal(25.0, BreakerTripMath.DetectionDelayAllFailures(count, 2).Seconds);   // 50 failures at 2/s
        Assert.Equal(0.5, BreakerTripMath.DetectionDelayAllFailures(count, 100).Seconds);  // 50 failures at 100/s
        Assert.Equal(5.0, BreakerTripMath.DetectionDelayAllFailures(time, 2).Seconds);     // 10 of 20 calls
        var fast = BreakerTripMath.DetectionDelayAllFailures(time, 100);                   // 500 of 1000 calls
        Assert.Equal((true, 1000, 500, 5.0), (fast.Trips, fast.CallsInWindow, fast.FailuresToTrip, fast.Seconds));
        Assert.Equal("500 failures trip a full window of 1000 calls; at 100 calls per second they take 500 / 100 = 5 s.", fast.Reason);
        var quiet = BreakerTripMath.DetectionDelayAllFailures(time, 1.9);                  // 19 calls < 20
        Assert.Equal((false, 19, (int?)null, (double?)null), (quiet.Trips, quiet.CallsInWindow, quiet.FailuresToTrip, quiet.Seconds));
    }

    [Fact]
    public void DetectionDelay_WithPoissonTrafficAndPartialFailures_IsReproducibleBySeed_AndPlausible()
    {
        var options = new TripCondition(windowSize: 100, minimumThroughput: 20, failureThreshold: 0.5);

        var first = SlidingWindowSimulation.DetectionDelay(options, 20, 0.01, 0.8, ArrivalProcess.Poisson, runs: 400, seed: 7);
        var second = SlidingWindowSimulation.DetectionDelay(options, 20, 0.01, 0.8, ArrivalProcess.Poisson, runs: 400, seed: 7);

        Assert.Equal(first, second);
        Assert.Equal(0, first.Censored);

        // Lower bound: even at 80 % failures the window needs ~50 failures ≈ 50/0.8 calls at 20/s ≈ 3.1 s; and it cannot
        // take longer than replacing the whole window (100 calls ≈ 5 s) by much.
        Assert.InRange(first.Mean, 2.5, 5.5);
    }

    [Fact]
    public void TripWithinRequests_OverOneWindow_EqualsTheExactPerWindowProbability()
    {
        // With m = n the first and only evaluation in n calls is of the full window.
        var options = new TripCondition(windowSize: 20, minimumThroughput: 20, failureThreshold: 0.25, comparison: TripComparison.RatioAtLeast);
        double exact = BreakerTripMath.WindowTripProbability(options, 0.1, 20);

        var simulated = SlidingWindowSimulation.TripWithinRequests(options, 0.1, 20, runs: 40_000, seed: 3);

        Assert.True(Math.Abs(simulated.Mean - exact) < 4 * simulated.StandardError, $"simulated {simulated.Mean} ± {simulated.StandardError}, exact {exact}");
    }

    [Fact]
    public void TripWithinRequests_OverManyOverlappingWindows_MatchesAnExactMarkovChain()
    {
        // A window of 6 calls has 2^6 contents: small enough to propagate the exact distribution of window
        // states call by call (absorbing on a trip). The simulation must agree; the per-window probability and
        // the independent-windows formula must not.
        var options = new TripCondition(windowSize: 6, minimumThroughput: 6, failureThreshold: 0.5, comparison: TripComparison.RatioAtLeast);
        const double p = 0.15;
        const int requests = 60;
        double exact = ExactTripWithin(options, p, requests);
        double perWindow = BreakerTripMath.WindowTripProbability(options, p, 6);

        var simulated = SlidingWindowSimulation.TripWithinRequests(options, p, requests, runs: 40_000, seed: 11);

        Assert.True(Math.Abs(simulated.Mean - exact) < 4 * simulated.StandardError, $"simulated {simulated.Mean} ± {simulated.StandardError}, exact {exact}");
        Assert.True(exact > perWindow * 5, "many looks should trip far more often than one");
        Assert.True(exact < 1 - Math.Pow(1 - perWindow, requests - 5), "overlapping looks are positively correlated");
    }

    private static double ExactTripWithin(TripCondition options, double p, int requests)
    {
        int n = options.WindowSize;

        // State: (calls seen so far capped at n, bit pattern of the last min(calls, n) outcomes).
        var probability = new Dictionary<(int Calls, int Bits), double> { [(0, 0)] = 1 };
        double tripped = 0;
        for (int t = 0; t < requests; t++)
        {
            var next = new Dictionary<(int, int), double>();
            foreach (var ((calls, bits), mass) in probability)
            {
                foreach (bool failed in new[] { true, false })
                {
                    double m = mass * (failed ? p : 1 - p);
                    int newCalls = Math.Min(calls + 1, n);
                    int newBits = ((bits << 1) | (failed ? 1 : 0)) & ((1 << n) - 1);
                    if (options.Trips(System.Numerics.BitOperations.PopCount((uint)newBits), newCalls))
                    {
                        tripped += m;
                    }
                    else
                    {
                        next[(newCalls, newBits)] = next.GetValueOrDefault((newCalls, newBits)) + m;
                    }
                }
            }

            probability = next;
        }

        return tripped;
    }

    [Fact]
    public void Simulations_RejectBadInput()
    {
        var timeBased = new TripCondition(windowKind: SlidingWindowKind.TimeBased);

        Assert.Throws<ArgumentException>(() => SlidingWindowSimulation.TripWithinRequests(timeBased, 0.1, 100, 10, 1));
        BadInput.Rejects(() => SlidingWindowSimulation.DetectionDelay(timeBased, 0, 0.1, 0.5, ArrivalProcess.Poisson, 10, 1),
            "requestsPerSecond", "requestsPerSecond must be a finite number > 0; got 0.");
        BadInput.Rejects(() => SlidingWindowSimulation.TripWithinRequests(new TripCondition(), 0.1, 100, 1, 1), "runs", "runs must be an integer >= 2; got 1.");
        BadInput.Rejects(() => BreakerTripMath.WindowTripProbability(new TripCondition(), 0.1, 0), "callsInWindow", "callsInWindow must be");
    }

    [Fact]
    public void PollyDefaultWindowTrips_SimulatedWithTheWorkbookGenerator_MatchTheExactTailOverTenSeeds()
    {
        // Polly's default at 5 requests/s: 150 calls, trips at 15 failures or more. At p = 5 % the exact
        // tail is P(X ≥ 15) from exact rational sums. For each of ten seeds, 200,000 simulated windows give
        // a z-score (simulated − exact) / standard error; the ten z-scores of a sound generator average to
        // N(0, 1/√10), so |mean| < 1.3 is a four-standard-error band. Seeded System.Random fails this check
        // (mean z ≈ +2.6, dotnet/runtime#23198), which is why the simulations use xoshiro256**.
        var polly = CircuitBreakerDefaults.TripConditionFor("Polly");
        int calls = BreakerTripMath.CallsInFullWindow(polly, 5);
        double exact = ExactBinomial.UpperTails(calls, 1, 20)[polly.MinimumFailuresToTrip(calls).Failures!.Value]; // index k + 1 holds P(X > k), so index f holds P(X ≥ f)
        Assert.Equal(exact, BreakerTripMath.WindowTripProbability(polly, 0.05, calls), 1e-12);

        const int windows = 200_000;
        double standardError = Math.Sqrt(exact * (1 - exact) / windows);
        double zSum = 0;
        for (int seed = 1; seed <= 10; seed++)
        {
            var random = new Xoshiro256StarStar(seed);
            int trips = 0;
            for (int w = 0; w < windows; w++)
            {
                int failures = 0;
                for (int i = 0; i < calls; i++)
                {
                    failures += random.NextDouble() < 0.05 ? 1 : 0;
                }

                trips += polly.Trips(failures, calls) ? 1 : 0;
            }

            zSum += (((double)trips / windows) - exact) / standardError;
        }

        Assert.InRange(zSum / 10, -1.3, 1.3);
    }
}
