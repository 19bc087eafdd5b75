using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience;

/// <summary>
/// Seeded simulations of a breaker's closed state where no simple closed form exists: the chance of
/// tripping at least once within T calls, and the time to detect a step change in the failure rate.
/// </summary>
/// <remarks>
/// A breaker re-evaluates its window after every call, and consecutive windows share all but one
/// call, so the chance of at least one false trip in T calls is neither the per-window probability
/// nor 1 − (1 − q)^(T − N + 1); the exact answer is a Markov chain over 2^N window contents. Calls fail
/// independently; the window is evaluated after every call, as resilience4j does (Polly evaluates only
/// after failures, which with a ratio rule differs only when the window first reaches the minimum
/// throughput). Time is counted in mean gaps between calls, and a call at s is inside a window of
/// length T ending at t when t − T &lt; s ≤ t. Every method takes a seed. Episode 13, sections 3 and 4.
/// </remarks>
public static class SlidingWindowSimulation
{
    /// <summary>
    /// The probability that a fresh count-based breaker trips at least once within its first
    /// <paramref name="requests"/> calls when every call fails independently with probability p.
    /// </summary>
    /// <param name="condition">A count-based trip condition.</param>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="requests">T, the calls observed per run; &gt;= 1.</param>
    /// <param name="runs">Independent runs; &gt;= 2.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <returns>The fraction of runs that tripped, with its standard error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="condition"/> is not count-based.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static Estimate TripWithinRequests(TripCondition condition, double failureRate, int requests, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (condition.WindowKind != SlidingWindowKind.CountBased)
        {
            throw new ArgumentException("TripWithinRequests needs a count-based window; use DetectionDelay for a time-based one.", nameof(condition));
        }

        Guard.Probability(failureRate, nameof(failureRate));
        Guard.AtLeast(requests, 1, nameof(requests));
        Guard.AtLeast(runs, 2, nameof(runs));

        var random = new Xoshiro256StarStar(seed);
        var window = new bool[condition.WindowSize];
        int tripped = 0;
        for (int run = 0; run < runs; run++)
        {
            Array.Clear(window);
            int calls = 0, failures = 0, next = 0;
            for (int t = 0; t < requests; t++)
            {
                bool failed = random.NextDouble() < failureRate;
                if (calls == window.Length)
                {
                    failures -= window[next] ? 1 : 0;
                }
                else
                {
                    calls++;
                }

                window[next] = failed;
                failures += failed ? 1 : 0;
                next = (next + 1) % window.Length;
                if (condition.TripsUnchecked(failures, calls))
                {
                    tripped++;
                    break;
                }
            }
        }

        double p = (double)tripped / runs;
        return Estimate.Proportion(p, runs);
    }

    /// <summary>
    /// The mean time from a step change in the failure rate (p₀ before time 0, p₁ from time 0 on) to the
    /// call that trips the breaker.
    /// </summary>
    /// <remarks>
    /// Each run starts with a window full of baseline history: the last N calls for a count-based window,
    /// the calls of the last T seconds for a time-based one. Trips before the change are not looked for
    /// (the breaker is assumed closed at the change). With p₀ = 0, p₁ = 1 and evenly spaced arrivals the
    /// result equals <see cref="BreakerTripMath.DetectionDelayAllFailures"/> exactly, with zero spread.
    /// </remarks>
    /// <param name="condition">The breaker's trip condition.</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0.</param>
    /// <param name="baselineFailureRate">p₀ before the change, in [0, 1].</param>
    /// <param name="degradedFailureRate">p₁ after the change, in [0, 1].</param>
    /// <param name="arrivals">Evenly spaced or Poisson arrivals.</param>
    /// <param name="runs">Independent runs; &gt;= 2.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <param name="maxRequestsPerRun">Calls after the change at which a run is cut off and counted as censored; &gt;= 1. Default 100,000.</param>
    /// <returns>The mean delay in seconds, with its standard error and the number of censored runs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static Estimate DetectionDelay(
        TripCondition condition,
        double requestsPerSecond,
        double baselineFailureRate,
        double degradedFailureRate,
        ArrivalProcess arrivals,
        int runs,
        int seed,
        int maxRequestsPerRun = 100_000)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Guard.PositiveFinite(requestsPerSecond, nameof(requestsPerSecond));
        Guard.Probability(baselineFailureRate, nameof(baselineFailureRate));
        Guard.Probability(degradedFailureRate, nameof(degradedFailureRate));
        if (!Enum.IsDefined(arrivals))
        {
            throw new ArgumentOutOfRangeException(nameof(arrivals), $"{nameof(arrivals)} must be Deterministic or Poisson; got {(int)arrivals}.");
        }

        Guard.AtLeast(runs, 2, nameof(runs));
        Guard.AtLeast(maxRequestsPerRun, 1, nameof(maxRequestsPerRun));

        var random = new Xoshiro256StarStar(seed);
        double Gap() => arrivals == ArrivalProcess.Deterministic ? 1 : random.NextExponential(1);

        // Time unit: the mean gap between calls, 1/λ seconds. A time-based window of T seconds spans λT units.
        bool countBased = condition.WindowKind == SlidingWindowKind.CountBased;
        double windowLength = requestsPerSecond * condition.WindowSize;
        var window = new Queue<(double Time, bool Failed)>();
        double sum = 0, sumOfSquares = 0;
        int censored = 0;
        for (int run = 0; run < runs; run++)
        {
            window.Clear();
            int failures = 0;

            // Baseline history, newest first going back from time 0, then replayed in time order.
            var history = new List<(double Time, bool Failed)>();
            double back = 0;
            while (countBased ? history.Count < condition.WindowSize : back > -windowLength)
            {
                history.Add((back, random.NextDouble() < baselineFailureRate));
                back -= Gap();
            }

            for (int i = history.Count - 1; i >= 0; i--)
            {
                window.Enqueue(history[i]);
                failures += history[i].Failed ? 1 : 0;
            }

            double time = 0;
            bool detected = false;
            for (int call = 1; call <= maxRequestsPerRun; call++)
            {
                time += Gap();
                bool failed = random.NextDouble() < degradedFailureRate;
                window.Enqueue((time, failed));
                failures += failed ? 1 : 0;
                while (countBased ? window.Count > condition.WindowSize : window.Peek().Time <= time - windowLength)
                {
                    failures -= window.Dequeue().Failed ? 1 : 0;
                }

                if (condition.TripsUnchecked(failures, window.Count))
                {
                    detected = true;
                    break;
                }
            }

            if (!detected)
            {
                censored++;
            }

            double seconds = time / requestsPerSecond;
            sum += seconds;
            sumOfSquares += seconds * seconds;
        }

        return Estimate.FromSums(sum, sumOfSquares, runs, censored);
    }
}
