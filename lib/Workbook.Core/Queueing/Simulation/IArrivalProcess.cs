using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// A stream of customer arrivals for <see cref="QueueSimulator"/>: it hands out the time from one
/// arrival to the next, and states its long-run rate and variability so callers can compare the
/// simulation with an approximation.
/// </summary>
/// <remarks>
/// <para>
/// The rate and the squared coefficient of variation (SCV = variance / mean²) of the gaps are the two
/// numbers most queueing approximations take (Kingman's formula, Allen–Cunneen for many servers):
/// SCV = 0 is a clock (deterministic), 1 is Poisson, above 1 is bursty.
/// </para>
/// <para>
/// Implement it on a <c>struct</c>: the simulator is generic in the process type
/// (<c>where TArrival : struct, IArrivalProcess</c>), so the JIT compiles a copy of its loop for each
/// process and calls <see cref="NextInterarrivalTime"/> directly, inlined, with no virtual call and
/// no boxing. A process may keep state (the Markov-modulated process remembers its phase); the
/// simulator works on its own copy, so every run starts from the process as constructed.
/// </para>
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
