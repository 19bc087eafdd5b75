namespace Workbook.Core.Queueing;

/// <summary>
/// Approximate mean waits for queues whose arrivals or service times are not exponential:
/// Kingman's formula for one server (G/G/1) and the Allen–Cunneen formula for c servers (G/G/c).
/// These are approximations, not exact results.
/// </summary>
/// <remarks>
/// <para>
/// <b>Variability in one number.</b> Both formulas describe a distribution by its squared coefficient
/// of variation, SCV = variance / mean². Exponential times have SCV 1, fixed times 0, and a mix of
/// fast and very slow requests (a cache in front of a database) can have SCV 10 or more. Pass the SCV
/// of the times between arrivals (c_a²; 1 for Poisson arrivals) and of the service times (c_s²).
/// </para>
/// <para>
/// <b>The shape of both.</b> Each takes the exact M/M/· wait and scales it by (c_a² + c_s²)/2, the
/// average variability. With c_a² = c_s² = 1 the factor is 1 and both are exact: Kingman gives the
/// M/M/1 wait and Allen–Cunneen gives the M/M/c wait of <see cref="MMcQueue"/>. With Poisson
/// arrivals and one server (M/G/1), Kingman is exact too: it is then the Pollaczek–Khinchine formula.
/// Otherwise the error can be tens of percent, largest at light load and for c_a² far from 1;
/// both become accurate in heavy traffic (ρ → 1), which is where waits matter most. The notebook
/// compares them with simulation.
/// </para>
/// <para>
/// Sources: J. F. C. Kingman, "The single server queue in heavy traffic", Proceedings of the
/// Cambridge Philosophical Society 57(4), 902–904, 1961; A. O. Allen, Probability, Statistics, and
/// Queueing Theory with Computer Science Applications, 2nd ed. (Academic Press, 1990), which gives
/// the Allen–Cunneen approximation; W. Whitt, "Approximations for the GI/G/m queue", Production and
/// Operations Management 2(2), 1993, which measures how good such formulas are.
/// </para>
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
