using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// How the simulated network treats each message: a delay drawn uniformly from
/// [<see cref="MinDelayTicks"/>, <see cref="MaxDelayTicks"/>], and independent chances of loss,
/// duplication and reordering.
/// </summary>
/// <remarks>
/// Without reordering each link (sender, receiver) is first-in first-out, as over one TCP connection:
/// a message never arrives before one sent earlier on the same link. A reordered message skips that
/// rule and arrives after its own drawn delay, so it may overtake. A duplicate gets its own delay.
/// </remarks>
public sealed record NetworkOptions
{
    /// <summary>Creates and validates network options.</summary>
    /// <param name="minDelayTicks">The shortest delay, in ticks; an integer &gt;= 1.</param>
    /// <param name="maxDelayTicks">The longest delay, in ticks; an integer &gt;= <paramref name="minDelayTicks"/>.</param>
    /// <param name="lossProbability">The chance a message is lost; in [0, 1].</param>
    /// <param name="duplicationProbability">The chance a delivered message is also delivered a second time; in [0, 1].</param>
    /// <param name="reorderProbability">The chance a message may overtake earlier ones on its link; in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public NetworkOptions(
        int minDelayTicks = 1,
        int maxDelayTicks = 2,
        double lossProbability = 0,
        double duplicationProbability = 0,
        double reorderProbability = 0)
    {
        MinDelayTicks = Guard.Positive(minDelayTicks, nameof(minDelayTicks));
        if (maxDelayTicks < minDelayTicks)
        {
            throw Guard.OutOfRange(
                nameof(maxDelayTicks),
                $"an integer >= {minDelayTicks.ToString(CultureInfo.InvariantCulture)} (at least {nameof(minDelayTicks)})",
                maxDelayTicks.ToString(CultureInfo.InvariantCulture));
        }

        MaxDelayTicks = maxDelayTicks;
        LossProbability = Guard.Probability(lossProbability, nameof(lossProbability));
        DuplicationProbability = Guard.Probability(duplicationProbability, nameof(duplicationProbability));
        ReorderProbability = Guard.Probability(reorderProbability, nameof(reorderProbability));
    }

    /// <summary>A reliable network: every message arrives once, in order per link, after 1 or 2 ticks.</summary>
    public static NetworkOptions Reliable { get; } = new();

    /// <summary>The shortest delay, in ticks.</summary>
    public int MinDelayTicks { get; }

    /// <summary>The longest delay, in ticks.</summary>
    public int MaxDelayTicks { get; }

    /// <summary>The chance a message is lost.</summary>
    public double LossProbability { get; }

    /// <summary>The chance a message is delivered twice.</summary>
    public double DuplicationProbability { get; }

    /// <summary>The chance a message may overtake earlier messages on its link.</summary>
    public double ReorderProbability { get; }

    /// <summary>Whether no message is lost or duplicated (delays and reordering may remain).</summary>
    public bool IsQuiet => LossProbability == 0 && DuplicationProbability == 0;
}
