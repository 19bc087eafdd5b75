using Workbook.Core.Numerics;

namespace Workbook.Core.Queueing;

/// <summary>
/// The exact distribution of the time an arrival waits in an M/M/c queue (first come, first served)
/// before its service starts: P(W_q &gt; t) = C·e^−(cμ−λ)t for t &gt;= 0, where C is Erlang's C.
/// </summary>
/// <remarks>
/// A point mass 1 − C at zero (an arrival that finds a free server) plus C times an exponential of
/// rate cμ − λ: the number seen waiting on arrival is geometric, and a geometric sum of exponentials
/// is exponential (derived in the notebook, section 4). Because of the point mass every percentile
/// p ≤ 1 − C is exactly 0. See <see cref="ResponseTimeDistribution"/> for waiting plus service.
/// Source: Gross, Shortle, Thompson and Harris, Fundamentals of Queueing Theory, 4th ed. (Wiley, 2008), ch. 2.
/// </remarks>
public sealed class WaitingTimeDistribution
{
    private readonly double meanServiceTimeSeconds;
    private readonly double spareCapacityErlangs;

    /// <param name="probabilityOfWaiting">C, Erlang's C for the queue.</param>
    /// <param name="meanServiceTimeSeconds">S, the mean service time.</param>
    /// <param name="spareCapacityErlangs">c − A &gt; 0, the servers left over on average.</param>
    internal WaitingTimeDistribution(double probabilityOfWaiting, double meanServiceTimeSeconds, double spareCapacityErlangs)
    {
        ProbabilityOfWaiting = probabilityOfWaiting;
        this.meanServiceTimeSeconds = meanServiceTimeSeconds;
        this.spareCapacityErlangs = spareCapacityErlangs;
    }

    /// <summary>P(W_q &gt; 0) = C: the probability that an arrival waits at all (Erlang's C).</summary>
    public double ProbabilityOfWaiting { get; }

    /// <summary>
    /// The rate cμ − λ = (c − A)/S, per second, at which the tail decays: among those who wait, the
    /// wait is exponential with this rate.
    /// </summary>
    public double DecayRatePerSecond => spareCapacityErlangs / meanServiceTimeSeconds;

    /// <summary>The mean wait, E[W_q] = C / (cμ − λ), in seconds.</summary>
    public double MeanSeconds => ProbabilityOfWaiting * meanServiceTimeSeconds / spareCapacityErlangs;

    /// <summary>P(W_q &lt;= t): the probability that an arrival waits at most <paramref name="timeSeconds"/>.</summary>
    /// <param name="timeSeconds">A time in seconds; a finite number. Negative times give 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is NaN or infinite.</exception>
    public double Cdf(double timeSeconds)
    {
        Guard.Finite(timeSeconds, nameof(timeSeconds));
        return timeSeconds < 0 ? 0.0 : 1.0 - Tail(timeSeconds);
    }

    /// <summary>P(W_q &gt; t) = C·e^−(cμ−λ)t: the probability that an arrival waits longer than <paramref name="timeSeconds"/>.</summary>
    /// <param name="timeSeconds">A time in seconds; a finite number. Negative times give 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is NaN or infinite.</exception>
    public double ComplementaryCdf(double timeSeconds)
    {
        Guard.Finite(timeSeconds, nameof(timeSeconds));
        return timeSeconds < 0 ? 1.0 : Tail(timeSeconds);
    }

    /// <summary>
    /// The p-th percentile of the wait, the smallest t with P(W_q &lt;= t) &gt;= p, in seconds: 0 when
    /// p &lt;= 1 − C, otherwise ln(C / (1 − p)) / (cμ − λ). For the p99, pass 0.99.
    /// </summary>
    /// <param name="probability">The level p; a finite number in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in (0, 1).</exception>
    public double PercentileSeconds(double probability)
    {
        Guard.InRangeExclusive(probability, 0, 1, nameof(probability));
        var tail = 1.0 - probability;
        if (ProbabilityOfWaiting <= tail)
        {
            return 0.0;
        }

        // Implementation note: ln(C/q) is written as log1p((C − q)/q). When C is close to q the
        // percentile is close to 0, and the subtraction C − q is exact (Sterbenz), so the small
        // result keeps its relative accuracy instead of inheriting the rounding of C/q.
        var excess = ProbabilityOfWaiting - tail;
        return PreciseMath.Log1P(excess / tail) * meanServiceTimeSeconds / spareCapacityErlangs;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Waiting time: P(wait) = {QueueingText.Number(ProbabilityOfWaiting)}, mean {QueueingText.Duration(MeanSeconds)}, "
        + $"p99 {QueueingText.Duration(PercentileSeconds(0.99))}";

    private double Tail(double timeSeconds) =>
        ProbabilityOfWaiting * Math.Exp(-spareCapacityErlangs * (timeSeconds / meanServiceTimeSeconds));
}
