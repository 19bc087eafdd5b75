using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Linearizability;

public class KvModelTests
{
    private static readonly KvModel Model = KvModel.Instance;

    [Fact]
    public void Get_OfAMissingKey_AnswersAbsent_NotTheEmptyString()
    {
        Assert.True(Model.Step(KvState.Empty, KvInput.Get("x"), KvOutput.Absent).IsLegal);
        var empty = Model.Step(KvState.Empty, KvInput.Get("x"), KvOutput.Of(""));
        Assert.False(empty.IsLegal);
        Assert.Equal("x holds no value", empty.Reason);
    }

    [Fact]
    public void PutThenAppendThenGet_FollowTheStore()
    {
        // put x "a", append x "b", append y "c": x = "ab", y = "c" (a missing key appends to "").
        var s1 = Model.Step(KvState.Empty, KvInput.Put("x", "a"), KvOutput.Ok).State!;
        var s2 = Model.Step(s1, KvInput.Append("x", "b"), KvOutput.Ok).State!;
        var s3 = Model.Step(s2, KvInput.Append("y", "c"), KvOutput.Ok).State!;

        Assert.True(Model.Step(s3, KvInput.Get("x"), KvOutput.Of("ab")).IsLegal);
        Assert.True(Model.Step(s3, KvInput.Get("y"), KvOutput.Of("c")).IsLegal);
        var stale = Model.Step(s3, KvInput.Get("x"), KvOutput.Of("a"));
        Assert.False(stale.IsLegal);
        Assert.Equal("x holds \"ab\"", stale.Reason);
        Assert.Equal("{x=\"ab\", y=\"c\"}", s3.ToString());
    }

    [Fact]
    public void AGet_DoesNotChangeTheState()
    {
        var state = KvState.Empty.With("x", "1");
        Assert.Same(state, Model.Step(state, KvInput.Get("x"), KvOutput.Of("1")).State);
        Assert.Same(state, Model.StepWithoutResponse(state, KvInput.Get("x")).State);
    }

    [Fact]
    public void StatesCompareByContents_WhateverTheOrderOfWrites()
    {
        var a = KvState.Empty.With("x", "1").With("y", "2");
        var b = KvState.Empty.With("y", "2").With("x", "0").With("x", "1");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.With("x", "2"));
        Assert.NotEqual(KvState.Empty, KvState.Empty.With("x", ""));
    }

    [Fact]
    public void PartitionKey_IsTheKey()
    {
        Assert.Equal("x", Model.PartitionKey(KvInput.Append("x", "1")));
    }
}
