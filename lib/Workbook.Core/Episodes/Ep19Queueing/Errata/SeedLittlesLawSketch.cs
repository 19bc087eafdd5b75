using Workbook.Core.Queueing;

namespace Workbook.Core.Episodes.Ep19Queueing.Errata;

/// <summary>
/// The seed notebook's <c>LittlesLawInteractive</c>, reproduced as written — wrong on purpose — so
/// the episode can show its numbers beside the exact <see cref="MMcQueue"/>.
/// </summary>
/// <remarks>
/// What the sketch does, and what is wrong with it:
/// <list type="number">
/// <item><description>
/// Its M/M/c formulas (P₀, L_q, W_q = L_q/λ, W = W_q + S, L = λW) are right, but it evaluates them
/// with c! and (cρ)ᶜ, which overflow once c·log₁₀(cρ) &gt; 308.25 or c &gt; 170
/// (<see cref="TextbookErlangC"/>): in Python an <c>OverflowError</c>, in double precision NaN. Its
/// docstring writes ρᶜ·ρ where the code (rightly) has (cρ)ᶜ·ρ. It also calls
/// <c>np.math.factorial</c>, an alias deprecated in NumPy 1.25 and removed in 2.0.
/// </description></item>
/// <item><description>
/// For an overloaded system it recommends <c>ceil(λ/μ)</c> servers. When λ/μ is a whole number
/// that is ρ = 1, which has no steady state; the minimum is ⌊λ/μ⌋ + 1
/// (<see cref="MMcQueue.MinimumServersForStability"/>).
/// </description></item>
/// <item><description>
/// Its p99 is mean × ln(100) × (1 + ρ), with no derivation. The docstring says the M/M/c response
/// time is exponential; that holds only for M/M/1, where the p99 is exactly mean × ln 100, so the
/// (1 + ρ) factor makes even that case wrong. For c &gt; 1 the response time is not exponential
/// (<see cref="ResponseTimeDistribution"/>).
/// </description></item>
/// <item><description>
/// Its capacity exercise passes a dict where the function expects a scenario name (a
/// <c>TypeError</c> in Python), steps the servers by 100 from 100 — every count up to 1000 is
/// overloaded and every count from 1100 overflows — and asks for a p99 of 50 ms, which exponential
/// service with a 20 ms mean cannot meet with any number of servers (the service alone has p99 ≈
/// 92 ms) — and its own p99, at least S·ln 100·(1 + ρ) &gt; 92 ms, never meets it either. It can never
/// print an answer; <see cref="CapacityPlanningExerciseAnswer"/> shows that.
/// </description></item>
/// <item><description>
/// It reports utilisation as a percentage for a stable system but as a fraction for an overloaded one.
/// </description></item>
/// </list>
/// Do not use this for anything but the comparison.
/// </remarks>
public static class SeedLittlesLawSketch
{
    /// <summary>
    /// The seed's <c>_calculate_p99</c>: average × ln(100) × (1 + utilisation). Has no basis.
    /// </summary>
    /// <param name="averageTime">The mean response time, in any unit; a finite number &gt;= 0.</param>
    /// <param name="utilisation">ρ as a fraction; a finite number &gt;= 0.</param>
    /// <returns>The seed's "p99", in the unit of <paramref name="averageTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double P99ResponseTime(double averageTime, double utilisation) =>
        SeedP99(
            Guard.NonNegativeFinite(averageTime, nameof(averageTime)),
            Guard.NonNegativeFinite(utilisation, nameof(utilisation)));

    /// <summary>The seed's recommendation for an overloaded system: ⌈λ/μ⌉ servers (one too few when λ/μ is whole).</summary>
    /// <param name="arrivalRatePerSecond">λ; a finite number &gt; 0.</param>
    /// <param name="meanServiceTimeSeconds">S = 1/μ; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static int RecommendedServers(double arrivalRatePerSecond, double meanServiceTimeSeconds)
    {
        var mu = 1 / Guard.PositiveFinite(meanServiceTimeSeconds, nameof(meanServiceTimeSeconds));
        return checked((int)Math.Ceiling(Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond)) / mu));
    }

    /// <summary>The seed's <c>calculate_system_metrics</c> for one of its scenarios.</summary>
    /// <param name="scenario">A scenario, usually from <see cref="SeedScenarios"/>.</param>
    /// <returns>The seed's result dictionary, with its keys, in its order, with its units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is null.</exception>
    public static IReadOnlyDictionary<string, object> CalculateSystemMetrics(SeedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return CalculateSystemMetrics(scenario.ArrivalRatePerSecond, scenario.MeanServiceTimeSeconds, scenario.Servers);
    }

    /// <summary>
    /// The seed's <c>calculate_system_metrics</c> for any λ, S and c: either <c>status</c>,
    /// <c>utilization</c> (a fraction) and <c>recommendation</c>, or <c>utilization</c> (a percentage),
    /// <c>avg_requests_in_system</c>, <c>avg_requests_in_queue</c>, <c>avg_time_in_system_ms</c>,
    /// <c>avg_time_in_queue_ms</c> and <c>p99_response_time_ms</c>, which are NaN once the textbook
    /// form overflows (<see cref="TextbookErlangC"/>).
    /// </summary>
    /// <param name="arrivalRatePerSecond">λ; a finite number &gt; 0.</param>
    /// <param name="meanServiceTimeSeconds">S; a finite number &gt; 0.</param>
    /// <param name="servers">c; an integer &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyDictionary<string, object> CalculateSystemMetrics(
        double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers)
    {
        var lambda = Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond));
        var serviceTime = Guard.PositiveFinite(meanServiceTimeSeconds, nameof(meanServiceTimeSeconds));
        var c = Guard.AtLeast(servers, 1, nameof(servers));
        var mu = 1 / serviceTime;
        var rho = lambda / (c * mu);

        if (rho >= 1)
        {
            return new OrderedDictionary<string, object>
            {
                ["status"] = "OVERLOADED",
                ["utilization"] = rho,
                ["recommendation"] = $"Need at least {RecommendedServers(lambda, serviceTime)} servers",
            };
        }

        var (_, queueLength) = TextbookErlangC.EvaluateAtUtilisation(c, rho);
        var waitInQueue = queueLength / lambda;
        var timeInSystem = waitInQueue + serviceTime;
        return new OrderedDictionary<string, object>
        {
            ["utilization"] = rho * 100,
            ["avg_requests_in_system"] = lambda * timeInSystem,
            ["avg_requests_in_queue"] = queueLength,
            ["avg_time_in_system_ms"] = timeInSystem * 1000,
            ["avg_time_in_queue_ms"] = waitInQueue * 1000,
            ["p99_response_time_ms"] = SeedP99(timeInSystem, rho) * 1000,
        };
    }

    // Unvalidated, like the seed: a NaN mean from the overflowing formulas flows through to a NaN "p99".
    private static double SeedP99(double averageTime, double utilisation) => averageTime * Math.Log(100) * (1 + utilisation);

    /// <summary>
    /// The seed's <c>capacity_planning_exercise</c> with its dict-for-name bug fixed: the first server
    /// count in 100, 200, …, 1900 whose seed "p99" is below 50 ms, or null when the loop finds none —
    /// which it never does (counts up to 1000 are overloaded, the rest overflow to NaN).
    /// </summary>
    public static int? CapacityPlanningExerciseAnswer()
    {
        for (var servers = 100; servers < 2000; servers += 100)
        {
            var metrics = CalculateSystemMetrics(
                SeedScenarios.ChallengeArrivalRatePerSecond, SeedScenarios.ChallengeMeanServiceTimeSeconds, servers);
            var p99Ms = metrics.TryGetValue("p99_response_time_ms", out var value) ? (double)value : double.PositiveInfinity;
            if (p99Ms < SeedScenarios.ChallengeP99ResponseTimeSeconds * 1000)
            {
                return servers;
            }
        }

        return null;
    }
}
