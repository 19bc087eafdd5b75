namespace Workbook.Core.Hashing;

/// <summary>How a <see cref="BoundedLoadBalancer"/> turns ε and the number of keys into each node's capacity.</summary>
public enum BoundedLoadCapacityRule
{
    /// <summary>
    /// The paper's cap, weighted: node i may hold ⌈(1 + ε)·m·wᵢ/W⌉ keys, where m counts the keys held
    /// plus the one being placed; with equal weights ⌈(1 + ε)·m/n⌉ for every node.
    /// </summary>
    Ceiling,

    /// <summary>
    /// HAProxy's <c>chash_server_is_eligible</c>: T = ⌈m·f/100⌉ slots in all (integer arithmetic, m as
    /// above, f the balance factor), node i getting ⌊Cᵢ₊₁·T/W⌋ − ⌊Cᵢ·T/W⌋ of them (Cᵢ the weight of the
    /// nodes before it), at least 1. The slots sum to T, so some nodes get one less than ⌈T·wᵢ/W⌉.
    /// </summary>
    Haproxy,
}
