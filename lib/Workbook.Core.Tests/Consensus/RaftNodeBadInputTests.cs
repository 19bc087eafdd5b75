using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

public class RaftNodeBadInputTests
{
    private static readonly int[] Three = [1, 2, 3];

    [Fact]
    public void Step_MessageForAnotherNode_IsRejected() =>
        BadInput.RejectsArgument(() => new RaftNode(new RaftOptions(1, Three), 1).Step(new RequestVote(2, 3, 1, 0, 0)), "message", "message.To must be this node's id 1; got 3");

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Step_MessageFromItselfOrOutsideTheCluster_IsRejected(int from) =>
        BadInput.RejectsArgument(() => new RaftNode(new RaftOptions(1, Three), 1).Step(new RequestVote(from, 1, 1, 0, 0)), "message", "message.From must be another node of the cluster [1, 2, 3]");

    [Fact]
    public void Step_AppendEntriesWithMisnumberedEntries_IsRejected() =>
        BadInput.RejectsArgument(
            () => new RaftNode(new RaftOptions(1, Three), 1).Step(Append(2, 1, 1, 0, 0, 0, new LogEntry(2, 1, "x"))),
            "message", "must sit at indexes 1, 2, … with terms in [1, 1]");

    [Fact]
    public void Step_OverwritingACommittedEntry_StopsWithASafetyError()
    {
        // Only a broken leader sends this: entry 1 (term 1) is committed here, then a term-2 leader
        // claims another entry 1 of term 2.
        var node = new RaftNode(new RaftOptions(1, Three), 1);
        node.Step(Append(2, 1, 1, 0, 0, 1, new LogEntry(1, 1, "x")));
        var error = Assert.Throws<InvalidOperationException>(() => node.Step(Append(3, 1, 2, 0, 0, 0, new LogEntry(1, 2, "y"))));
        Assert.Contains("State Machine Safety", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_NullCommand_IsRejected() =>
        Assert.Throws<ArgumentNullException>(() => new RaftNode(new RaftOptions(1, Three), 1).Propose(null!));
}
