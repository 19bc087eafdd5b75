using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// How to run <see cref="QueueSimulator"/>: the number of servers, how many customers to measure
/// and to discard first, how to cut the measured customers into batches for confidence intervals,
/// the seed, and whether to keep every customer's times for percentiles.
/// </summary>
/// <remarks>
/// Every value, and every rule between values (each batch needs a customer; warm-up plus measured
/// customers must fit in an <see cref="int"/>), is checked once, in the constructor. Heavy traffic
/// needs a longer warm-up and more customers: the queue's memory grows like 1/(1 − ρ)². Between 20
/// and 50 batches is the usual advice; too many make batches so short that their means are correlated
/// (<see cref="QueueSimulationResult.Warnings"/> flags this).
/// </remarks>
public sealed record QueueSimulationOptions
{
    /// <summary>The default number of batches for batch means, 30.</summary>
    public const int DefaultBatches = 30;

    /// <summary>The default number of warm-up customers, 100,000.</summary>
    public const int DefaultWarmUpCustomers = 100_000;

    /// <summary>The default number of measured customers, 1,000,000.</summary>
    public const int DefaultCustomers = 1_000_000;

    /// <summary>The largest number of batches accepted, 1,000.</summary>
    public const int MaximumBatches = 1000;

    /// <summary>The largest number of servers accepted, ten million (the run keeps one free time per server).</summary>
    public const int MaximumServers = 10_000_000;

    /// <summary>Creates and validates simulation options.</summary>
    /// <param name="servers">c, the number of identical servers; an integer in [1, <see cref="MaximumServers"/>].</param>
    /// <param name="customers">Customers measured after the warm-up; an integer &gt;= <paramref name="batches"/>.</param>
    /// <param name="warmUpCustomers">Customers simulated first and discarded; an integer &gt;= 0, and
    /// <paramref name="warmUpCustomers"/> + <paramref name="customers"/> at most <see cref="int.MaxValue"/>.</param>
    /// <param name="batches">Batches for the batch-means confidence intervals; an integer in [2, <see cref="MaximumBatches"/>].</param>
    /// <param name="seed">Seed of the run's <see cref="Xoshiro256StarStar"/> generator: the same seed gives the same result.</param>
    /// <param name="keepSamples">Whether to keep every measured customer's wait and response time for
    /// percentiles: two arrays of <paramref name="customers"/> doubles (16 bytes per customer).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A parameter, or a rule between parameters, is violated; the message names the parameter and the allowed range.
    /// </exception>
    public QueueSimulationOptions(
        int servers = 1,
        int customers = DefaultCustomers,
        int warmUpCustomers = DefaultWarmUpCustomers,
        int batches = DefaultBatches,
        int seed = 0,
        bool keepSamples = false)
    {
        Servers = InRange(servers, 1, MaximumServers, nameof(servers));
        Batches = InRange(batches, 2, MaximumBatches, nameof(batches));
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
    /// <value>The default is 1.</value>
    public int Servers { get; }

    /// <summary>The number of customers measured, after the warm-up.</summary>
    /// <value>The default is <see cref="DefaultCustomers"/>, 1,000,000.</value>
    public int Customers { get; }

    /// <summary>The number of customers simulated before measuring starts, and discarded.</summary>
    /// <value>The default is <see cref="DefaultWarmUpCustomers"/>, 100,000.</value>
    public int WarmUpCustomers { get; }

    /// <summary>The number of consecutive batches the measured customers are cut into.</summary>
    /// <value>The default is <see cref="DefaultBatches"/>, 30.</value>
    public int Batches { get; }

    /// <summary>The seed of the run's random number generator.</summary>
    /// <value>The default is 0.</value>
    public int Seed { get; }

    /// <summary>Whether every measured customer's wait and response time are kept for percentiles.</summary>
    /// <value>The default is false.</value>
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
