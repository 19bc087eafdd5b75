using System.Globalization;
using System.Text.RegularExpressions;
using Workbook.Core.Consensus;
using Workbook.Core.Episodes.Ep21Raft;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep21Raft;

/// <summary>
/// Episode 21's figures name their series and state numbers that are recounted here straight from the runs'
/// traces (role changes, proposals, commits, drops), not through the picture helpers the figures use.
/// </summary>
public class Episode21FiguresTests
{
    private static readonly Lazy<RejoinRun> Rejoin = new(Episode21Scenarios.Rejoin);

    private static long FirstLeaderTick(IEnumerable<ClusterEvent> trace, long from, int other) =>
        trace.OfType<RoleChanged>().First(r => r.Change.To == RaftRole.Leader && r.NodeId != other && r.Tick >= from).Tick;

    private static double[] Numbers(string text) =>
        Regex.Matches(text, @"\d+").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Timeline_TitleTicks_AreTheGapsToTheNextLeader_InTheTrace()
    {
        var figure = FigureData.Get("ep21.timeline");
        var run = Rejoin.Value;
        var trace = run.Cluster.Trace;
        Assert.Equal(["follower", "candidate", "leader", "term (written where it changes)"], figure.TraceNames);
        Assert.Equal(("time (ticks)", "node (id)"), (figure.XTitle, figure.YTitle));

        var afterCrash = FirstLeaderTick(trace, run.CrashTick, run.CrashedLeader) - run.CrashTick;
        var afterCut = FirstLeaderTick(trace, run.IsolateTick, run.IsolatedLeader) - run.IsolateTick;
        var termsWithLeader = trace.OfType<RoleChanged>().Where(r => r.Change.To == RaftRole.Leader).Select(r => r.Change.Term).Distinct().Count();
        Assert.Equal((51, 11), (afterCrash, afterCut));
        Assert.StartsWith("Split votes hold up a new leader for 51 ticks; a cut-off leader is replaced in 11", figure.Title, StringComparison.Ordinal);
        Assert.EndsWith(
            $"new leader {afterCrash} ticks after the crash at {run.CrashTick}, {afterCut} ticks after the cut at {run.IsolateTick}; {termsWithLeader} terms had a leader",
            figure.Title, StringComparison.Ordinal);

        // "Split votes": between the crash and the new leader, some term had two or more candidates and no leader.
        var candidacies = trace.OfType<RoleChanged>().Where(r => r.Change.To == RaftRole.Candidate && r.Tick >= run.CrashTick && r.Tick < run.CrashTick + afterCrash);
        Assert.Contains(candidacies.GroupBy(r => r.Change.Term), g => g.Select(r => r.NodeId).Distinct().Count() >= 2);

        // The cut-off leader stays leader alone until the heal, then steps down to a follower of a higher term.
        var stepDown = trace.OfType<RoleChanged>().First(r => r.NodeId == run.IsolatedLeader && r.Tick >= run.IsolateTick && r.Change.From == RaftRole.Leader);
        Assert.True(stepDown.Tick >= run.HealTick, $"stepped down at {stepDown.Tick}, before the heal at {run.HealTick}");
        Assert.Equal(RaftRole.Follower, stepDown.Change.To);

        // The leader lane of the isolated node runs from its election to the heal or later.
        var leaderX = figure.X("leader");
        var leaderY = figure.Y("leader");
        var isolatedEnds = Enumerable.Range(0, leaderY.Length).Where(i => leaderY[i] == run.IsolatedLeader && !double.IsNaN(leaderX[i])).Select(i => leaderX[i]).ToList();
        Assert.Contains(isolatedEnds, x => x >= run.HealTick);
    }

    [Fact]
    public void MessageSequence_TitleTicks_AreTheElectionAndTheCommit_InTheTrace()
    {
        var figure = FigureData.Get("ep21.message-sequence");
        var trace = Episode21Scenarios.Sequence().Trace;
        Assert.Equal(("node (id)", "time (ticks, running down)"), (figure.XTitle, figure.YTitle));
        Assert.Contains("RequestVote", figure.TraceNames);
        Assert.Contains("dropped by the network", figure.TraceNames);

        var firstVote = trace.OfType<MessageSent>().First(m => m.Message is RequestVote);
        var elected = trace.OfType<RoleChanged>().First(r => r.Change.To == RaftRole.Leader);
        var proposed = trace.OfType<CommandProposed>().Single(p => p.Result.IsAccepted);
        var committed = trace.OfType<EntryCommitted>().First(c => c.NodeId == elected.NodeId && c.Entry.Command == proposed.Command);
        var drops = trace.OfType<MessageDropped>().Where(d => d.Tick >= firstVote.Tick && d.Tick < firstVote.Tick + Episode21Scenarios.SequenceWindowTicks).ToList();

        Assert.Equal(firstVote.Message.From, elected.NodeId);
        Assert.Equal((2, 4L, 2L), (elected.NodeId, elected.Tick - firstVote.Tick, committed.Tick - proposed.Tick));
        Assert.StartsWith("Node 2 is elected 4 ticks after it asks for votes and commits a command 2 ticks later", figure.Title, StringComparison.Ordinal);
        Assert.All(drops, d => Assert.Equal(DropReason.Lost, d.Reason));  // no crash or partition: every drop is a loss at sending
        Assert.EndsWith(
            $"RequestVote at tick {firstVote.Tick}, node {elected.NodeId} leads at {elected.Tick}; \"x=1\" proposed at {proposed.Tick}, committed at {committed.Tick}; {drops.Count} dropped",
            figure.Title, StringComparison.Ordinal);
        Assert.Equal(drops.Count, figure.X("dropped by the network").Length);

        // Every delivered message in the window is drawn once: the arrows (send, end, gap) of all kinds add up.
        var delivered = trace.OfType<MessageDelivered>().Count(d => d.SentAtTick >= firstVote.Tick && d.SentAtTick < firstVote.Tick + Episode21Scenarios.SequenceWindowTicks);
        var inFlightAtEnd = trace.OfType<MessageSent>().Count(s => s.Tick >= firstVote.Tick && s.Tick < firstVote.Tick + Episode21Scenarios.SequenceWindowTicks)
            - delivered - drops.Count; // every drop here is a loss at the sending tick, which is recorded as sent too
        Assert.Equal(0, inFlightAtEnd); // the run goes on past the window, so every send in it has arrived or was lost
        var arrows = figure.Traces.Where(t => t["mode"]?.GetValue<string>() == "lines+markers").Sum(t => FigureData.Numbers(t["x"]).Length / 3);
        Assert.Equal(delivered + drops.Count, arrows);
    }

    [Fact]
    public void LogMatrix_TheCutOffLeadersEntries_ConflictWithTerm6Commits_AndNeverCommit()
    {
        var figure = FigureData.Get("ep21.log-matrix");
        var run = Rejoin.Value;
        var trace = run.Cluster.Trace;
        Assert.Equal(("log index (entry number)", "node (id)"), (figure.XTitle, figure.YTitle));

        var lost = trace.OfType<CommandProposed>().Where(p => p.NodeId == run.IsolatedLeader && p.Command.StartsWith("lost", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lost.Count);
        Assert.All(lost, p => Assert.True(p.Result.IsAccepted));
        var committedBeforeHeal = trace.OfType<EntryCommitted>().Where(c => c.Tick < run.HealTick).Select(c => c.Entry).ToList();
        foreach (var p in lost)
        {
            var there = committedBeforeHeal.First(e => e.Index == p.Result.Entry!.Index);
            Assert.Equal(6, there.Term);
            Assert.NotEqual(p.Result.Entry!.Term, there.Term);
        }

        Assert.DoesNotContain(trace.OfType<EntryCommitted>(), c => c.Entry.Command.StartsWith("lost", StringComparison.Ordinal));
        Assert.StartsWith("The cut-off leader's 2 entries never commit: entries of term 6 are committed there", figure.Title, StringComparison.Ordinal);

        // The cross sits at the top right corner of each conflicting cell (0.3 right, 0.3 up the node axis).
        var crossedX = figure.X("conflicting (× at the corner)");
        var crossedY = figure.Y("conflicting (× at the corner)");
        Assert.Equal(lost.Select(p => p.Result.Entry!.Index + 0.3), crossedX);
        Assert.All(crossedY, y => Assert.Equal(run.IsolatedLeader - 0.3, y, 1e-12));
        var maxCommitted = committedBeforeHeal.Max(e => e.Index);
        Assert.EndsWith(
            $"node {run.IsolatedLeader} (cut off at {run.IsolateTick}) holds {lost.Count} conflicting entries; {maxCommitted} indexes committed",
            figure.Title, StringComparison.Ordinal);

        // Framed cells: the 4 connected nodes hold every committed entry; the cut-off leader only those before its 2 lost entries.
        var framedX = figure.X("committed (framed)");
        Assert.Equal(Numbers(string.Join(" ", figure.TraceNames.Where(n => n.StartsWith("term ", StringComparison.Ordinal)))), new double[] { 1, 5, 6 });
        Assert.Equal((4 * maxCommitted) + (lost.Min(p => p.Result.Entry!.Index) - 1), framedX.Length);
    }

    [Fact]
    public void MessagesPerCommand_RaftMeasures2NMinus1_AndTheTextbookLinesFollowTheirPhaseCounts()
    {
        var figure = FigureData.Get("ep21.messages-per-command");
        Assert.Equal(("cluster size n (nodes)", "messages per committed command (count)"), (figure.XTitle, figure.YTitle));
        double[] n = [3, 5, 7, 9];

        // Hand-counted per command: Raft and Multi-Paxos one message to each of the n − 1 others and one back;
        // PBFT pre-prepare (n − 1) + prepare (n − 1)² + commit n(n − 1): 12, 40, 84, 144.
        var twoNMinusOne = n.Select(k => 2 * (k - 1)).ToArray();
        Assert.Equal(n, figure.X("Raft, measured (heartbeats excluded)"));
        Assert.Equal(twoNMinusOne, figure.Y("Raft, measured (heartbeats excluded)"));
        Assert.Equal(twoNMinusOne, figure.Y("Multi-Paxos steady state, 2(n − 1)"));
        Assert.Equal(new double[] { 12, 40, 84, 144 }, figure.Y("PBFT normal case, 2n(n − 1)"));
        Assert.EndsWith("Raft measured at n = 3, 5, 7, 9: 4, 8, 12, 16; heartbeats (excluded) cost 8 per tick at n = 5", figure.Title, StringComparison.Ordinal);

        // Heartbeats, recounted from a run's trace: with a stable leader of 5 nodes and every delay 1 tick, a tick
        // carries 4 heartbeats and 4 replies.
        var cluster = new RaftCluster(new RaftClusterOptions(5, new NetworkOptions(1, 1)), 5);
        Assert.True(cluster.RunUntil(c => c.RunningLeaders.Count == 1 && c.RunningLeaders[0].CommitIndex >= 1, 500));
        cluster.RunTicks(5);
        var from = cluster.Now;
        cluster.RunTicks(10);
        Assert.Equal(80, cluster.Trace.OfType<MessageSent>().Count(m => m.Tick >= from));
    }
}
