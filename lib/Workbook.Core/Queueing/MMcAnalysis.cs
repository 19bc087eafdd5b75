namespace Workbook.Core.Queueing;

/// <summary>
/// The result of <see cref="MMcQueue.Analyze"/>: either an <see cref="MMcSteadyState"/> (ρ &lt; 1) or
/// an <see cref="MMcOverloaded"/> (ρ &gt;= 1). There are no other kinds.
/// </summary>
/// <remarks>
/// This base type has no waits, queue lengths or percentiles: an overloaded queue has none. Read
/// <see cref="IsStable"/> and <see cref="Reason"/> here, and match on the subtype for the numbers.
/// </remarks>
/// <example>
/// <code>
/// var text = queue.Analyze() switch
/// {
///     MMcSteadyState s => $"mean wait {s.MeanWaitSeconds * 1e3:F1} ms",
///     MMcOverloaded o => o.Reason,
///     _ => throw new UnreachableException(),
/// };
/// </code>
/// </example>
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

    /// <summary>
    /// In words: for a stable queue a one-line summary (utilisation, probability of waiting, mean
    /// wait); for an overloaded one why there is no steady state and how many servers are needed.
    /// </summary>
    public abstract string Reason { get; }

    /// <summary>A = λS, the offered load in erlangs.</summary>
    public double OfferedLoadErlangs => Queue.OfferedLoadErlangs;

    /// <summary>ρ = A/c, the utilisation of each server. The steady state needs ρ &lt; 1.</summary>
    public double Utilisation => Queue.Utilisation;

    /// <summary>The fewest servers for which the queue is stable; see <see cref="MMcQueue.MinimumServersForStability"/>.</summary>
    public int MinimumServersForStability => Queue.MinimumServersForStability;
}
