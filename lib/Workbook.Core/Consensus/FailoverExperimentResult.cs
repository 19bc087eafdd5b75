using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>What a <see cref="FailoverExperiment"/> measured: one <see cref="FailoverSample"/> per kill, or why it stopped early.</summary>
/// <remarks>
/// <see cref="IsComplete"/> is false when a wait hit <see cref="FailoverExperimentOptions.MaxTicksPerKill"/>
/// (for example endless split votes when every election timeout is the same); <see cref="Reason"/> says
/// which, and <see cref="Samples"/> holds the kills completed before it.
/// </remarks>
public sealed record FailoverExperimentResult
{
    internal FailoverExperimentResult(FailoverExperimentOptions options, long seed, IReadOnlyList<FailoverSample> samples, string? stopReason)
    {
        Options = options;
        Seed = seed;
        Samples = samples;
        IsComplete = stopReason is null;
        Reason = stopReason ?? string.Create(CultureInfo.InvariantCulture, $"all {samples.Count} kills failed over within {options.MaxTicksPerKill} ticks.");
    }

    /// <summary>The options of the run.</summary>
    public FailoverExperimentOptions Options { get; }

    /// <summary>The seed of the run.</summary>
    public long Seed { get; }

    /// <summary>Whether every kill failed over within the bound.</summary>
    public bool IsComplete { get; }

    /// <summary>Why the run stopped early, or that it completed.</summary>
    public string Reason { get; }

    /// <summary>The kills completed, in order.</summary>
    public IReadOnlyList<FailoverSample> Samples { get; }

    /// <summary>The failover times in milliseconds (1 tick = <see cref="FailoverExperimentOptions.MillisecondsPerTick"/> ms), in kill order.</summary>
    public IReadOnlyList<double> FailoverMilliseconds => [.. Samples.Select(s => s.FailoverMilliseconds)];

    /// <summary>A percentile of the failover time in milliseconds (nearest rank).</summary>
    /// <param name="fraction">The percentile as a fraction in (0, 1], e.g. 0.5 for the median.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside (0, 1].</exception>
    /// <exception cref="InvalidOperationException">No kill completed.</exception>
    public double FailoverMillisecondsPercentile(double fraction)
    {
        Guard.InRangeExclusiveInclusive(fraction, 0, 1, nameof(fraction));
        if (Samples.Count == 0)
        {
            throw new InvalidOperationException("No kill completed, so there is no failover time; see Reason.");
        }

        var sorted = Samples.Select(s => s.FailoverMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
