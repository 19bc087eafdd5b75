using System.Globalization;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// Wing and Gong's search for a linearization of one part of a history, with Lowe's memoization of
/// (set of linearized operations, model state), as Porcupine does it; iterative, with an explicit stack.
/// </summary>
/// <remarks>
/// The calls and returns sit in one doubly linked list in time order (a call before a return at the
/// same tick, so equal times overlap). Scanning from the front, every call met before the first
/// return is an operation that may go next. Linearizing one removes its call and return from the list
/// (restored in reverse order on backtracking, as in dancing links); meeting a return first is a dead
/// end: that operation had to be linearized before the ones after it. The memo keeps the search from
/// reaching the same (set, state) twice, which makes histories with few clients fast (Lowe 2017).
/// </remarks>
internal sealed class WingGongSearch<TState, TInput, TOutput>
    where TState : class, IEquatable<TState>
    where TInput : class
    where TOutput : class
{
    private const int End = -1;
    private const int MostCandidatesDescribed = 4;

    private readonly ISequentialModel<TState, TInput, TOutput> model;
    private readonly IReadOnlyList<Operation<TInput, TOutput>> operations;
    private readonly int[] sortedEntries;
    private readonly int[] next;
    private readonly int[] previous;
    private readonly int head;
    private readonly int completedCount;

    public WingGongSearch(ISequentialModel<TState, TInput, TOutput> model, IReadOnlyList<Operation<TInput, TOutput>> operations)
    {
        this.model = model;
        this.operations = operations;
        var count = operations.Count;
        completedCount = operations.Count(o => o.HasResponse);

        // Entry 2i is the call of operation i, entry 2i + 1 its return (absent for an operation without one).
        sortedEntries = Enumerable.Range(0, 2 * count)
            .Where(e => IsCall(e) || operations[e / 2].HasResponse)
            .OrderBy(TimeOf)
            .ThenBy(e => IsCall(e) ? 0 : 1)
            .ThenBy(e => e)
            .ToArray();
        head = 2 * count;
        next = new int[2 * count + 1];
        previous = new int[2 * count + 1];
        var last = head;
        foreach (var entry in sortedEntries)
        {
            next[last] = entry;
            previous[entry] = last;
            last = entry;
        }

        next[last] = End;
    }

    public SearchOutcome Run(StepBudget budget)
    {
        var state = model.Initial;
        var linearized = new OperationSet(operations.Count);
        var memo = new HashSet<MemoKey>();
        var stackOperations = new int[operations.Count];
        var stackStates = new TState[operations.Count];
        var depth = 0;
        var completedLinearized = 0;
        var best = new BestPrefix([], state);

        var entry = next[head];
        while (completedLinearized < completedCount)
        {
            if (entry == End || !IsCall(entry))
            {
                // Dead end: an operation's return comes before it was linearized. Undo the last choice
                // and try the next call after it.
                if (depth == 0)
                {
                    return new SearchOutcome(LinearizabilityVerdict.NotLinearizable, best);
                }

                depth--;
                var undone = stackOperations[depth];
                state = stackStates[depth];
                linearized.Remove(undone);
                completedLinearized -= operations[undone].HasResponse ? 1 : 0;
                Unlift(undone);
                entry = next[2 * undone];
                continue;
            }

            var candidate = entry / 2;
            if (!budget.TryTake())
            {
                return new SearchOutcome(LinearizabilityVerdict.GaveUp, best);
            }

            var step = StepOf(state, candidate);
            if (step.IsLegal)
            {
                linearized.Add(candidate);
                if (memo.Add(new MemoKey(linearized.Snapshot(), linearized.Hash, step.State)))
                {
                    stackOperations[depth] = candidate;
                    stackStates[depth] = state;
                    depth++;
                    state = step.State;
                    completedLinearized += operations[candidate].HasResponse ? 1 : 0;
                    Lift(candidate);
                    if (depth > best.Operations.Length)
                    {
                        best = new BestPrefix(stackOperations[..depth], state);
                    }

                    entry = next[head];
                    continue;
                }

                linearized.Remove(candidate);
            }

            entry = next[entry];
        }

        return new SearchOutcome(LinearizabilityVerdict.Linearizable, new BestPrefix(stackOperations[..depth], state));
    }

    /// <summary>Why no operation can follow <paramref name="best"/>: each operation that could go next and what stops it.</summary>
    public string ExplainBlocked(BestPrefix best)
    {
        var placed = new HashSet<int>(best.Operations);
        var candidates = new List<int>();
        foreach (var entry in sortedEntries)
        {
            if (placed.Contains(entry / 2))
            {
                continue;
            }

            if (!IsCall(entry))
            {
                break;
            }

            candidates.Add(entry / 2);
        }

        var reasons = candidates
            .Where(c => operations[c].HasResponse)
            .Take(MostCandidatesDescribed)
            .Select(c =>
            {
                var step = StepOf(best.State, c);
                return step.IsLegal
                    ? $"{operations[c]} fits, but nothing can follow it"
                    : $"{operations[c]} cannot, since {step.Reason}";
            })
            .ToList();
        var more = candidates.Count(c => operations[c].HasResponse) - reasons.Count;
        if (more > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"and {more} more"));
        }

        return string.Join("; ", reasons);
    }

    private static bool IsCall(int entry) => entry % 2 == 0;

    private long TimeOf(int entry) =>
        IsCall(entry) ? operations[entry / 2].InvokedAt : operations[entry / 2].RespondedAt!.Value;

    private ModelStep<TState> StepOf(TState state, int operation)
    {
        var op = operations[operation];
        return op.HasResponse ? model.Step(state, op.Input, op.Output) : model.StepWithoutResponse(state, op.Input);
    }

    private void Lift(int operation)
    {
        Unlink(2 * operation);
        if (operations[operation].HasResponse)
        {
            Unlink(2 * operation + 1);
        }
    }

    private void Unlift(int operation)
    {
        if (operations[operation].HasResponse)
        {
            Relink(2 * operation + 1);
        }

        Relink(2 * operation);
    }

    private void Unlink(int entry)
    {
        next[previous[entry]] = next[entry];
        if (next[entry] != End)
        {
            previous[next[entry]] = previous[entry];
        }
    }

    private void Relink(int entry)
    {
        next[previous[entry]] = entry;
        if (next[entry] != End)
        {
            previous[next[entry]] = entry;
        }
    }

    /// <summary>The deepest point the search reached: the operations in order and the state after them.</summary>
    internal sealed record BestPrefix(int[] Operations, TState State);

    /// <summary>What one search found: the witness when linearizable, otherwise the deepest prefix reached.</summary>
    internal sealed record SearchOutcome(LinearizabilityVerdict Verdict, BestPrefix Prefix);

    private readonly struct MemoKey(ulong[] words, ulong wordsHash, TState state) : IEquatable<MemoKey>
    {
        private ulong[] Words { get; } = words;

        private ulong WordsHash { get; } = wordsHash;

        private TState State { get; } = state;

        public bool Equals(MemoKey other) =>
            WordsHash == other.WordsHash && Words.AsSpan().SequenceEqual(other.Words) && State.Equals(other.State);

        public override bool Equals(object? obj) => obj is MemoKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(WordsHash, State.GetHashCode());
    }
}
