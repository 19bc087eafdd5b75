using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Consensus.Linearizability;

/// <summary>
/// Properties on seeded histories: one made from a sequential execution, with intervals widened
/// around each operation's instant, is linearizable by construction; changing one read's answer to a
/// value nobody wrote makes it not linearizable.
/// </summary>
public class LinearizabilityPropertyTests
{
    [Theory]
    [InlineData(1, 30)]   // one key: every operation in one part
    [InlineData(3, 60)]   // three keys, wide intervals
    [InlineData(2, 0)]    // no widening: intervals are points, so there is one order
    public void SequentialExecution_WithWidenedIntervals_IsLinearizable(int keys, long widening)
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var history = SequentialKvHistory.Generate(operations: 60, clients: 4, keys, widening, pendingProbability: 0.3, seed);
            AssertClientsAreSequential(history);

            var result = LinearizabilityChecker.CheckKeyValue(history);

            Assert.True(result.IsLinearizable, $"seed {seed}: {result.Reason}");
            KvReplay.AssertIsLinearization(history, result.Witness);
        }
    }

    [Fact]
    public void GeneratedHistories_HaveOverlaps_AndOperationsWithoutResponse()
    {
        // The property above would be weak if the generator made no concurrency: count overlapping
        // pairs of different clients, and operations without a response, over the seeds.
        var overlapping = 0;
        var pending = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var history = SequentialKvHistory.Generate(60, 4, 1, 30, 0.3, seed);
            pending += history.Count(o => !o.HasResponse);
            overlapping += history.SelectMany(a => history.Where(b => a.ClientId < b.ClientId
                && !KvReplay.Precedes(a, b) && !KvReplay.Precedes(b, a))).Count();
        }

        Assert.True(overlapping > 1000, $"{overlapping} overlapping pairs");
        Assert.True(pending > 20, $"{pending} operations without response");
    }

    [Fact]
    public void OneReadAnsweringAValueNeverWritten_IsNotLinearizable()
    {
        var random = new Xoshiro256StarStar(20251);
        for (var seed = 1; seed <= 40; seed++)
        {
            var history = SequentialKvHistory.Generate(60, 4, 2, 30, 0.3, seed).ToList();
            var reads = Enumerable.Range(0, history.Count)
                .Where(i => history[i] is { HasResponse: true, Input.Kind: KvOperationKind.Get })
                .ToList();
            var victim = reads[random.Next(reads.Count)];
            var original = history[victim];
            // Written values are "p<k>" and "a<k>;" pieces; "#" appears in none of them.
            var broken = new Operation<KvInput, KvOutput>(
                original.ClientId, original.Input, original.InvokedAt, KvOutput.Of("#never"), original.RespondedAt!.Value);
            history[victim] = broken;

            var result = LinearizabilityChecker.CheckKeyValue(history);

            Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
            Assert.Equal(original.Input.Key, result.PartitionKey);
            Assert.Contains(broken, result.NotPlaced);
            Assert.DoesNotContain(broken, result.LongestLinearizablePrefix);
            // The prefix itself is a legal, real-time-respecting order.
            Assert.Equal(result.LongestLinearizablePrefix.Count, KvReplay.LegalPrefixLength(result.LongestLinearizablePrefix));
        }
    }

    [Fact]
    public void SameSeed_SameHistory_SameWitness()
    {
        var first = LinearizabilityChecker.CheckKeyValue(SequentialKvHistory.Generate(100, 5, 3, 40, 0.2, 7));
        var second = LinearizabilityChecker.CheckKeyValue(SequentialKvHistory.Generate(100, 5, 3, 40, 0.2, 7));

        Assert.Equal(first.Witness, second.Witness);
        Assert.Equal(first.ModelSteps, second.ModelSteps);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void AThousandOperationsFromFiveClients_AreLinearizable(int keys)
    {
        // The size of the issue's speed goal (timed in lib/Workbook.Benchmarks, not here).
        var history = SequentialKvHistory.Generate(1000, 5, keys, 40, 0.2, 11);

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.True(result.IsLinearizable, result.Reason);
        Assert.Equal(keys, result.Partitions);
        KvReplay.AssertIsLinearization(history, result.Witness);
    }

    private static void AssertClientsAreSequential(IReadOnlyList<Operation<KvInput, KvOutput>> history)
    {
        foreach (var client in history.GroupBy(o => o.ClientId))
        {
            var ordered = client.OrderBy(o => o.InvokedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(KvReplay.Precedes(ordered[i - 1], ordered[i]));
            }
        }
    }
}
