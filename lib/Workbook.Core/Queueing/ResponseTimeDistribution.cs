using Workbook.Core.Numerics;

namespace Workbook.Core.Queueing;

/// <summary>
/// The exact distribution of the response (sojourn) time of an M/M/c queue, first come first served:
/// the wait in the queue plus the customer's own exponential service, T = W_q + S.
/// </summary>
/// <remarks>
/// With probability 1 − C a request does not wait and T is its Exp(μ) service; with probability C it
/// waits an Exp(θ) time, θ = cμ − λ, and T is the sum of two exponentials. So P(T &gt; t) = e^−μt +
/// C·μ·(e^−μt − e^−θt)/(θ − μ), which becomes e^−μt·(1 + Cμt) at θ = μ (A = c − 1); for c = 1 it is
/// exponential with rate μ − λ. It is evaluated in a form with no cancellation near θ = μ, and
/// percentiles come from root finding on the log tail. The notebook derives it (section 4). Source:
/// Gross, Shortle, Thompson and Harris, Fundamentals of Queueing Theory, 4th ed. (Wiley, 2008), ch. 2.
/// </remarks>
public sealed class ResponseTimeDistribution
{
    private readonly double probabilityOfWaiting;
    private readonly double meanServiceTimeSeconds;
    private readonly double spareCapacityErlangs;
    private readonly double rateOffset;

    /// <param name="probabilityOfWaiting">C, Erlang's C for the queue.</param>
    /// <param name="meanServiceTimeSeconds">S, the mean service time.</param>
    /// <param name="spareCapacityErlangs">c − A &gt; 0: θ = (c − A)/S.</param>
    /// <param name="rateOffset">c − 1 − A, computed directly: θ − μ = (c − 1 − A)/S.</param>
    /// <param name="meanWaitSeconds">E[W_q], as the queue model computed it.</param>
    internal ResponseTimeDistribution(
        double probabilityOfWaiting,
        double meanServiceTimeSeconds,
        double spareCapacityErlangs,
        double rateOffset,
        double meanWaitSeconds)
    {
        this.probabilityOfWaiting = probabilityOfWaiting;
        this.meanServiceTimeSeconds = meanServiceTimeSeconds;
        this.spareCapacityErlangs = spareCapacityErlangs;
        this.rateOffset = rateOffset;
        MeanSeconds = meanWaitSeconds + meanServiceTimeSeconds;
    }

    /// <summary>The mean response time, E[T] = E[W_q] + S, in seconds.</summary>
    public double MeanSeconds { get; }

    /// <summary>P(T &lt;= t): the probability that a request is done within <paramref name="timeSeconds"/>.</summary>
    /// <param name="timeSeconds">A time in seconds; a finite number. Negative times give 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is NaN or infinite.</exception>
    public double Cdf(double timeSeconds)
    {
        Guard.Finite(timeSeconds, nameof(timeSeconds));
        return timeSeconds < 0 ? 0.0 : -PreciseMath.ExpM1(LogTail(timeSeconds / meanServiceTimeSeconds));
    }

    /// <summary>P(T &gt; t): the probability that a request takes longer than <paramref name="timeSeconds"/>.</summary>
    /// <param name="timeSeconds">A time in seconds; a finite number. Negative times give 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is NaN or infinite.</exception>
    public double ComplementaryCdf(double timeSeconds)
    {
        Guard.Finite(timeSeconds, nameof(timeSeconds));
        return timeSeconds < 0 ? 1.0 : Math.Exp(LogTail(timeSeconds / meanServiceTimeSeconds));
    }

    /// <summary>
    /// The p-th percentile of the response time, the t with P(T &lt;= t) = p, in seconds, found by
    /// root finding on the exact tail. For the p99, pass 0.99.
    /// </summary>
    /// <remarks>
    /// Accurate to about 10⁻¹³ relative for p &gt;= 0.5. For small p the answer is a short time
    /// dominated by the first few service completions and its relative accuracy is about 10⁻¹⁶ / p.
    /// </remarks>
    /// <param name="probability">The level p; a finite number in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in (0, 1).</exception>
    public double PercentileSeconds(double probability)
    {
        Guard.InRangeExclusive(probability, 0, 1, nameof(probability));
        var logTarget = PreciseMath.Log1P(-probability);

        // Bracket, in units of the mean service time (τ = t/S). Low: the service time alone,
        // P(S > τ) = e^−τ, already reaches the target at τ = −ln(1 − p), and T >= S. High: each of
        // P(W_q > τ/2) and P(S > τ/2) is at most (1 − p)/2 there.
        var low = -logTarget;
        var high = 2 * (Math.Log(2) - logTarget);
        if (probabilityOfWaiting > 0)
        {
            high = Math.Max(high, 2 * (Math.Log(2 * probabilityOfWaiting) - logTarget) / spareCapacityErlangs);
        }

        double Excess(double tau) => LogTail(tau) - logTarget;
        for (var doubling = 0; doubling < 64 && Excess(high) > 0; doubling++)
        {
            high *= 2; // only ever needed to absorb rounding in the bound above
        }

        return MonotoneRoot.OfDecreasing(Excess, low, high) * meanServiceTimeSeconds;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Response time: mean {QueueingText.Duration(MeanSeconds)}, p50 {QueueingText.Duration(PercentileSeconds(0.5))}, "
        + $"p99 {QueueingText.Duration(PercentileSeconds(0.99))}";

    /// <summary>
    /// Whether the p-th percentile is at most <paramref name="timeSeconds"/>, decided from one tail
    /// evaluation: percentile(p) &lt;= t exactly when P(T &gt; t) &lt;= 1 − p. Used by the capacity
    /// planner, which needs the answer for many server counts but the percentile itself only once.
    /// </summary>
    internal bool PercentileIsAtMost(double probability, double timeSeconds) =>
        LogTail(timeSeconds / meanServiceTimeSeconds) <= PreciseMath.Log1P(-probability);

    /// <summary>ln P(T &gt; τS) for τ &gt;= 0, with τ the time in units of the mean service time.</summary>
    private double LogTail(double tau)
    {
        // In units of S: μt = τ, θt = (c − A)τ, |θ − μ|t = |c − 1 − A|τ.
        var x = Math.Abs(rateOffset) * tau;
        var h = x == 0 ? 1.0 : -PreciseMath.ExpM1(-x) / x;
        var waitingPart = probabilityOfWaiting * tau * h;

        if (rateOffset >= 0)
        {
            // θ >= μ, so min(θ, μ) = μ: P(T > t) = e^−τ·(1 + Cτ·h(x)).
            return -tau + PreciseMath.Log1P(waitingPart);
        }

        // θ < μ, so min(θ, μ) = θ. Here 1 − (c − A) = |c − 1 − A|, so e^−τ = e^−(c−A)τ·e^−x and
        // P(T > t) = e^−(c−A)τ·(e^−x + Cτ·h(x)).
        // Implementation note: for small x the bracket is close to 1, and log1p(expm1(−x) + Cτh) keeps
        // the digits that log(e^−x + Cτh) would round away; for x >= 1 both terms are well separated
        // from 1 and the direct form is as accurate and cannot reach log1p(−1).
        var bracket = x < 1
            ? PreciseMath.Log1P(PreciseMath.ExpM1(-x) + waitingPart)
            : Math.Log(Math.Exp(-x) + waitingPart);
        return (-spareCapacityErlangs * tau) + bracket;
    }
}
