using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>The configured range of election timeouts and the node's seeded generator: the input of <see cref="RaftRules.ElectionTimeout"/>.</summary>
/// <remarks>
/// A node passes its own generator, so the draws are part of the run and replay with its seed. The public
/// constructor makes a context with its own seeded generator, for trying a rule outside a node.
/// </remarks>
public sealed class ElectionTimeoutContext
{
    private readonly Func<ulong> nextUInt64;

    /// <summary>Creates a context with its own generator.</summary>
    /// <param name="minTicks">The shortest timeout configured, in ticks.</param>
    /// <param name="maxTicks">The longest timeout configured, in ticks.</param>
    /// <param name="seed">The seed of the generator behind <see cref="NextInt"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minTicks"/> is below 1 or <paramref name="maxTicks"/> below it.</exception>
    public ElectionTimeoutContext(int minTicks, int maxTicks, long seed)
    {
        Guard.Positive(minTicks, nameof(minTicks));
        if (maxTicks < minTicks)
        {
            throw Guard.OutOfRange(nameof(maxTicks), $"an integer >= {nameof(minTicks)} = {minTicks.ToString(CultureInfo.InvariantCulture)}", maxTicks.ToString(CultureInfo.InvariantCulture));
        }

        var generator = new Xoshiro256StarStar(seed);
        MinTicks = minTicks;
        MaxTicks = maxTicks;
        nextUInt64 = () => generator.NextUInt64();
    }

    internal ElectionTimeoutContext(int minTicks, int maxTicks, Func<ulong> nextUInt64)
    {
        MinTicks = minTicks;
        MaxTicks = maxTicks;
        this.nextUInt64 = nextUInt64;
    }

    /// <summary>The shortest election timeout configured (<see cref="RaftOptions.ElectionTimeoutMinTicks"/>).</summary>
    public int MinTicks { get; }

    /// <summary>The longest election timeout configured (<see cref="RaftOptions.ElectionTimeoutMaxTicks"/>).</summary>
    public int MaxTicks { get; }

    /// <summary>Draws an integer uniformly from [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    /// <param name="minInclusive">The smallest value.</param>
    /// <param name="maxInclusive">The largest value; at least <paramref name="minInclusive"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxInclusive"/> is below <paramref name="minInclusive"/>.</exception>
    public int NextInt(int minInclusive, int maxInclusive)
    {
        if (maxInclusive < minInclusive)
        {
            throw Guard.OutOfRange(
                nameof(maxInclusive),
                $"an integer >= {nameof(minInclusive)} = {minInclusive.ToString(CultureInfo.InvariantCulture)}",
                maxInclusive.ToString(CultureInfo.InvariantCulture));
        }

        var span = (ulong)((long)maxInclusive - minInclusive + 1);

        // Implementation note: a uniform integer in [0, span) by Lemire's multiply-shift (bias below 2⁻³²).
        var offset = Math.BigMul(nextUInt64(), span, out _);
        return (int)(minInclusive + (long)offset);
    }
}
