using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Consensus.Linearizability;

/// <summary>
/// The checker against <see cref="BruteForceLinearizability"/> (every permutation consistent with
/// real time, replayed through a dictionary) on random histories of at most 7 operations.
/// </summary>
public class BruteForceOracleTests
{
    private static readonly string[] Values = ["1", "2", "a", "1a", "2a", "aa", "a1"];

    [Fact]
    public void Verdicts_AgreeWithBruteForce_OnRandomSmallHistories()
    {
        var linearizable = 0;
        var notLinearizable = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var history = RandomSmallHistory(seed, keys: 1 + seed % 2);
            var oracle = BruteForceLinearizability.Check(history);

            var split = LinearizabilityChecker.CheckKeyValue(history);
            var whole = LinearizabilityChecker.CheckKeyValue(history, new LinearizabilityCheckOptions(partition: false));

            Assert.True(oracle.IsLinearizable == split.IsLinearizable, $"seed {seed}: oracle {oracle.IsLinearizable}, checker: {split.Reason}");
            Assert.Equal(oracle.IsLinearizable, whole.IsLinearizable);
            if (split.IsLinearizable)
            {
                linearizable++;
                KvReplay.AssertIsLinearization(history, split.Witness);
                KvReplay.AssertIsLinearization(history, whole.Witness!);
            }
            else
            {
                notLinearizable++;
                Assert.Equal(LinearizabilityVerdict.NotLinearizable, split.Verdict);
                // Unsplit, the deepest prefix the search reaches is the longest legal prefix of any
                // real-time order, which the oracle finds by trying them all.
                Assert.True(oracle.LongestLegalPrefix == whole.LongestLinearizablePrefix.Count,
                    $"seed {seed}: oracle prefix {oracle.LongestLegalPrefix}, checker {whole.LongestLinearizablePrefix.Count}");
            }
        }

        // Both answers must be common, or the comparison proves little.
        Assert.True(linearizable >= 80, $"{linearizable} linearizable");
        Assert.True(notLinearizable >= 80, $"{notLinearizable} not linearizable");
    }

    /// <summary>
    /// Up to 3 clients, each with back-to-back operations at random gaps and lengths (so different
    /// clients overlap often); reads answer what a random instant inside each interval would give,
    /// and a third of them are then replaced by a random value. A client's last operation loses its
    /// response one time in five.
    /// </summary>
    private static List<Operation<KvInput, KvOutput>> RandomSmallHistory(long seed, int keys)
    {
        var random = new Xoshiro256StarStar(seed);
        var count = random.Next(3, 8);
        var clients = random.Next(1, 4);
        var clock = new long[clients];
        var shapes = new List<(int Client, KvInput Input, long Invoked, long Responded, long Point)>();
        for (var k = 0; k < count; k++)
        {
            var client = random.Next(clients);
            var key = keys == 1 || random.Next(2) == 0 ? "x" : "y";
            var invoked = clock[client] + random.Next(0, 4);
            var responded = invoked + random.Next(0, 6);
            clock[client] = responded + 1;
            var input = random.Next(3) switch
            {
                0 => KvInput.Get(key),
                1 => KvInput.Put(key, random.Next(2) == 0 ? "1" : "2"),
                _ => KvInput.Append(key, "a"),
            };
            // A random instant inside the interval, on a grid fine enough to break ties.
            var point = invoked * 16 + random.Next((int)(responded - invoked) * 16 + 1);
            shapes.Add((client, input, invoked, responded, point));
        }

        var store = new Dictionary<string, string>();
        var outputs = new KvOutput[count];
        foreach (var k in Enumerable.Range(0, count).OrderBy(k => shapes[k].Point))
        {
            var input = shapes[k].Input;
            outputs[k] = input.Kind switch
            {
                KvOperationKind.Get => store.TryGetValue(input.Key, out var v) ? KvOutput.Of(v) : KvOutput.Absent,
                _ => KvOutput.Ok,
            };
            if (input.Kind == KvOperationKind.Put)
            {
                store[input.Key] = input.Value;
            }
            else if (input.Kind == KvOperationKind.Append)
            {
                store[input.Key] = store.GetValueOrDefault(input.Key, "") + input.Value;
            }

            if (input.Kind == KvOperationKind.Get && random.Next(3) == 0)
            {
                var pick = random.Next(Values.Length + 1);
                outputs[k] = pick == Values.Length ? KvOutput.Absent : KvOutput.Of(Values[pick]);
            }
        }

        var lastOfClient = Enumerable.Range(0, clients)
            .Select(c => Enumerable.Range(0, count).LastOrDefault(k => shapes[k].Client == c, -1))
            .ToHashSet();
        return Enumerable.Range(0, count)
            .Select(k => lastOfClient.Contains(k) && random.Next(5) == 0
                ? new Operation<KvInput, KvOutput>(shapes[k].Client, shapes[k].Input, shapes[k].Invoked)
                : new Operation<KvInput, KvOutput>(shapes[k].Client, shapes[k].Input, shapes[k].Invoked, outputs[k], shapes[k].Responded))
            .ToList();
    }
}
