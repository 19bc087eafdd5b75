using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

/// <summary>
/// The four planted bugs that <see cref="MutationHunt"/> does not catch (see <c>MutationTests</c> and
/// <c>docs/raft-mutations.md</c>), each caught by a hand-driven history in the <see cref="RaftTestCluster"/>
/// harness, run with both the standard rules and the bug.
/// </summary>
/// <remarks>
/// Each needs a history that random faults on a symmetric cluster rarely or never produce: a voter that
/// restarts within the term it voted in while a second candidate of that term asks (forget-to-persist-vote);
/// a stale candidate that times out far more often than the others (reset-timer-on-every-message); a
/// one-way partition (ignore-higher-term-in-response); Figure 8's three terms without a no-op entry
/// (commit-earlier-terms-by-counting). The other eleven bugs are caught by the hunt; their hand-driven
/// tests were removed with it.
/// </remarks>
public class PlantedBugDetectionTests
{
    private static readonly int[] Five = [1, 2, 3, 4, 5];

    // ---- Elections: hand-driven, deterministic ----

    [Theory]
    [InlineData("standard", null)]
    [InlineData("forget-to-persist-vote", "Election Safety: n3 and n1 both lead term 1")]
    public void VoteForgottenAcrossACrash_TwoLeaders(string rules, string? violation)
    {
        Assert.Equal(violation, Violation(() =>
        {
            // n2 votes for n1 in term 1 and crashes; restarted, it is asked again by n3 in term 1.
            var c = RaftTestCluster.Create(3, rules: Rules(rules));
            Campaign(c, 1);
            c.Drop(m => m is RequestVote { From: 1, To: 3 });
            c.Deliver(c.InFlight.Single(m => m is RequestVote { From: 1, To: 2 }));
            c.Deliver(c.InFlight.Single(m => m is RequestVoteResponse { From: 2, To: 1 }));
            Assert.Equal(RaftRole.Leader, c.Node(1).Role);
            c.Drop(m => m.From == 1);
            c.Crash(2);
            c.Restart(2, seed: 5);
            Campaign(c, 3);
            c.Drop(m => m is RequestVote { From: 3, To: 1 });
            c.DeliverAll();
        }));
    }

    // ---- Liveness: hand-driven, deterministic ----

    [Theory]
    [InlineData("standard", true)]
    [InlineData("reset-timer-on-every-message", false)]
    public void StaleCandidateResettingEveryonesTimer_NoLeaderEver(string rules, bool elects)
    {
        // n3 misses entry 2 and times out every 2 or 3 ticks; its RequestVotes are refused (stale log),
        // and must not hold off n1 and n2, whose timeouts are 10 to 19 ticks.
        int[] ids = [1, 2, 3];
        var options = new[] { new RaftOptions(1, ids), new RaftOptions(2, ids), new RaftOptions(3, ids, 2, 3) };
        var full = new RaftPersistentState(1, null, RaftMessageShapes.LogWithTerms(1, 1));
        var stale = new RaftPersistentState(1, null, RaftMessageShapes.LogWithTerms(1));
        var c = new RaftTestCluster(options, 1, new Dictionary<int, RaftPersistentState> { [1] = full, [2] = full, [3] = stale }, Rules(rules));
        var round = RoundsUntilLeader(c, 300);
        Assert.Equal(elects, round <= 300);
    }

    [Theory]
    [InlineData("standard", RaftRole.Follower)]
    [InlineData("ignore-higher-term-in-response", RaftRole.Leader)]
    public void DeposedLeaderHearingOnlyResponses_KeepsLeadingItsOldTerm(string rules, RaftRole roleAfter)
    {
        var c = RaftTestCluster.Create(3, seed: 2, rules: Rules(rules));
        RoundsUntilLeader(c, 300);
        var old = Assert.Single(c.Leaders).Id;
        var others = c.LiveNodes.Select(n => n.Id).Where(id => id != old).ToArray();

        // The old leader is cut off; the others elect a leader of a later term.
        c.Drop(m => m.From == old || m.To == old);
        while (c.Node(others[0]).Role != RaftRole.Leader)
        {
            c.Tick(others[0]);
            c.Drop(m => m.From == old || m.To == old);
            c.DeliverAll(m => m.From != old && m.To != old);
        }

        // One way heals: the old leader's messages and the answers to them arrive; the new leader's do not.
        var proposal = c.Propose(old, "x");
        Assert.True(proposal.IsAccepted);
        c.DeliverAll(m => m.From == old || (m.To == old && m.From != others[0]));
        Assert.Equal(roleAfter, c.Node(old).Role);
        for (int i = 0; i < 30; i++)
        {
            c.Tick(old);
            c.Drop(m => m.From == others[0] && m.To == old);
            c.DeliverAll(m => m.From == old || m.To == old);
        }

        // 30 ticks later the buggy node still leads its old term, and its entry has not committed.
        Assert.Equal(roleAfter == RaftRole.Leader, c.Node(old).Role == RaftRole.Leader);
        Assert.True(c.Node(old).CommitIndex < proposal.Entry!.Index, "the old leader's entry never commits");
    }

    // ---- Commitment: Figure 8, hand-driven ----

    [Theory]
    [InlineData("standard", null)]
    [InlineData("commit-earlier-terms-by-counting", "State Machine Safety: n5 applies 2:3 \"b\" where 2:2 \"c2\" was applied")]
    public void Figure8_OldTermEntryCountedAsCommitted_IsOverwritten(string rules, string? violation)
    {
        Assert.Equal(violation, Violation(() => PlayFigure8(Rules(rules))));
    }

    private static void PlayFigure8(RaftRules rules)
    {
        // As RaftReplicationTests' Figure 8 test, with S1..S5 as nodes 1..5 and no no-op entries.
        var options = Five.Select(id => new RaftOptions(id, Five, 50, 50, 1, appendNoOpOnElection: false)).ToArray();
        var a = new RaftPersistentState(2, 1, RaftMessageShapes.LogWithTerms(1, 2));
        var b = new RaftPersistentState(2, 1, RaftMessageShapes.LogWithTerms(1));
        var states = new Dictionary<int, RaftPersistentState> { [1] = a, [2] = a, [3] = b, [4] = b, [5] = new(2, null, RaftMessageShapes.LogWithTerms(1)) };
        var c = new RaftTestCluster(options, initialStates: states, rules: rules);

        // (b) S5 wins term 3 with S3 and S4, takes entry 2 (term 3) and crashes.
        c.Crash(1);
        Campaign(c, 5);
        c.DeliverAll();
        c.Propose(5, "b");
        c.Crash(5);
        c.Drop(m => m.From == 5);

        // (c) S1 restarts, wins term 4, copies entry 2 (term 2) to S3: on S1, S2, S3, a majority.
        c.Restart(1, seed: 11, options[0].WithShortTimeout());
        Campaign(c, 1);
        c.DeliverAll();
        Campaign(c, 1);
        c.DeliverAll(m => m is not AppendEntries { To: 4 });
        c.Drop(m => m.To == 4);
        c.Propose(1, "c");

        // (d) S1 crashes; S5 wins term 5 and overwrites entry 2 everywhere.
        c.Crash(1);
        c.Drop(m => m.From == 1);
        c.Restart(5, seed: 12, options[4].WithShortTimeout());
        Campaign(c, 5);
        c.DeliverAll();
        Campaign(c, 5);
        c.DeliverAll();
        c.Propose(5, "e");
        c.DeliverAll();
    }

    private static RaftRules Rules(string id) => id == "standard" ? RaftRules.Standard : PlantedBugs.Get(id).Rules;

    /// <summary>Ticks a node until its term changes (it starts an election).</summary>
    private static void Campaign(RaftTestCluster c, int id)
    {
        var node = c.Node(id);
        var term = node.CurrentTerm;
        while (node.CurrentTerm == term)
        {
            c.Tick(id);
        }
    }

    /// <summary>Synchronous rounds until exactly one node leads; the round it happened, or max + 1.</summary>
    private static int RoundsUntilLeader(RaftTestCluster c, int max)
    {
        for (int round = 1; round <= max; round++)
        {
            c.TickAll();
            c.DeliverAll();
            if (c.Leaders.Count == 1)
            {
                return round;
            }
        }

        return max + 1;
    }

    /// <summary>Runs a scenario; the message of the safety violation or refused rule result it ran into, or null.</summary>
    private static string? Violation(Action run)
    {
        try
        {
            run();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException || e.Message.Contains("Safety", StringComparison.Ordinal) || e.Message.Contains("Log Matching", StringComparison.Ordinal) || e.Message.Contains("Leader Completeness", StringComparison.Ordinal))
        {
            var message = e.Message;
            var cut = message.IndexOf('\n', StringComparison.Ordinal);
            return cut < 0 ? message : message[..cut].TrimEnd();
        }
    }
}
