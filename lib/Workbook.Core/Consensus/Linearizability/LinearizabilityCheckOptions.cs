using System.Globalization;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>Settings of <see cref="LinearizabilityChecker"/>: how much search to allow, and whether to split the history.</summary>
public sealed record LinearizabilityCheckOptions
{
    /// <summary>Creates checker settings.</summary>
    /// <param name="stepBudget">The most model steps the whole check may take before it gives up.</param>
    /// <param name="partition">Whether to check each part of the history (each key) on its own.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepBudget"/> is not positive.</exception>
    public LinearizabilityCheckOptions(long stepBudget = 10_000_000, bool partition = true)
    {
        if (stepBudget <= 0)
        {
            throw Guard.OutOfRange(nameof(stepBudget), "an integer > 0", stepBudget.ToString(CultureInfo.InvariantCulture));
        }

        StepBudget = stepBudget;
        Partition = partition;
    }

    /// <summary>The most model steps the whole check may take; past it the verdict is <see cref="LinearizabilityVerdict.GaveUp"/>.</summary>
    /// <value>The default is 10,000,000 steps (a few seconds); a 1,000-operation history of five clients takes a few thousand.</value>
    public long StepBudget { get; }

    /// <summary>
    /// Whether to split the history by <see cref="ISequentialModel{TState, TInput, TOutput}.PartitionKey"/> and check
    /// each part alone, which gives the same verdict far faster (P-compositionality).
    /// </summary>
    /// <value>The default is true. Set it to false only to watch the unsplit search (or to test that the verdicts agree).</value>
    public bool Partition { get; }
}
