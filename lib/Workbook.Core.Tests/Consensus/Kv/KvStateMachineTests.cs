using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Kv;
using Workbook.Core.Consensus.Linearizability;

namespace Workbook.Core.Tests.Consensus.Kv;

public class KvStateMachineTests
{
    [Fact]
    public void Commands_EncodeInTheDocumentedFormat_AndParseBack()
    {
        // Expected strings written by hand from the format in KvCommand's remarks.
        Assert.Equal("2 5 get x", new KvCommand(2, 5, KvInput.Get("x")).Encode());
        Assert.Equal("2 6 put x 1", new KvCommand(2, 6, KvInput.Put("x", "1")).Encode());
        Assert.Equal("3 1 append my%20key a%2Cb", new KvCommand(3, 1, KvInput.Append("my key", "a,b")).Encode());
        Assert.Equal("1 2 put x ", new KvCommand(1, 2, KvInput.Put("x", "")).Encode());

        Assert.Equal(new KvCommand(3, 1, KvInput.Append("my key", "a,b")), KvCommand.Parse("3 1 append my%20key a%2Cb"));
        Assert.Equal(new KvCommand(1, 2, KvInput.Put("x", "")), KvCommand.Parse("1 2 put x "));
        Assert.Equal(new KvCommand(0, 9, KvInput.Get("k 1")), KvCommand.Parse("0 9 get k%201"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 2 get")]
    [InlineData("1 2 get x y")]
    [InlineData("1 2 put x")]
    [InlineData("1 0 get x")]
    [InlineData("-1 2 get x")]
    [InlineData("1 2 delete x")]
    [InlineData("a 2 get x")]
    [InlineData("1 2 get %20")]
    public void Parse_RejectsMalformedCommands_NamingTheFormat(string text)
    {
        BadInput.RejectsArgument(() => KvCommand.Parse(text), "command", "must read \"client seq get key\"");
    }

    [Fact]
    public void Apply_HandWorkedSequence_GivesTheExpectedAnswersAndState()
    {
        var machine = new KvStateMachine();
        string[] log =
        [
            "1 1 get x",        // x never written: absent
            "1 2 append x a",   // missing key counts as "": x = "a"
            "2 1 append x b",   // x = "ab"
            "2 2 get x",        // "ab"
            "1 3 put x z",      // x = "z"
            "1 4 put y ",       // y = "" (present, empty)
            "2 3 get y",        // "" — not absent
            "2 4 get x",        // "z"
        ];
        var outputs = log.Select((c, i) => machine.Apply(new LogEntry(i + 1, 1, c)).Output).ToList();

        Assert.Equal([KvOutput.Absent, KvOutput.Ok, KvOutput.Ok, KvOutput.Of("ab"), KvOutput.Ok, KvOutput.Ok, KvOutput.Of(""), KvOutput.Of("z")], outputs);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "z", ["y"] = "" }, machine.Values);
        Assert.Equal(8, machine.LastAppliedIndex);
        Assert.Equal(8, machine.ExecutedCount);
    }

    [Fact]
    public void Apply_SkipsNoOps_AndRejectsEntriesOutOfOrder()
    {
        var machine = new KvStateMachine();
        var noOp = machine.Apply(new LogEntry(1, 1, "", IsNoOp: true));
        Assert.False(noOp.IsExecuted);
        Assert.False(noOp.HasOutput);
        Assert.Equal(1, machine.LastAppliedIndex);
        BadInput.RejectsArgument(() => machine.Apply(new LogEntry(3, 1, "1 1 get x")), "entry", "the next entry, index 2; got index 3");
        BadInput.RejectsArgument(() => machine.Apply(new LogEntry(2, 1, "not a command")), "command", "must read");
    }

    // A retried append reaches the log twice (the first reply was lost, the client retried at the new leader).
    private static readonly string[] RetriedAppendLog = ["1 1 append x a", "2 1 get x", "1 1 append x a", "2 2 get x"];

    [Fact]
    public void Sessions_ApplyARetriedAppendOnce_AndAnswerTheSavedOutput()
    {
        var machine = new KvStateMachine(useSessions: true);
        var results = RetriedAppendLog.Select((c, i) => machine.Apply(new LogEntry(i + 1, 1, c))).ToList();

        Assert.True(results[0].IsExecuted);
        Assert.False(results[2].IsExecuted);
        Assert.Equal(KvOutput.Ok, results[2].Output);
        Assert.Contains("duplicate", results[2].Reason, StringComparison.Ordinal);
        Assert.Equal(KvOutput.Of("a"), results[3].Output); // applied once: "a"
        Assert.Equal(3, machine.ExecutedCount);
    }

    [Fact]
    public void WithoutSessions_TheSameLogAppliesTheRetryTwice()
    {
        var machine = new KvStateMachine(useSessions: false);
        var results = RetriedAppendLog.Select((c, i) => machine.Apply(new LogEntry(i + 1, 1, c))).ToList();

        Assert.True(results[2].IsExecuted);
        Assert.Equal(KvOutput.Of("aa"), results[3].Output); // applied twice: "aa"
        Assert.Equal(4, machine.ExecutedCount);
    }

    [Fact]
    public void Sessions_AnOlderSequenceNumberIsIgnoredWithNoAnswer()
    {
        var machine = new KvStateMachine();
        machine.Execute(new KvCommand(1, 1, KvInput.Put("x", "1")));
        machine.Execute(new KvCommand(1, 2, KvInput.Put("x", "2")));
        var stale = machine.Execute(new KvCommand(1, 1, KvInput.Put("x", "1")));

        Assert.False(stale.IsExecuted);
        Assert.False(stale.HasOutput);
        Assert.Equal(KvOutput.Of("2"), machine.Read("x"));
    }
}
