using Workbook.Core.Queueing;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Queueing;

/// <summary>
/// A test oracle: a seeded simulation of a single FIFO M/M/1 queue by Lindley's recursion, the
/// obviously correct slow check of <see cref="MM1"/>'s closed forms (the library's own simulator is
/// <c>Queueing.Simulation.QueueSimulator</c>).
/// </summary>
/// <remarks>
/// Lindley's recursion gives each customer's wait from the previous one's without an event list:
/// <c>W₁ = 0</c>, <c>Wₙ₊₁ = max(0, Wₙ + Sₙ − Aₙ₊₁)</c>, where <c>Sₙ</c> is a service time and
/// <c>Aₙ₊₁</c> the gap to the next arrival (D. V. Lindley, "The theory of queues with a single server",
/// Proc. Cambridge Phil. Soc. 48, 1952). Exponential draws come from inverse transform sampling.
/// The first tenth of the customers is discarded as warm-up, since the queue starts empty.
/// </remarks>
internal static class MM1Simulation
{
    /// <summary>The simulated mean wait in queue, in the unit of <paramref name="meanServiceTime"/>.</summary>
    /// <param name="meanServiceTime">Mean service time; a finite number &gt; 0.</param>
    /// <param name="utilisation">ρ = λ × S, in [0, 1).</param>
    /// <param name="customers">Number of customers to simulate; at least 1,000.</param>
    /// <param name="seed">Seed of the random number generator: the same seed gives the same result.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public static double MeanWaitInQueue(double meanServiceTime, double utilisation, int customers, int seed)
    {
        Guard.PositiveFinite(meanServiceTime, nameof(meanServiceTime));
        Guard.UnitIntervalOpenRight(utilisation, nameof(utilisation));
        if (customers < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(customers), customers, $"customers must be at least 1000; got {customers}.");
        }

        if (utilisation == 0)
        {
            return 0;
        }

        var random = new Xoshiro256StarStar(seed);
        var meanGap = meanServiceTime / utilisation;

        var warmUp = customers / 10;
        double wait = 0, total = 0;
        for (var n = 0; n < customers; n++)
        {
            if (n >= warmUp)
            {
                total += wait;
            }

            wait = Math.Max(0, wait + random.NextExponential(meanServiceTime) - random.NextExponential(meanGap));
        }

        return total / (customers - warmUp);
    }
}
