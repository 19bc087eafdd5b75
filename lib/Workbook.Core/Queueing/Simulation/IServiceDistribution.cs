using Workbook.Core.Simulation;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The distribution of service times for <see cref="QueueSimulator"/>: it draws one customer's
/// service time and states the distribution's mean and variability.
/// </summary>
/// <remarks>
/// <para>
/// The mean S and the squared coefficient of variation (SCV = variance / S²) are what the
/// Pollaczek–Khinchine formula needs for one server, W_q = ρS(1 + SCV) / (2(1 − ρ)), and what
/// the common many-server approximations need as well. Only the mean and SCV enter those
/// formulas; a simulation sees the whole distribution, which is why two service distributions with
/// equal mean and SCV can still give different tail percentiles.
/// </para>
/// <para>
/// Implement it on a <c>struct</c>, for the reason given on <see cref="IArrivalProcess"/>: the
/// simulator is generic in the distribution type, so its draws are inlined into the loop.
/// </para>
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
