using System.Text.RegularExpressions;
using Workbook.Core.Consensus;
using static Workbook.Core.Tests.Consensus.RaftMessageShapes;

namespace Workbook.Core.Tests.Consensus;

/// <summary>The catalog of planted bugs: well formed, and every bug behaves differently from the standard rules on a hand-made input.</summary>
public partial class PlantedBugsCatalogTests
{
    /// <summary>
    /// One hand-made probe per bug: what the piece of rules it changes gives on an input chosen by hand,
    /// with the standard answer and the buggy one written out.
    /// </summary>
    private static readonly Dictionary<string, (Func<RaftRules, object> Probe, object Standard, object Buggy)> Probes = new()
    {
        // Voted for 2 already; candidate 3 is up to date.
        ["two-votes-per-term"] = (r => r.GrantVote(new VoteRequestContext(2, 3, 5, 2, 5, 2)), false, true),

        // No vote yet; candidate's last term 1 against the voter's 2.
        ["vote-without-up-to-date-check"] = (r => r.GrantVote(new VoteRequestContext(null, 3, 9, 1, 2, 2)), false, true),
        ["forget-to-persist-vote"] = (r => r.PersistsVote, true, false),

        // 2 votes of 4: half is not a majority.
        ["majority-counts-half"] = (r => r.WinsElection(new ElectionTallyContext(2, 4)), false, true),
        ["count-votes-from-any-term"] = (r => r.CountsOnlyCurrentTermVotes, true, false),
        ["ignore-higher-term-in-response"] = (r => r.StepsDownOnHigherTermInResponse, true, false),
        ["reset-timer-on-every-message"] = (r => r.ResetsTimerOnlyOnLeaderOrGrantedVote, true, false),

        // 50 draws from [10, 19]: all equal only with probability 10^-49 for a uniform draw.
        ["fixed-election-timeout"] = (r => AllDrawsEqual(r), false, true),

        // Figure 7 (f) probed at 10 with term 6: its entry 10 has term 3.
        ["skip-prev-log-term-check"] = (r => r.LogMatches(new LogMatchContext(LogWithTerms(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3), 10, 6, [])), false, true),

        // Log 1 1; probe (2, term 1) with entry 3:2: it matches (entry 2 has term 1); the seed compares term 1 with the entry's term 2 and rejects.
        ["compare-entry-term"] = (r => r.LogMatches(new LogMatchContext(LogWithTerms(1, 1), 2, 1, [new LogEntry(3, 2, "x")])), true, false),

        // Log 1 1 2 2, entries 3:3 4:3 after index 2.
        ["no-truncation-on-conflict"] = (r => Merge(r, LogWithTerms(1, 1, 2, 2), 2, 3, 3), "1 1 3 3", "1 1 2 2"),

        // Log 1 1 2 2 2, entry 3:3 after index 2.
        ["overwrite-only-conflicting-entry"] = (r => Merge(r, LogWithTerms(1, 1, 2, 2, 2), 2, 3), "1 1 3", "1 1 3 2 2"),

        // Log 1 1 1, a delayed copy carrying entry 2:1 after index 1.
        ["truncate-on-every-append"] = (r => Merge(r, LogWithTerms(1, 1, 1), 1, 1), "1 1 1", "1 1"),

        // commit 0, leaderCommit 1, last new entry 2 (the leader has not committed it yet).
        ["follower-commit-max-instead-of-min"] = (r => r.FollowerCommitIndex(new FollowerCommitContext(0, 1, 2, 2)), 1L, 2L),

        // Figure 8 (c): entry 2 (term 2) on 3 of 5, leader in term 4.
        ["commit-earlier-terms-by-counting"] = (r => r.LeaderCommitIndex(new LeaderCommitContext(LogWithTerms(1, 2, 4), 4, 1, [3, 2, 2, 1, 1], 3)), 1L, 2L),
    };

    public static TheoryData<string> Ids => [.. PlantedBugs.All.Select(b => b.Id)];

    [Fact]
    public void Catalog_HasAtLeastTenBugsWithUniqueKebabCaseIdsAndTexts()
    {
        var all = PlantedBugs.All;
        Assert.True(all.Length >= 10, $"only {all.Length} planted bugs");
        Assert.Equal(all.Length, all.Select(b => b.Id).Distinct().Count());
        Assert.All(all, b =>
        {
            Assert.Matches(KebabCase(), b.Id);
            Assert.Equal(b.Id, b.Rules.Name);
            Assert.False(string.IsNullOrWhiteSpace(b.Title) || string.IsNullOrWhiteSpace(b.WhatItBreaks) || string.IsNullOrWhiteSpace(b.Explanation), b.Id);
            Assert.NotEqual(RaftRules.Standard, b.Rules);
        });
        Assert.Equal(Probes.Keys.Order(), all.Select(b => b.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryBug_DiffersFromStandardOnAHandMadeInput(string id)
    {
        var (probe, standard, buggy) = Probes[id];
        Assert.Equal(standard, probe(RaftRules.Standard));
        Assert.Equal(buggy, probe(PlantedBugs.Get(id).Rules));
    }

    [Fact]
    public void MajorityCountsHalf_BreaksOnlyForEvenClusterSizes()
    {
        // The seed wins with 2·votes > n − 1; a majority is ⌊n/2⌋ + 1 votes. For odd n both thresholds are
        // (n + 1)/2; for even n the seed's is n/2, one short.
        var bug = PlantedBugs.Get("majority-counts-half");
        Assert.Contains("even cluster sizes only", bug.WhatItBreaks, StringComparison.Ordinal);
        for (int n = 1; n <= 12; n++)
        {
            var votesToWin = Enumerable.Range(0, n + 1).First(v => bug.Rules.WinsElection(new ElectionTallyContext(v, n)));
            Assert.Equal(n % 2 == 1 ? (n + 1) / 2 : n / 2, votesToWin);
        }
    }

    [Fact]
    public void Get_UnknownId_IsRejectedWithTheList() =>
        BadInput.RejectsArgument(() => PlantedBugs.Get("nope"), "id", "id must be one of [two-votes-per-term, ");

    private static bool AllDrawsEqual(RaftRules rules)
    {
        var context = new ElectionTimeoutContext(10, 19, 1);
        return Enumerable.Range(0, 50).Select(_ => rules.ElectionTimeout(context)).Distinct().Count() == 1;
    }

    private static string Merge(RaftRules rules, LogEntry[] log, long prev, params long[] entryTerms)
    {
        var entries = entryTerms.Select((t, i) => new LogEntry(prev + 1 + i, t, $"c{prev + 1 + i}")).ToArray();
        return RaftTestCluster.Terms(rules.MergeEntries(new MergeEntriesContext(log, prev, entries)));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
