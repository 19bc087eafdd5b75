using System.Globalization;

namespace Workbook.Core.Resilience.Breakers.Mapping;

/// <summary>How faithfully one Hystrix setting carries over.</summary>
public enum MappingFidelity
{
    /// <summary>Same meaning and same comparison.</summary>
    Exact,

    /// <summary>A close equivalent that behaves differently at the edges (stated in the note).</summary>
    Approximate,

    /// <summary>Belongs to another Polly strategy, not to the circuit breaker.</summary>
    OtherStrategy,

    /// <summary>No equivalent in Polly v8 or in <see cref="ProductionBreakerOptions"/>.</summary>
    NoEquivalent,

    /// <summary>Has no effect in the Hystrix configuration itself (overridden by another setting).</summary>
    IneffectiveInHystrix,
}

/// <summary>The Hystrix settings the mapping reads (the seed's section 4.2 values are the defaults here).</summary>
/// <param name="RequestVolumeThreshold">circuitBreaker.requestVolumeThreshold, calls.</param>
/// <param name="ErrorThresholdPercentage">circuitBreaker.errorThresholdPercentage, a whole percent in [1, 100].</param>
/// <param name="SleepWindowMilliseconds">circuitBreaker.sleepWindowInMilliseconds.</param>
/// <param name="RollingWindowMilliseconds">metrics.rollingStats.timeInMilliseconds.</param>
/// <param name="RollingWindowBuckets">metrics.rollingStats.numBuckets.</param>
/// <param name="TimeoutMilliseconds">execution.isolation.thread.timeoutInMilliseconds.</param>
/// <param name="IsolationStrategy">execution.isolation.strategy: "THREAD" or "SEMAPHORE".</param>
/// <param name="SemaphoreMaxConcurrentRequests">execution.isolation.semaphore.maxConcurrentRequests.</param>
/// <param name="ThreadPoolCoreSize">threadpool coreSize.</param>
/// <param name="MaxQueueSize">threadpool maxQueueSize (−1: no queue).</param>
/// <param name="QueueSizeRejectionThreshold">threadpool queueSizeRejectionThreshold.</param>
/// <param name="HealthSnapshotIntervalMilliseconds">metrics.healthSnapshot.intervalInMilliseconds.</param>
public sealed record HystrixCommandSettings(
    int RequestVolumeThreshold = 20,
    int ErrorThresholdPercentage = 50,
    int SleepWindowMilliseconds = 5000,
    int RollingWindowMilliseconds = 10000,
    int RollingWindowBuckets = 10,
    int TimeoutMilliseconds = 1000,
    string IsolationStrategy = "THREAD",
    int SemaphoreMaxConcurrentRequests = 100,
    int ThreadPoolCoreSize = 10,
    int MaxQueueSize = -1,
    int QueueSizeRejectionThreshold = 5,
    int HealthSnapshotIntervalMilliseconds = 500);

/// <summary>One setting's mapping.</summary>
/// <param name="HystrixSetting">The Hystrix property.</param>
/// <param name="HystrixValue">Its value.</param>
/// <param name="Target">Where it goes: a Polly v8 option, another strategy, or "none".</param>
/// <param name="TargetValue">The value there.</param>
/// <param name="Fidelity">How faithful.</param>
/// <param name="Note">What differs, in one or two sentences.</param>
public sealed record SettingMapping(string HystrixSetting, string HystrixValue, string Target, string TargetValue, MappingFidelity Fidelity, string Note);

/// <summary>The result of <see cref="HystrixMapping.Map"/>.</summary>
/// <param name="Settings">The Hystrix settings.</param>
/// <param name="Production">The equivalent <see cref="ProductionBreakerOptions"/> (Polly v8's names and semantics).</param>
/// <param name="TripCondition">The closed-state condition with Hystrix's own truncated-percent comparison, for episode 13's math.</param>
/// <param name="Mappings">One row per setting.</param>
public sealed record HystrixMappingResult(HystrixCommandSettings Settings, ProductionBreakerOptions Production, TripCondition TripCondition, IReadOnlyList<SettingMapping> Mappings);

/// <summary>Episode 13's trip mathematics applied to a mapped configuration.</summary>
/// <param name="RequestsPerSecond">λ.</param>
/// <param name="CallsInWindow">Calls a full window holds, ⌈λT⌉.</param>
/// <param name="BaselineFailureRate">p₀.</param>
/// <param name="FalseTripProbability">P(one full window trips at p₀).</param>
/// <param name="OutageFailureRate">p₁.</param>
/// <param name="DetectionProbability">P(one full window trips at p₁).</param>
/// <param name="TotalOutageDelay">Detection delay of a total outage.</param>
public sealed record MappedBreakerAssessment(double RequestsPerSecond, int CallsInWindow, double BaselineFailureRate, double FalseTripProbability, double OutageFailureRate, double DetectionProbability, OutageDetectionDelay TotalOutageDelay);

/// <summary>
/// Maps a Hystrix command configuration (seed section 4.2) to Polly v8's circuit-breaker options (as
/// <see cref="ProductionBreakerOptions"/>, which keeps Polly's names and defaults), setting by setting, and
/// evaluates the result with episode 13's <see cref="BreakerTripMath"/>.
/// </summary>
/// <remarks>
/// Sources: Hystrix's configuration wiki (https://github.com/Netflix/Hystrix/wiki/Configuration) and
/// v1.5.18 defaults in data/resilience/circuit-breaker-defaults.csv; Polly's circuit-breaker
/// documentation (https://www.pollydocs.org/strategies/circuit-breaker). Round-1 notes pin Polly's
/// comparisons (ratio ≥ threshold, throughput ≥ minimum) with Polly.Core 8.9.1.
/// </remarks>
public static class HystrixMapping
{
    /// <summary>Maps the settings.</summary>
    /// <param name="settings">The Hystrix settings; null means the seed's (Hystrix's defaults).</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting has no valid Polly value (e.g. a volume below 2, a window below 0.5 s).</exception>
    public static HystrixMappingResult Map(HystrixCommandSettings? settings = null)
    {
        var s = settings ?? new HystrixCommandSettings();
        if (s.ErrorThresholdPercentage is < 1 or > 100)
        {
            throw Guard.OutOfRange(nameof(settings), "an ErrorThresholdPercentage in [1, 100]", s.ErrorThresholdPercentage.ToString(CultureInfo.InvariantCulture));
        }

        var production = new ProductionBreakerOptions(
            s.ErrorThresholdPercentage / 100.0,
            s.RequestVolumeThreshold,
            TimeSpan.FromMilliseconds(s.RollingWindowMilliseconds),
            TimeSpan.FromMilliseconds(s.SleepWindowMilliseconds));
        var condition = new TripCondition(
            SlidingWindowKind.TimeBased,
            Math.Max(1, (int)Math.Round(s.RollingWindowMilliseconds / 1000.0)),
            s.RequestVolumeThreshold,
            s.ErrorThresholdPercentage / 100.0,
            TripComparison.TruncatedPercentAtLeast);
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        bool thread = string.Equals(s.IsolationStrategy, "THREAD", StringComparison.OrdinalIgnoreCase);
        var rows = new List<SettingMapping>
        {
            new("circuitBreaker.errorThresholdPercentage", I(s.ErrorThresholdPercentage), "FailureRatio", (s.ErrorThresholdPercentage / 100.0).ToString("R", CultureInfo.InvariantCulture), MappingFidelity.Exact,
                "Hystrix truncates the error percentage to a whole number and trips at or above the threshold; in exact arithmetic ⌊100f/n⌋ ≥ t exactly when f/n ≥ t/100, Polly's comparison. Hystrix computes it in doubles, so a few ratios sitting exactly on other thresholds round down (29 of 100 gives 28.999…, not 29); at 50 % no window of up to 1,000 calls is affected."),
            new("circuitBreaker.requestVolumeThreshold", I(s.RequestVolumeThreshold), "MinimumThroughput", I(s.RequestVolumeThreshold), MappingFidelity.Exact,
                "Both require at least this many calls in the window before the ratio counts (Polly requires a value of at least 2)."),
            new("metrics.rollingStats.timeInMilliseconds", I(s.RollingWindowMilliseconds), "SamplingDuration", $"{s.RollingWindowMilliseconds / 1000.0:0.###} s", MappingFidelity.Approximate,
                "Same window length, but Hystrix decides on a health snapshot taken every healthSnapshot interval, Polly on every failed call."),
            new("metrics.rollingStats.numBuckets", I(s.RollingWindowBuckets), "none (Polly fixes 10 buckets)", "10", s.RollingWindowBuckets == 10 ? MappingFidelity.Exact : MappingFidelity.NoEquivalent,
                "Polly splits the sampling duration into 10 buckets itself; another bucket count cannot be expressed."),
            new("metrics.healthSnapshot.intervalInMilliseconds", I(s.HealthSnapshotIntervalMilliseconds), "none", "-", MappingFidelity.NoEquivalent,
                "Hystrix can trip up to one snapshot interval late; Polly evaluates on each failure."),
            new("circuitBreaker.sleepWindowInMilliseconds", I(s.SleepWindowMilliseconds), "BreakDuration", $"{s.SleepWindowMilliseconds / 1000.0:0.###} s", MappingFidelity.Exact,
                "Both wait this long, then let one trial call through; its success closes, its failure re-opens."),
            new("execution.isolation.thread.timeoutInMilliseconds", I(s.TimeoutMilliseconds), "Timeout strategy (TimeoutStrategyOptions.Timeout)", $"{s.TimeoutMilliseconds / 1000.0:0.###} s", MappingFidelity.OtherStrategy,
                "Hystrix counts a timeout as a breaker failure. In Polly, put the timeout inside the breaker and let ShouldHandle count TimeoutRejectedException."),
            new("execution.isolation.strategy", s.IsolationStrategy, "Concurrency limiter (rate limiter strategy)", thread ? $"PermitLimit {I(s.ThreadPoolCoreSize)}" : $"PermitLimit {I(s.SemaphoreMaxConcurrentRequests)}", MappingFidelity.Approximate,
                "A bulkhead without a dedicated thread pool: .NET calls are asynchronous, so a concurrency limit plays the role of Hystrix's pool or semaphore."),
            new("execution.isolation.semaphore.maxConcurrentRequests", I(s.SemaphoreMaxConcurrentRequests), "none", "-", thread ? MappingFidelity.IneffectiveInHystrix : MappingFidelity.Approximate,
                thread ? "Applies only to SEMAPHORE isolation; with THREAD the pool's coreSize limits concurrency and this value is ignored." : "Becomes the concurrency limiter's PermitLimit."),
            new("threadpool.coreSize", I(s.ThreadPoolCoreSize), "Concurrency limiter PermitLimit", I(s.ThreadPoolCoreSize), thread ? MappingFidelity.Approximate : MappingFidelity.IneffectiveInHystrix,
                "Concurrent executions allowed; no threads are reserved in .NET."),
            new("threadpool.queueSizeRejectionThreshold", I(s.QueueSizeRejectionThreshold), "Concurrency limiter QueueLimit", s.MaxQueueSize < 0 ? "0" : I(Math.Min(s.MaxQueueSize, s.QueueSizeRejectionThreshold)), s.MaxQueueSize < 0 ? MappingFidelity.IneffectiveInHystrix : MappingFidelity.Approximate,
                s.MaxQueueSize < 0 ? "Ignored when maxQueueSize is −1 (a synchronous hand-off, no queue); the seed sets both." : "The effective queue is the smaller of the two."),
        };

        return new HystrixMappingResult(s, production, condition, rows);
    }

    /// <summary>False-trip probability per full window at p₀, detection probability at p₁ and the total-outage delay, from episode 13's functions.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="requestsPerSecond">λ; a finite number &gt; 0.</param>
    /// <param name="baselineFailureRate">p₀, in [0, 1].</param>
    /// <param name="outageFailureRate">p₁, in [0, 1].</param>
    public static MappedBreakerAssessment Assess(HystrixMappingResult mapping, double requestsPerSecond, double baselineFailureRate, double outageFailureRate)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var c = mapping.TripCondition;
        return new MappedBreakerAssessment(
            requestsPerSecond,
            BreakerTripMath.CallsInFullWindow(c, requestsPerSecond),
            baselineFailureRate,
            BreakerTripMath.FullWindowTripProbability(c, baselineFailureRate, requestsPerSecond),
            outageFailureRate,
            BreakerTripMath.FullWindowTripProbability(c, outageFailureRate, requestsPerSecond),
            BreakerTripMath.DetectionDelayAllFailures(c, requestsPerSecond));
    }
}
