using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Linearizability;

/// <summary>
/// The obviously correct, exponential oracle: for every subset of the operations without a response
/// and every permutation of the chosen operations, keep those that respect real time and replay them
/// through <see cref="KvReplay"/>. Fine up to about 7 operations (7! = 5,040 orders).
/// </summary>
internal static class BruteForceLinearizability
{
    public sealed record Answer(bool IsLinearizable, int LongestLegalPrefix);

    public static Answer Check(IReadOnlyList<Operation<KvInput, KvOutput>> history)
    {
        var completed = history.Where(o => o.HasResponse).ToList();
        var pending = history.Where(o => !o.HasResponse).ToList();
        var linearizable = false;
        var longest = 0;
        for (var mask = 0; mask < 1 << pending.Count; mask++)
        {
            var chosen = completed.Concat(pending.Where((_, i) => (mask >> i & 1) == 1)).ToList();
            foreach (var order in Permutations(chosen))
            {
                if (!RespectsRealTime(order))
                {
                    continue;
                }

                var legal = KvReplay.LegalPrefixLength(order);
                longest = Math.Max(longest, legal);
                linearizable |= legal == order.Count;
            }
        }

        return new Answer(linearizable, longest);
    }

    private static bool RespectsRealTime(IReadOnlyList<Operation<KvInput, KvOutput>> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = i + 1; j < order.Count; j++)
            {
                if (KvReplay.Precedes(order[j], order[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, k) => k != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                tail.Insert(0, items[i]);
                yield return tail;
            }
        }
    }
}
