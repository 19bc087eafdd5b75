using MathNet.Numerics.Distributions;
using Workbook.Core.Numerics;

namespace Workbook.Core.Queueing;

/// <summary>
/// Square-root staffing for large M/M/c pools: c ≈ A + β√A servers keep the probability of waiting
/// near α(β) = 1 / (1 + βΦ(β)/φ(β)), whatever the size of the pool (the Halfin–Whitt limit).
/// </summary>
/// <remarks>
/// Halfin and Whitt proved that when A grows with (c − A)/√A → β &gt; 0, Erlang's C tends to α(β):
/// the spare servers needed for a fixed chance of waiting grow like √A, not A, so big pools run hotter.
/// It is a limit, with an error of order 1/√A at finite A: use <see cref="ErlangFormulas.ErlangC"/>
/// for exact numbers and this type to see how staffing scales. Source: S. Halfin and W. Whitt,
/// Operations Research 29(3), 567–588, 1981.
/// </remarks>
public static class SquareRootStaffing
{
    /// <summary>The largest β accepted, 30: beyond it α(β) is below 10⁻¹⁹⁰.</summary>
    public const double MaxBeta = 30;

    /// <summary>α(β) = 1 / (1 + βΦ(β)/φ(β)): the Halfin–Whitt limit of the probability of waiting.</summary>
    /// <param name="beta">β = (c − A)/√A, the headroom in units of √A; a finite number in [0, 30]. α(0) = 1.</param>
    /// <returns>A probability in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is outside [0, 30].</exception>
    public static double DelayProbability(double beta)
    {
        Guard.InRangeInclusive(beta, 0, MaxBeta, nameof(beta));

        // Implementation note: φ/(φ + βΦ) equals 1/(1 + βΦ/φ) and never divides by an underflowing φ.
        var density = Normal.PDF(0, 1, beta);
        return density / (density + (beta * Normal.CDF(0, 1, beta)));
    }

    /// <summary>β = (c − A)/√A: the headroom of a pool in units of √A.</summary>
    /// <param name="servers">c; an integer &gt;= 1.</param>
    /// <param name="offeredLoadErlangs">A; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double Beta(int servers, double offeredLoadErlangs)
    {
        Guard.AtLeast(servers, 1, nameof(servers));
        Guard.PositiveFinite(offeredLoadErlangs, nameof(offeredLoadErlangs));
        return (servers - offeredLoadErlangs) / Math.Sqrt(offeredLoadErlangs);
    }

    /// <summary>The square-root staffing rule: ⌈A + β√A⌉ servers, and never fewer than <see cref="MMcQueue.MinimumServersForStability"/>.</summary>
    /// <param name="offeredLoadErlangs">A; a finite number in (0, 10⁹].</param>
    /// <param name="beta">β; a finite number in [0, 30].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static int Servers(double offeredLoadErlangs, double beta)
    {
        Guard.InRangeExclusiveInclusive(offeredLoadErlangs, 0, MMcQueue.MaxOfferedLoadErlangs, nameof(offeredLoadErlangs));
        Guard.InRangeInclusive(beta, 0, MaxBeta, nameof(beta));
        var rule = Math.Ceiling(offeredLoadErlangs + (beta * Math.Sqrt(offeredLoadErlangs)));
        return (int)Math.Max(rule, Math.Floor(offeredLoadErlangs) + 1);
    }

    /// <summary>The β with α(β) equal to <paramref name="delayProbability"/> (α decreases from 1 at β = 0).</summary>
    /// <param name="delayProbability">The wanted probability of waiting; a finite number in [10⁻¹⁵⁰, 1]. 1 gives β = 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delayProbability"/> is outside its range.</exception>
    public static double BetaForDelayProbability(double delayProbability)
    {
        Guard.InRangeInclusive(delayProbability, 1e-150, 1, nameof(delayProbability));
        var target = Math.Log(delayProbability);
        return MonotoneRoot.OfDecreasing(beta => Math.Log(DelayProbability(beta)) - target, 0, MaxBeta);
    }

    /// <summary>
    /// The β at which the Halfin–Whitt estimate of the M/M/c wait tail, P(W_q &gt; t) ≈ α(β)·e^−β√A·t/S,
    /// equals 1 − p at t = <paramref name="maxWaitSeconds"/>: the headroom a p-th percentile wait SLO needs.
    /// </summary>
    /// <param name="offeredLoadErlangs">A; a finite number in (0, 10⁹].</param>
    /// <param name="meanServiceTimeSeconds">S; a finite number &gt; 0.</param>
    /// <param name="percentile">p; a finite number in (0, 1).</param>
    /// <param name="maxWaitSeconds">The limit on the p-th percentile wait; a finite number &gt;= 0.</param>
    /// <returns>
    /// β in (0, 30). There is always an answer: at β = 0 the estimate is α(0) = 1 &gt; 1 − p, and at
    /// β = 30 it is below 10⁻¹⁹⁰, under any 1 − p a double can hold.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double BetaForWaitPercentile(double offeredLoadErlangs, double meanServiceTimeSeconds, double percentile, double maxWaitSeconds)
    {
        Guard.InRangeExclusiveInclusive(offeredLoadErlangs, 0, MMcQueue.MaxOfferedLoadErlangs, nameof(offeredLoadErlangs));
        Guard.PositiveFinite(meanServiceTimeSeconds, nameof(meanServiceTimeSeconds));
        Guard.InRangeExclusive(percentile, 0, 1, nameof(percentile));
        Guard.NonNegativeFinite(maxWaitSeconds, nameof(maxWaitSeconds));
        var target = PreciseMath.Log1P(-percentile);
        var decayPerBeta = Math.Sqrt(offeredLoadErlangs) * maxWaitSeconds / meanServiceTimeSeconds;
        return MonotoneRoot.OfDecreasing(beta => Math.Log(DelayProbability(beta)) - (beta * decayPerBeta) - target, 0, MaxBeta);
    }
}
