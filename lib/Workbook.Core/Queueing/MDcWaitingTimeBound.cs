using Workbook.Core.Numerics;

namespace Workbook.Core.Queueing;

/// <summary>
/// A proven upper bound on the waiting-time tail of an M/D/c queue (Poisson arrivals, every service
/// exactly D, c servers, first come first served): P(W_q &gt; t) ≤ e^−γt/D, where γ = c·r and r &gt; 0
/// solves A(eʳ − 1) = c·r with A = λD.
/// </summary>
/// <remarks>
/// Every request in service at s has left by s + D, so the number beyond the servers follows a
/// Lindley recursion with steps Poisson(A) − c (Crommelin, 1932), and Lundberg's inequality bounds
/// its tail; the notebook derives each step (section 6). It is a bound, not an estimate: the true
/// tail is a constant below 1 times it, and in heavy traffic γ ≈ 2(c − A), twice the M/M/c decay.
/// Sources: C. D. Crommelin, P.O. Electrical Engineers' Journal 25 (1932); S. Asmussen, Applied
/// Probability and Queues, 2nd ed. (Springer, 2003).
/// </remarks>
public sealed record MDcWaitingTimeBound
{
    /// <summary>Describes the M/D/c queue and solves for the decay exponent. The queue must be stable.</summary>
    /// <param name="arrivalRatePerSecond">λ, per second; a finite number &gt; 0 with A = λD &lt; c.</param>
    /// <param name="serviceTimeSeconds">D, every request's service time, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <param name="servers">c; an integer &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or A = λD is not below c.</exception>
    public MDcWaitingTimeBound(double arrivalRatePerSecond, double serviceTimeSeconds, int servers)
    {
        Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond));
        Guard.InRangeInclusive(
            serviceTimeSeconds, MMcQueue.MinMeanServiceTimeSeconds, MMcQueue.MaxMeanServiceTimeSeconds, nameof(serviceTimeSeconds));
        Guard.AtLeast(servers, 1, nameof(servers));
        var load = arrivalRatePerSecond * serviceTimeSeconds;
        if (!(load < servers))
        {
            throw Guard.OutOfRange(
                nameof(arrivalRatePerSecond),
                $"a rate with λD below servers = {servers} (λ < {Guard.Format(servers / serviceTimeSeconds)}/s), so that the queue is stable",
                $"{Guard.Format(arrivalRatePerSecond)}, an offered load of {Guard.Format(load)} erlangs");
        }

        ArrivalRatePerSecond = arrivalRatePerSecond;
        ServiceTimeSeconds = serviceTimeSeconds;
        Servers = servers;
        OfferedLoadErlangs = load;
        DecayExponent = servers * LundbergExponent(OfferedLoadErlangs, servers);
    }

    /// <summary>λ, per second.</summary>
    public double ArrivalRatePerSecond { get; }

    /// <summary>D, the service time of every request, in seconds.</summary>
    public double ServiceTimeSeconds { get; }

    /// <summary>c, the number of servers.</summary>
    public int Servers { get; }

    /// <summary>A = λD, the offered load in erlangs.</summary>
    public double OfferedLoadErlangs { get; }

    /// <summary>γ = c·r: the tail falls by a factor e^γ per service time D.</summary>
    public double DecayExponent { get; }

    /// <summary>γ/D, per second: the bound is e^−(γ/D)t.</summary>
    public double DecayRatePerSecond => DecayExponent / ServiceTimeSeconds;

    /// <summary>An upper bound on P(W_q &gt; t): min(1, e^−γt/D).</summary>
    /// <param name="timeSeconds">t in seconds; a finite number. Negative times give 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeSeconds"/> is NaN or infinite.</exception>
    public double TailBound(double timeSeconds)
    {
        Guard.Finite(timeSeconds, nameof(timeSeconds));
        return timeSeconds <= 0 ? 1.0 : Math.Exp(-DecayExponent * (timeSeconds / ServiceTimeSeconds));
    }

    /// <summary>An upper bound on the p-th percentile of the wait: D·ln(1/(1 − p))/γ, in seconds.</summary>
    /// <param name="probability">p; a finite number in (0, 1). For the p99 pass 0.99.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is not in (0, 1).</exception>
    public double PercentileBoundSeconds(double probability)
    {
        Guard.InRangeExclusive(probability, 0, 1, nameof(probability));
        return -PreciseMath.Log1P(-probability) * ServiceTimeSeconds / DecayExponent;
    }

    /// <summary>The r &gt; 0 with A(eʳ − 1) = c·r, the Lundberg exponent of the steps Poisson(A) − c.</summary>
    internal static double LundbergExponent(double offeredLoadErlangs, int servers)
    {
        // Implementation note: divide by A·r and subtract 1 to get q(r) = (eʳ − 1 − r)/r = (c − A)/A,
        // in which the nearly equal A and c never meet; q increases from 0, and q(r) >= r/2 puts the
        // root in (0, 2(c − A)/A]. The series keeps q accurate where eʳ − 1 − r cancels.
        var spare = (servers - offeredLoadErlangs) / offeredLoadErlangs;
        static double Q(double r) => r < 0.05
            ? r * (1.0 / 2 + (r * (1.0 / 6 + (r * (1.0 / 24 + (r * (1.0 / 120 + (r * (1.0 / 720 + (r * (1.0 / 5040 + (r / 40320))))))))))))
            : (PreciseMath.ExpM1(r) - r) / r;
        var high = Math.Min(2 * spare, 700);
        return MonotoneRoot.OfDecreasing(r => spare - Q(r), 0, high);
    }
}
