namespace Workbook.Core.Queueing;

/// <summary>
/// The result of <see cref="MMcQueue.Analyze"/>: either an <see cref="MMcSteadyState"/> (ρ &lt; 1) or
/// an <see cref="MMcOverloaded"/> (ρ &gt;= 1). There are no other kinds.
/// </summary>
/// <remarks>
/// <para>
/// This base type deliberately has no waits, queue lengths or percentiles: an overloaded queue has
/// none. To read them, match on the subtype, which makes the overloaded case impossible to forget:
/// </para>
/// <code>
/// var text = queue.Analyze() switch
/// {
///     MMcSteadyState s => $"mean wait {s.MeanWaitSeconds * 1e3:F1} ms",
///     MMcOverloaded o => o.Explanation,
///     _ => throw new UnreachableException(),
/// };
/// </code>
/// </remarks>
public abstract record MMcAnalysis
{
    private protected MMcAnalysis(MMcQueue queue)
    {
        Queue = queue;
    }

    /// <summary>The queue that was analysed.</summary>
    public MMcQueue Queue { get; }

    /// <summary>Whether the queue has a steady state (ρ &lt; 1), that is, whether this is an <see cref="MMcSteadyState"/>.</summary>
    public abstract bool IsStable { get; }

    /// <summary>A = λS, the offered load in erlangs.</summary>
    public double OfferedLoadErlangs => Queue.OfferedLoadErlangs;

    /// <summary>ρ = A/c, the utilisation of each server. The steady state needs ρ &lt; 1.</summary>
    public double Utilisation => Queue.Utilisation;

    /// <summary>⌊A⌋ + 1, the fewest servers for which the queue is stable.</summary>
    public int MinimumServersForStability => Queue.MinimumServersForStability;
}
