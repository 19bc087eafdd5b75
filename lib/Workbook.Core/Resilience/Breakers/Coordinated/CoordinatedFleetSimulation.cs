using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience.Breakers.Coordinated;

/// <summary>One second of a fleet run: instances open, probes sent, failed calls.</summary>
/// <param name="Second">The second.</param>
/// <param name="OpenInstances">Instances open at the end of the second.</param>
/// <param name="Probes">Probe calls sent in the second.</param>
/// <param name="FailedCalls">Failed calls (probes included) in the second.</param>
public sealed record FleetSecond(int Second, int OpenInstances, int Probes, int FailedCalls);

/// <summary>The result of one fleet run.</summary>
/// <param name="Options">The options.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Detected">Whether any instance tripped during the outage (false when there is none).</param>
/// <param name="FirstTripDelaySeconds">Seconds from the outage's start to the first trip (when <paramref name="Detected"/>).</param>
/// <param name="AllTrippedDelaySeconds">Seconds until every instance had tripped, or the outage's length if some never did.</param>
/// <param name="FalseTrips">Trips of an instance whose own calls were healthy (no outage, not its own problem).</param>
/// <param name="FalseTripsPerInstanceHour">False trips per instance per hour of healthy time.</param>
/// <param name="FailedCallsDuringOutage">Failed calls made during the outage (the cost of detecting late).</param>
/// <param name="OpenSecondsWhileHealthy">Instance-seconds open while that instance's calls would have been healthy.</param>
/// <param name="PeakProbesPerSecond">The most probes in one second.</param>
/// <param name="TotalProbes">Probes sent in the whole run.</param>
/// <param name="LocalConditionRate">Fraction of healthy instance-seconds at which a full local window (shadow calls at the baseline rate, never reset) passed the local condition.</param>
/// <param name="PooledConditionRate">The same for the pooled window of all shadow calls.</param>
/// <param name="Timeline">One row per second.</param>
public sealed record FleetRunResult(
    CoordinatedFleetOptions Options,
    FleetScenario Scenario,
    long Seed,
    bool Detected,
    double FirstTripDelaySeconds,
    double AllTrippedDelaySeconds,
    int FalseTrips,
    double FalseTripsPerInstanceHour,
    long FailedCallsDuringOutage,
    long OpenSecondsWhileHealthy,
    int PeakProbesPerSecond,
    int TotalProbes,
    double LocalConditionRate,
    double PooledConditionRate,
    IReadOnlyList<FleetSecond> Timeline);

/// <summary>
/// A fleet of client instances calling one dependency, each with a local failure-ratio breaker, that
/// may also share a view of the dependency's health through a simulated store. Seeded, on simulated
/// time in whole seconds.
/// </summary>
/// <remarks>
/// Each second: open instances whose break has ended probe (per <see cref="HalfOpenCoordination"/>);
/// closed instances make their calls (evenly spaced, each failing independently); an instance whose turn
/// it is publishes its window's failures and calls with a timestamp; each closed instance then trips if
/// its local window passes the local condition or, coordinated, the pooled fresh records pass the pooled
/// condition (the view decides when it holds the pooled minimum throughput; an instance the view left
/// out, or a view too thin to decide, uses its own window). An instance that cannot reach the store falls back to its local breaker, or, with
/// <see cref="StoreOutagePolicy.KeepLastView"/>, freezes on the last view it read. Both conditions are
/// episode 13's <see cref="TripCondition"/>, so its binomial tails predict the trip rates.
/// </remarks>
public static class CoordinatedFleetSimulation
{
    /// <summary>Runs the fleet through a scenario.</summary>
    /// <param name="options">The fleet's options.</param>
    /// <param name="scenario">What happens.</param>
    /// <param name="seed">The seed.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The scenario is invalid.</exception>
    public static FleetRunResult Run(CoordinatedFleetOptions options, FleetScenario scenario, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scenario);
        Guard.AtLeast(scenario.DurationSeconds, 1, nameof(scenario));
        Guard.Probability(scenario.BaselineFailureRate, nameof(scenario));
        Guard.Probability(scenario.OutageFailureRate, nameof(scenario));
        if (scenario.BadInstance is int b && (b < 0 || b >= options.Instances))
        {
            throw Guard.OutOfRange(nameof(scenario), $"a bad instance in [0, {options.Instances - 1}]", b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var rng = new Xoshiro256StarStar(seed);
        int n = options.Instances, w = options.WindowSeconds, lambda = options.CallsPerSecondPerInstance;
        var local = options.LocalCondition;
        var shadowRng = new Xoshiro256StarStar(seed ^ 0x5DEECE66DL);
        var shadowBucketF = new int[n, options.WindowSeconds];
        var shadowF = new int[n];

        var pooled = options.PooledCondition;
        var bucketsF = new int[n, w];
        var bucketsC = new int[n, w];
        var windowF = new int[n];
        var windowC = new int[n];
        var open = new bool[n];
        var openUntil = new int[n];
        var openedAt = new int[n];
        var lastView = new bool[n];
        var recF = new int[n];
        var recC = new int[n];
        var recAt = Enumerable.Repeat(int.MinValue / 2, n).ToArray();
        int leaseUntil = int.MinValue, fleetHealthyAt = int.MinValue;
        var tripped = new bool[n];
        double firstTrip = double.NaN;
        int falseTrips = 0, peakProbes = 0, totalProbes = 0;
        long failedInOutage = 0, openHealthy = 0, healthyInstanceSeconds = 0, localHeld = 0, localEvaluated = 0, pooledHeld = 0, pooledEvaluated = 0;
        int allTrippedAt = -1;
        var timeline = new FleetSecond[scenario.DurationSeconds];

        for (int t = 0; t < scenario.DurationSeconds; t++)
        {
            bool outage = scenario.Outage?.Contains(t) == true;
            bool storeUp = scenario.StoreDown?.Contains(t) != true;
            int probes = 0, failedNow = 0;
            int slot = t % w;
            ShadowStep(t, outage);
            for (int i = 0; i < n; i++)
            {
                windowF[i] -= bucketsF[i, slot];
                windowC[i] -= bucketsC[i, slot];
                bucketsF[i, slot] = 0;
                bucketsC[i, slot] = 0;
            }

            for (int i = 0; i < n; i++)
            {
                bool bad = scenario.BadInstance == i && scenario.BadSpan?.Contains(t) == true;
                double p = bad ? 1 : outage ? scenario.OutageFailureRate : scenario.BaselineFailureRate;
                bool healthyForMe = !bad && !outage;
                if (healthyForMe)
                {
                    healthyInstanceSeconds++;
                }

                if (open[i])
                {
                    if (healthyForMe)
                    {
                        openHealthy++;
                    }

                    bool frozen = options.Coordinated && !storeUp && options.StoreOutage == StoreOutagePolicy.KeepLastView && lastView[i];
                    if (frozen || t < openUntil[i])
                    {
                        continue;
                    }

                    if (options.Coordinated && storeUp && options.HalfOpen == HalfOpenCoordination.OneProbeForTheFleet)
                    {
                        if (fleetHealthyAt > openedAt[i])
                        {
                            Close(i);
                            continue;
                        }

                        if (leaseUntil > t)
                        {
                            continue; // someone else probes for the fleet
                        }

                        leaseUntil = t + options.BreakSeconds;
                    }

                    probes++;
                    if (rng.NextDouble() < p)
                    {
                        failedNow++;
                        if (outage)
                        {
                            failedInOutage++;
                        }

                        Open(i, t);
                    }
                    else
                    {
                        if (options.Coordinated && storeUp)
                        {
                            fleetHealthyAt = t;
                        }

                        Close(i);
                    }

                    continue;
                }

                int failures = 0;
                for (int c = 0; c < lambda; c++)
                {
                    if (rng.NextDouble() < p)
                    {
                        failures++;
                    }
                }

                failedNow += failures;
                if (outage)
                {
                    failedInOutage += failures;
                }

                bucketsF[i, slot] += failures;
                bucketsC[i, slot] += lambda;
                windowF[i] += failures;
                windowC[i] += lambda;
            }

            if (storeUp)
            {
                for (int i = 0; i < n; i++)
                {
                    if (t % options.PublishIntervalSeconds == i % options.PublishIntervalSeconds)
                    {
                        (recF[i], recC[i], recAt[i]) = (windowF[i], windowC[i], t);
                    }
                }
            }

            bool view = false, viewDecides = false, fullView = false, fullViewDecides = false;
            int excluded = -1;
            if (options.Coordinated && storeUp)
            {
                (int pf, int pc, int af, int ac, excluded) = Pool(options, recF, recC, recAt, t);
                view = pooled.TripsUnchecked(pf, pc);
                viewDecides = pc >= pooled.MinimumThroughput;
                fullView = pooled.TripsUnchecked(af, ac);
                fullViewDecides = ac >= pooled.MinimumThroughput;
            }

            for (int i = 0; i < n; i++)
            {
                if (open[i])
                {
                    continue;
                }

                bool bad = scenario.BadInstance == i && scenario.BadSpan?.Contains(t) == true;
                bool healthyForMe = !bad && !outage;
                bool localTrip = local.TripsUnchecked(windowF[i], windowC[i]);

                bool trip;
                if (!options.Coordinated)
                {
                    trip = localTrip;
                }
                else if (storeUp)
                {
                    // The pooled view decides when it holds enough calls (a view too thin to decide leaves
                    // the instance to its own window); the instance a leave-worst-out view left out is
                    // judged by the full view, which includes its own failures.
                    bool v = i == excluded ? fullView : view;
                    bool decides = i == excluded ? fullViewDecides : viewDecides;
                    trip = decides ? v : localTrip;
                    lastView[i] = trip;
                }
                else
                {
                    trip = options.StoreOutage == StoreOutagePolicy.FallBackToLocal ? localTrip : lastView[i];
                }

                if (trip)
                {
                    Open(i, t);
                    if (healthyForMe)
                    {
                        falseTrips++;
                    }
                    else if (outage && !tripped[i])
                    {
                        tripped[i] = true;
                        if (double.IsNaN(firstTrip))
                        {
                            firstTrip = t - scenario.Outage!.Value.From + 1;
                        }

                        if (tripped.All(x => x))
                        {
                            allTrippedAt = t;
                        }
                    }
                }
            }

            peakProbes = Math.Max(peakProbes, probes);
            totalProbes += probes;
            timeline[t] = new FleetSecond(t, open.Count(x => x), probes, failedNow);
        }

        bool detected = !double.IsNaN(firstTrip);
        double outageLength = scenario.Outage is { } o ? Math.Min(o.To, scenario.DurationSeconds) - o.From : 0;
        return new FleetRunResult(
            options, scenario, seed, detected, detected ? firstTrip : 0,
            allTrippedAt >= 0 ? allTrippedAt - scenario.Outage!.Value.From + 1 : outageLength,
            falseTrips, healthyInstanceSeconds == 0 ? 0 : falseTrips / (healthyInstanceSeconds / 3600.0),
            failedInOutage, openHealthy, peakProbes, totalProbes,
            localEvaluated == 0 ? 0 : localHeld / (double)localEvaluated,
            pooledEvaluated == 0 ? 0 : pooledHeld / (double)pooledEvaluated,
            timeline);

        void ShadowStep(int t, bool outage)
        {
            // Shadow windows: every instance's calls as if it never tripped (independent draws), so the
            // fraction of healthy seconds at which a full window passes a condition is the marginal
            // probability episode 13's binomial tail predicts.
            int slot = t % w, pooledF = 0;
            for (int i = 0; i < n; i++)
            {
                shadowF[i] -= shadowBucketF[i, slot];
                int f = 0;
                for (int c = 0; c < lambda; c++)
                {
                    f += shadowRng.NextDouble() < scenario.BaselineFailureRate ? 1 : 0;
                }

                shadowBucketF[i, slot] = f;
                shadowF[i] += f;
                pooledF += shadowF[i];
                if (t >= w && !outage)
                {
                    localEvaluated++;
                    localHeld += local.TripsUnchecked(shadowF[i], w * lambda) ? 1 : 0;
                }
            }

            if (t >= w && !outage)
            {
                pooledEvaluated++;
                pooledHeld += pooled.TripsUnchecked(pooledF, w * lambda * n) ? 1 : 0;
            }
        }

        void Open(int i, int t)
        {
            open[i] = true;
            openedAt[i] = t;
            int jitter = options.HalfOpen == HalfOpenCoordination.Jittered ? (int)(rng.NextDouble() * (options.JitterSeconds + 1)) : 0;
            openUntil[i] = t + options.BreakSeconds + jitter;
            ResetWindow(i);
        }

        void Close(int i)
        {
            open[i] = false;
            ResetWindow(i);
        }

        void ResetWindow(int i)
        {
            for (int k = 0; k < w; k++)
            {
                bucketsF[i, k] = 0;
                bucketsC[i, k] = 0;
            }

            windowF[i] = 0;
            windowC[i] = 0;
        }
    }

    /// <summary>Pools the fresh records (age ≤ the view's maximum) by the options' rule.</summary>
    private static (int Failures, int Calls, int AllFailures, int AllCalls, int Excluded) Pool(CoordinatedFleetOptions options, int[] f, int[] c, int[] at, int now)
    {
        int sf = 0, sc = 0, worst = -1;
        double worstRatio = -1;
        for (int i = 0; i < f.Length; i++)
        {
            if (now - at[i] > options.MaxViewAgeSeconds || c[i] == 0)
            {
                continue;
            }

            sf += f[i];
            sc += c[i];
            double r = f[i] / (double)c[i];
            if (r > worstRatio)
            {
                (worstRatio, worst) = (r, i);
            }
        }

        if (options.Pooling == PoolingRule.LeaveWorstOut && worst >= 0)
        {
            return (sf - f[worst], sc - c[worst], sf, sc, worst);
        }

        return (sf, sc, sf, sc, -1);
    }
}
