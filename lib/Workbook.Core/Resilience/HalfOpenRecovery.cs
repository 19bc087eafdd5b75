using Workbook.Core.Numerics;
using Workbook.Core.Simulation;

namespace Workbook.Core.Resilience;

/// <summary>
/// The cost of half-open probing: how long an open breaker stays open after its dependency has
/// recovered, and how many probes it sends to a dependency that is still broken, derived for a
/// stated model and checked by seeded simulation.
/// </summary>
/// <remarks>
/// <b>The model.</b> The breaker opens at time 0; the dependency recovers at R ~ Exponential(mean μ).
/// Probe j goes out at T_j = w₁ + ... + w_j with the waits of a <see cref="ProbeSchedule"/>. A probe
/// before R fails; a probe at or after R succeeds with probability q, independently. The first
/// success, probe J, closes the breaker at T_J. <see cref="Expected"/> sums E[T_J] = Σ_j w_j·P(J ≥ j);
/// <see cref="ExpectedForFixedPeriod"/> is the renewal closed form for a fixed period; <see cref="Simulate"/>
/// checks both. Derivations: episode 13, section 6; S. M. Ross, Introduction to Probability Models,
/// renewal theory (residual life).
/// </remarks>
public static class HalfOpenRecovery
{
    private const int MaxProbes = 50_000_000;

    /// <summary>The expectations derived in the remarks, for exponential recovery with mean μ.</summary>
    /// <param name="schedule">The probe schedule.</param>
    /// <param name="meanRecoverySeconds">μ, the mean time to recovery in seconds; a finite number &gt; 0.</param>
    /// <param name="probeSuccessProbability">q, the chance that a probe after recovery succeeds; in (0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    /// <exception cref="InvalidOperationException">The sums did not converge within 50 million probes (waits far shorter than μ with q tiny).</exception>
    public static RecoveryExpectation Expected(ProbeSchedule schedule, double meanRecoverySeconds, double probeSuccessProbability)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Guard.PositiveFinite(meanRecoverySeconds, nameof(meanRecoverySeconds));
        Guard.InRangeExclusiveInclusive(probeSuccessProbability, 0, 1, nameof(probeSuccessProbability));
        double q = probeSuccessProbability;

        double closeTime = 0, expectedProbes = 0, probesWhileBroken = 0;
        double time = 0, survivalBefore = 1, failedAfterRecovery = 0;
        double wait = schedule.InitialWaitSeconds;
        for (int j = 1; j <= MaxProbes; j++)
        {
            // P(J ≥ j) = P(R > T_{j−1}) + B_{j−1}, where J is the probe that closes the breaker, R the
            // recovery time, T_k the time of probe k, and B_k the chance that recovery came before T_k
            // but every probe since then failed.
            double stillOpen = survivalBefore + failedAfterRecovery;
            if (stillOpen < 1e-15)
            {
                return new RecoveryExpectation(
                    closeTime, closeTime - meanRecoverySeconds, probesWhileBroken, expectedProbes - 1 - probesWhileBroken);
            }

            closeTime += wait * stillOpen;
            expectedProbes += stillOpen;
            time += wait;
            double survival = Math.Exp(-time / meanRecoverySeconds);
            probesWhileBroken += survival;
            failedAfterRecovery = (1 - q) * (failedAfterRecovery + (survivalBefore - survival));
            survivalBefore = survival;
            wait = Math.Min(wait * schedule.GrowthFactor, schedule.MaximumWaitSeconds);
        }

        throw new InvalidOperationException(
            $"The expectations did not converge within {MaxProbes} probes; the waits are too short for a mean recovery of {Guard.Format(meanRecoverySeconds)} s.");
    }

    /// <summary>
    /// The renewal closed form for a fixed period c (g = 1): E[delay] = c − μ + c/(e^{c/μ} − 1) + c(1 − q)/q,
    /// E[probes while broken] = 1/(e^{c/μ} − 1), E[close time] = E[delay] + μ and E[failed probes after recovery] = (1 − q)/q.
    /// </summary>
    /// <param name="periodSeconds">c, a finite number &gt; 0.</param>
    /// <param name="meanRecoverySeconds">μ, a finite number &gt; 0.</param>
    /// <param name="probeSuccessProbability">q, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static RecoveryExpectation ExpectedForFixedPeriod(
        double periodSeconds, double meanRecoverySeconds, double probeSuccessProbability)
    {
        Guard.PositiveFinite(periodSeconds, nameof(periodSeconds));
        Guard.PositiveFinite(meanRecoverySeconds, nameof(meanRecoverySeconds));
        Guard.InRangeExclusiveInclusive(probeSuccessProbability, 0, 1, nameof(probeSuccessProbability));
        double c = periodSeconds, q = probeSuccessProbability;

        double expMinusOne = PreciseMath.ExpM1(c / meanRecoverySeconds); // e^{c/μ} − 1 without cancellation
        double delay = c - meanRecoverySeconds + (c / expMinusOne) + (c * (1 - q) / q);
        return new RecoveryExpectation(delay + meanRecoverySeconds, delay, 1 / expMinusOne, (1 - q) / q);
    }

    /// <summary>The same quantities by seeded simulation of the model in the remarks.</summary>
    /// <param name="schedule">The probe schedule.</param>
    /// <param name="meanRecoverySeconds">μ, a finite number &gt; 0.</param>
    /// <param name="probeSuccessProbability">q, in (0, 1].</param>
    /// <param name="runs">Independent outages; &gt;= 2.</param>
    /// <param name="seed">Seed of the random number generator.</param>
    /// <returns>The simulated detection delay in seconds and the number of probes sent while broken, with standard errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static SimulatedRecovery Simulate(
        ProbeSchedule schedule, double meanRecoverySeconds, double probeSuccessProbability, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Guard.PositiveFinite(meanRecoverySeconds, nameof(meanRecoverySeconds));
        Guard.InRangeExclusiveInclusive(probeSuccessProbability, 0, 1, nameof(probeSuccessProbability));
        Guard.AtLeast(runs, 2, nameof(runs));

        var random = new Xoshiro256StarStar(seed);
        double delaySum = 0, delaySquares = 0, probeSum = 0, probeSquares = 0;
        for (int run = 0; run < runs; run++)
        {
            double recovery = random.NextExponential(meanRecoverySeconds);
            double time = 0, wait = schedule.InitialWaitSeconds;
            int wasted = 0;
            while (true)
            {
                time += wait;
                wait = Math.Min(wait * schedule.GrowthFactor, schedule.MaximumWaitSeconds);
                if (time < recovery)
                {
                    wasted++;
                }
                else if (random.NextDouble() < probeSuccessProbability)
                {
                    break;
                }
            }

            double delay = time - recovery;
            delaySum += delay;
            delaySquares += delay * delay;
            probeSum += wasted;
            probeSquares += (double)wasted * wasted;
        }

        return new SimulatedRecovery(Estimate.FromSums(delaySum, delaySquares, runs), Estimate.FromSums(probeSum, probeSquares, runs));
    }

    /// <summary>
    /// The delay-versus-load trade-off: <see cref="Expected"/> for the same schedule with each growth factor in turn.
    /// </summary>
    /// <param name="schedule">The base schedule; its growth factor is replaced.</param>
    /// <param name="growthFactors">The factors g to compare, each a finite number &gt;= 1.</param>
    /// <param name="meanRecoverySeconds">μ, a finite number &gt; 0.</param>
    /// <param name="probeSuccessProbability">q, in (0, 1].</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static IReadOnlyList<RecoveryTradeOffPoint> TradeOff(
        ProbeSchedule schedule, IReadOnlyList<double> growthFactors, double meanRecoverySeconds, double probeSuccessProbability)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(growthFactors);
        return growthFactors
            .Select(g => new RecoveryTradeOffPoint(g, Expected(schedule.WithGrowthFactor(g), meanRecoverySeconds, probeSuccessProbability)))
            .ToArray();
    }
}
