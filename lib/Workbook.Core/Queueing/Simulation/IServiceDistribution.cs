using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The distribution of service times for <see cref="QueueSimulator"/>: it draws one customer's
/// service time and states the distribution's mean and variability.
/// </summary>
/// <remarks>
/// The mean and SCV are what the Pollaczek–Khinchine formula and the common approximations need; a
/// simulation sees the whole distribution, so two distributions with equal mean and SCV can still give
/// different tail percentiles. Implement it on a struct, for the reason given on <see cref="IArrivalProcess"/>.
/// </remarks>
public interface IServiceDistribution
{
    /// <summary>The mean service time S; a finite number &gt; 0.</summary>
    double Mean { get; }

    /// <summary>The squared coefficient of variation of the service time, variance / S².</summary>
    double Scv { get; }

    /// <summary>Draws one customer's service time, a number &gt; 0.</summary>
    /// <param name="random">The run's generator, advanced by the draw.</param>
    double NextServiceTime(ref Xoshiro256StarStar random);
}
