using Workbook.Core.Resilience.Breakers;

namespace Workbook.Core.Resilience.Policies;

/// <summary>
/// The world of a <see cref="CompositionSimulation"/>: Poisson requests to one dependency that has an outage, and the
/// policies' settings. Times in milliseconds of simulated time. The defaults are illustrative, not measured.
/// </summary>
/// <remarks>
/// Healthy, a call takes 10 ms + an exponential time of mean 20 ms and fails with probability <see cref="HealthyFailureProbability"/>.
/// During the outage every call fails: with probability <see cref="HangProbability"/> it never answers (a black-holed host),
/// otherwise it fails after 5 ms (connection refused).
/// </remarks>
public sealed record CompositionSimulationOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="seed">The seed (arrivals, call outcomes and jitter each get their own stream from it).</param>
    /// <param name="durationMilliseconds">How long requests arrive; in [1,000, 3,600,000] ms.</param>
    /// <param name="requestsPerSecond">The Poisson arrival rate; in (0, 10,000].</param>
    /// <param name="outageStartMilliseconds">When the outage starts; in [0, duration].</param>
    /// <param name="outageEndMilliseconds">When it ends; in [outage start, duration].</param>
    /// <param name="hangProbability">The share of outage calls that never answer; in [0, 1].</param>
    /// <param name="healthyFailureProbability">The share of healthy calls that fail; in [0, 1].</param>
    /// <param name="attemptTimeoutMilliseconds">The per-attempt deadline of the recommended order; &gt; 0.</param>
    /// <param name="overallTimeoutMilliseconds">The one deadline of the other order; &gt; 0.</param>
    /// <param name="backoff">The retry's backoff; null means base 50 ms, cap 1,000 ms, 3 retries, full jitter.</param>
    /// <param name="breaker">The breaker's options; null means ratio 0.5, 20 calls, 10 s window, 5 s break.</param>
    public CompositionSimulationOptions(
        long seed = 22,
        double durationMilliseconds = 60_000,
        double requestsPerSecond = 50,
        double outageStartMilliseconds = 20_000,
        double outageEndMilliseconds = 40_000,
        double hangProbability = 0.5,
        double healthyFailureProbability = 0.01,
        double attemptTimeoutMilliseconds = 200,
        double overallTimeoutMilliseconds = 1_000,
        BackoffOptions? backoff = null,
        ProductionBreakerOptions? breaker = null)
    {
        Seed = seed;
        DurationMilliseconds = Guard.InRangeInclusive(durationMilliseconds, 1_000, 3_600_000, nameof(durationMilliseconds));
        RequestsPerSecond = Guard.InRangeExclusiveInclusive(requestsPerSecond, 0, 10_000, nameof(requestsPerSecond));
        OutageStartMilliseconds = Guard.InRangeInclusive(outageStartMilliseconds, 0, DurationMilliseconds, nameof(outageStartMilliseconds));
        OutageEndMilliseconds = Guard.InRangeInclusive(outageEndMilliseconds, OutageStartMilliseconds, DurationMilliseconds, nameof(outageEndMilliseconds));
        HangProbability = Guard.Probability(hangProbability, nameof(hangProbability));
        HealthyFailureProbability = Guard.Probability(healthyFailureProbability, nameof(healthyFailureProbability));
        AttemptTimeoutMilliseconds = Guard.PositiveFinite(attemptTimeoutMilliseconds, nameof(attemptTimeoutMilliseconds));
        OverallTimeoutMilliseconds = Guard.PositiveFinite(overallTimeoutMilliseconds, nameof(overallTimeoutMilliseconds));
        Backoff = backoff ?? new BackoffOptions(baseDelayMilliseconds: 50, capMilliseconds: 1_000, maxRetryAttempts: 3, jitter: JitterKind.Full);
        Breaker = breaker ?? new ProductionBreakerOptions(failureRatio: 0.5, minimumThroughput: 20, samplingDuration: TimeSpan.FromSeconds(10), breakDuration: TimeSpan.FromSeconds(5));
    }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>How long requests arrive, in ms.</summary>
    public double DurationMilliseconds { get; }

    /// <summary>The Poisson arrival rate of logical requests, per second.</summary>
    public double RequestsPerSecond { get; }

    /// <summary>When the outage starts, in ms.</summary>
    public double OutageStartMilliseconds { get; }

    /// <summary>When the outage ends, in ms.</summary>
    public double OutageEndMilliseconds { get; }

    /// <summary>The share of outage calls that never answer.</summary>
    public double HangProbability { get; }

    /// <summary>The share of healthy calls that fail.</summary>
    public double HealthyFailureProbability { get; }

    /// <summary>The per-attempt deadline of <see cref="CompositionOrder.RetryOutsideBreaker"/>, in ms.</summary>
    public double AttemptTimeoutMilliseconds { get; }

    /// <summary>The single deadline of <see cref="CompositionOrder.RetryInsideBreaker"/> around all attempts, in ms.</summary>
    public double OverallTimeoutMilliseconds { get; }

    /// <summary>The retry's backoff (both orders).</summary>
    public BackoffOptions Backoff { get; }

    /// <summary>The breaker's options (both orders).</summary>
    public ProductionBreakerOptions Breaker { get; }

    /// <summary>True when a call started at <paramref name="milliseconds"/> falls in the outage.</summary>
    /// <param name="milliseconds">The time in ms.</param>
    /// <returns>Whether start &lt;= t &lt; end.</returns>
    public bool InOutage(double milliseconds) => milliseconds >= OutageStartMilliseconds && milliseconds < OutageEndMilliseconds;
}
