namespace Workbook.Core.Queueing;

/// <summary>
/// An M/M/c queue: Poisson arrivals at rate λ, exponential service times with mean S, c identical
/// servers sharing one first-come-first-served queue with unlimited room. Describe one with this
/// type, then call <see cref="Analyze"/> for its steady state.
/// </summary>
/// <remarks>
/// The offered load A = λS (erlangs) is the mean number of servers the work keeps busy; the
/// utilisation ρ = A/c is the busy fraction of each. <see cref="Analyze"/> returns an
/// <see cref="MMcSteadyState"/> (waits, queue lengths, distributions) or an <see cref="MMcOverloaded"/>
/// (none of them, and why), so no result is ever NaN, infinite or negative. M/M/1 is
/// <see cref="SingleServer"/>; for other arrival or service processes see <see cref="QueueApproximations"/>.
/// Sources: L. Kleinrock, Queueing Systems, Vol. 1 (Wiley, 1975), ch. 3; D. Gross, J. F. Shortle,
/// J. M. Thompson and C. M. Harris, Fundamentals of Queueing Theory, 4th ed. (Wiley, 2008), ch. 2.
/// </remarks>
public sealed record MMcQueue
{
    /// <summary>The largest offered load accepted, 10⁹ erlangs.</summary>
    public const double MaxOfferedLoadErlangs = 1e9;

    /// <summary>The shortest mean service time accepted, 10⁻¹⁵ s.</summary>
    public const double MinMeanServiceTimeSeconds = 1e-15;

    /// <summary>The longest mean service time accepted, 10¹⁵ s.</summary>
    public const double MaxMeanServiceTimeSeconds = 1e15;

    /// <summary>
    /// Describes an M/M/c queue. Every parameter is validated here, once: S in [10⁻¹⁵, 10¹⁵] s and
    /// A at most <see cref="MaxOfferedLoadErlangs"/> keep every derived time, rate and server count finite.
    /// </summary>
    /// <param name="arrivalRatePerSecond">λ, the mean arrival rate, per second; a finite number &gt; 0.</param>
    /// <param name="meanServiceTimeSeconds">S = 1/μ, the mean service time, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <param name="servers">c, the number of servers; an integer &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter is NaN, infinite or outside its range, or the offered load λS exceeds
    /// <see cref="MaxOfferedLoadErlangs"/>. The message names the parameter and the allowed range.
    /// </exception>
    public MMcQueue(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers)
    {
        ArrivalRatePerSecond = Guard.PositiveFinite(arrivalRatePerSecond, nameof(arrivalRatePerSecond));
        MeanServiceTimeSeconds = Guard.InRangeInclusive(
            meanServiceTimeSeconds, MinMeanServiceTimeSeconds, MaxMeanServiceTimeSeconds, nameof(meanServiceTimeSeconds));
        Servers = Guard.AtLeast(servers, 1, nameof(servers));

        OfferedLoadErlangs = arrivalRatePerSecond * meanServiceTimeSeconds;
        if (OfferedLoadErlangs > MaxOfferedLoadErlangs)
        {
            throw Guard.OutOfRange(
                nameof(arrivalRatePerSecond),
                $"a rate whose offered load λ × S is at most {Guard.Format(MaxOfferedLoadErlangs)} erlangs "
                + $"(λ <= {Guard.Format(MaxOfferedLoadErlangs / meanServiceTimeSeconds)}/s at S = {Guard.Format(meanServiceTimeSeconds)} s)",
                $"{Guard.Format(arrivalRatePerSecond)}, an offered load of {Guard.Format(OfferedLoadErlangs)} erlangs");
        }
    }

    /// <summary>An M/M/1 queue: the same model with one server.</summary>
    /// <param name="arrivalRatePerSecond">λ, per second; a finite number &gt; 0.</param>
    /// <param name="meanServiceTimeSeconds">S, in seconds; a finite number in [1e-15, 1e15].</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static MMcQueue SingleServer(double arrivalRatePerSecond, double meanServiceTimeSeconds) =>
        new(arrivalRatePerSecond, meanServiceTimeSeconds, 1);

    /// <summary>λ, the mean arrival rate, per second.</summary>
    public double ArrivalRatePerSecond { get; }

    /// <summary>S, the mean service time, in seconds.</summary>
    public double MeanServiceTimeSeconds { get; }

    /// <summary>c, the number of servers.</summary>
    public int Servers { get; }

    /// <summary>μ = 1/S, the rate at which one busy server completes requests, per second.</summary>
    public double ServiceRatePerSecond => 1.0 / MeanServiceTimeSeconds;

    /// <summary>A = λS, the offered load in erlangs: the mean number of busy servers if none were lacking.</summary>
    public double OfferedLoadErlangs { get; }

    /// <summary>ρ = A/c, the fraction of time each server is busy. At 1 or more the queue is overloaded.</summary>
    public double Utilisation => OfferedLoadErlangs / Servers;

    /// <summary>Whether ρ &lt; 1, so that the queue has a steady state.</summary>
    public bool IsStable => OfferedLoadErlangs < Servers;

    /// <summary>⌊A⌋ + 1: the fewest servers with ρ &lt; 1, the smallest stable pool.</summary>
    /// <remarks>
    /// Stability needs c &gt; A, so ⌊A⌋ + 1 and not ⌈A⌉: when A is a whole number ⌈A⌉ servers give
    /// ρ = 1, where there is no steady state either (the queue length wanders like a random walk and the
    /// mean wait is unbounded).
    /// Stable is not fast: keeping waits short takes more servers (<see cref="CapacityPlanner"/>).
    /// </remarks>
    public int MinimumServersForStability => (int)Math.Floor(OfferedLoadErlangs) + 1;

    /// <summary>The same arrivals and service with a different number of servers.</summary>
    /// <param name="servers">c; an integer &gt;= 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="servers"/> is below 1.</exception>
    public MMcQueue WithServers(int servers) => new(ArrivalRatePerSecond, MeanServiceTimeSeconds, servers);

    /// <summary>
    /// The steady state of the queue: an <see cref="MMcSteadyState"/> when ρ &lt; 1, otherwise an
    /// <see cref="MMcOverloaded"/> that says how many servers would be needed. Match on the type:
    /// <c>if (queue.Analyze() is MMcSteadyState s) { … s.MeanWaitSeconds … }</c>.
    /// </summary>
    /// <remarks>Runs Erlang's B recurrence c times: about 0.6 ms at c = 100,000.</remarks>
    public MMcAnalysis Analyze() =>
        IsStable
            ? new MMcSteadyState(this, ErlangFormulas.ErlangB(Servers, OfferedLoadErlangs))
            : new MMcOverloaded(this);
}
