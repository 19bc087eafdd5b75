using System.Globalization;

namespace Workbook.Core.Resilience.Breakers.Coordinated;

/// <summary>How the shared store pools the instances' published counts.</summary>
public enum PoolingRule
{
    /// <summary>Sum every fresh record's failures and calls.</summary>
    Sum,

    /// <summary>Sum without the record of the instance with the highest failure ratio, so no single instance can trip the fleet.</summary>
    LeaveWorstOut,
}

/// <summary>How open instances probe the dependency again.</summary>
public enum HalfOpenCoordination
{
    /// <summary>Each instance probes when its own break ends (all at once if they tripped together).</summary>
    EveryInstance,

    /// <summary>Each instance adds a random 0 to <see cref="CoordinatedFleetOptions.JitterSeconds"/> seconds to its break.</summary>
    Jittered,

    /// <summary>One instance holds a probe lease in the store and probes for the fleet; the others close when it succeeds.</summary>
    OneProbeForTheFleet,
}

/// <summary>What an instance does when it cannot reach the shared store.</summary>
public enum StoreOutagePolicy
{
    /// <summary>Act on its own local breaker until the store is back.</summary>
    FallBackToLocal,

    /// <summary>The naive design: keep acting on the last view read (stuck open or stuck closed).</summary>
    KeepLastView,
}

/// <summary>Options of <see cref="CoordinatedFleetSimulation"/>; validated here.</summary>
public sealed record CoordinatedFleetOptions
{
    /// <summary>Creates and validates the options.</summary>
    /// <param name="instances">Client instances; in [1, 1000].</param>
    /// <param name="callsPerSecondPerInstance">Calls each closed instance makes per second, evenly spaced; in [1, 10000].</param>
    /// <param name="windowSeconds">The time-based window of every breaker, seconds; &gt;= 1.</param>
    /// <param name="failureThreshold">The failure ratio that trips (compared with ≥); in (0, 1].</param>
    /// <param name="localMinimumThroughput">Calls a local window needs before its ratio counts; &gt;= 1.</param>
    /// <param name="pooledMinimumThroughput">Calls the pooled window needs before its ratio counts; &gt;= 1.</param>
    /// <param name="publishIntervalSeconds">P, seconds between an instance's publications (phases staggered by instance); &gt;= 1.</param>
    /// <param name="maxViewAgeSeconds">Records older than this are ignored by the pooled view; &gt;= <paramref name="publishIntervalSeconds"/>.</param>
    /// <param name="breakSeconds">Seconds an instance stays open before it probes; &gt;= 1.</param>
    /// <param name="jitterSeconds">The largest random extra break for <see cref="HalfOpenCoordination.Jittered"/>; &gt;= 0.</param>
    /// <param name="coordinated">false: independent local breakers only; true: local or pooled view trips.</param>
    /// <param name="pooling">The pooling rule.</param>
    /// <param name="halfOpen">The half-open coordination.</param>
    /// <param name="storeOutage">What an instance does when the store is unreachable.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public CoordinatedFleetOptions(
        int instances = 8,
        int callsPerSecondPerInstance = 1,
        int windowSeconds = 10,
        double failureThreshold = 0.1,
        int localMinimumThroughput = 20,
        int pooledMinimumThroughput = 40,
        int publishIntervalSeconds = 1,
        int maxViewAgeSeconds = 30,
        int breakSeconds = 5,
        int jitterSeconds = 5,
        bool coordinated = true,
        PoolingRule pooling = PoolingRule.Sum,
        HalfOpenCoordination halfOpen = HalfOpenCoordination.EveryInstance,
        StoreOutagePolicy storeOutage = StoreOutagePolicy.FallBackToLocal)
    {
        Instances = InRange(instances, 1, 1000, nameof(instances));
        CallsPerSecondPerInstance = InRange(callsPerSecondPerInstance, 1, 10_000, nameof(callsPerSecondPerInstance));
        WindowSeconds = Guard.AtLeast(windowSeconds, 1, nameof(windowSeconds));
        FailureThreshold = Guard.InRangeExclusiveInclusive(failureThreshold, 0, 1, nameof(failureThreshold));
        LocalMinimumThroughput = Guard.AtLeast(localMinimumThroughput, 1, nameof(localMinimumThroughput));
        PooledMinimumThroughput = Guard.AtLeast(pooledMinimumThroughput, 1, nameof(pooledMinimumThroughput));
        PublishIntervalSeconds = Guard.AtLeast(publishIntervalSeconds, 1, nameof(publishIntervalSeconds));
        MaxViewAgeSeconds = Guard.AtLeast(maxViewAgeSeconds, publishIntervalSeconds, nameof(maxViewAgeSeconds));
        BreakSeconds = Guard.AtLeast(breakSeconds, 1, nameof(breakSeconds));
        JitterSeconds = Guard.NonNegative(jitterSeconds, nameof(jitterSeconds));
        Coordinated = coordinated;
        Pooling = Enum.IsDefined(pooling) ? pooling : throw Guard.OutOfRange(nameof(pooling), "a defined PoolingRule", ((int)pooling).ToString(CultureInfo.InvariantCulture));
        HalfOpen = Enum.IsDefined(halfOpen) ? halfOpen : throw Guard.OutOfRange(nameof(halfOpen), "a defined HalfOpenCoordination", ((int)halfOpen).ToString(CultureInfo.InvariantCulture));
        StoreOutage = Enum.IsDefined(storeOutage) ? storeOutage : throw Guard.OutOfRange(nameof(storeOutage), "a defined StoreOutagePolicy", ((int)storeOutage).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Client instances (default 8).</summary>
    public int Instances { get; }

    /// <summary>Calls per second per closed instance (default 1).</summary>
    public int CallsPerSecondPerInstance { get; }

    /// <summary>Window, seconds (default 10).</summary>
    public int WindowSeconds { get; }

    /// <summary>The failure ratio that trips (default 0.1, Polly's).</summary>
    public double FailureThreshold { get; }

    /// <summary>Local minimum throughput (default 20, Hystrix's).</summary>
    public int LocalMinimumThroughput { get; }

    /// <summary>Pooled minimum throughput (default 40).</summary>
    public int PooledMinimumThroughput { get; }

    /// <summary>P, seconds between publications (default 1).</summary>
    public int PublishIntervalSeconds { get; }

    /// <summary>Oldest record the view uses, seconds (default 30).</summary>
    public int MaxViewAgeSeconds { get; }

    /// <summary>Break, seconds (default 5).</summary>
    public int BreakSeconds { get; }

    /// <summary>Largest jitter, seconds (default 5).</summary>
    public int JitterSeconds { get; }

    /// <summary>Whether the pooled view is used (default true).</summary>
    public bool Coordinated { get; }

    /// <summary>The pooling rule (default <see cref="PoolingRule.Sum"/>).</summary>
    public PoolingRule Pooling { get; }

    /// <summary>The half-open coordination (default <see cref="HalfOpenCoordination.EveryInstance"/>).</summary>
    public HalfOpenCoordination HalfOpen { get; }

    /// <summary>The store-outage policy (default <see cref="StoreOutagePolicy.FallBackToLocal"/>).</summary>
    public StoreOutagePolicy StoreOutage { get; }

    /// <summary>The local trip condition: a time-based window, the local minimum throughput, the threshold compared with ≥.</summary>
    public TripCondition LocalCondition => new(SlidingWindowKind.TimeBased, WindowSeconds, LocalMinimumThroughput, FailureThreshold, TripComparison.RatioAtLeast);

    /// <summary>The pooled trip condition: as <see cref="LocalCondition"/> with the pooled minimum throughput.</summary>
    public TripCondition PooledCondition => new(SlidingWindowKind.TimeBased, WindowSeconds, PooledMinimumThroughput, FailureThreshold, TripComparison.RatioAtLeast);

    private static int InRange(int value, int low, int high, string name) =>
        value >= low && value <= high ? value : throw Guard.OutOfRange(name, $"an integer in [{low}, {high}]", value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>A span of simulated seconds [From, To).</summary>
/// <param name="From">The first second.</param>
/// <param name="To">The first second after the span.</param>
public readonly record struct SecondsSpan(int From, int To)
{
    /// <summary>Whether <paramref name="second"/> is in the span.</summary>
    /// <param name="second">A second.</param>
    public bool Contains(int second) => second >= From && second < To;
}

/// <summary>What happens during a run: the dependency's outage, one instance's own network problem, the store's unavailability.</summary>
/// <param name="DurationSeconds">Simulated seconds; &gt;= 1.</param>
/// <param name="BaselineFailureRate">The healthy failure probability per call.</param>
/// <param name="Outage">When the dependency fails for everyone, if it does.</param>
/// <param name="OutageFailureRate">The failure probability per call during the outage.</param>
/// <param name="BadInstance">The instance with its own network problem (every call fails), if any.</param>
/// <param name="BadSpan">When that instance's problem lasts.</param>
/// <param name="StoreDown">When the shared store is unreachable, if ever.</param>
public sealed record FleetScenario(
    int DurationSeconds,
    double BaselineFailureRate,
    SecondsSpan? Outage = null,
    double OutageFailureRate = 1,
    int? BadInstance = null,
    SecondsSpan? BadSpan = null,
    SecondsSpan? StoreDown = null);
