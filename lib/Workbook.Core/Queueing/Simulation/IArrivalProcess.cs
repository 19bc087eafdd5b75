using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A stream of customer arrivals for <see cref="QueueSimulator"/>: it hands out the time from one
/// arrival to the next, and states its long-run rate and variability so callers can compare the
/// simulation with an approximation.
/// </summary>
/// <remarks>
/// The rate and the SCV of the gaps (variance / mean²; 0 for a clock, 1 for Poisson, above 1 for
/// bursty) are what most approximations take (<see cref="QueueApproximations"/>). Implement it on a
/// struct: the simulator is generic in the process type, so its draws are inlined with no virtual
/// call or boxing. A process may keep state; the simulator works on its own copy of it.
/// </remarks>
public interface IArrivalProcess
{
    /// <summary>The long-run number of arrivals per unit of time, λ; a finite number &gt; 0.</summary>
    double Rate { get; }

    /// <summary>
    /// The squared coefficient of variation of the time between consecutive arrivals (variance
    /// divided by the square of the mean 1 / λ), in the long run.
    /// </summary>
    double InterarrivalScv { get; }

    /// <summary>Draws the time from the previous arrival (or from time 0, for the first) to the next one.</summary>
    /// <param name="random">The run's generator, advanced by the draw.</param>
    double NextInterarrivalTime(ref Xoshiro256StarStar random);
}
