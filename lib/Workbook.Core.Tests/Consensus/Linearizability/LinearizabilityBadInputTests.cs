using Workbook.Core.Consensus.Linearizability;
using static Workbook.Core.Consensus.Linearizability.KvOperation;

namespace Workbook.Core.Tests.Consensus.Linearizability;

public class LinearizabilityBadInputTests
{
    [Fact]
    public void ResponseBeforeInvocation_IsRejected()
    {
        BadInput.Rejects(() => Put(0, "x", "1", invokedAt: 5, respondedAt: 3), "respondedAt", "a time >= invokedAt (5)");
    }

    [Fact]
    public void ResponseAtTheInvocationTick_IsAllowed()
    {
        Assert.Equal(5, Put(0, "x", "1", 5, 5).RespondedAt);
    }

    [Fact]
    public void NegativeClient_IsRejected()
    {
        BadInput.Rejects(() => Put(-1, "x", "1", 0, 1), "clientId", "an integer >= 0");
    }

    [Fact]
    public void BlankKey_IsRejected()
    {
        BadInput.RejectsArgument(() => KvInput.Get(" "), "key", "must contain text");
    }

    [Theory]
    [InlineData(5, 15)]  // the second starts while the first is running
    [InlineData(10, 15)] // the second starts at the tick the first responded: equal times overlap
    public void AClientWithTwoOverlappingOperations_IsRejected(long secondInvokedAt, long secondRespondedAt)
    {
        Operation<KvInput, KvOutput>[] history = [Put(3, "x", "1", 0, 10), GetAbsent(3, "y", secondInvokedAt, secondRespondedAt)];

        var error = BadInput.RejectsArgument(() => LinearizabilityChecker.CheckKeyValue(history), "history", "one operation at a time");
        Assert.Contains("client 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("history[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("history[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperationAfterOneWithoutResponse_OnTheSameClient_IsRejected()
    {
        // A client that never heard back is still waiting: it cannot have called anything after.
        Operation<KvInput, KvOutput>[] history = [Pending(1, KvInput.Put("x", "1"), 0), GetAbsent(1, "x", 20, 30)];

        BadInput.RejectsArgument(() => LinearizabilityChecker.CheckKeyValue(history), "history", "one operation at a time");
    }

    [Fact]
    public void SequentialOperationsOfOneClient_GivenOutOfOrder_AreAccepted()
    {
        Operation<KvInput, KvOutput>[] history = [GetAbsent(1, "x", 20, 30), Put(1, "x", "1", 0, 10)];

        // Not linearizable (the put completed before the get), but valid input.
        Assert.Equal(LinearizabilityVerdict.NotLinearizable, LinearizabilityChecker.CheckKeyValue(history).Verdict);
    }

    [Fact]
    public void NullOperation_IsRejected()
    {
        Operation<KvInput, KvOutput>[] history = [Put(0, "x", "1", 0, 10), null!];

        BadInput.RejectsArgument(() => LinearizabilityChecker.CheckKeyValue(history), "history", "history[1] must be an operation");
    }

    [Fact]
    public void APutAnsweredWithAValue_OrAGetAnsweredOk_IsRejected()
    {
        Operation<KvInput, KvOutput>[] put = [new(0, KvInput.Put("x", "1"), 0, KvOutput.Of("1"), 10)];
        Operation<KvInput, KvOutput>[] get = [new(0, KvInput.Get("x"), 0, KvOutput.Ok, 10)];

        BadInput.RejectsArgument(() => LinearizabilityChecker.CheckKeyValue(put), "history", "must be answered as its kind is");
        BadInput.RejectsArgument(() => LinearizabilityChecker.CheckKeyValue(get), "history", "must be answered as its kind is");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void StepBudget_MustBePositive(long budget)
    {
        BadInput.Rejects(() => new LinearizabilityCheckOptions(stepBudget: budget), "stepBudget", "an integer > 0");
    }

    [Fact]
    public void GeneratorArguments_AreChecked()
    {
        BadInput.Rejects(() => SequentialKvHistory.Generate(0, 1, 1, 0, 0, 1), "operations", "an integer > 0");
        BadInput.Rejects(() => SequentialKvHistory.Generate(1, 0, 1, 0, 0, 1), "clients", "an integer > 0");
        BadInput.Rejects(() => SequentialKvHistory.Generate(1, 1, 0, 0, 0, 1), "keys", "an integer > 0");
        BadInput.Rejects(() => SequentialKvHistory.Generate(1, 1, 1, -1, 0, 1), "widening", "an integer in [0, 1000000000]");
        BadInput.Rejects(() => SequentialKvHistory.Generate(1, 1, 1, 0, 1.5, 1), "pendingProbability", "a finite number in [0, 1]");
    }
}
