using Workbook.Core.Consensus;
using Workbook.Core.Simulation;

namespace Workbook.Core.Tests.Consensus;

/// <summary>
/// Every planted bug (<see cref="PlantedBugs"/>) caught in the real core: a hand-driven scenario, or a seeded
/// fuzz of the <see cref="RaftTestCluster"/> harness, in which the standard rules keep the paper's Figure 3
/// properties (or elect a leader) and the bug breaks them. Each scenario runs with both rule sets.
/// </summary>
/// <remarks>
/// Kept in one file so that it can move onto the cluster's invariant checker later. A violation is what
/// the harness reports (Election Safety, State Machine Safety), what the node refuses to do (overwrite a
/// committed entry; a rule's impossible result) or what the end-of-run checks find (Log Matching, Leader
/// Completeness).
/// </remarks>
public class PlantedBugDetectionTests
{
    private static readonly int[] Five = [1, 2, 3, 4, 5];

    // ---- Elections: hand-driven, deterministic ----

    [Theory]
    [InlineData("standard", null)]
    [InlineData("two-votes-per-term", "Election Safety: n3 and n1 both lead term 1")]
    public void TwoVotesInOneTerm_TwoLeaders(string rules, string? violation)
    {
        Assert.Equal(violation, Violation(() =>
        {
            // n1 and n3 both campaign in term 1; n2 hears n1 first, then n3.
            var c = RaftTestCluster.Create(3, rules: Rules(rules));
            Campaign(c, 1);
            c.Drop(m => m is RequestVote { From: 1, To: 3 });
            c.Deliver(c.InFlight.Single(m => m is RequestVote { From: 1, To: 2 }));
            Campaign(c, 3);
            c.Drop(m => m is RequestVote { From: 3, To: 1 });
            c.DeliverAll();
        }));
    }

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

    [Theory]
    [InlineData("standard", 4, null)]
    [InlineData("majority-counts-half", 4, "Election Safety: n3 and n1 both lead term 1")]
    [InlineData("majority-counts-half", 5, null)] // odd size: 2 votes of 5 win neither
    public void HalfTheVotes_TwoLeadersOnlyInAnEvenCluster(string rules, int size, string? violation)
    {
        Assert.Equal(violation, Violation(() =>
        {
            // Two candidates in term 1, each with one other vote: 2 of n.
            var c = RaftTestCluster.Create(size, rules: Rules(rules));
            Campaign(c, 1);
            c.Drop(m => m is RequestVote { From: 1 } && m.To != 2);
            c.DeliverAll();
            c.Drop(m => m.From == 1);
            Campaign(c, 3);
            c.Drop(m => m is RequestVote { From: 3 } && m.To != 4);
            c.DeliverAll();
        }));
    }

    [Theory]
    [InlineData("standard", null)]
    [InlineData("count-votes-from-any-term", "Election Safety: n1 and n2 both lead term 2")]
    public void LateVoteFromAnEarlierTerm_TwoLeaders(string rules, string? violation)
    {
        Assert.Equal(violation, Violation(() =>
        {
            // n2's term-1 vote for n1 is delayed; n1 moves to term 2, where n2 wins with n3's vote.
            var c = RaftTestCluster.Create(3, rules: Rules(rules));
            Campaign(c, 1);
            c.Drop(m => m is RequestVote { From: 1, To: 3 });
            c.Deliver(c.InFlight.Single(m => m is RequestVote { From: 1, To: 2 }));
            var lateVote = c.InFlight.Single(m => m is RequestVoteResponse { From: 2, To: 1, Term: 1 });
            Campaign(c, 1);
            c.Drop(m => m is RequestVote { From: 1, Term: 2 });
            Campaign(c, 2);
            c.Drop(m => m is RequestVote { From: 2, To: 1 });
            c.DeliverAll(m => m.To != 1);
            Assert.Equal(RaftRole.Leader, c.Node(2).Role);
            c.Drop(m => m.From == 2);
            c.Deliver(lateVote);
        }));
    }

    // ---- Liveness: hand-driven, deterministic ----

    [Theory]
    [InlineData("standard", true)]
    [InlineData("fixed-election-timeout", false)]
    public void FixedTimeout_NodesStartedTogetherSplitTheVoteForever(string rules, bool elects)
    {
        // Synchronous rounds (every node ticks, then every message is delivered), 300 rounds = 15 to 30 timeouts.
        var c = RaftTestCluster.Create(3, seed: 1, rules: Rules(rules));
        var round = RoundsUntilLeader(c, 300);
        Assert.Equal(elects, round <= 300);
        Assert.True(c.LiveNodes.All(n => n.CurrentTerm >= 1));
    }

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
        for (int i = 0; i < 30; i++)
        {
            c.Tick(old);
            c.Drop(m => m.From == others[0] && m.To == old);
            c.DeliverAll(m => m.From == old || m.To == old);
        }

        Assert.Equal(roleAfter, c.Node(old).Role);
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

    // ---- Replication: seeded fuzz ----

    /// <summary>The first seed (of at most <paramref name="budget"/>) whose random run breaks a property, and which property.</summary>
    [Theory]
    [InlineData("skip-prev-log-term-check", 3, 60, "?")]
    [InlineData("compare-entry-term", 3, 60, "?")]
    [InlineData("no-truncation-on-conflict", 3, 60, "?")]
    [InlineData("overwrite-only-conflicting-entry", 3, 60, "?")]
    [InlineData("truncate-on-every-append", 3, 60, "?")]
    [InlineData("follower-commit-to-log-end", 3, 60, "?")]
    [InlineData("vote-without-up-to-date-check", 3, 60, "?")]
    [InlineData("two-votes-per-term", 3, 60, "?")]
    [InlineData("forget-to-persist-vote", 3, 60, "?")]
    [InlineData("count-votes-from-any-term", 3, 60, "?")]
    [InlineData("majority-counts-half", 4, 60, "?")]
    [InlineData("commit-earlier-terms-by-counting", 5, 60, "?")]
    public void RandomFaults_CatchTheBug(string id, int size, int budget, string property)
    {
        var found = FirstFailingSeed(PlantedBugs.Get(id).Rules, size, budget);
        Assert.True(found is not null, $"{id}: no violation in {budget} seeds");
        Assert.Fail($"{id} size {size}: seed {found.Value.Seed}: {found.Value.Message} [{property}]");
    }

    internal static (long Seed, string Message)? FirstFailingSeed(RaftRules rules, int size, int seeds)
    {
        for (long seed = 1; seed <= seeds; seed++)
        {
            if (Violation(() => RandomRun(rules, size, seed)) is { } message)
            {
                return (seed, message);
            }
        }

        return null;
    }

    /// <summary>The schedule of <see cref="RaftSafetyFuzzTests"/>: random ticks, deliveries, duplicates, drops, proposals, crashes and restarts.</summary>
    private static void RandomRun(RaftRules rules, int size, long seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var cluster = RaftTestCluster.Create(size, seed, electionMin: 10, electionMax: 20, rules: rules);
        int next = 0;
        for (int step = 0; step < 1500; step++)
        {
            var dice = random.Next(100);
            var ids = cluster.LiveNodes.Select(n => n.Id).ToArray();
            if (dice < 25 && ids.Length > 0)
            {
                cluster.Tick(ids[random.Next(ids.Length)]);
            }
            else if (dice < 75 && cluster.InFlight.Count > 0)
            {
                var message = cluster.InFlight[random.Next(cluster.InFlight.Count)];
                if (random.Next(10) == 0)
                {
                    cluster.DeliverCopy(message);
                }
                else
                {
                    cluster.Deliver(message);
                }
            }
            else if (dice < 82 && cluster.InFlight.Count > 0)
            {
                var lost = cluster.InFlight[random.Next(cluster.InFlight.Count)];
                cluster.Drop(m => ReferenceEquals(m, lost));
            }
            else if (dice < 90 && ids.Length > 0)
            {
                cluster.Propose(ids[random.Next(ids.Length)], $"w{next++}");
            }
            else if (dice < 92 && ids.Length > size / 2 + 1)
            {
                cluster.Crash(ids[random.Next(ids.Length)]);
            }
            else if (dice < 96)
            {
                var down = Enumerable.Range(1, size).Where(id => !cluster.IsLive(id)).ToArray();
                if (down.Length > 0)
                {
                    cluster.Restart(down[random.Next(down.Length)], seed * 7919 + step);
                }
            }

            if (step % 50 == 49)
            {
                CheckLogMatchingAndLeaderCompleteness(cluster);
            }
        }

        CheckLogMatchingAndLeaderCompleteness(cluster);
    }

    private static void CheckLogMatchingAndLeaderCompleteness(RaftTestCluster cluster)
    {
        var nodes = cluster.LiveNodes.ToArray();
        foreach (var a in nodes)
        {
            foreach (var b in nodes.Where(b => b.Id > a.Id))
            {
                for (int i = Math.Min(a.Log.Count, b.Log.Count) - 1; i >= 0; i--)
                {
                    if (a.Log[i].Term == b.Log[i].Term)
                    {
                        Assert.True(a.Log.Take(i + 1).SequenceEqual(b.Log.Take(i + 1)), $"Log Matching: n{a.Id} and n{b.Id} agree on entry {i + 1} (term {a.Log[i].Term}) but not before it");
                        break;
                    }
                }
            }
        }

        var top = nodes.Max(n => n.CurrentTerm);
        foreach (var leader in nodes.Where(n => n.Role == RaftRole.Leader && n.CurrentTerm == top))
        {
            foreach (var n in nodes)
            {
                foreach (var e in cluster.Applied(n.Id))
                {
                    Assert.True(e.Index <= leader.Log.Count && leader.Log[(int)e.Index - 1] == e, $"Leader Completeness: leader n{leader.Id} of term {top} lacks {e}, applied by n{n.Id}");
                }
            }
        }
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
