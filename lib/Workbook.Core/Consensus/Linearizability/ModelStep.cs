using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// The answer of <see cref="ISequentialModel{TState, TInput, TOutput}.Step"/>: whether the operation
/// could have answered what it answered in the given state, and the state after it.
/// </summary>
/// <typeparam name="TState">The model's state type.</typeparam>
public sealed class ModelStep<TState>
    where TState : class
{
    private ModelStep(TState? state, string reason)
    {
        State = state;
        Reason = reason;
    }

    /// <summary>Whether the operation fits: its answer is the one the model gives in that state.</summary>
    [MemberNotNullWhen(true, nameof(State))]
    public bool IsLegal => State is not null;

    /// <summary>The state after the operation; null exactly when <see cref="IsLegal"/> is false.</summary>
    public TState? State { get; }

    /// <summary>Empty for a legal step; otherwise why the answer does not fit (e.g. "x holds "1"").</summary>
    public string Reason { get; }

    /// <summary>A legal step that leads to <paramref name="state"/>.</summary>
    public static ModelStep<TState> Legal(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state, string.Empty);
    }

    /// <summary>An illegal step, with the reason in words.</summary>
    public static ModelStep<TState> Illegal(string reason) => new(null, Guard.NotBlank(reason, nameof(reason)));
}
