using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// How to run <see cref="QueueSimulator"/>: the number of servers, how many customers to measure
/// and to discard first, how to cut the measured customers into batches for confidence intervals,
/// the seed, and whether to keep every customer's times for percentiles.
/// </summary>
/// <remarks>
/// <para>
/// All values are checked once, here, including the ones that depend on each other (every batch
/// needs a customer), which is why this record takes its values through a constructor rather than
/// settable properties: a property setter cannot know which of the other values are still to come.
/// Errors are <see cref="ArgumentOutOfRangeException"/>s that name the parameter and the allowed range.
/// </para>
/// <para>
/// <b>Choosing the numbers.</b> The queue starts empty, which is not typical of its steady state,
/// so the first <see cref="WarmUpCustomers"/> are simulated and thrown away. The closer the
/// utilisation ρ is to 1, the longer the memory of the queue (its relaxation time grows like
/// 1/(1 − ρ)²), so heavy traffic needs both a longer warm-up and more customers for the same
/// precision. <see cref="Batches"/> between 20 and 50 is the usual advice for batch means: fewer
/// batches give a poor variance estimate, more give batches so short that their means are correlated
/// and the interval comes out too narrow (<see cref="QueueSimulationResult.Warnings"/> flags this).
/// </para>
/// </remarks>
public sealed record QueueSimulationOptions
{
    /// <summary>The default number of batches for batch means, 30.</summary>
    public const int DefaultBatches = 30;

    /// <summary>The default number of warm-up customers, 100,000.</summary>
    public const int DefaultWarmUpCustomers = 100_000;

    /// <summary>The largest number of servers accepted, ten million (the run keeps one free time per server).</summary>
    public const int MaximumServers = 10_000_000;

    /// <summary>Creates and validates simulation options.</summary>
    /// <param name="servers">c, the number of identical servers; an integer in [1, <see cref="MaximumServers"/>]. Default 1.</param>
    /// <param name="customers">Customers measured after the warm-up; an integer &gt;= <paramref name="batches"/>. Default 1,000,000.</param>
    /// <param name="warmUpCustomers">Customers simulated first and discarded; an integer &gt;= 0, and
    /// <paramref name="warmUpCustomers"/> + <paramref name="customers"/> at most <see cref="int.MaxValue"/>. Default 100,000.</param>
    /// <param name="batches">Batches for the batch-means confidence intervals; an integer in [2, 1000]. Default <see cref="DefaultBatches"/>.</param>
    /// <param name="seed">Seed of the run's <see cref="Xoshiro256StarStar"/> generator: the same seed gives the same result. Default 0.</param>
    /// <param name="keepSamples">Whether to keep every measured customer's wait and response time for
    /// percentiles: two arrays of <paramref name="customers"/> doubles (16 bytes per customer). Default false.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public QueueSimulationOptions(
        int servers = 1,
        int customers = 1_000_000,
        int warmUpCustomers = DefaultWarmUpCustomers,
        int batches = DefaultBatches,
        int seed = 0,
        bool keepSamples = false)
    {
        Servers = InRange(servers, 1, MaximumServers, nameof(servers));
        Batches = InRange(batches, 2, 1000, nameof(batches));
        Customers = InRange(
            customers, batches, int.MaxValue, nameof(customers), $" (at least {nameof(batches)}, so that every batch has a customer)");
        if (warmUpCustomers == DefaultWarmUpCustomers)
        {
            // The warm-up was left at its default, so a sum beyond int range comes from customers: name it.
            InRange(
                customers, batches, int.MaxValue - warmUpCustomers, nameof(customers),
                $" (so that {nameof(warmUpCustomers)} + {nameof(customers)} fits in an int; {nameof(warmUpCustomers)} is {DefaultWarmUpCustomers} by default)");
        }

        WarmUpCustomers = InRange(
            warmUpCustomers, 0, int.MaxValue - customers, nameof(warmUpCustomers), $" (so that {nameof(warmUpCustomers)} + {nameof(customers)} fits in an int)");
        Seed = seed;
        KeepSamples = keepSamples;
    }

    /// <summary>c, the number of identical servers sharing one FIFO queue.</summary>
    public int Servers { get; }

    /// <summary>The number of customers measured, after the warm-up.</summary>
    public int Customers { get; }

    /// <summary>The number of customers simulated before measuring starts, and discarded.</summary>
    public int WarmUpCustomers { get; }

    /// <summary>The number of consecutive batches the measured customers are cut into.</summary>
    public int Batches { get; }

    /// <summary>The seed of the run's random number generator.</summary>
    public int Seed { get; }

    /// <summary>Whether every measured customer's wait and response time are kept for percentiles.</summary>
    public bool KeepSamples { get; }

    private static int InRange(int value, int low, int high, string paramName, string reason = "")
    {
        if (value < low || value > high)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                string.Create(
                    CultureInfo.InvariantCulture, $"{paramName} must be an integer in [{low}, {high}]{reason}; got {value}."));
        }

        return value;
    }
}
