using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>
/// The standard rules one at a time, on hand-worked cases from the extended Raft paper (Figure 7's logs,
/// Figure 8, section 5.4.1), and the node's checks on a rule's result.
/// </summary>
public class RaftRulesTests
{
    private static readonly int[] Three = [1, 2, 3];

    // Figure 7: the leader of term 8 and followers (a)-(f), as the terms of their entries 1, 2, 3, …
    private static readonly long[] Leader7 = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
    private static readonly Dictionary<char, long[]> Follower7 = new()
    {
        ['a'] = [1, 1, 1, 4, 4, 5, 5, 6, 6],
        ['b'] = [1, 1, 1, 4],
        ['c'] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
        ['d'] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
        ['e'] = [1, 1, 1, 4, 4, 4, 4],
        ['f'] = [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
    };

    [Theory]
    [InlineData(null, 3L, 5L, 2L, 9L, true)] // a later last term wins, even with a shorter log
    [InlineData(null, 2L, 8L, 2L, 9L, false)] // same last term, shorter log
    [InlineData(null, 2L, 9L, 2L, 9L, true)] // identical logs
    [InlineData(null, 1L, 20L, 2L, 1L, false)] // an earlier last term loses, however long the log
    [InlineData(2, 3L, 9L, 2L, 9L, false)] // already voted for node 2 in this term
    [InlineData(3, 3L, 9L, 2L, 9L, true)] // a repeated request from the candidate it voted for
    [InlineData(null, 0L, 0L, 0L, 0L, true)] // two empty logs
    public void Raft_5_4_1_GrantVote_OneVotePerTermForAnUpToDateCandidate(
        int? votedFor, long candidateLastTerm, long candidateLastIndex, long ownLastTerm, long ownLastIndex, bool expected)
    {
        var context = new VoteRequestContext(votedFor, 3, candidateLastIndex, candidateLastTerm, ownLastIndex, ownLastTerm);
        Assert.Equal(expected, RaftRules.Standard.GrantVote(context));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(2, 2, true)]
    [InlineData(2, 3, true)]
    [InlineData(2, 4, false)] // half of 4 is not a majority
    [InlineData(3, 4, true)]
    [InlineData(2, 5, false)]
    [InlineData(3, 5, true)]
    public void Raft_5_2_WinsElection_WithVotesFromAMajorityOfTheCluster(int votes, int size, bool expected) =>
        Assert.Equal(expected, RaftRules.Standard.WinsElection(new ElectionTallyContext(votes, size)));

    [Theory]
    [InlineData('a', false, 0L, 10L)] // its log ends at 9: no entry at 10
    [InlineData('b', false, 0L, 5L)]
    [InlineData('c', true, 0L, 0L)] // holds 10:6 (and an extra 11:6)
    [InlineData('d', true, 0L, 0L)]
    [InlineData('e', false, 0L, 8L)]
    [InlineData('f', false, 3L, 7L)] // entry 10 has term 3; its term-3 run starts at 7
    public void Raft_5_3_Figure7_FirstProbeOfTheNewLeader_MatchesOnlyWhereTheFollowerHoldsEntry10OfTerm6(
        char follower, bool matches, long hintTerm, long hintIndex)
    {
        // The new leader of term 8 starts with nextIndex 11: PrevLogIndex 10, PrevLogTerm 6.
        var log = LogWithTerms(Follower7[follower]);
        Assert.Equal(matches, RaftRules.Standard.LogMatches(new LogMatchContext(log, 10, 6, [])));
        if (!matches)
        {
            Assert.Equal(new ConflictHint(hintTerm, hintIndex), RaftRules.Standard.ConflictHint(new ConflictHintContext(log, 10)));
        }
    }

    [Fact]
    public void Raft_5_3_LogMatches_AtIndexZero_AlwaysMatches() =>
        Assert.True(RaftRules.Standard.LogMatches(new LogMatchContext(LogWithTerms(), 0, 0, LogWithTerms(1))));

    [Theory]
    [InlineData(0L, 10L, 10L)] // (a): leader has no term 0; resume at the follower's end + 1
    [InlineData(0L, 5L, 5L)] // (b)
    [InlineData(0L, 8L, 8L)] // (e)
    [InlineData(3L, 7L, 7L)] // (f): the leader holds no term-3 entry; skip the follower's whole term-3 run
    [InlineData(4L, 4L, 6L)] // a follower whose run of term 4 reaches index 7: resume after the leader's last term-4 entry (5)
    public void Raft_5_3_FastBackUp_FromNextIndex11_SkipsAWholeTerm(long conflictTerm, long conflictIndex, long expected)
    {
        var context = new NextIndexContext(conflictTerm, conflictIndex, LogWithTerms(Leader7), NextIndex: 11, MatchIndex: 0);
        Assert.Equal(expected, RaftRules.Standard.NextIndexAfterRejection(context));
    }

    [Fact]
    public void Raft_5_3_FastBackUp_Figure7f_TakesThreeProbes()
    {
        // Worked by hand: probe at 10 (f has 10:3) -> hint (3, 7) -> next 7; probe at 6 (f has 6:2, leader 6:5)
        // -> hint (2, 4) -> next 4; probe at 3 (both 3:1) -> match. One entry at a time would take 8 probes.
        var leader = LogWithTerms(Leader7);
        var follower = LogWithTerms(Follower7['f']);
        var next = 11L;
        var probes = new List<long>();
        while (true)
        {
            var prev = next - 1;
            probes.Add(prev);
            if (RaftRules.Standard.LogMatches(new LogMatchContext(follower, prev, leader.TermAt(prev), [])))
            {
                break;
            }

            var hint = RaftRules.Standard.ConflictHint(new ConflictHintContext(follower, prev));
            next = RaftRules.Standard.NextIndexAfterRejection(new NextIndexContext(hint.Term, hint.Index, leader, next, 0));
        }

        Assert.Equal([10L, 6L, 3L], probes);
    }

    [Fact]
    public void Raft_5_3_FastBackUp_NeverGoesForwardNorBelowTheMatchIndex()
    {
        var leader = LogWithTerms(Leader7);
        Assert.Equal(5, RaftRules.Standard.NextIndexAfterRejection(new NextIndexContext(0, 8, leader, NextIndex: 5, MatchIndex: 0))); // a late reply to an older probe
        Assert.Equal(7, RaftRules.Standard.NextIndexAfterRejection(new NextIndexContext(0, 3, leader, NextIndex: 9, MatchIndex: 6)));
    }

    [Theory]
    [InlineData('d', "1 1 1 4 4 5 5 6 6 6 8")] // 11:7 conflicts with 11:8: cut 11 and 12, append
    [InlineData('c', "1 1 1 4 4 5 5 6 6 6 8")]
    [InlineData('a', "1 1 1 4 4 5 5 6 6 8")] // (a) matches at 9 when probed there
    public void Raft_5_3_MergeEntries_TruncatesAtTheFirstConflictAndAppends(char follower, string expected)
    {
        var log = LogWithTerms(Follower7[follower]);
        var prev = follower == 'a' ? 9 : 10;
        var entries = new[] { new LogEntry(prev + 1, 8, "new") };
        var merged = RaftRules.Standard.MergeEntries(new MergeEntriesContext(log, prev, entries));
        Assert.Equal(expected, RaftTestCluster.Terms(merged));
        Assert.Equal(new LogEntry(prev + 1, 8, "new"), merged[^1]);
    }

    [Fact]
    public void Raft_5_3_MergeEntries_AStaleOrEmptyMessage_RemovesNothing()
    {
        // (c)'s extra 11:6 stays on a heartbeat; a delayed message carrying 2:1 again keeps 3:2 and 4:2.
        var c = LogWithTerms(Follower7['c']);
        Assert.Equal("1 1 1 4 4 5 5 6 6 6 6", RaftTestCluster.Terms(RaftRules.Standard.MergeEntries(new MergeEntriesContext(c, 10, []))));
        var log = LogWithTerms(1, 1, 2, 2);
        Assert.Equal<LogEntry>(log, RaftRules.Standard.MergeEntries(new MergeEntriesContext(log, 1, [log[1]])));
        Assert.Equal("1 1 3 3 3", RaftTestCluster.Terms(RaftRules.Standard.MergeEntries(new MergeEntriesContext(log, 2, LogWithTerms(1, 1, 3, 3, 3)[2..]))));
    }

    [Theory]
    [InlineData(2L, 7L, 5L, 9L, 5L)] // min(leaderCommit 7, last new 5); entries 6..9 are not known to match
    [InlineData(0L, 3L, 5L, 5L, 3L)] // min(3, 5)
    [InlineData(6L, 7L, 5L, 9L, 6L)] // a stale message never lowers it
    public void Raft_Figure2_FollowerCommitIndex_IsTheMinimumOfLeaderCommitAndLastNewEntry(
        long commit, long leaderCommit, long lastNew, long lastLog, long expected) =>
        Assert.Equal(expected, RaftRules.Standard.FollowerCommitIndex(new FollowerCommitContext(commit, leaderCommit, lastNew, lastLog)));

    [Fact]
    public void Raft_5_4_2_Figure8c_LeaderCommitIndex_DoesNotCountAnOldTermEntry()
    {
        // S1 leads term 4 with log 1 2 4; entry 2 (term 2) is on S1, S2, S3 (a majority of 5), entry 3 only on S1.
        var log = LogWithTerms(1, 2, 4);
        Assert.Equal(1, RaftRules.Standard.LeaderCommitIndex(new LeaderCommitContext(log, 4, 1, [3, 2, 2, 1, 1], 3)));

        // Figure 8 (e): entry 3 (term 4) reaches S2 and S3: it commits, and entry 2 with it.
        Assert.Equal(3, RaftRules.Standard.LeaderCommitIndex(new LeaderCommitContext(log, 4, 1, [3, 3, 3, 1, 1], 3)));
    }

    [Fact]
    public void Raft_Figure2_LeaderCommitIndex_IsTheHighestCurrentTermIndexOnAMajority()
    {
        // Term 2, log 1 1 2 2, matches 4, 4, 3, 1, 0: index 4 on 2 nodes, index 3 on 3 of 5.
        Assert.Equal(3, RaftRules.Standard.LeaderCommitIndex(new LeaderCommitContext(LogWithTerms(1, 1, 2, 2), 2, 0, [4, 4, 3, 1, 0], 3)));
    }

    [Fact]
    public void Raft_5_2_ElectionTimeout_DrawsUniformlyFromTheRange()
    {
        // 10,000 draws over [10, 19]: each value 1,000 expected, sd = sqrt(10,000 · 0.1 · 0.9) = 30; allow 5 sd.
        var context = new ElectionTimeoutContext(10, 19, seed: 7);
        var counts = new int[20];
        for (int i = 0; i < 10_000; i++)
        {
            counts[RaftRules.Standard.ElectionTimeout(context)]++;
        }

        Assert.All(Enumerable.Range(0, 10), v => Assert.Equal(0, counts[v]));
        Assert.All(Enumerable.Range(10, 10), v => Assert.InRange(counts[v], 850, 1150));
        Assert.Equal(3, new ElectionTimeoutContext(3, 3, 1).NextInt(3, 3));
        BadInput.Rejects(() => new ElectionTimeoutContext(3, 3, 1).NextInt(5, 4), "maxInclusive", "an integer >= minInclusive = 5");
    }

    [Fact]
    public void Raft_ElectionTimeout_TheNodeDrawsWhatTheRuleDrawsFromTheSameSeed()
    {
        // The node's first draw comes from a generator seeded like the context's: the same timeout.
        for (long seed = 1; seed <= 20; seed++)
        {
            Assert.Equal(
                RaftRules.Standard.ElectionTimeout(new ElectionTimeoutContext(10, 19, seed)),
                new RaftNode(new RaftOptions(1, Three), seed).ElectionTimeoutTicks);
        }
    }

    [Fact]
    public void RaftRules_DefaultsAreTheStandardRulesAndTheirName()
    {
        var rules = RaftRules.Standard;
        Assert.Equal("standard", rules.Name);
        Assert.True(rules.PersistsVote && rules.ResetsTimerOnlyOnLeaderOrGrantedVote && rules.StepsDownOnHigherTermInResponse && rules.CountsOnlyCurrentTermVotes);
        Assert.Same(rules, new RaftNode(new RaftOptions(1, Three), 1).Rules);
        Assert.Same(rules, new RaftClusterOptions(3).Rules);
        var mine = rules with { Name = "mine", ElectionTimeout = c => c.MaxTicks };
        Assert.Equal(19, new RaftNode(new RaftOptions(1, Three), 1, rules: mine).ElectionTimeoutTicks);
        Assert.Equal(19, new RaftCluster(new RaftClusterOptions(3) { Rules = mine }, 1).Node(2).ElectionTimeoutTicks);
    }

    [Fact]
    public void RaftRules_NullRuleOrBlankName_IsRejected()
    {
        Assert.Equal("GrantVote", Assert.Throws<ArgumentNullException>(() => RaftRules.Standard with { GrantVote = null! }).ParamName);
        Assert.Equal("Rules", Assert.Throws<ArgumentNullException>(() => new RaftClusterOptions(3) { Rules = null! }).ParamName);
        BadInput.RejectsArgument(() => _ = RaftRules.Standard with { Name = " " }, "Name", "must contain text");
    }

    [Fact]
    public void RaftNode_ElectionTimeoutBelowOneTick_IsAnErrorNamingTheRule()
    {
        var rules = RaftRules.Standard with { Name = "zero", ElectionTimeout = _ => 0 };
        var error = Assert.Throws<InvalidOperationException>(() => new RaftNode(new RaftOptions(1, Three), 1, rules: rules));
        Assert.Contains("RaftRules.ElectionTimeout (rules \"zero\") on node 1: returned 0 ticks; an election timeout must be at least 1 tick", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaftNode_FollowerCommitIndexBeyondTheLogOrGoingBack_IsAnErrorNamingTheRule()
    {
        // No min with the last new entry: leaderCommit 5 on a 2-entry log.
        var noMin = RaftRules.Standard with { FollowerCommitIndex = c => c.LeaderCommit };
        var follower = new RaftNode(new RaftOptions(2, Three), 1, rules: noMin);
        var beyond = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 1, 0, 0, 5, LogWithTerms(1, 1))));
        Assert.Contains("RaftRules.FollowerCommitIndex (rules \"standard\") on node 2: returned commit index 5; it must lie in [0, 2]", beyond.Message, StringComparison.Ordinal);

        // No max with the old value: a stale message with leaderCommit 1 after commit 2.
        var noMax = RaftRules.Standard with { FollowerCommitIndex = c => Math.Min(c.LeaderCommit, c.LastNewEntryIndex) };
        follower = new RaftNode(new RaftOptions(2, Three), 1, rules: noMax);
        follower.Step(Append(1, 2, 1, 0, 0, 2, LogWithTerms(1, 1)));
        Assert.Equal(2, follower.CommitIndex);
        var back = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 1, 0, 0, 1, LogWithTerms(1))));
        Assert.Contains("RaftRules.FollowerCommitIndex (rules \"standard\") on node 2: returned commit index 1; it must lie in [2, 2] (a commit index never goes back", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaftNode_LeaderCommitIndexBeyondTheLog_IsAnErrorNamingTheRule()
    {
        var rules = RaftRules.Standard with { LeaderCommitIndex = c => c.Log.LastIndex() + 1 };
        var single = new RaftNode(new RaftOptions(1, [1], 2, 2), 1, rules: rules);
        single.Tick();
        var error = Assert.Throws<InvalidOperationException>(() => single.Tick());
        Assert.Contains("RaftRules.LeaderCommitIndex (rules \"standard\") on node 1: returned commit index 2; it must lie in [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaftNode_MergedLogThatRemovesACommittedEntry_IsAnErrorNamingTheRule()
    {
        var bug = PlantedBugs.Get("truncate-on-every-append");
        var follower = new RaftNode(new RaftOptions(2, Three), 1, rules: bug.Rules);
        follower.Step(Append(1, 2, 1, 0, 0, 3, LogWithTerms(1, 1, 1)));
        Assert.Equal(3, follower.CommitIndex);

        // A delayed copy of the first message (entry 1 only) arrives: the rule cuts entries 2 and 3.
        var error = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 1, 0, 0, 1, LogWithTerms(1))));
        Assert.Contains("RaftRules.MergeEntries (rules \"truncate-on-every-append\") on node 2: replaced committed entry 2:1 \"c2\" (commit index 3) with nothing (it removed it)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaftNode_MalformedMergedLogOrMatchBeyondTheLog_IsAnErrorNamingTheRule()
    {
        var entriesOnly = RaftRules.Standard with { MergeEntries = c => c.Entries };
        var follower = new RaftNode(new RaftOptions(2, Three), 1, new RaftPersistentState(1, null, LogWithTerms(1)), entriesOnly);
        var malformed = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 1, 1, 1, 0, new LogEntry(2, 1, "x"))));
        Assert.Contains("RaftRules.MergeEntries (rules \"standard\") on node 2: returned a log with 2:1 \"x\" at position 1", malformed.Message, StringComparison.Ordinal);

        var always = RaftRules.Standard with { LogMatches = _ => true };
        var empty = new RaftNode(new RaftOptions(2, Three), 1, rules: always);
        var beyond = Assert.Throws<InvalidOperationException>(() => empty.Step(Append(1, 2, 1, 5, 1, 0)));
        Assert.Contains("RaftRules.LogMatches (rules \"standard\") on node 2: accepted PrevLogIndex 5, but the log ends at index 0", beyond.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RaftNode_BadConflictHintOrNextIndex_IsAnErrorNamingTheRule()
    {
        var badHint = RaftRules.Standard with { ConflictHint = _ => new ConflictHint(0, 99) };
        var follower = new RaftNode(new RaftOptions(2, Three), 1, rules: badHint);
        var hint = Assert.Throws<InvalidOperationException>(() => follower.Step(Append(1, 2, 1, 5, 1, 0)));
        Assert.Contains("RaftRules.ConflictHint (rules \"standard\") on node 2: returned ConflictHint { Term = 0, Index = 99 }; a hint has an index in [0, 1]", hint.Message, StringComparison.Ordinal);

        // Node 1 wins term 1 with node 2's vote, then node 2 rejects its first AppendEntries.
        var badNext = RaftRules.Standard with { NextIndexAfterRejection = _ => 0 };
        var leader = new RaftNode(new RaftOptions(1, Three, 2, 2), 1, rules: badNext);
        leader.Tick();
        leader.Tick();
        leader.Step(new RequestVoteResponse(2, 1, 1, true));
        Assert.Equal(RaftRole.Leader, leader.Role);
        var next = Assert.Throws<InvalidOperationException>(() => leader.Step(new AppendEntriesResponse(2, 1, 1, false, 0, 0, 1)));
        Assert.Contains("RaftRules.NextIndexAfterRejection (rules \"standard\") on node 1: returned nextIndex 0 for node 2; it must lie in [matchIndex + 1 = 1, last index + 1 = 2]", next.Message, StringComparison.Ordinal);
    }
}
