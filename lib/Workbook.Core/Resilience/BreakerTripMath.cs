using Workbook.Core.Numerics;

namespace Workbook.Core.Resilience;

/// <summary>
/// Exact false-trip and detection probabilities of a <see cref="TripCondition"/> for one evaluation
/// of a full window, and the closed-form detection delay of an outage in which every call fails.
/// </summary>
/// <remarks>
/// A full window of N calls failing independently at p holds X ~ Binomial(N, p) failures and trips
/// when X ≥ f* (<see cref="TripCondition.MinimumFailuresToTrip"/>), so one evaluation trips with the
/// binomial tail P(X ≥ f*). A time-based window of T seconds is taken to hold ⌈λT⌉ calls (evenly
/// spaced arrivals), ignoring Polly's 10 buckets (it sees 27 to 30 s of its 30 s), Hystrix's 500 ms
/// health snapshots and random arrival counts. Overlapping windows are dependent: for the chance of
/// tripping at least once in T calls use <see cref="SlidingWindowSimulation.TripWithinRequests"/>.
/// Derivations: episode 13, sections 3 and 4.
/// </remarks>
public static class BreakerTripMath
{
    /// <summary>
    /// The number of calls a full window holds: <see cref="TripCondition.WindowSize"/> for a
    /// count-based window, ⌈λT⌉ for a time-based window of T seconds at λ requests per second.
    /// </summary>
    /// <param name="condition">The breaker's trip condition.</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0 (not used by a count-based window, but still validated).</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is not a finite number &gt; 0.</exception>
    /// <exception cref="OverflowException">λT exceeds the largest int.</exception>
    public static int CallsInFullWindow(TripCondition condition, double requestsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Guard.PositiveFinite(requestsPerSecond, nameof(requestsPerSecond));
        return condition.WindowKind == SlidingWindowKind.CountBased
            ? condition.WindowSize
            : checked((int)Math.Ceiling(requestsPerSecond * condition.WindowSize));
    }

    /// <summary>
    /// P(one evaluation of a window of <paramref name="callsInWindow"/> calls trips), with calls failing
    /// independently at <paramref name="failureRate"/>: P(X ≥ f*) for X ~ Binomial(N, p).
    /// </summary>
    /// <param name="condition">The breaker's trip condition.</param>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="callsInWindow">N, &gt;= 1 (at most the window size for a count-based window).</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double WindowTripProbability(TripCondition condition, double failureRate, int callsInWindow)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Guard.Probability(failureRate, nameof(failureRate));
        Guard.AtLeast(callsInWindow, 1, nameof(callsInWindow));
        var firstTrip = condition.MinimumFailuresToTrip(callsInWindow);
        return firstTrip.CanTrip ? BinomialTail.AtLeast(callsInWindow, firstTrip.Failures.Value, failureRate) : 0;
    }

    /// <summary>
    /// P(one evaluation of a full window trips) at failure rate p and request rate λ: the false-trip
    /// probability at a baseline p₀, the detection probability at a degraded p₁.
    /// </summary>
    /// <param name="condition">The breaker's trip condition.</param>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0; sets the calls in a time-based window.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double FullWindowTripProbability(TripCondition condition, double failureRate, double requestsPerSecond) =>
        WindowTripProbability(condition, failureRate, CallsInFullWindow(condition, requestsPerSecond));

    /// <summary>
    /// The time from the start of a total outage (every call fails from time 0 on) to the call that
    /// trips the breaker, with evenly spaced arrivals at λ per second and a healthy, full window before
    /// the outage: f*/λ, with f* = <see cref="TripCondition.MinimumFailuresToTrip"/>(N) and N = <see cref="CallsInFullWindow"/>.
    /// </summary>
    /// <remarks>
    /// A count-based window needs ⌈rN⌉/λ seconds, which shrinks as traffic grows; a time-based window
    /// needs about r·T seconds at any traffic, but never trips when λT is below the minimum throughput.
    /// </remarks>
    /// <param name="condition">The breaker's trip condition.</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0.</param>
    /// <returns>The delay, or <see cref="OutageDetectionDelay.Trips"/> false with the reason when the breaker never trips.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is not a finite number &gt; 0.</exception>
    public static OutageDetectionDelay DetectionDelayAllFailures(TripCondition condition, double requestsPerSecond)
    {
        int calls = CallsInFullWindow(condition, requestsPerSecond);
        return new OutageDetectionDelay(requestsPerSecond, condition.MinimumFailuresToTrip(calls));
    }
}
