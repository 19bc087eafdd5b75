using Workbook.Core.Numerics;

namespace Workbook.Core.Resilience;

/// <summary>
/// Exact false-trip and detection probabilities of a concrete breaker configuration for one
/// evaluation of a full window, and the closed-form detection delay of an outage in which every call fails.
/// </summary>
/// <remarks>
/// <para>
/// <b>One full window.</b> If the window holds N calls, each failing independently with probability p,
/// the failure count is X ~ Binomial(N, p) and the breaker trips when X ≥ f*, the smallest count that
/// passes its rule (<see cref="BreakerOptions.MinimumFailuresToTrip"/>). For "ratio ≥ r" in exact
/// arithmetic f* = ⌈r·N⌉; for "ratio &gt; r" it is ⌊r·N⌋ + 1. The probability is the binomial upper
/// tail P(X ≥ f*): the false-trip probability when p is the healthy baseline p₀, the detection
/// probability when p is a degraded rate p₁. It is zero when N is below the minimum throughput.
/// </para>
/// <para>
/// <b>Time-based windows: the simplification.</b> A time-based window of T seconds at λ requests per
/// second is treated as holding exactly ⌈λT⌉ calls, which is what evenly spaced arrivals give (the
/// number of arrival instants i/λ in a half-open interval of length T). Poisson traffic makes the count
/// itself random; use <see cref="SlidingWindowSimulation"/> for that. Polly also keeps its window as 10
/// buckets (3 s each for the default 30 s), so it actually sees between 27 and 30 seconds of calls;
/// Hystrix likewise keeps 10 one-second buckets and re-evaluates on a 500 ms health snapshot. These
/// effects are ignored here.
/// </para>
/// <para>
/// <b>One evaluation is not the whole story.</b> A breaker re-evaluates after every call, and
/// overlapping windows are strongly dependent, so the probability of tripping at least once in T
/// calls is neither the per-window probability nor 1 − (1 − q)^(T/N). Use
/// <see cref="SlidingWindowSimulation.TripWithinRequests"/>.
/// </para>
/// </remarks>
public static class BreakerTripMath
{
    /// <summary>
    /// The number of calls a full window holds: <see cref="BreakerOptions.WindowSize"/> for a
    /// count-based window, ⌈λT⌉ for a time-based window of T seconds at λ requests per second.
    /// </summary>
    /// <param name="options">The breaker.</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0 (not used by a count-based window, but still validated).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is not a finite number &gt; 0.</exception>
    /// <exception cref="OverflowException">λT exceeds the largest int.</exception>
    public static int CallsInFullWindow(BreakerOptions options, double requestsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.PositiveFinite(requestsPerSecond, nameof(requestsPerSecond));
        return options.Kind == SlidingWindowKind.CountBased
            ? options.WindowSize
            : checked((int)Math.Ceiling(requestsPerSecond * options.WindowSize));
    }

    /// <summary>
    /// P(one evaluation of a window of <paramref name="callsInWindow"/> calls trips), with calls failing
    /// independently at <paramref name="failureRate"/>: P(X ≥ f*) for X ~ Binomial(N, p).
    /// </summary>
    /// <param name="options">The breaker.</param>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="callsInWindow">N, &gt;= 1 (at most the window size for a count-based window).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double WindowTripProbability(BreakerOptions options, double failureRate, int callsInWindow)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Probability(failureRate, nameof(failureRate));
        Guard.AtLeast(callsInWindow, 1, nameof(callsInWindow));
        int? firstTrippingCount = options.MinimumFailuresToTrip(callsInWindow);
        return firstTrippingCount is int f ? BinomialTail.AtLeast(callsInWindow, f, failureRate) : 0;
    }

    /// <summary>
    /// P(one evaluation of a full window trips) at failure rate p and request rate λ: the false-trip
    /// probability at a baseline p₀, the detection probability at a degraded p₁.
    /// </summary>
    /// <param name="options">The breaker.</param>
    /// <param name="failureRate">p, in [0, 1].</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0; sets the calls in a time-based window.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double FullWindowTripProbability(BreakerOptions options, double failureRate, double requestsPerSecond) =>
        WindowTripProbability(options, failureRate, CallsInFullWindow(options, requestsPerSecond));

    /// <summary>
    /// The time from the start of a total outage (every call fails from time 0 on) to the call that
    /// trips the breaker, with evenly spaced arrivals at λ per second and a healthy, full window before
    /// the outage. Closed form: f*/λ, where f* = <see cref="BreakerOptions.MinimumFailuresToTrip"/>(N)
    /// and N = <see cref="CallsInFullWindow"/>.
    /// </summary>
    /// <remarks>
    /// The j-th failure arrives at j/λ and leaves the window holding j failures among N calls (j ≤ N:
    /// every new failure pushes out one old success). A count-based window therefore needs ⌈rN⌉/λ
    /// seconds, which shrinks as traffic grows; a time-based window needs about r·T seconds at any
    /// traffic, but never trips when λT is below the minimum throughput.
    /// </remarks>
    /// <param name="options">The breaker.</param>
    /// <param name="requestsPerSecond">λ, a finite number &gt; 0.</param>
    /// <returns>The delay in seconds, or <see cref="double.PositiveInfinity"/> if the breaker never trips.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="requestsPerSecond"/> is not a finite number &gt; 0.</exception>
    public static double DetectionDelayAllFailuresSeconds(BreakerOptions options, double requestsPerSecond)
    {
        int calls = CallsInFullWindow(options, requestsPerSecond);
        return options.MinimumFailuresToTrip(calls) is int f ? f / requestsPerSecond : double.PositiveInfinity;
    }
}
