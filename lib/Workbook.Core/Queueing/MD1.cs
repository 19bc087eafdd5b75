namespace Workbook.Core.Queueing;

/// <summary>
/// The M/D/1 queue: Poisson arrivals, a fixed (deterministic) service time, one server. Closed forms
/// for the mean wait, from the Pollaczek–Khinchine formula.
/// </summary>
/// <remarks>
/// By the Pollaczek–Khinchine formula W_q = ρ·E[S²] / (2(1 − ρ)·E[S]); a fixed service time has
/// E[S²] = S², so the wait is exactly half the M/M/1 wait of <see cref="MM1.MeanWaitInQueue"/>. Packets
/// of one size leaving through one link are served in a fixed time, so this is the textbook model of
/// a router port. For burstier arrivals see <see cref="QueueApproximations.KingmanMeanWaitSeconds"/>.
/// Source: L. Kleinrock, Queueing Systems, Vol. 1 (Wiley, 1975), section 5.5.
/// </remarks>
public static class MD1
{
    /// <summary>The mean time a customer waits before its service starts: ρS / (2(1 − ρ)).</summary>
    /// <param name="serviceTime">The fixed service time S, in any time unit; a finite number &gt; 0.</param>
    /// <param name="utilisation">The utilisation ρ = arrival rate × S; a finite number in [0, 1).</param>
    /// <returns>The mean wait in the queue, in the unit of <paramref name="serviceTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="serviceTime"/> is not a finite number &gt; 0, or <paramref name="utilisation"/>
    /// is not a finite number in [0, 1).
    /// </exception>
    public static double MeanWaitInQueue(double serviceTime, double utilisation)
    {
        Guard.PositiveFinite(serviceTime, nameof(serviceTime));
        Guard.UnitIntervalOpenRight(utilisation, nameof(utilisation));
        return utilisation * serviceTime / (2.0 * (1.0 - utilisation));
    }

    /// <summary>The mean time a customer spends in the system, waiting plus being served: S + W_q.</summary>
    /// <param name="serviceTime">The fixed service time S, in any time unit; a finite number &gt; 0.</param>
    /// <param name="utilisation">The utilisation ρ = arrival rate × S; a finite number in [0, 1).</param>
    /// <returns>The mean response time, in the unit of <paramref name="serviceTime"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanResponseTime(double serviceTime, double utilisation) =>
        serviceTime + MeanWaitInQueue(serviceTime, utilisation);
}
