using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Linearizability;

/// <summary>
/// The test's own sequential key-value store, a plain dictionary, independent of <see cref="KvModel"/>:
/// replays operations in a given order and says how many of them fit before the first answer that does not.
/// </summary>
internal static class KvReplay
{
    /// <summary>The length of the longest prefix of <paramref name="order"/> whose answers all match a dictionary replay.</summary>
    public static int LegalPrefixLength(IEnumerable<Operation<KvInput, KvOutput>> order)
    {
        var store = new Dictionary<string, string>(StringComparer.Ordinal);
        var length = 0;
        foreach (var op in order)
        {
            var key = op.Input.Key;
            switch (op.Input.Kind)
            {
                case KvOperationKind.Get:
                    if (op.HasResponse)
                    {
                        var found = store.TryGetValue(key, out var held);
                        var fits = op.Output.HasValue ? found && held == op.Output.Value : !found;
                        if (!fits)
                        {
                            return length;
                        }
                    }

                    break;
                case KvOperationKind.Put:
                    store[key] = op.Input.Value;
                    break;
                default:
                    store[key] = store.GetValueOrDefault(key, "") + op.Input.Value;
                    break;
            }

            length++;
        }

        return length;
    }

    /// <summary>Whether <paramref name="before"/> must come before <paramref name="after"/>: it responded strictly before the other was invoked.</summary>
    public static bool Precedes(Operation<KvInput, KvOutput> before, Operation<KvInput, KvOutput> after) =>
        before.HasResponse && before.RespondedAt.Value < after.InvokedAt;

    /// <summary>
    /// Asserts that <paramref name="witness"/> is a linearization of <paramref name="history"/>: every
    /// completed operation once, no operation twice or from elsewhere, real-time order kept, and every
    /// answer matching the dictionary replay.
    /// </summary>
    public static void AssertIsLinearization(
        IReadOnlyList<Operation<KvInput, KvOutput>> history, IReadOnlyList<Operation<KvInput, KvOutput>> witness)
    {
        Assert.Equal(witness.Count, witness.Distinct().Count());
        Assert.All(witness, op => Assert.Contains(op, history));
        Assert.All(history.Where(o => o.HasResponse), op => Assert.Contains(op, witness));
        for (var i = 0; i < witness.Count; i++)
        {
            for (var j = i + 1; j < witness.Count; j++)
            {
                Assert.False(Precedes(witness[j], witness[i]), $"witness puts {witness[i]} before {witness[j]}, which responded before it was invoked");
            }
        }

        Assert.Equal(witness.Count, LegalPrefixLength(witness));
    }
}
