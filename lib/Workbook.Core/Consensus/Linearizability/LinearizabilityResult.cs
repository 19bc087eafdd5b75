using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// The answer of <see cref="LinearizabilityChecker"/>: a witness order when the history is
/// linearizable, otherwise the longest linearizable prefix and the operations that cannot follow it.
/// </summary>
/// <typeparam name="TInput">What the clients asked.</typeparam>
/// <typeparam name="TOutput">What they were answered.</typeparam>
public sealed record LinearizabilityResult<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    internal LinearizabilityResult(
        LinearizabilityVerdict verdict,
        IReadOnlyList<Operation<TInput, TOutput>>? witness,
        IReadOnlyList<Operation<TInput, TOutput>> longestLinearizablePrefix,
        IReadOnlyList<Operation<TInput, TOutput>> notPlaced,
        string partitionKey,
        int partitions,
        long modelSteps,
        string reason)
    {
        Verdict = verdict;
        Witness = witness;
        LongestLinearizablePrefix = longestLinearizablePrefix;
        NotPlaced = notPlaced;
        PartitionKey = partitionKey;
        Partitions = partitions;
        ModelSteps = modelSteps;
        Reason = reason;
    }

    /// <summary>Linearizable, not linearizable, or gave up (the step budget ran out).</summary>
    public LinearizabilityVerdict Verdict { get; }

    /// <summary>Whether the history is linearizable. False also when the checker gave up: see <see cref="Verdict"/>.</summary>
    [MemberNotNullWhen(true, nameof(Witness))]
    public bool IsLinearizable => Verdict == LinearizabilityVerdict.Linearizable;

    /// <summary>
    /// One legal sequential order: every completed operation, and the operations without a response
    /// that it takes as applied, in an order that respects real time. Null unless <see cref="IsLinearizable"/>.
    /// </summary>
    public IReadOnlyList<Operation<TInput, TOutput>>? Witness { get; }

    /// <summary>
    /// The longest legal order of operations that respects real time which the search found, in the
    /// part of the history that failed (or gave up); the whole witness when linearizable.
    /// </summary>
    public IReadOnlyList<Operation<TInput, TOutput>> LongestLinearizablePrefix { get; }

    /// <summary>The completed operations of that part that the prefix does not place; empty when linearizable.</summary>
    public IReadOnlyList<Operation<TInput, TOutput>> NotPlaced { get; }

    /// <summary>The partition key (for the key-value store, the key) of the part that failed or gave up; empty when linearizable.</summary>
    public string PartitionKey { get; }

    /// <summary>How many independent parts the history was split into (1 when not partitioned).</summary>
    public int Partitions { get; }

    /// <summary>How many model steps the search took, all parts together.</summary>
    public long ModelSteps { get; }

    /// <summary>Why this is the answer, in words: what the witness covers, or which operations cannot be placed and why.</summary>
    public string Reason { get; }
}
