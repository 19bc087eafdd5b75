using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

/// <summary>
/// The trace-to-picture helpers (<see cref="ClusterTimeline"/>, <see cref="MessageSequence"/>, <see cref="LogMatrix"/>,
/// <see cref="MessageCost"/>) on hand-made traces whose expected pictures are written out by hand.
/// </summary>
public class ClusterPicturesTests
{
    private static readonly LogEntry[] NoEntries = [];

    [Fact]
    public void Timeline_FollowsRolesTermsCrashesAndPartitions_OfAHandMadeTrace()
    {
        ClusterEvent[] trace =
        [
            new RoleChanged(5, 1, new RoleChange(RaftRole.Follower, RaftRole.Candidate, 1)),
            new RoleChanged(6, 2, new RoleChange(RaftRole.Follower, RaftRole.Follower, 1)),
            new RoleChanged(7, 1, new RoleChange(RaftRole.Candidate, RaftRole.Leader, 1)),
            new NodeLifecycle(10, 1, IsUp: false),
            new PartitionChanged(12, [[1], [2]]),
            new NodeLifecycle(15, 1, IsUp: true),
            new PartitionChanged(18, [[1, 2]]),
        ];

        var timeline = ClusterTimeline.FromTrace(trace, 2, 20);

        RoleSegment[] expected =
        [
            new(1, 0, 5, RaftRole.Follower, 0),
            new(1, 5, 7, RaftRole.Candidate, 1),
            new(1, 7, 10, RaftRole.Leader, 1),
            new(1, 15, 20, RaftRole.Follower, 1), // restarted as a follower of the last term it had
            new(2, 0, 6, RaftRole.Follower, 0),
            new(2, 6, 20, RaftRole.Follower, 1),
        ];
        Assert.Equal(expected, timeline.Segments);
        Assert.Equal([new DownSpan(1, 10, 15)], timeline.Crashes);
        var split = Assert.Single(timeline.Partitions);
        Assert.Equal((12L, 18L), (split.FromTick, split.ToTick));
        Assert.Equal([1, 2], split.CutOff(2));                // 1 + 1 of 2: neither side has a majority of 2
        Assert.Equal([2], new PartitionSpan(0, 1, [[1, 3], [2]]).CutOff(3));
    }

    [Fact]
    public void Timeline_MergesRepeatsDropsEmptyStretches_AndClosesOpenSpansAtTheEnd()
    {
        ClusterEvent[] trace =
        [
            new RoleChanged(0, 1, new RoleChange(RaftRole.Follower, RaftRole.Candidate, 1)),
            new RoleChanged(0, 1, new RoleChange(RaftRole.Candidate, RaftRole.Leader, 1)),   // same tick: no candidate stretch
            new RoleChanged(4, 1, new RoleChange(RaftRole.Leader, RaftRole.Leader, 1)),      // same role and term: merged
            new NodeLifecycle(6, 1, IsUp: false),
            new PartitionChanged(7, [[1]]),                                                  // one group: no partition
        ];

        var timeline = ClusterTimeline.FromTrace(trace, 1, 9);

        Assert.Equal([new RoleSegment(1, 0, 6, RaftRole.Leader, 1)], timeline.Segments);
        Assert.Equal([new DownSpan(1, 6, 9)], timeline.Crashes);
        Assert.Empty(timeline.Partitions);
    }

    [Fact]
    public void Timeline_RejectsAnEndBeforeTheLastEvent_AndUnknownNodes()
    {
        ClusterEvent[] trace = [new NodeLifecycle(4, 1, IsUp: false)];

        BadInput.Rejects(() => ClusterTimeline.FromTrace(trace, 1, 4), "endTick", "a tick > 4");
        BadInput.Rejects(() => ClusterTimeline.FromTrace(trace, 0, 9), "nodeCount", "an integer > 0");
        BadInput.Rejects(() => ClusterTimeline.FromTrace([new NodeLifecycle(1, 3, false)], 2, 9), "trace", "nodes 1 to 2");
    }

    [Fact]
    public void Arrows_PairSendsWithTheirFate_InSendingOrder()
    {
        var vote = new RequestVote(1, 2, 1, 0, 0);
        var heartbeat = new AppendEntries(1, 2, 1, 0, 0, NoEntries, 0);
        var reply = new AppendEntriesResponse(2, 1, 1, true, 0, 0, 0);
        var append = new AppendEntries(1, 3, 1, 0, 0, [new LogEntry(1, 1, "x")], 0);
        var late = new RequestVoteResponse(3, 1, 1, true);
        var lostAfterSend = new AppendEntriesResponse(3, 1, 1, true, 1, 0, 0);
        ClusterEvent[] trace =
        [
            new MessageSent(3, vote, 5, false),
            new MessageDropped(4, heartbeat, DropReason.Lost),          // lost as it was sent: no MessageSent
            new MessageSent(4, reply, 6, false),
            new MessageSent(5, append, 7, false),
            new MessageSent(5, append, 8, true),                        // the network's second copy
            new MessageDelivered(5, vote, 3),
            new MessageDropped(6, reply, DropReason.ReceiverCrashed),
            new MessageDelivered(7, append, 5),
            new MessageDelivered(8, append, 5),
            new MessageSent(9, late, 11, false),                        // still in flight when the trace ends
            new MessageSent(9, lostAfterSend, 10, false),               // lost as it was sent, recorded as sent first (as SimulatedNetwork does)
            new MessageDropped(9, lostAfterSend, DropReason.Lost),
        ];

        var all = MessageSequence.Arrows(trace, 0, 100);

        MessageArrow[] expected =
        [
            new(vote, 3, 5, MessageFate.Delivered, false),
            new(heartbeat, 4, 4, MessageFate.Lost, false),
            new(reply, 4, 6, MessageFate.ReceiverCrashed, false),
            new(append, 5, 7, MessageFate.Delivered, false),
            new(append, 5, 8, MessageFate.Delivered, true),
            new(late, 9, 11, MessageFate.InFlight, false),
            new(lostAfterSend, 9, 9, MessageFate.Lost, false),
        ];
        Assert.Equal(expected, all);
        Assert.Equal(
            [MessageKind.RequestVote, MessageKind.Heartbeat, MessageKind.AppendReply, MessageKind.AppendEntries, MessageKind.AppendEntries, MessageKind.VoteReply, MessageKind.AppendReply],
            all.Select(a => a.Kind));
        Assert.Equal([false, true, true, false, false, false, true], all.Select(a => a.IsDropped));
        Assert.Equal([false, true, false, false, false, false, true], all.Select(a => a.IsDroppedAtSend));

        // The window selects by sending tick: [4, 9) leaves out the vote (sent at 3) and the late reply (sent at 9).
        Assert.Equal(expected[1..5], MessageSequence.Arrows(trace, 4, 9));
        Assert.Equal(6, MessageCost.MessagesSent(trace, 0, 100)); // 7 arrows, one of them the network's duplicate
        Assert.Equal(4, MessageCost.MessagesSent(trace, 0, 9));
        BadInput.Rejects(() => MessageSequence.Arrows(trace, 5, 4), "toTick", "a tick >= fromTick");
        BadInput.Rejects(() => MessageSequence.Arrows(trace, -1, 4), "fromTick", "a tick >= 0");
    }

    [Fact]
    public void LogMatrix_MarksCommittedEntries_AndEntriesThatConflictWithThem()
    {
        LogEntry[] a = [new(1, 1, "x"), new(2, 1, "y"), new(3, 2, "lost")];
        LogEntry[] b = [new(1, 1, "x"), new(2, 1, "y"), new(3, 3, "", IsNoOp: true), new(4, 3, "z")];
        var logs = new Dictionary<int, IReadOnlyList<LogEntry>> { [2] = b, [1] = a };

        var matrix = LogMatrix.Of(logs, [b[0], b[1], b[2], b[0]]);

        LogMatrixCell[] expected =
        [
            new(1, 1, 1, false, true, false),
            new(1, 2, 1, false, true, false),
            new(1, 3, 2, false, false, true),   // term 2 where term 3 is committed: it will be overwritten
            new(2, 1, 1, false, true, false),
            new(2, 2, 1, false, true, false),
            new(2, 3, 3, true, true, false),
            new(2, 4, 3, false, false, false),  // not committed, but nothing committed there either
        ];
        Assert.Equal(expected, matrix.Cells);
        Assert.Equal([1, 2], matrix.NodeIds);
        Assert.Equal(4, matrix.Length);
        Assert.Equal([1L, 2, 3], matrix.Terms);
    }

    [Fact]
    public void LogMatrix_RejectsMisplacedEntries()
    {
        var misplaced = new Dictionary<int, IReadOnlyList<LogEntry>> { [1] = [new LogEntry(2, 1, "x")] };
        BadInput.RejectsArgument(() => LogMatrix.Of(misplaced, []), "logs", "entry i at position i − 1");
    }

    [Fact]
    public void LogMatrix_TwoCommittedTermsAtOneIndex_AfterAViolation_MarksEachCommittedAndConflicting()
    {
        // Node 1 applied 2:2, node 2 applied 2:3 (State Machine Safety broken); node 3 holds 2:2 and was never told.
        var logs = new Dictionary<int, IReadOnlyList<LogEntry>>
        {
            [1] = [new LogEntry(1, 1, "a"), new LogEntry(2, 2, "x")],
            [2] = [new LogEntry(1, 1, "a"), new LogEntry(2, 3, "y")],
            [3] = [new LogEntry(1, 1, "a"), new LogEntry(2, 2, "x")],
        };
        var matrix = LogMatrix.Of(logs, [new LogEntry(1, 1, "a"), new LogEntry(2, 2, "x"), new LogEntry(2, 3, "y")]);
        Assert.All(matrix.Cells.Where(c => c.Index == 1), c => Assert.Equal((true, false), (c.IsCommitted, c.ConflictsWithCommitted)));
        Assert.All(matrix.Cells.Where(c => c.Index == 2), c => Assert.Equal((true, true), (c.IsCommitted, c.ConflictsWithCommitted)));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(3, 4, 12)]    // pre-prepare 2 + prepare 2·2 + commit 3·2
    [InlineData(4, 6, 24)]    // f = 1: pre-prepare 3 + prepare 3·3 + commit 4·3
    [InlineData(7, 12, 84)]   // f = 2: 6 + 36 + 42
    public void TextbookCosts_CountEachPhase(int n, long multiPaxos, long pbft)
    {
        Assert.Equal(multiPaxos, MessageCost.MultiPaxosSteadyState(n));
        Assert.Equal(pbft, MessageCost.PbftNormalCase(n));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void SteadyState_OnAOneTickNetwork_CostsOneAppendEntriesAndOneReplyPerFollower(int n)
    {
        // Counted by hand: a proposal sends an AppendEntries to each of the n − 1 followers and each answers once;
        // the heartbeat of the same tick also carries the entry, but it would have been sent (and answered) anyway.
        // Without commands the leader sends n − 1 heartbeats a tick and each is answered: 2(n − 1) messages a tick.
        var cost = MessageCost.MeasureSteadyState(new RaftClusterOptions(n, new NetworkOptions(1, 1)), commands: 6, ticksBetweenCommands: 4, seed: 3);

        Assert.True(cost.IsMeasured, cost.Reason);
        Assert.Equal(6, cost.CommittedCommands);
        Assert.Equal((6 - 1) * 4 + 20, cost.WindowTicks);
        Assert.Equal(2.0 * (n - 1), cost.MessagesPerCommand);
        Assert.Equal(2.0 * (n - 1), cost.HeartbeatMessagesPerTick);
    }

    [Fact]
    public void SteadyState_RejectsNoCommands()
    {
        var options = new RaftClusterOptions(3);
        BadInput.Rejects(() => MessageCost.MeasureSteadyState(options, 0, 1, 1), "commands", "an integer > 0");
        BadInput.Rejects(() => MessageCost.MeasureSteadyState(options, 1, 0, 1), "ticksBetweenCommands", "an integer > 0");
    }
}
