namespace Workbook.Core.Consensus.Linearizability;

/// <summary>The three answers of <see cref="LinearizabilityChecker"/>.</summary>
public enum LinearizabilityVerdict
{
    /// <summary>Some order of the operations respects real time and the model; the result carries one.</summary>
    Linearizable,

    /// <summary>No order does; the result carries the longest linearizable prefix and the operations that cannot follow it.</summary>
    NotLinearizable,

    /// <summary>The step budget ran out before either was shown: no answer, not a "no".</summary>
    GaveUp,
}
