using System.Globalization;

namespace Workbook.Core.Consensus.Linearizability;

/// <summary>
/// Decides whether a concurrent history is linearizable: whether its operations can be put in one
/// order that respects real time (an operation that responded before another was invoked comes
/// first) and in which every answer is the one the sequential model gives.
/// </summary>
/// <remarks>
/// The search is Wing and Gong's (1993) with Lowe's memoization of (linearized set, state), as in
/// Porcupine and Knossos; the history is first split by the model's partition key (Herlihy and Wing
/// 1990: a history is linearizable exactly when each key's sub-history is). A witness of the whole
/// history is rebuilt from the parts' witnesses. Operations without a response may be placed
/// anywhere after their call, or left out (they never took effect). The problem is NP-complete
/// (Gibbons and Korach 1997): a step budget bounds the search, and running out is a third verdict.
/// </remarks>
public static class LinearizabilityChecker
{
    /// <summary>Checks a key-value history against <see cref="KvModel"/>, one key at a time.</summary>
    /// <exception cref="ArgumentException">The history is invalid: see <see cref="Check{TState, TInput, TOutput}"/>, or a put or append was answered other than ok, or a get was answered ok.</exception>
    public static LinearizabilityResult<KvInput, KvOutput> CheckKeyValue(
        IReadOnlyList<Operation<KvInput, KvOutput>> history, LinearizabilityCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (var i = 0; i < history.Count; i++)
        {
            var operation = history[i];
            if (operation is { HasResponse: true } && operation.Output.IsOk != (operation.Input.Kind != KvOperationKind.Get))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"history[{i}] ({operation}) must be answered as its kind is: a put or an append with KvOutput.Ok, a get with a value or KvOutput.Absent."),
                    nameof(history));
            }
        }

        return Check(KvModel.Instance, history, options);
    }

    /// <summary>Checks a history against a sequential model.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="history"/> holds a null operation, or a client with two overlapping operations
    /// (a client calls one operation at a time, so each is invoked after its previous one responded;
    /// an operation without a response is its client's last).
    /// </exception>
    public static LinearizabilityResult<TInput, TOutput> Check<TState, TInput, TOutput>(
        ISequentialModel<TState, TInput, TOutput> model,
        IReadOnlyList<Operation<TInput, TOutput>> history,
        LinearizabilityCheckOptions? options = null)
        where TState : class, IEquatable<TState>
        where TInput : class
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        options ??= new LinearizabilityCheckOptions();
        Validate(history);

        var parts = options.Partition
            ? history.GroupBy(o => model.PartitionKey(o.Input), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Key: g.Key, Operations: (IReadOnlyList<Operation<TInput, TOutput>>)g.ToList()))
                .ToList()
            : [(Key: string.Empty, Operations: history)];

        var budget = new StepBudget(options.StepBudget);
        var witnesses = new List<IReadOnlyList<Operation<TInput, TOutput>>>();
        LinearizabilityResult<TInput, TOutput>? gaveUp = null;
        foreach (var (key, operations) in parts)
        {
            var search = new WingGongSearch<TState, TInput, TOutput>(model, operations);
            var outcome = search.Run(budget);
            var prefix = outcome.Prefix.Operations.Select(i => operations[i]).ToList();
            var placed = new HashSet<int>(outcome.Prefix.Operations);
            var notPlaced = Enumerable.Range(0, operations.Count)
                .Where(i => operations[i].HasResponse && !placed.Contains(i))
                .Select(i => operations[i])
                .ToList();
            var where = options.Partition ? $" on key {key}" : string.Empty;
            switch (outcome.Verdict)
            {
                case LinearizabilityVerdict.Linearizable:
                    witnesses.Add(prefix);
                    break;
                case LinearizabilityVerdict.NotLinearizable:
                    var reason = string.Create(CultureInfo.InvariantCulture,
                        $"Not linearizable{where}: at most {prefix.Count} of its {operations.Count} operations fit one order that respects real time and the model; after them the state is {outcome.Prefix.State}, and no operation can go next: {search.ExplainBlocked(outcome.Prefix)}.");
                    return new(LinearizabilityVerdict.NotLinearizable, null, prefix, notPlaced, key, parts.Count, budget.Taken, reason);
                default:
                    gaveUp ??= new(LinearizabilityVerdict.GaveUp, null, prefix, notPlaced, key, parts.Count, budget.Limit,
                        string.Create(CultureInfo.InvariantCulture,
                            $"Gave up{where} after {budget.Limit:N0} model {(budget.Limit == 1 ? "step" : "steps")} (the step budget), with {prefix.Count} of its {operations.Count} operations placed: no verdict either way; raise LinearizabilityCheckOptions.StepBudget."));
                    break;
            }
        }

        if (gaveUp is not null)
        {
            return gaveUp;
        }

        var witness = Merge(witnesses);
        var completed = history.Count(o => o.HasResponse);
        var pending = history.Count - completed;
        var pendingText = pending == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture,
                $", and takes {witness.Count - completed} of the {pending} {(pending == 1 ? "operation" : "operations")} without a response as applied");
        var partsText = options.Partition
            ? string.Create(CultureInfo.InvariantCulture, $" ({parts.Count} {(parts.Count == 1 ? "key" : "keys")} checked one by one)")
            : string.Empty;
        return new(LinearizabilityVerdict.Linearizable, witness, witness, [], string.Empty, parts.Count, budget.Taken,
            string.Create(CultureInfo.InvariantCulture,
                $"Linearizable{partsText}: the witness orders all {completed} completed {(completed == 1 ? "operation" : "operations")}{pendingText}, respecting real time and the model."));
    }

    private static void Validate<TInput, TOutput>(IReadOnlyList<Operation<TInput, TOutput>> history)
        where TInput : class
        where TOutput : class
    {
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i] is null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"history[{i}] must be an operation; got null."), nameof(history));
            }
        }

        foreach (var client in Enumerable.Range(0, history.Count).GroupBy(i => history[i].ClientId))
        {
            var ordered = client.OrderBy(i => history[i].InvokedAt).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                var earlier = history[ordered[k - 1]];
                var later = history[ordered[k]];
                if (!earlier.HasResponse || earlier.RespondedAt.Value >= later.InvokedAt)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture,
                            $"history must give each client one operation at a time; client {client.Key} has overlapping operations history[{ordered[k - 1]}] ({earlier}) and history[{ordered[k]}] ({later}): an operation must be invoked after the client's previous one responded."),
                        nameof(history));
                }
            }
        }
    }

    // Implementation note: each part's witness gets linearization points p = the latest invocation
    // among its operations so far. p lies inside every operation's interval (an earlier operation in
    // a real-time order was never invoked after a later one responded), and p increases along the
    // witness, so sorting all parts by p, ties kept in part order, respects real time across parts.
    private static List<Operation<TInput, TOutput>> Merge<TInput, TOutput>(List<IReadOnlyList<Operation<TInput, TOutput>>> witnesses)
        where TInput : class
        where TOutput : class
    {
        var points = new List<(long Point, int Part, int Position, Operation<TInput, TOutput> Operation)>();
        for (var part = 0; part < witnesses.Count; part++)
        {
            var point = long.MinValue;
            for (var position = 0; position < witnesses[part].Count; position++)
            {
                var operation = witnesses[part][position];
                point = Math.Max(point, operation.InvokedAt);
                points.Add((point, part, position, operation));
            }
        }

        return points.OrderBy(p => p.Point).ThenBy(p => p.Part).ThenBy(p => p.Position).Select(p => p.Operation).ToList();
    }
}
