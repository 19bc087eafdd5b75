namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// The sequential specification a concurrent history is checked against: a start state and a step
/// function that says whether an operation, with the answer it gave, fits a state, and what follows.
/// </summary>
/// <remarks>
/// Steps must be pure (the same arguments, the same answer) and states must compare by value, since
/// the checker memoizes (linearized operations, state) pairs. <see cref="PartitionKey"/> splits a
/// history into independent parts checked one by one (P-compositionality, Herlihy and Wing 1990,
/// section 3.3): for a key-value store, one part per key. A model that cannot be split returns the
/// same key for every input. <see cref="KvModel"/> is the model of the workbook's key-value store.
/// </remarks>
/// <typeparam name="TState">An immutable state with value equality.</typeparam>
/// <typeparam name="TInput">What a client asked.</typeparam>
/// <typeparam name="TOutput">What it was answered.</typeparam>
public interface ISequentialModel<TState, in TInput, in TOutput>
    where TState : class, IEquatable<TState>
{
    /// <summary>The state before any operation.</summary>
    TState Initial { get; }

    /// <summary>Whether <paramref name="input"/> answered with <paramref name="output"/> fits <paramref name="state"/>, and the state after it.</summary>
    ModelStep<TState> Step(TState state, TInput input, TOutput output);

    /// <summary>The step of an operation whose answer was never seen: any answer the model allows is accepted.</summary>
    ModelStep<TState> StepWithoutResponse(TState state, TInput input);

    /// <summary>The part of the history <paramref name="input"/> belongs to; operations of different parts never interact.</summary>
    string PartitionKey(TInput input);
}
