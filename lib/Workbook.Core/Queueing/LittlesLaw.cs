namespace Workbook.Core.Queueing;

/// <summary>
/// Little's law, L = λW: the mean number of items in a system equals their arrival rate times the
/// mean time each spends inside. Each method solves for one of the three quantities given the other
/// two, for the whole system (L = λW) or for the queue alone (L_q = λW_q).
/// </summary>
/// <remarks>
/// It holds for any arrival pattern, service distribution, number of servers and order of service, as
/// long as long-run averages exist (the notebook's section 1 gives the sample-path argument). Around
/// the queue alone it gives L_q = λW_q; around the servers, the offered load A = λS in erlangs. Rates
/// are per second and times in seconds: convert a rate per minute first. Source: J. D. C. Little,
/// Operations Research 9(3), 1961; S. Stidham, "A last word on L = λW", Operations Research 22(2), 1974.
/// </remarks>
public static class LittlesLaw
{
    /// <summary>L = λW: the mean number of items in the system (waiting or in service).</summary>
    /// <param name="arrivalRatePerSecond">λ, arrivals per second; a finite number &gt;= 0.</param>
    /// <param name="meanResponseTimeSeconds">W, the mean time in the system, in seconds; a finite number &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanNumberInSystem(double arrivalRatePerSecond, double meanResponseTimeSeconds) =>
        Guard.NonNegativeFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond))
        * Guard.NonNegativeFinite(meanResponseTimeSeconds, nameof(meanResponseTimeSeconds));

    /// <summary>W = L / λ: the mean time an item spends in the system, in seconds.</summary>
    /// <param name="meanNumberInSystem">L, the mean number in the system; a finite number &gt;= 0.</param>
    /// <param name="arrivalRatePerSecond">λ, arrivals per second; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanResponseTimeSeconds(double meanNumberInSystem, double arrivalRatePerSecond) =>
        Guard.NonNegativeFinite(meanNumberInSystem, nameof(meanNumberInSystem))
        / Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond));

    /// <summary>λ = L / W: the arrival rate that keeps L items in the system for W seconds each.</summary>
    /// <param name="meanNumberInSystem">L, the mean number in the system; a finite number &gt;= 0.</param>
    /// <param name="meanResponseTimeSeconds">W, the mean time in the system, in seconds; a finite number &gt; 0.</param>
    /// <returns>λ, in arrivals per second.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double ArrivalRatePerSecondFromSystem(double meanNumberInSystem, double meanResponseTimeSeconds) =>
        Guard.NonNegativeFinite(meanNumberInSystem, nameof(meanNumberInSystem))
        / Guard.PositiveFinite(meanResponseTimeSeconds, nameof(meanResponseTimeSeconds));

    /// <summary>L_q = λW_q: the mean number of items waiting in the queue (not yet in service).</summary>
    /// <param name="arrivalRatePerSecond">λ, arrivals per second; a finite number &gt;= 0.</param>
    /// <param name="meanWaitSeconds">W_q, the mean wait before service starts, in seconds; a finite number &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanQueueLength(double arrivalRatePerSecond, double meanWaitSeconds) =>
        Guard.NonNegativeFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond))
        * Guard.NonNegativeFinite(meanWaitSeconds, nameof(meanWaitSeconds));

    /// <summary>W_q = L_q / λ: the mean wait in the queue before service starts, in seconds.</summary>
    /// <param name="meanQueueLength">L_q, the mean number waiting; a finite number &gt;= 0.</param>
    /// <param name="arrivalRatePerSecond">λ, arrivals per second; a finite number &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanWaitSeconds(double meanQueueLength, double arrivalRatePerSecond) =>
        Guard.NonNegativeFinite(meanQueueLength, nameof(meanQueueLength))
        / Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond));

    /// <summary>λ = L_q / W_q: the arrival rate that keeps L_q items waiting for W_q seconds each.</summary>
    /// <param name="meanQueueLength">L_q, the mean number waiting; a finite number &gt;= 0.</param>
    /// <param name="meanWaitSeconds">W_q, the mean wait in seconds; a finite number &gt; 0.</param>
    /// <returns>λ, in arrivals per second.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double ArrivalRatePerSecondFromQueue(double meanQueueLength, double meanWaitSeconds) =>
        Guard.NonNegativeFinite(meanQueueLength, nameof(meanQueueLength))
        / Guard.PositiveFinite(meanWaitSeconds, nameof(meanWaitSeconds));
}
