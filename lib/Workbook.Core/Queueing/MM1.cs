namespace Workbook.Core.Queueing;

/// <summary>
/// The M/M/1 queue: Poisson arrivals, exponentially distributed service times, one server.
/// Closed forms for the mean wait.
/// </summary>
/// <remarks>
/// Both results grow like 1/(1 − ρ): from 50 % to 90 % utilisation the wait is multiplied by nine.
/// Results are in the unit of the service time passed. Exponential service is the pessimistic choice:
/// fixed-length service waits half as long (<see cref="MD1"/>). For several servers, percentiles, or
/// an explicit answer when the queue is overloaded, use <see cref="MMcQueue"/>. The notebook derives
/// both formulas. Source: L. Kleinrock, Queueing Systems, Vol. 1 (Wiley, 1975), ch. 3.
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
