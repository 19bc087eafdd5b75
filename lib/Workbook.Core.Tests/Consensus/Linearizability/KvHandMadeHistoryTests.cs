using Workbook.Core.Consensus.Linearizability;
using static Workbook.Core.Consensus.Linearizability.KvOperation;

namespace Workbook.Core.Tests.Consensus.Linearizability;

/// <summary>
/// Small histories whose answer is worked out by hand in the comments. Intervals are [invoked,
/// responded] in ticks; a precedes b exactly when a responded strictly before b was invoked.
/// </summary>
public class KvHandMadeHistoryTests
{
    [Fact]
    public void ReadOfAnOverwrittenValue_AfterTheOverwriteCompleted_IsNotLinearizable()
    {
        // put 1 [0,10] precedes put 2 [20,30] precedes get [40,50]: the only real-time order is
        // put 1, put 2, get, so the get must see "2". It saw "1".
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 20, 30),
            Get(2, "x", "1", 40, 50),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
        Assert.False(result.IsLinearizable);
        Assert.Null(result.Witness);
        // The longest legal prefix is put 1, put 2 (the get cannot come before put 2, which precedes it).
        Assert.Equal([history[0], history[1]], result.LongestLinearizablePrefix);
        Assert.Equal([history[2]], result.NotPlaced);
        Assert.Equal("x", result.PartitionKey);
        Assert.Contains("x holds \"2\"", result.Reason, StringComparison.Ordinal);
        Assert.Contains(history[2].ToString(), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleRead_AfterACompletedWrite_IsNotLinearizable()
    {
        // The put completed at 10 before the get was invoked at 20, so the get must see "1", not absent.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            GetAbsent(1, "x", 20, 30),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
        Assert.Equal([history[0]], result.LongestLinearizablePrefix);
        Assert.Contains("x holds \"1\"", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1", true)]  // order put 2, put 1, get
    [InlineData("2", true)]  // order put 1, put 2, get
    [InlineData("3", false)] // nobody wrote 3
    public void ConcurrentWrites_AReadAfterBothSeesEither(string seen, bool linearizable)
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 5, 15),
            Get(2, "x", seen, 20, 30),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(linearizable, result.IsLinearizable);
        if (result.IsLinearizable)
        {
            // The two puts overlap, so either may go first; the get comes last and names the winner.
            var expected = seen == "1" ? new[] { history[1], history[0], history[2] } : [history[0], history[1], history[2]];
            Assert.Equal(expected, result.Witness);
            Assert.Equal(result.Witness, result.LongestLinearizablePrefix);
            Assert.Empty(result.NotPlaced);
        }
    }

    [Fact]
    public void ConcurrentWrites_TwoLaterReadsThatDisagreeInTheWrongOrder_AreNotLinearizable()
    {
        // After both puts (overlapping) are done, get [20,30] sees "2", so put 2 went last; a later
        // get [40,50] with no write in between cannot see "1".
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 5, 15),
            Get(2, "x", "2", 20, 30),
            Get(3, "x", "1", 40, 50),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
        // put 1, put 2, get "2" is the longest legal prefix; the last get does not fit.
        Assert.Equal(3, result.LongestLinearizablePrefix.Count);
        Assert.Equal([history[3]], result.NotPlaced);
    }

    [Fact]
    public void ReadsDuringAWrite_NewThenOld_IsNotLinearizable()
    {
        // The "new-old inversion" that separates an atomic register from a regular one: both gets
        // overlap put 2 [20,60], but get "2" [25,30] responded before get "1" [35,40] was invoked, so
        // put 2 took effect before the first get and the second cannot see "1" again.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 20, 60),
            Get(2, "x", "2", 25, 30),
            Get(3, "x", "1", 35, 40),
        ];

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, LinearizabilityChecker.CheckKeyValue(history).Verdict);
    }

    [Fact]
    public void ReadsDuringAWrite_OldThenNew_IsLinearizable()
    {
        // Order put 1, get "1", put 2, get "2": put 2's point falls between the two gets, inside [20,60].
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 20, 60),
            Get(2, "x", "1", 25, 30),
            Get(3, "x", "2", 35, 40),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.True(result.IsLinearizable);
        Assert.Equal([history[0], history[2], history[1], history[3]], result.Witness);
    }

    [Theory]
    [InlineData("ab", true)]  // append a, then append b
    [InlineData("ba", true)]  // they overlap, so b may go first
    [InlineData("a", false)]  // both appends completed before the get: it must see both
    [InlineData("b", false)]
    public void ConcurrentAppends_AReadAfterBothSeesBothInEitherOrder(string seen, bool linearizable)
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Append(0, "x", "a", 0, 10),
            Append(1, "x", "b", 5, 15),
            Get(2, "x", seen, 20, 30),
        ];

        Assert.Equal(linearizable, LinearizabilityChecker.CheckKeyValue(history).IsLinearizable);
    }

    [Theory]
    [InlineData(10, true)]  // get invoked at 10, when the put responded: they overlap, the get may go first
    [InlineData(11, false)] // invoked after the put responded: it must see "1"
    public void EqualTimes_Overlap(long getInvokedAt, bool linearizable)
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            GetAbsent(1, "x", getInvokedAt, 20),
        ];

        Assert.Equal(linearizable, LinearizabilityChecker.CheckKeyValue(history).IsLinearizable);
    }

    [Theory]
    [InlineData("2", true)]  // the put that never returned took effect between 20 and 30
    [InlineData("1", true)]  // or it had not (yet, or ever)
    public void WriteWithoutResponse_MayOrMayNotHaveTakenEffect(string seen, bool linearizable)
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Pending(1, KvInput.Put("x", "2"), 20),
            Get(2, "x", seen, 30, 40),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(linearizable, result.IsLinearizable);
        Assert.Contains("without a response", result.Reason, StringComparison.Ordinal);
        // The witness includes the pending put exactly when the read saw its value.
        Assert.Equal(seen == "2", result.Witness!.Contains(history[1]));
    }

    [Fact]
    public void WriteWithoutResponse_OnceSeen_CannotBeUnseen()
    {
        // get "2" at [30,40] shows the pending put took effect; the later get [50,60] cannot see "1" again.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Pending(1, KvInput.Put("x", "2"), 20),
            Get(2, "x", "2", 30, 40),
            Get(3, "x", "1", 50, 60),
        ];

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, LinearizabilityChecker.CheckKeyValue(history).Verdict);
    }

    [Fact]
    public void WriteWithoutResponse_CannotTakeEffectBeforeItWasInvoked()
    {
        // The get [12,15] saw "2", but the put of "2" was only invoked at 20.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Get(2, "x", "2", 12, 15),
            Pending(1, KvInput.Put("x", "2"), 20),
        ];

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, LinearizabilityChecker.CheckKeyValue(history).Verdict);
    }

    [Fact]
    public void Keys_AreCheckedApart_AndTheWitnessKeepsRealTimeAcrossKeys()
    {
        // Per key: x is put 1 then get "1"; y is put 7 then get "7", each fine alone. Across keys the
        // witness must still respect real time: put x [0,10] precedes put y [20,30], and so on.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "y", "7", 20, 30),
            Get(0, "x", "1", 40, 50),
            Get(1, "y", "7", 35, 45),
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.True(result.IsLinearizable);
        Assert.Equal(2, result.Partitions);
        KvReplay.AssertIsLinearization(history, result.Witness);
        // get y [35,45] and get x [40,50] overlap; put y precedes both; the merge puts y's get first
        // (its latest invocation so far, 35, is earlier than x's get's 40).
        Assert.Equal([history[0], history[1], history[3], history[2]], result.Witness);
    }

    [Fact]
    public void OneBadKey_MakesTheWholeHistoryNotLinearizable_AndIsNamed()
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "y", "7", 0, 10),
            Get(2, "x", "1", 20, 30),
            GetAbsent(3, "y", 20, 30), // y was written at [0,10]: stale
        ];

        var result = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(LinearizabilityVerdict.NotLinearizable, result.Verdict);
        Assert.Equal("y", result.PartitionKey);
        Assert.Equal([history[3]], result.NotPlaced);
        Assert.Contains("on key y", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyHistory_AndAHistoryOfOnlyLostWrites_AreLinearizable()
    {
        Assert.True(LinearizabilityChecker.CheckKeyValue([]).IsLinearizable);

        var lost = LinearizabilityChecker.CheckKeyValue([Pending(0, KvInput.Put("x", "1"), 0)]);
        Assert.True(lost.IsLinearizable);
        Assert.Empty(lost.Witness); // nothing completed, so nothing needs to be placed
    }

    [Fact]
    public void StepBudget_RunningOut_IsAThirdVerdict_NotANo()
    {
        // Three overlapping puts and a get: the first try (put 1 first) fits, so it takes more than one step.
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "x", "2", 0, 10),
            Put(2, "x", "3", 0, 10),
            Get(3, "x", "1", 20, 30),
        ];

        var tight = LinearizabilityChecker.CheckKeyValue(history, new LinearizabilityCheckOptions(stepBudget: 1));
        var ample = LinearizabilityChecker.CheckKeyValue(history);

        Assert.Equal(LinearizabilityVerdict.GaveUp, tight.Verdict);
        Assert.False(tight.IsLinearizable);
        Assert.Contains("Gave up", tight.Reason, StringComparison.Ordinal);
        Assert.Contains("no verdict", tight.Reason, StringComparison.Ordinal);
        Assert.True(ample.IsLinearizable);
        // Order: put 2, put 3, put 1, get "1" (put 1 must be the last put), one of two such orders.
        Assert.Equal(history[0], ample.Witness[2]);
    }

    [Fact]
    public void WithoutPartitioning_TheVerdictIsTheSame()
    {
        Operation<KvInput, KvOutput>[] history =
        [
            Put(0, "x", "1", 0, 10),
            Put(1, "y", "7", 5, 15),
            Get(2, "x", "1", 20, 30),
            Get(3, "y", "7", 20, 30),
        ];

        var split = LinearizabilityChecker.CheckKeyValue(history);
        var whole = LinearizabilityChecker.CheckKeyValue(history, new LinearizabilityCheckOptions(partition: false));

        Assert.True(split.IsLinearizable);
        Assert.True(whole.IsLinearizable);
        Assert.Equal(2, split.Partitions);
        Assert.Equal(1, whole.Partitions);
        KvReplay.AssertIsLinearization(history, whole.Witness);
    }
}
