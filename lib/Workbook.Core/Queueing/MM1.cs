namespace Workbook.Core.Queueing;

/// <summary>
/// The M/M/1 queue: Poisson arrivals, exponentially distributed service times, one server.
/// Closed forms for the mean wait.
/// </summary>
/// <remarks>
/// <para>
/// <b>Derivation.</b> Let arrivals come at rate λ and service at rate μ = 1 / S, where S is the mean
/// service time, and let the utilisation be ρ = λ / μ = λS. The number of customers in the system is a
/// birth-death chain; balancing the flow across the cut between n and n + 1 customers gives
/// λ·pₙ = μ·pₙ₊₁, so pₙ = (1 − ρ)ρⁿ, a geometric distribution. Its mean is L = ρ / (1 − ρ), and
/// Little's law (L = λW) turns that into the mean time in the system, W = S / (1 − ρ). Subtracting
/// the customer's own service leaves the mean wait in the queue, W_q = W − S = ρS / (1 − ρ).
/// </para>
/// <para>
/// The same W_q falls out of the Pollaczek-Khinchine formula for any service distribution,
/// W_q = λ·E[S²] / (2(1 − ρ)), because an exponential service time has E[S²] = 2S². The formula
/// also shows what the exponential assumption costs: fixed-length service (M/D/1, E[S²] = S²)
/// waits half as long. Packets of one fixed size on one link are closer to M/D/1; M/M/1 is the
/// conventional, pessimistic choice and is kept here because later chapters build on it.
/// </para>
/// <para>
/// <b>The cliff.</b> Both results grow like 1 / (1 − ρ): going from 50 % to 90 % utilisation
/// multiplies the wait by nine, and at ρ = 1 the queue grows without bound. That is why
/// <c>utilisation</c> must be below 1.
/// </para>
/// <para>
/// Units: the results are in the unit of <c>meanServiceTime</c>. Pass microseconds, get microseconds.
/// </para>
/// <para>
/// For several servers, for percentiles and distributions, or for an explicit answer when the queue
/// is overloaded, use <see cref="MMcQueue"/>: M/M/1 is its one-server case.
/// </para>
/// <para>
/// Sources: L. Kleinrock, Queueing Systems, Volume 1: Theory (Wiley, 1975), chapter 3 (birth-death
/// systems, M/M/1) and chapter 5 (M/G/1 and the Pollaczek-Khinchine mean-value formula);
/// J. D. C. Little, "A Proof for the Queuing Formula L = λW", Operations Research 9(3), 1961.
/// </para>
/// </remarks>
public static class MM1
{
    /// <summary>
    /// The mean time a customer waits in the queue before service starts: ρ / (1 − ρ) × S.
    /// </summary>
    /// <param name="meanServiceTime">The mean service time S, in any time unit; a finite number &gt; 0.</param>
    /// <param name="utilisation">The utilisation ρ = arrival rate × S; a finite number in [0, 1).</param>
    /// <returns>The mean wait in the queue, in the unit of <paramref name="meanServiceTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="meanServiceTime"/> is not a finite number &gt; 0, or
    /// <paramref name="utilisation"/> is not a finite number in [0, 1).
    /// </exception>
    public static double MeanWaitInQueue(double meanServiceTime, double utilisation)
    {
        Guard.PositiveFinite(meanServiceTime, nameof(meanServiceTime));
        Guard.UnitIntervalOpenRight(utilisation, nameof(utilisation));
        return utilisation / (1.0 - utilisation) * meanServiceTime;
    }

    /// <summary>
    /// The mean time a customer spends in the system, waiting plus being served: S / (1 − ρ).
    /// </summary>
    /// <param name="meanServiceTime">The mean service time S, in any time unit; a finite number &gt; 0.</param>
    /// <param name="utilisation">The utilisation ρ = arrival rate × S; a finite number in [0, 1).</param>
    /// <returns>The mean response time, in the unit of <paramref name="meanServiceTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="meanServiceTime"/> is not a finite number &gt; 0, or
    /// <paramref name="utilisation"/> is not a finite number in [0, 1).
    /// </exception>
    public static double MeanResponseTime(double meanServiceTime, double utilisation)
    {
        Guard.PositiveFinite(meanServiceTime, nameof(meanServiceTime));
        Guard.UnitIntervalOpenRight(utilisation, nameof(utilisation));
        return meanServiceTime / (1.0 - utilisation);
    }
}
