using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using Workbook.Core.Consensus;
using Workbook.Core.Consensus.RealSystems;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>The figures of episode 21 — Raft.</summary>
/// <remarks>
/// Drawn from seeded <see cref="RaftCluster"/> runs (<see cref="Episode21Scenarios"/>) through
/// <see cref="ClusterTimeline"/>, <see cref="MessageSequence"/>, <see cref="LogMatrix"/> and <see cref="MessageCost"/>.
/// </remarks>
public static class Episode21Figures
{
    private const string TimelineTitle = "Split votes hold up a new leader for 51 ticks; a cut-off leader is replaced in 11";
    private const string SequenceTitle = "Node 2 is elected 4 ticks after it asks for votes and commits a command 2 ticks later";
    private const string LogMatrixTitle = "The cut-off leader's 2 entries never commit: entries of term 6 are committed there";
    private const string BugCaughtTitle = "Two votes in one term give two leaders: Election Safety breaks at tick 61";
    private const string Figure8Title = "Counting replicas commits an old-term entry that a later leader overwrites";
    private const string FailoverTitle = "Simulated failover is 61 ms slower than etcd's at the median: 1,270 ms against 1,209";
    private const string MessagesPerCommandTitle = "Raft pays 2(n − 1) messages per command, as Multi-Paxos does; PBFT pays 2n(n − 1)";

    private static readonly (RaftRole Role, string Name, string Colour, double Width, string Dash)[] RoleStyles =
    [
        (RaftRole.Follower, "follower", Palette.Grey, 3, "dot"),
        (RaftRole.Candidate, "candidate", Palette.Orange, 7, "dash"),
        (RaftRole.Leader, "leader", Palette.Blue, 12, "solid"),
    ];

    private static readonly (MessageKind Kind, string Name, string Colour, string Dash)[] KindStyles =
    [
        (MessageKind.RequestVote, "RequestVote", Palette.Orange, "dash"),
        (MessageKind.VoteReply, "vote reply", Palette.ReddishPurple, "dot"),
        (MessageKind.AppendEntries, "AppendEntries with entries", Palette.Blue, "solid"),
        (MessageKind.Heartbeat, "heartbeat (no entries)", Palette.SkyBlue, "longdash"),
        (MessageKind.AppendReply, "AppendEntries reply", Palette.BluishGreen, "dashdot"),
        (MessageKind.InstallSnapshot, "InstallSnapshot", Palette.Vermillion, "longdashdot"),
        (MessageKind.SnapshotReply, "InstallSnapshot reply", Palette.Black, "2px,5px"),
    ];

    /// <summary>The term colours of the log matrix, one per term in order (terms beyond the list reuse it with their number written in).</summary>
    private static readonly string[] TermColours = [Palette.SkyBlue, Palette.Orange, Palette.BluishGreen, Palette.Yellow, Palette.ReddishPurple, Palette.Vermillion, Palette.Blue];

    /// <summary>The figures of episode 21, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        new("ep21.timeline", 21, TimelineTitle,
            "Per-node timeline of a seeded 5-node run (Episode21Scenarios.Rejoin, seed 21): the leader crashes at tick 60 and restarts at 110; the next leader is cut off from the others at 150 and the partition heals at 210. Simulated, 1 tick = 10 ms.",
            "Timeline chart with one horizontal lane per node (nodes 1 to 5, y axis) over time in ticks (x axis, 0 to 260). Each lane is a line whose style gives the node's role: a thin dotted line for follower, a dashed line for candidate, a thick solid line for leader; the term is written as text markers above the lane where it changes (t1, t2, …). Shaded boxes mark where a node is crashed and where it is cut off from the majority. The first leader crashes and another is elected; later the new leader is cut off, stays leader of its old term alone, and the majority elects a leader of a higher term; when the partition heals, the old leader sees the higher term and becomes a follower.",
            Timeline),
        new("ep21.message-sequence", 21, SequenceTitle,
            "Message sequence chart of the first ticks of a seeded 3-node run (Episode21Scenarios.Sequence, seed 7; heartbeat every 3 ticks, delays 1 to 3 ticks, 10 % loss). Simulated.",
            "Message sequence chart: three vertical lanes for nodes 1 to 3 (x axis) and time in ticks running down the y axis. Each message is a line with an arrowhead from its sender at the sending tick to its receiver at the delivery tick; the line style gives the kind: dashed for RequestVote, dotted for vote replies, solid for AppendEntries with entries, long-dashed for heartbeats, dash-dot for AppendEntries replies. Cross markers show messages the network dropped. A candidate's RequestVotes and the replies elect a leader; the leader's first AppendEntries carries a command and the replies let it commit.",
            MessageSequenceChart),
        new("ep21.log-matrix", 21, LogMatrixTitle,
            "Log matrix of the 5-node run of ep21.timeline just before the partition heals (tick 210): each cell is a log entry, coloured by its term with the term written in it; committed entries are framed, entries that conflict with a committed one are crossed out. Simulated.",
            "Log matrix chart: log index on the x axis, one row per node on the y axis, and a square marker per log entry with its term number written in it (the fill changes with the term). A frame around a square marks an entry committed in the cluster; a cross marks an entry that conflicts with a committed entry at the same index and will be overwritten. The four connected nodes agree; the cut-off leader holds two entries of its old term at indexes where entries of a higher term are committed.",
            LogMatrixChart),
        new("ep21.bug-caught", 21, BugCaughtTitle,
            "Per-node timeline of a failing run: the scenario raft.leader-failure (mirroring 6.5840's TestLeaderFailure3B) on 3 nodes, seed 9, with the planted bug two-votes-per-term (a voter grants a vote without checking whom it voted for in the term). The invariant checker stops the run at the first violation. Simulated.",
            "Timeline chart with one horizontal lane per node (nodes 1 to 3, y axis) over time in ticks (x axis). Line style gives the role: thin dotted for follower, dashed for candidate, thick solid for leader; the term is written above a lane where it changes. A shaded box marks the leader cut off from the others. After the cut, both remaining nodes become candidates of the same term and each grants the other its vote as well as its own, so both become leaders of that term: a dashed vertical rule at the violating tick and cross markers on the two nodes mark where Election Safety breaks.",
            BugCaughtChart),
        new("ep21.figure-8", 21, Figure8Title,
            "The extended Raft paper's Figure 8 (Ongaro and Ousterhout 2014) replayed step by step with five real Raft nodes (S1 to S5 are nodes 1 to 5; no no-op entries, so the logs are the paper's), once with Raft's commit rule and once with the planted bug commit-earlier-terms-by-counting. Step e is the paper's alternative to d, replayed from c. Every step is checked against the Figure 3 invariants. The slider (exports: --at step=a … e) picks the step.",
            "Two log matrix charts side by side for one step of the paper's Figure 8: log index on the x axis (1 to 3, once per panel), servers S1 to S5 on the y axis, a square marker per log entry with its term number written in, a frame around committed entries and a small cross at the corner of an entry that conflicts with a committed one; each server's role and term (or crashed) is written left of its row. The left panel runs Raft's rule (a leader counts replicas only for entries of its own term), the right panel the planted bug that counts any term. At step c entry 2 of term 2 is on three of five servers: the right panel frames it as committed, the left does not. At step d server S5 overwrites it: allowed on the left, where it was never committed; on the right a committed entry is replaced and State Machine Safety breaks. At step e S1 first copies an entry of its own term to a majority, which commits entry 2 under both rules.",
            Figure8Chart),
        new("ep21.messages-per-command", 21, MessagesPerCommandTitle,
            "Messages between replicas per committed command against cluster size n. Raft: measured in the simulator (stable leader, 20 commands 5 ticks apart, every delay 1 tick), heartbeats excluded by subtracting a run of the same seed without commands. Multi-Paxos steady state: Accept and Accepted, 2(n − 1). PBFT normal case (Castro and Liskov 1999, section 4.2): pre-prepare n − 1, prepare (n − 1)², commit n(n − 1), together 2n(n − 1). Client requests and replies are not counted.",
            "Line and marker chart of messages per committed command (count, 0 to about 150) against cluster size n (nodes: 3, 5, 7, 9). Circle markers are Raft measured in the simulator: 4, 8, 12 and 16, exactly on the dashed line of Multi-Paxos, 2(n − 1). The dotted line of PBFT, 2n(n − 1), grows with the square of n: 12, 40, 84 and 144.",
            MessagesPerCommand),
        new("ep21.failover", 21, FailoverTitle,
            "Leader failover, from killing the leader to the first acknowledged write. etcd: measured, 50 SIGKILLs of the leader of a 3-member etcd 3.4.23 cluster on loopback (--heartbeat-interval 100 --election-timeout 1000, etcd's defaults), 2026-11-29, on a shared 2-vCPU virtual machine (data/consensus/etcd-failover.csv, written by ./workbook.sh etcd-failover; data/consensus/README.md). Simulator: FailoverExperiment, 500 kills of a 3-node cluster with etcd's timing at 1 tick = 10 ms (heartbeat 10 ticks, election timeout drawn from 100 to 199 ticks, every message 1 tick), seed 2026. Medians are the middle value (the mean of the two middle values for an even count).",
            "Empirical cumulative distribution chart of leader failover time (x axis, milliseconds, about 900 to 2,900) against the fraction of kills that failed over within that time (y axis, 0 to 1). Two step lines: etcd measured (solid, 50 kills) and the simulator with etcd's timing (dashed, 500 kills); a diamond and a circle marker mark each median at fraction 0.5. The two curves rise together between about 900 and 1,900 ms, the span of one randomised election timeout; each has a thin tail of failovers that needed a second election.",
            FailoverChart),
    ];

    private static GenericChart Timeline()
    {
        var run = Episode21Scenarios.Rejoin();
        var cluster = run.Cluster;
        var timeline = TimelineData(cluster);
        var leaders = timeline.Segments.Where(s => s.Role == RaftRole.Leader).ToList();
        var replaced = ReplacementTicks(timeline, run);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"5 nodes, seed {Episode21Scenarios.RejoinSeed}: new leader {replaced.AfterCrash} ticks after the crash at {run.CrashTick}, {replaced.AfterIsolate} ticks after the cut at {run.IsolateTick}; {leaders.Select(s => s.Term).Distinct().Count()} terms had a leader");
        return DrawTimeline(timeline, null, TimelineTitle, subtitle);
    }

    /// <summary>
    /// The per-node timeline of any cluster run (finished or stopped by a violation): role and term per node over
    /// time, crashes and cut-off nodes shaded, and a broken invariant (<see cref="RaftCluster.Violation"/>) marked at its tick.
    /// </summary>
    /// <param name="cluster">The cluster after its run, e.g. <c>ScenarioOutcome.Cluster</c>.</param>
    /// <param name="title">The headline; by default the broken invariant and its tick, or the number of terms that had a leader.</param>
    /// <param name="subtitle">The second line; by default the cluster size, seed, rules and the violation in words.</param>
    /// <returns>The chart.</returns>
    public static GenericChart TimelineOf(RaftCluster cluster, string? title = null, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var timeline = TimelineData(cluster);
        var violation = cluster.Violation;
        var leaderTerms = timeline.Segments.Where(s => s.Role == RaftRole.Leader).Select(s => s.Term).Distinct().Count();
        title ??= violation is null
            ? string.Create(CultureInfo.InvariantCulture, $"No invariant broke in {cluster.Now} ticks; {leaderTerms} terms had a leader")
            : string.Create(CultureInfo.InvariantCulture, $"{InvariantName(violation.Invariant)} breaks at tick {violation.Tick} under {cluster.Options.Rules.Name}");
        subtitle ??= RunConditions(cluster) + ": " + (violation is null ? "every invariant held" : violation.Description);
        return DrawTimeline(timeline, violation, title, subtitle);
    }

    /// <summary>The invariant's name in words, as the paper's Figure 3 writes it.</summary>
    /// <param name="invariant">The invariant.</param>
    /// <returns>For example "Election Safety".</returns>
    public static string InvariantName(RaftInvariant invariant) => invariant switch
    {
        RaftInvariant.ElectionSafety => "Election Safety",
        RaftInvariant.LeaderAppendOnly => "Leader Append-Only",
        RaftInvariant.LogMatching => "Log Matching",
        RaftInvariant.LeaderCompleteness => "Leader Completeness",
        RaftInvariant.StateMachineSafety => "State Machine Safety",
        _ => invariant.ToString(),
    };

    private static string RunConditions(RaftCluster cluster) => string.Create(CultureInfo.InvariantCulture,
        $"{cluster.Options.NodeIds.Count} nodes, seed {cluster.Seed}, rules {cluster.Options.Rules.Name}");

    /// <summary>The timeline of a run up to its last event (a run stopped by a violation ends at the violating tick).</summary>
    private static ClusterTimeline TimelineData(RaftCluster cluster)
    {
        var lastEvent = cluster.Trace.Count == 0 ? -1 : cluster.Trace[^1].Tick;
        return ClusterTimeline.FromTrace(cluster.Trace, cluster.Options.NodeIds.Count, Math.Max(cluster.Now, lastEvent + 1));
    }

    private static GenericChart DrawTimeline(ClusterTimeline timeline, InvariantViolation? violation, string title, string subtitle)
    {
        var traces = new List<GenericChart>();
        foreach (var (role, name, colour, width, dash) in RoleStyles)
        {
            var segments = timeline.Segments.Where(s => s.Role == role).ToList();
            var x = segments.SelectMany(s => new[] { s.FromTick, s.ToTick, double.NaN }).ToArray();
            var y = segments.SelectMany(s => new[] { s.NodeId, s.NodeId, double.NaN }).ToArray();
            traces.Add(RawLine(x, y, name, colour, width, dash));
        }

        // The term, written above a lane wherever it changes.
        var labels = timeline.Segments
            .Where((s, i) => i == 0 || timeline.Segments[i - 1].NodeId != s.NodeId || timeline.Segments[i - 1].Term != s.Term)
            .Where(s => s.Term > 0)
            .ToList();
        traces.Add(Text(labels.Select(s => (double)s.FromTick), labels.Select(s => s.NodeId - 0.3), labels.Select(s => "t" + s.Term.ToString(CultureInfo.InvariantCulture)), "term (written where it changes)", "top right"));

        var shapes = new List<object>();
        var notes = new List<object>();
        foreach (var down in timeline.Crashes)
        {
            shapes.Add(Box(down.FromTick, down.ToTick, down.NodeId - 0.42, down.NodeId + 0.42, "rgba(127,127,127,0.35)"));
            notes.Add(Note((down.FromTick + down.ToTick) / 2.0, down.NodeId + 0.25, "crashed"));
        }

        foreach (var split in timeline.Partitions)
        {
            foreach (var id in split.CutOff(timeline.NodeCount))
            {
                shapes.Add(Box(split.FromTick, split.ToTick, id - 0.42, id + 0.42, "rgba(240,228,66,0.45)"));
                notes.Add(Note((split.FromTick + split.ToTick) / 2.0, id + 0.25, "cut off from the majority"));
            }
        }

        var xMax = (double)timeline.EndTick;
        if (violation is not null)
        {
            // The violating tick: a dashed rule across every lane, a cross on each node involved, and its name on top.
            xMax = Math.Max(xMax, violation.Tick + Math.Max(3, 0.08 * timeline.EndTick));
            shapes.Add(new { type = "line", x0 = violation.Tick, x1 = violation.Tick, y0 = 0.45, y1 = timeline.NodeCount + 0.55, line = new { color = Palette.Black, width = 2, dash = "dash" } });
            traces.Add(Marks(violation.NodeIds.Select(_ => (double)violation.Tick), violation.NodeIds.Select(id => (double)id),
                InvariantName(violation.Invariant) + " broken (nodes involved)", Palette.Vermillion, "x-thin-open", 22));
            notes.Add(new { x = violation.Tick, y = 0.45, text = InvariantName(violation.Invariant) + " broken, tick " + violation.Tick.ToString(CultureInfo.InvariantCulture), showarrow = false, xanchor = "right", yanchor = "bottom", font = new { size = 15, color = "#222222" } });
        }

        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(title, subtitle), "time (ticks)", "node (id)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object>
        {
            ["shapes"] = shapes.ToArray(),
            ["annotations"] = notes.ToArray(),
        }, yaxis: NodeAxis(timeline.NodeCount), xaxis: new { range = new[] { 0, xMax } });
    }

    /// <summary>Ticks from the crash (and from the cut) to the next leader elected by a node other than the one removed.</summary>
    internal static (long AfterCrash, long AfterIsolate) ReplacementTicks(ClusterTimeline timeline, RejoinRun run)
    {
        long After(long tick, int removed) => timeline.Segments
            .Where(s => s.Role == RaftRole.Leader && s.NodeId != removed && s.FromTick >= tick)
            .Min(s => s.FromTick) - tick;
        return (After(run.CrashTick, run.CrashedLeader), After(run.IsolateTick, run.IsolatedLeader));
    }

    private static GenericChart MessageSequenceChart()
    {
        var cluster = Episode21Scenarios.Sequence();
        var firstVote = cluster.Trace.OfType<MessageSent>().First(m => m.Message is RequestVote).Tick;
        var (from, to) = (firstVote, firstVote + Episode21Scenarios.SequenceWindowTicks);
        var dropped = MessageSequence.Arrows(cluster.Trace, from, to).Count(a => a.IsDropped);
        var leaderAt = cluster.Trace.OfType<RoleChanged>().First(r => r.Change.To == RaftRole.Leader);
        var commit = cluster.Trace.OfType<EntryCommitted>().First(c => c.NodeId == leaderAt.NodeId && !c.Entry.IsNoOp);
        var proposed = cluster.Trace.OfType<CommandProposed>().First(p => p.Result.IsAccepted);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"3 nodes, seed {Episode21Scenarios.SequenceSeed}: RequestVote at tick {from}, node {leaderAt.NodeId} leads at {leaderAt.Tick}; \"{commit.Entry.Command}\" proposed at {proposed.Tick}, committed at {commit.Tick}; {dropped} dropped");
        return MessageSequenceOf(cluster, from, to, SequenceTitle, subtitle);
    }

    /// <summary>
    /// The message sequence chart of any cluster run for the messages sent in ticks [<paramref name="fromTick"/>,
    /// <paramref name="toTick"/>): one lane per node, time running down, an arrow per message, styled by kind; drops crossed.
    /// </summary>
    /// <param name="cluster">The cluster after its run.</param>
    /// <param name="fromTick">The first sending tick shown; &gt;= 0.</param>
    /// <param name="toTick">The tick after the last sending tick shown; &gt;= <paramref name="fromTick"/>. About 15 ticks read well on a slide.</param>
    /// <param name="title">The headline; by default the number of messages and drops in the window.</param>
    /// <param name="subtitle">The second line; by default the cluster size, seed and rules.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A tick is outside its range.</exception>
    public static GenericChart MessageSequenceOf(RaftCluster cluster, long fromTick, long toTick, string? title = null, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var arrows = MessageSequence.Arrows(cluster.Trace, fromTick, toTick);
        var traces = new List<GenericChart>();
        foreach (var (kind, name, colour, dash) in KindStyles)
        {
            var ofKind = arrows.Where(a => a.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            // Each arrow is three points: the send, the end and a gap; the arrowhead sits on the end of a delivered message.
            var x = new List<double>();
            var y = new List<double>();
            var sizes = new List<double>();
            foreach (var a in ofKind)
            {
                var (endX, endY) = End(a);
                x.AddRange([a.From, endX, double.NaN]);
                y.AddRange([a.SentTick, endY, double.NaN]);
                sizes.AddRange([0, a.IsDropped ? 0 : 17, 0]);
            }

            traces.Add(Arrows(x, y, sizes, name, colour, dash));
        }

        var dropped = arrows.Where(a => a.IsDropped).ToList();
        if (dropped.Count > 0)
        {
            var ends = dropped.Select(End).ToList();
            traces.Add(Marks(ends.Select(e => e.X), ends.Select(e => e.Y), "dropped by the network", Palette.Black, "x-thin-open", 16));
        }

        var nodeCount = cluster.Options.NodeIds.Count;
        title ??= string.Create(CultureInfo.InvariantCulture, $"{arrows.Count} messages in ticks {fromTick} to {toTick - 1}, {dropped.Count} of them dropped");
        subtitle ??= RunConditions(cluster);
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(title, subtitle), "node (id)", "time (ticks, running down)");
        var lastEnd = arrows.Select(a => (double)a.EndTick).DefaultIfEmpty(toTick).Max();
        var lanes = Enumerable.Range(1, nodeCount)
            .Select(id => (object)new { type = "line", x0 = id, x1 = id, y0 = fromTick - 0.5, y1 = lastEnd + 0.5, layer = "below", line = new { color = "#444444", width = 1.5 } })
            .ToArray();
        return ChartParts.WithLayout(styled, new Dictionary<string, object> { ["shapes"] = lanes },
            xaxis: new
            {
                tickmode = "array",
                tickvals = Enumerable.Range(1, nodeCount).ToArray(),
                ticktext = Enumerable.Range(1, nodeCount).Select(i => "node " + i.ToString(CultureInfo.InvariantCulture)).ToArray(),
                range = new[] { 0.6, nodeCount + 0.4 },
                showgrid = false,
            },
            yaxis: new { autorange = "reversed" });
    }

    /// <summary>Where an arrow ends: the receiver's lane at the end tick, or, for a message dropped as it was sent, a short stub towards the receiver.</summary>
    private static (double X, double Y) End(MessageArrow a) =>
        a.IsDroppedAtSend ? (a.From + (0.3 * (a.To - a.From)), a.SentTick + 0.5) : (a.To, a.EndTick);

    private static GenericChart LogMatrixChart()
    {
        var run = Episode21Scenarios.Rejoin();
        var matrix = run.AtHeal;
        var committed = matrix.Cells.Where(c => c.IsCommitted).Select(c => c.Index).DefaultIfEmpty(0).Max();
        var conflicts = matrix.Cells.Count(c => c.ConflictsWithCommitted);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"5 nodes at tick {run.HealTick}, just before the heal: node {run.IsolatedLeader} (cut off at {run.IsolateTick}) holds {conflicts} conflicting entries; {committed} indexes committed");
        return DrawLogMatrix(matrix, LogMatrixTitle, subtitle);
    }

    /// <summary>The log matrix of any cluster now: log index × node, each entry with its term written in, committed entries framed, entries conflicting with a committed one flagged.</summary>
    /// <param name="cluster">The cluster (running, finished or stopped by a violation).</param>
    /// <param name="title">The headline; by default how many indexes are committed and how many entries conflict.</param>
    /// <param name="subtitle">The second line; by default the cluster size, seed and rules.</param>
    /// <returns>The chart.</returns>
    public static GenericChart LogMatrixOf(RaftCluster cluster, string? title = null, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var matrix = LogMatrix.Of(cluster);
        var committed = matrix.Cells.Where(c => c.IsCommitted).Select(c => c.Index).Distinct().Count();
        var conflicts = matrix.Cells.Count(c => c.ConflictsWithCommitted);
        title ??= string.Create(CultureInfo.InvariantCulture, $"{committed} of {matrix.Length} indexes committed; {conflicts} entries conflict with a committed one");
        subtitle ??= RunConditions(cluster);
        return DrawLogMatrix(matrix, title, subtitle);
    }

    private static GenericChart DrawLogMatrix(LogMatrix matrix, string title, string subtitle)
    {
        // Implementation note: marker sizes are in pixels, so a cell is sized to the plot's width per index (about 780 px
        // with the legend below the plot), leaving a gap between neighbours.
        var cellSize = Math.Min(34, Math.Floor(780.0 / (matrix.Length + 1) * 0.8));
        var terms = matrix.Terms.ToList();
        var traces = LogCells(matrix.Cells, terms, t => TermColours[terms.IndexOf(t) % TermColours.Length], c => c.Index, cellSize);
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(title, subtitle), "log index (entry number)", "node (id)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object> { ["legend"] = new { orientation = "h", x = 0, y = -0.28, yanchor = "top" } },
            xaxis: new { tickmode = "linear", dtick = 1, range = new[] { 0.4, matrix.Length + 0.6 }, showgrid = false },
            yaxis: NodeAxis(matrix.NodeIds.Count));
    }

    /// <summary>
    /// The traces of a log matrix: one square series per term (number written in), the committed frames, and a small
    /// cross in the top right corner of each entry that conflicts with a committed one (the number stays readable).
    /// </summary>
    private static List<GenericChart> LogCells(IReadOnlyList<LogMatrixCell> cells, IReadOnlyList<long> terms, Func<long, string> termColour, Func<LogMatrixCell, double> x, double cellSize)
    {
        var traces = new List<GenericChart>();
        foreach (var term in terms)
        {
            var ofTerm = cells.Where(c => c.Term == term).ToList();
            var colour = termColour(term);
            var textColour = colour is Palette.Blue or Palette.Vermillion or Palette.BluishGreen ? "white" : "black";
            traces.Add(Squares(ofTerm.Select(x), ofTerm.Select(c => (double)c.NodeId), ofTerm.Select(c => c.Term.ToString(CultureInfo.InvariantCulture)),
                "term " + term.ToString(CultureInfo.InvariantCulture), colour, textColour, cellSize));
        }

        var committed = cells.Where(c => c.IsCommitted).ToList();
        traces.Add(Marks(committed.Select(x), committed.Select(c => (double)c.NodeId), "committed (framed)", Palette.Black, "square-open", cellSize + 4));
        var conflicts = cells.Where(c => c.ConflictsWithCommitted).ToList();
        traces.Add(Marks(conflicts.Select(c => x(c) + 0.3), conflicts.Select(c => c.NodeId - 0.3), "conflicting (× at the corner)", Palette.Black, "x-thin-open", Math.Max(10, 0.45 * cellSize)));
        return traces;
    }

    /// <summary>A term's colour in a figure that shows terms 1, 2, … from the start: the term keeps its colour from step to step.</summary>
    private static string TermColour(long term) => TermColours[(int)((term - 1) % TermColours.Length)];

    private static GenericChart BugCaughtChart()
    {
        var outcome = Episode21Scenarios.BugCaught();
        var violation = outcome.Violation ?? throw new InvalidOperationException($"ep21.bug-caught: the run was expected to break an invariant; {outcome.Reason}");
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{outcome.ScenarioId}, seed {outcome.Seed}, {Episode21Scenarios.BugCaughtBugId}: {violation.Description.TrimEnd('.')}");
        return TimelineOf(outcome.Cluster, BugCaughtTitle, subtitle);
    }

    /// <summary>The two rule sets of the Figure 8 figure: Raft's, then the planted bug that commits by counting replicas of any term.</summary>
    internal static IReadOnlyList<RaftRules> Figure8Rules => [RaftRules.Standard, PlantedBugs.Get("commit-earlier-terms-by-counting").Rules];

    private static GenericChart Figure8Chart()
    {
        var runs = Figure8Rules.Select(Figure8Replay.Play).ToList();
        var labels = Figure8Replay.StageLabels;
        const int active = 3; // step d, where the two rules part
        const double panelOffset = 6;
        const double cellSize = 34;
        var perStep = new List<List<(GenericChart Trace, bool HasData)>>();
        foreach (var (label, step) in labels.Select((l, i) => (l, i)))
        {
            var traces = new List<(GenericChart, bool)>();
            var cells = runs.SelectMany((run, panel) => run[step].Logs.Cells.Select(c => (Cell: c, Panel: panel))).ToList();
            double X((LogMatrixCell Cell, int Panel) c) => c.Cell.Index + (c.Panel * panelOffset);

            // Terms 1 to 5 always, so every step has the same traces; a step hides the empty ones.
            foreach (var term in Enumerable.Range(1, 5).Select(t => (long)t))
            {
                var ofTerm = cells.Where(c => c.Cell.Term == term).ToList();
                var colour = TermColour(term);
                var textColour = colour is Palette.Blue or Palette.Vermillion or Palette.BluishGreen ? "white" : "black";
                traces.Add((Squares(ofTerm.Select(X), ofTerm.Select(c => (double)c.Cell.NodeId), ofTerm.Select(_ => term.ToString(CultureInfo.InvariantCulture)),
                    "term " + term.ToString(CultureInfo.InvariantCulture), colour, textColour, cellSize), ofTerm.Count > 0));
            }

            var committed = cells.Where(c => c.Cell.IsCommitted).ToList();
            traces.Add((Marks(committed.Select(X), committed.Select(c => (double)c.Cell.NodeId), "committed (framed)", Palette.Black, "square-open", cellSize + 5), committed.Count > 0));
            var conflicts = cells.Where(c => c.Cell.ConflictsWithCommitted).ToList();
            traces.Add((Marks(conflicts.Select(c => X(c) + 0.32), conflicts.Select(c => c.Cell.NodeId - 0.3), "conflicting (× at the corner)", Palette.Black, "x-thin-open", 14), conflicts.Count > 0));

            // Each server's role and term, left of its row; what happened, above; the outcome of each rule, below.
            var status = runs.SelectMany((run, panel) => run[step].Nodes.Select(n => (Node: n, Panel: panel))).ToList();
            traces.Add((Text(status.Select(s => -0.45 + (s.Panel * panelOffset)), status.Select(s => (double)s.Node.NodeId), status.Select(s => StatusText(s.Node)), "role and term", "middle center"), true));
            var outcomes = runs.Select((run, panel) => (X: 2.0 + (panel * panelOffset), Text: Outcome(run[step]))).ToList();
            traces.Add((Text(outcomes.Select(o => o.X).Append((panelOffset / 2) + 0.8), [6.1, 6.1, 0.25], outcomes.Select(o => o.Text).Append(Figure8Replay.Paren(label) + " " + runs[0][step].WhatHappened), "what happened", "middle center"), true));
            perStep.Add(traces);
        }

        var all = new List<GenericChart>();
        foreach (var (traces, i) in perStep.Select((t, i) => (t, i)))
        {
            all.AddRange(traces.Select(t => t.Trace.WithTraceInfo(Visible: i == active && t.HasData ? StyleParam.Visible.True : StyleParam.Visible.False)));
        }

        var dBug = runs[1][3];
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"5 servers; counting: {Broken(dBug.Safety)} at d; Raft's rule: {(runs[0].All(st => st.Safety.Holds) ? "safe throughout" : "a violation")}");
        var styled = ChartStyle.Apply(CSharpChart.Combine(all), Headline(Figure8Title, subtitle), "log index (entry number, per panel)", "server (S1 to S5)");
        var panelHeaders = new object[]
        {
            new { x = 2, y = -0.45, text = "<b>Raft's rule: own term only</b>", showarrow = false, font = new { size = 15, color = "#222222" } },
            new { x = 2 + panelOffset, y = -0.45, text = "<b>Planted bug: any term</b>", showarrow = false, font = new { size = 15, color = "#222222" } },
        };
        var steps = labels.Select((label, i) => new
        {
            method = "restyle",
            label,
            args = new object[] { new { visible = perStep.SelectMany((traces, j) => traces.Select(t => j == i && t.HasData)).ToArray() } },
        }).ToArray();
        var ticks = new[] { 1, 2, 3 }.SelectMany(i => new[] { (double)i, i + panelOffset }).Order().ToArray();
        var laidOut = ChartParts.WithLayout(styled, new Dictionary<string, object>
        {
            ["annotations"] = panelHeaders,
            ["sliders"] = new object[] { new { name = "step", active, currentvalue = new { prefix = "step: " }, pad = new { t = 60 }, steps } },
            ["legend"] = new { x = 1.02, y = 1, xanchor = "left", yanchor = "top" },
            ["margin"] = new { l = 80, r = 30, t = 110, b = 150 },
        },
            xaxis: new
            {
                tickmode = "array",
                tickvals = ticks,
                ticktext = ticks.Select(t => ((int)(t > panelOffset ? t - panelOffset : t)).ToString(CultureInfo.InvariantCulture)).ToArray(),
                range = new[] { -1.3, 4.1 + panelOffset },
                showgrid = false,
                zeroline = false,
            },
            yaxis: new
            {
                tickmode = "array",
                tickvals = new[] { 1, 2, 3, 4, 5 },
                ticktext = new[] { "S1", "S2", "S3", "S4", "S5" },
                range = new[] { 6.55, -0.8 },
                autorange = false,
                showgrid = false,
            });
        return laidOut.WithSize(ChartStyle.Width, ChartStyle.Height + 80);
    }

    private static string StatusText(Figure8NodeStatus node) =>
        !node.IsRunning ? "crashed"
        : node.Role == RaftRole.Leader ? "leader t" + node.Term.ToString(CultureInfo.InvariantCulture)
        : "t" + node.Term.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a rule set made of a stage: the highest committed index, and a violation if one happened.</summary>
    private static string Outcome(Figure8Stage stage)
    {
        var committed = stage.Logs.Cells.Where(c => c.IsCommitted).Select(c => c.Index).DefaultIfEmpty(0).Max();
        var text = string.Create(CultureInfo.InvariantCulture, $"committed up to index {committed}");
        return stage.Safety.Holds ? text : text + "<br><b>" + Broken(stage.Safety) + "</b>";
    }

    private static string Broken(InvariantCheck check) => check.Holds ? "no invariant broken" : InvariantName(check.Invariant.Value) + " broken";

    private static GenericChart FailoverChart()
    {
        var etcd = EtcdFailoverData.Measured.FailoverMilliseconds;
        var simulated = SimulatedFailover.Value.FailoverMilliseconds;
        var (etcdMedian, simMedian) = (Median(etcd), Median(simulated));
        var traces = new List<GenericChart>
        {
            Ecdf(etcd, $"etcd {EtcdFailoverData.Measured.EtcdVersion}, measured ({etcd.Count} kills)", Palette.Blue, "solid"),
            Ecdf(simulated, $"simulator, etcd's timing ({simulated.Count.ToString("#,##0", CultureInfo.InvariantCulture)} kills)", Palette.Vermillion, "dash"),
            Marks([etcdMedian], [0.5], "etcd median", Palette.Blue, "diamond-open", 16),
            Marks([simMedian], [0.5], "simulator median", Palette.Vermillion, "circle-open", 16),
        };
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"3 nodes, etcd's default timing: median {etcdMedian:#,##0} ms measured ({etcd.Count} kills), {simMedian:#,##0} ms simulated ({simulated.Count:#,##0} kills)");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(FailoverTitle, subtitle), "failover time (ms, kill to first acknowledged write)", "fraction of kills (cumulative)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object> { ["legend"] = new { x = 0.98, y = 0.04, xanchor = "right", yanchor = "bottom", bgcolor = "rgba(255,255,255,0.85)" } },
            yaxis: new { range = new[] { 0, 1.02 } });
    }

    /// <summary>The simulated failovers, run once per process (about 4 s in a Debug build): the result is a pure function of its constants.</summary>
    private static readonly Lazy<FailoverExperimentResult> SimulatedFailover = new(Episode21Scenarios.Failover);

    /// <summary>The middle value of a sample (the mean of the two middle values for an even count).</summary>
    internal static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>An empirical CDF as a step line: it rises by 1/n at each sorted value.</summary>
    private static GenericChart Ecdf(IReadOnlyList<double> values, string name, string colour, string dash)
    {
        var sorted = values.Order().ToArray();
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < sorted.Length; i++)
        {
            x.AddRange([sorted[i], sorted[i]]);
            y.AddRange([(double)i / sorted.Length, (double)(i + 1) / sorted.Length]);
        }

        return RawLine([.. x], [.. y], name, colour, 3, dash);
    }

    private static GenericChart MessagesPerCommand()
    {
        int[] sizes = [3, 5, 7, 9];
        var measured = sizes.Select(n => MessageCost.MeasureSteadyState(MeasurementOptions(n), 20, 5, seed: n)).ToList();
        var x = sizes.Select(n => (double)n).ToArray();
        var raft = measured.Select(m => m.IsMeasured ? m.MessagesPerCommand : double.NaN).ToArray();
        var traces = new[]
        {
            Line(x, sizes.Select(n => (double)MessageCost.PbftNormalCase(n)), "PBFT normal case, 2n(n − 1)", Palette.Vermillion, 3, StyleParam.DrawingStyle.Dot),
            Line(x, sizes.Select(n => (double)MessageCost.MultiPaxosSteadyState(n)), "Multi-Paxos steady state, 2(n − 1)", Palette.Grey, 3, StyleParam.DrawingStyle.Dash),
            Marks(x, raft, "Raft, measured (heartbeats excluded)", Palette.Blue, "circle-open", 16),
        };
        var heartbeat = measured[1].HeartbeatMessagesPerTick;
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"Raft measured at n = {string.Join(", ", sizes)}: {string.Join(", ", raft.Select(r => r.ToString("0.##", CultureInfo.InvariantCulture)))}; heartbeats (excluded) cost {heartbeat:0.##} per tick at n = 5");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(MessagesPerCommandTitle, subtitle), "cluster size n (nodes)", "messages per committed command (count)");
        return ChartParts.WithLayout(styled, new Dictionary<string, object> { ["legend"] = new { x = 0.02, y = 0.98, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" } },
            xaxis: new { tickmode = "array", tickvals = sizes, range = new[] { 2.5, 9.5 } }, yaxis: new { rangemode = "tozero" });
    }

    /// <summary>The measurement's cluster: default timing, every message delayed exactly 1 tick, so heartbeats cost the same in both runs.</summary>
    internal static RaftClusterOptions MeasurementOptions(int nodeCount) => new(nodeCount, new NetworkOptions(minDelayTicks: 1, maxDelayTicks: 1));

    private static object NodeAxis(int nodeCount) => new
    {
        tickmode = "array",
        tickvals = Enumerable.Range(1, nodeCount).ToArray(),
        ticktext = Enumerable.Range(1, nodeCount).Select(i => "node " + i.ToString(CultureInfo.InvariantCulture)).ToArray(),
        range = new[] { nodeCount + 0.6, 0.4 },
        autorange = false,
        showgrid = false,
    };

    private static object Box(double x0, double x1, double y0, double y1, string fill) =>
        new { type = "rect", layer = "below", x0, x1, y0, y1, fillcolor = fill, line = new { width = 0 } };

    private static object Note(double x, double y, string text) =>
        new { x, y, text, showarrow = false, font = new { size = 13, color = "#222222" } };

    private static GenericChart RawLine(double[] x, double[] y, string name, string colour, double width, string dash)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "lines");
        trace.SetProperty("line", new { color = colour, width, dash });
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart Arrows(List<double> x, List<double> y, List<double> sizes, string name, string colour, string dash)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "lines+markers");
        trace.SetProperty("line", new { color = colour, width = 2.5, dash });
        trace.SetProperty("marker", new { color = colour, size = sizes.ToArray(), symbol = "arrow", angleref = "previous" });
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart Marks(IEnumerable<double> x, IEnumerable<double> y, string name, string colour, string symbol, double size)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "markers");
        trace.SetProperty("marker", new { color = colour, size, symbol, line = new { color = colour, width = 2.5 } });
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart Text(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<string> text, string name, string position)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("text", text.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "text");
        trace.SetProperty("textposition", position);
        trace.SetProperty("cliponaxis", false);
        trace.SetProperty("textfont", new { size = 14, color = "#222222" });
        trace.SetProperty("marker", new { color = Palette.Black });
        trace.SetProperty("showlegend", false);
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart Squares(IEnumerable<double> x, IEnumerable<double> y, IEnumerable<string> text, string name, string colour, string textColour, double size)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x.ToArray());
        trace.SetProperty("y", y.ToArray());
        trace.SetProperty("text", text.ToArray());
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "markers+text");
        trace.SetProperty("textposition", "middle center");
        trace.SetProperty("textfont", new { size = 15, color = textColour });
        trace.SetProperty("marker", new { color = colour, size, symbol = "square" });
        return GenericChart.ofTraceObject(true, trace);
    }
}
