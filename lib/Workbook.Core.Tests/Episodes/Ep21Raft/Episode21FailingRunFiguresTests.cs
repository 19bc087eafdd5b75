using System.Globalization;
using Workbook.Core.Charts;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.Scenarios;
using Workbook.Core.Episodes.Ep21Raft;
using Workbook.Core.Tests.Charts;

namespace Workbook.Core.Tests.Episodes.Ep21Raft;

/// <summary>
/// The figures of failing runs (ep21.bug-caught, ep21.figure-8) and the etcd comparison (ep21.failover), and the
/// public chart builders for any run. Expected values come from the runs' traces, from the paper's Figure 8 written
/// out by hand, and from the etcd CSV read here line by line.
/// </summary>
public class Episode21FailingRunFiguresTests
{
    private static readonly Lazy<ScenarioOutcome> BugRun = new(Episode21Scenarios.BugCaught);

    private static readonly Lazy<IReadOnlyList<Figure8Stage>[]> Figure8 = new(() =>
        [Figure8Replay.Play(RaftRules.Standard), Figure8Replay.Play(PlantedBugs.Get("commit-earlier-terms-by-counting").Rules)]);

    // ---- ep21.bug-caught ----

    [Fact]
    public void BugCaught_TwoNodesLeadOneTerm_InTheTrace_AtTheTickTheTitleStates()
    {
        var outcome = BugRun.Value;
        var trace = outcome.Cluster.Trace;

        // Recounted from the role changes: a term with two different leaders, the second elected at tick 61.
        var doubled = trace.OfType<RoleChanged>().Where(r => r.Change.To == RaftRole.Leader)
            .GroupBy(r => r.Change.Term).Single(g => g.Select(r => r.NodeId).Distinct().Count() >= 2);
        Assert.Equal(2, doubled.Key);
        Assert.Equal([1, 3], doubled.Select(r => r.NodeId).Order());
        Assert.Equal(61, doubled.Max(r => r.Tick));

        Assert.True(outcome.HasViolation);
        Assert.Equal((RaftInvariant.ElectionSafety, 61L), (outcome.Violation.Invariant, outcome.Violation.Tick));
        var figure = FigureData.Get("ep21.bug-caught");
        Assert.StartsWith("Two votes in one term give two leaders: Election Safety breaks at tick 61", figure.Title, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat(61.0, 2), figure.X("Election Safety broken (nodes involved)"));
        Assert.Equal([1.0, 3.0], figure.Y("Election Safety broken (nodes involved)").Order());
        Assert.EndsWith("raft.leader-failure, seed 9, two-votes-per-term: nodes 1 and 3 were both elected leader of term 2", figure.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void BugCaught_TheStandardRulesPassTheSameScenarioAndSeed_AndSeed9IsTheFirstToBreakAfterTheCut()
    {
        var scenario = RaftScenarios.Get(Episode21Scenarios.BugCaughtScenarioId);
        Assert.True(scenario.Run(Episode21Scenarios.BugCaughtSeed).Passed);

        // Seeds 1 to 8: only seed 6 breaks, in the very first election (no cut yet); seed 9 breaks after the leader is cut off.
        var bug = scenario.DefaultOptions with { Rules = PlantedBugs.Get(Episode21Scenarios.BugCaughtBugId).Rules };
        var broken = Enumerable.Range(1, 8).Select(seed => (Seed: seed, Outcome: scenario.Run(bug, seed))).Where(r => r.Outcome.HasViolation).ToList();
        var six = Assert.Single(broken);
        Assert.Equal(6, six.Seed);
        Assert.DoesNotContain(six.Outcome.Cluster.Trace, e => e is PartitionChanged);
        var cut = BugRun.Value.Cluster.Trace.OfType<PartitionChanged>().First();
        Assert.True(cut.Tick < BugRun.Value.Violation!.Tick);
    }

    [Fact]
    public void TimelineOf_AnyRun_DefaultTitleNamesTheViolation_OrSaysNoneBroke()
    {
        var failing = FigureJson(Episode21Figures.TimelineOf(BugRun.Value.Cluster));
        Assert.StartsWith("Election Safety breaks at tick 61 under two-votes-per-term", failing.Headline, StringComparison.Ordinal);
        Assert.Contains("nodes 1 and 3 were both elected leader of term 2", failing.RawTitle, StringComparison.Ordinal);

        var passing = RaftScenarios.Get("raft.initial-election").Run(1);
        var healthy = FigureJson(Episode21Figures.TimelineOf(passing.Cluster));
        Assert.StartsWith($"No invariant broke in {passing.Cluster.Now} ticks", healthy.Headline, StringComparison.Ordinal);
        Assert.DoesNotContain(healthy.Names, n => n.Contains("broken", StringComparison.Ordinal));

        var custom = FigureJson(Episode21Figures.TimelineOf(passing.Cluster, "My headline", "my conditions"));
        Assert.Equal("My headline", custom.Headline);
    }

    [Fact]
    public void LogMatrixOf_AndMessageSequenceOf_WorkOnAFailingRun()
    {
        var cluster = BugRun.Value.Cluster;
        var matrix = FigureJson(Episode21Figures.LogMatrixOf(cluster));
        var committedIndexes = cluster.Trace.OfType<EntryCommitted>().Select(c => c.Entry.Index).Distinct().Count();
        Assert.StartsWith($"{committedIndexes} of ", matrix.Headline, StringComparison.Ordinal);

        // Every message sent in ticks [50, 62) is one arrow: the title counts the sends in the trace.
        var sends = cluster.Trace.OfType<MessageSent>().Count(m => m.Tick is >= 50 and < 62);
        var sequence = FigureJson(Episode21Figures.MessageSequenceOf(cluster, 50, 62));
        Assert.StartsWith($"{sends} messages in ticks 50 to 61", sequence.Headline, StringComparison.Ordinal);
        BadInput.Rejects(() => Episode21Figures.MessageSequenceOf(cluster, 10, 5), "toTick", ">= fromTick");
    }

    // ---- ep21.figure-8 ----

    /// <summary>The paper's Figure 8, read off the figure: each server's log as its terms, per stage.</summary>
    private static readonly Dictionary<string, string[]> PaperLogs = new()
    {
        ["a"] = ["1 2", "1 2", "1", "1", "1"],
        ["b"] = ["1 2", "1 2", "1", "1", "1 3"],
        ["c"] = ["1 2 4", "1 2", "1 2", "1", "1 3"],
        ["d"] = ["1 2 4", "1 3", "1 3", "1 3", "1 3"],
        ["e"] = ["1 2 4", "1 2 4", "1 2 4", "1", "1 3"],
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Figure8_LogsAreThePapers_AtEveryStage_UnderBothRules(int rules)
    {
        var stages = Figure8.Value[rules];
        Assert.Equal(["a", "b", "c", "d", "e"], stages.Select(s => s.Label));
        foreach (var stage in stages)
        {
            var logs = stage.Logs.NodeIds.Select(id => string.Join(" ", stage.Logs.Cells.Where(c => c.NodeId == id).Select(c => c.Term))).ToArray();
            Assert.Equal(PaperLogs[stage.Label], logs);
        }

        // Leaders and crashes, as the paper's captions say.
        string Who(Figure8Stage s) => string.Join(" ", s.Nodes.Select(n => !n.IsRunning ? "x" : n.Role == RaftRole.Leader ? "L" + n.Term : "-"));
        Assert.Equal(["L2 - - - -", "x - - - L3", "L4 - - - x", "x - - - L5", "L4 - - - x"], stages.Select(Who));
    }

    [Fact]
    public void Figure8_CountingCommitsTheTerm2EntryAtC_AndLosesItAtD_RaftsRuleWaitsAndStaysSafe()
    {
        var (raft, counting) = (Figure8.Value[0], Figure8.Value[1]);
        long Committed(Figure8Stage s) => s.Logs.Cells.Where(c => c.IsCommitted).Select(c => c.Index).DefaultIfEmpty(0).Max();

        // (c): entry 2 of term 2 is on S1, S2, S3, three of five.
        Assert.Equal(3, raft[2].Logs.Cells.Count(c => c.Index == 2 && c.Term == 2));
        Assert.Equal(1, Committed(raft[2]));
        Assert.Equal(2, Committed(counting[2]));

        // (d): S5 replaced it; under counting two terms are now committed at index 2, and the checker said so.
        Assert.All(raft, s => Assert.True(s.Safety.Holds, s.Safety.Reason));
        Assert.True(counting[2].Safety.Holds);
        Assert.False(counting[3].Safety.Holds);
        Assert.Equal(RaftInvariant.LeaderCompleteness, counting[3].Safety.Invariant);
        Assert.Equal([2L, 3], counting[3].Logs.Cells.Where(c => c.Index == 2 && c.IsCommitted).Select(c => c.Term).Distinct().Order());

        // (e): entry 3 of term 4 on a majority commits under both rules, entry 2 with it; S5 (last term 3) can win
        // the vote of S4 only (the up-to-date rule), so 2 of 5 votes with its own.
        Assert.Equal((3L, 3L), (Committed(raft[4]), Committed(counting[4])));
        var lastTerms = raft[4].Logs.NodeIds.Select(id => raft[4].Logs.Cells.Where(c => c.NodeId == id).Max(c => c.Term)).ToArray();
        Assert.Equal(1, lastTerms.Take(4).Count(t => t < 3));
    }

    [Fact]
    public void Figure8_IsASliderOverTheStages_OpeningAtD_WithBothPanelsPerStep()
    {
        var figure = FigureData.Get("ep21.figure-8");
        var slider = Assert.Single(FigureSlider.Of(FigureCatalog.Get("ep21.figure-8").Build()));
        Assert.Equal(("step", 3), (slider.Parameter, slider.Active));
        Assert.Equal(["a", "b", "c", "d", "e"], slider.Values);
        Assert.StartsWith("Counting replicas commits an old-term entry that a later leader overwrites", figure.Title, StringComparison.Ordinal);
        Assert.Contains("counting: Leader Completeness broken at d; Raft's rule: safe throughout", figure.Title, StringComparison.Ordinal);

        // The step-d "what happened" text is visible at first, and says what the paper's caption (d) says.
        var shown = figure.Traces.Where(t => t["visible"] is null || t["visible"]!.ToJsonString() == "true").ToList();
        var happened = shown.Single(t => t["name"]!.GetValue<string>() == "what happened")["text"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains(happened, t => t.StartsWith("(d) S1 crashed; S5 wins term 5", StringComparison.Ordinal));
        Assert.Contains(happened, t => t.Contains("Leader Completeness broken", StringComparison.Ordinal));
    }

    // ---- ep21.failover ----

    /// <summary>The etcd CSV read line by line here: the failover_ms column, and the '# key: value' notes.</summary>
    private static (double[] Ms, string[] Notes) ReadEtcdCsv()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "data", "consensus", "etcd-failover.csv"));
        var header = lines.First(l => !l.StartsWith('#')).Split(',');
        var column = Array.IndexOf(header, "failover_ms");
        var rows = lines.SkipWhile(l => l.StartsWith('#')).Skip(1).Where(l => l.Length > 0);
        return (rows.Select(r => double.Parse(r.Split(',')[column], CultureInfo.InvariantCulture)).ToArray(), lines.Where(l => l.StartsWith('#')).ToArray());
    }

    private static double MiddleValue(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Fact]
    public void Failover_EtcdCurveIsTheCsv_MediansInTheTitleAreRecomputed_AndTheCaptionCitesVersionAndDate()
    {
        var figure = FigureData.Get("ep21.failover");
        var (etcdMs, notes) = ReadEtcdCsv();
        Assert.Equal(50, etcdMs.Length);

        // Each ECDF step line holds every sorted value twice (the rise), from 0 to 1 in steps of 1/n.
        var etcdName = figure.TraceNames.Single(n => n.StartsWith("etcd 3.4.23, measured (50 kills)", StringComparison.Ordinal));
        var simName = figure.TraceNames.Single(n => n.StartsWith("simulator, etcd's timing (500 kills)", StringComparison.Ordinal));
        Assert.Equal(etcdMs.Order().SelectMany(v => new[] { v, v }), figure.X(etcdName));
        var simX = figure.X(simName);
        Assert.Equal(1000, simX.Length);
        Assert.Equal(1.0, figure.Y(simName)[^1]);
        var simulated = simX.Where((_, i) => i % 2 == 0).ToArray();

        var (etcdMedian, simMedian) = (MiddleValue(etcdMs), MiddleValue(simulated));
        Assert.Equal((1208.65, 1270.0), (etcdMedian, simMedian));
        Assert.StartsWith("Simulated failover is 61 ms slower than etcd's at the median: 1,270 ms against 1,209", figure.Title, StringComparison.Ordinal);
        Assert.Equal(61, Math.Round(simMedian - etcdMedian));
        Assert.EndsWith("median 1,209 ms measured (50 kills), 1,270 ms simulated (500 kills)", figure.Title, StringComparison.Ordinal);
        Assert.Equal([etcdMedian], figure.X("etcd median"));
        Assert.Equal([simMedian], figure.X("simulator median"));

        var caption = FigureCatalog.Get("ep21.failover").Caption;
        var version = notes.Select(n => System.Text.RegularExpressions.Regex.Match(n, @"^# etcd (\d+\.\d+\.\d+)")).Single(m => m.Success).Groups[1].Value;
        var date = notes.Single(n => n.StartsWith("# date: ", StringComparison.Ordinal))["# date: ".Length..][..10];
        Assert.Contains($"etcd {version} cluster", caption, StringComparison.Ordinal);
        Assert.Contains(date, caption, StringComparison.Ordinal);
        Assert.Contains("measured", caption, StringComparison.Ordinal);
    }

    private static FigureJsonView FigureJson(Plotly.NET.GenericChart chart) => new(System.Text.Json.Nodes.JsonNode.Parse(ChartHtml.FigureJson(chart))!);

    /// <summary>The bits of an ad-hoc chart's JSON these tests read.</summary>
    private sealed class FigureJsonView(System.Text.Json.Nodes.JsonNode json)
    {
        public string RawTitle => json["layout"]!["title"]!["text"]!.GetValue<string>();

        public string Headline => RawTitle.Split("<br>")[0];

        public IReadOnlyList<string> Names => json["data"]!.AsArray().Select(t => t!["name"]?.GetValue<string>() ?? "").ToList();
    }
}
