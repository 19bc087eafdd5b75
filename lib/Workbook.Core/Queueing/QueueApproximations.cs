namespace Workbook.Core.Queueing;

/// <summary>
/// Approximate mean waits for queues whose arrivals or service times are not exponential:
/// Kingman's formula for one server (G/G/1) and the Allen–Cunneen formula for c servers (G/G/c).
/// These are approximations, not exact results.
/// </summary>
/// <remarks>
/// Both describe a distribution by its squared coefficient of variation (SCV = variance / mean²: 1
/// for exponential, 0 for fixed) and scale the exact M/M/· wait by (c_a² + c_s²)/2. With both SCVs 1
/// they are exact, and Kingman is exact for M/G/1 (Pollaczek–Khinchine); otherwise errors of tens of
/// percent are common at light load, shrinking as ρ → 1. The notebook compares them with simulation.
/// Sources: J. F. C. Kingman, Proc. Cambridge Phil. Soc. 57(4), 1961; A. O. Allen, Probability,
/// Statistics, and Queueing Theory, 2nd ed. (1990); W. Whitt, Production and Operations Management 2(2), 1993.
/// </remarks>
public static class QueueApproximations
{
    /// <summary>
    /// Kingman's approximation for the mean wait in a G/G/1 queue:
    /// E[W_q] ≈ ρ/(1 − ρ) · (c_a² + c_s²)/2 · S, in seconds.
    /// </summary>
    /// <param name="arrivalRatePerSecond">λ, per second; a finite number &gt; 0 with ρ = λS &lt; 1.</param>
    /// <param name="meanServiceTimeSeconds">S, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <param name="interarrivalScv">c_a², the SCV of the times between arrivals; a finite number &gt;= 0.</param>
    /// <param name="serviceScv">c_s², the SCV of the service times; a finite number &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is outside its range, or the utilisation is 1 or more (no steady state: the wait
    /// grows without bound).
    /// </exception>
    public static double KingmanMeanWaitSeconds(
        double arrivalRatePerSecond, double meanServiceTimeSeconds, double interarrivalScv, double serviceScv)
    {
        var queue = StableQueue(arrivalRatePerSecond, meanServiceTimeSeconds, 1);
        var variability = Variability(interarrivalScv, serviceScv);
        var rho = queue.Utilisation;
        return rho / (1.0 - rho) * variability * queue.MeanServiceTimeSeconds;
    }

    /// <summary>
    /// The Allen–Cunneen approximation for the mean wait in a G/G/c queue:
    /// E[W_q] ≈ C(c, A) / (cμ − λ) · (c_a² + c_s²)/2, in seconds, where C(c, A)/(cμ − λ) is the exact
    /// M/M/c mean wait.
    /// </summary>
    /// <param name="arrivalRatePerSecond">λ, per second; a finite number &gt; 0 with ρ = λS/c &lt; 1.</param>
    /// <param name="meanServiceTimeSeconds">S, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <param name="servers">c; an integer &gt;= 1. With c = 1 this equals <see cref="KingmanMeanWaitSeconds"/>.</param>
    /// <param name="interarrivalScv">c_a², the SCV of the times between arrivals; a finite number &gt;= 0.</param>
    /// <param name="serviceScv">c_s², the SCV of the service times; a finite number &gt;= 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is outside its range, or the utilisation is 1 or more.
    /// </exception>
    public static double AllenCunneenMeanWaitSeconds(
        double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers, double interarrivalScv, double serviceScv)
    {
        var queue = StableQueue(arrivalRatePerSecond, meanServiceTimeSeconds, servers);
        var variability = Variability(interarrivalScv, serviceScv);
        var steadyState = (MMcSteadyState)queue.Analyze();
        return steadyState.MeanWaitSeconds * variability;
    }

    private static double Variability(double interarrivalScv, double serviceScv) =>
        (Guard.NonNegativeFinite(interarrivalScv, nameof(interarrivalScv))
         + Guard.NonNegativeFinite(serviceScv, nameof(serviceScv))) / 2.0;

    private static MMcQueue StableQueue(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers)
    {
        var queue = new MMcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, servers);
        if (!queue.IsStable)
        {
            throw Guard.OutOfRange(
                nameof(arrivalRatePerSecond),
                $"a finite number in (0, servers / meanServiceTimeSeconds) = (0, {Guard.Format(servers / meanServiceTimeSeconds)}) "
                + "per second, so that the utilisation is below 1 (no steady state otherwise)",
                $"{Guard.Format(arrivalRatePerSecond)}, a utilisation of {Guard.Format(queue.Utilisation)}");
        }

        return queue;
    }
}
