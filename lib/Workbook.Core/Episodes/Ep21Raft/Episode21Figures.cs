using System.Globalization;
using Plotly.NET;
using Workbook.Core.Charts;
using Workbook.Core.Consensus;
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
        new("ep21.messages-per-command", 21, MessagesPerCommandTitle,
            "Messages between replicas per committed command against cluster size n. Raft: measured in the simulator (stable leader, 20 commands 5 ticks apart, every delay 1 tick), heartbeats excluded by subtracting a run of the same seed without commands. Multi-Paxos steady state: Accept and Accepted, 2(n − 1). PBFT normal case (Castro and Liskov 1999, section 4.2): pre-prepare n − 1, prepare (n − 1)², commit n(n − 1), together 2n(n − 1). Client requests and replies are not counted.",
            "Line and marker chart of messages per committed command (count, 0 to about 150) against cluster size n (nodes: 3, 5, 7, 9). Circle markers are Raft measured in the simulator: 4, 8, 12 and 16, exactly on the dashed line of Multi-Paxos, 2(n − 1). The dotted line of PBFT, 2n(n − 1), grows with the square of n: 12, 40, 84 and 144.",
            MessagesPerCommand),
    ];

    private static GenericChart Timeline()
    {
        var run = Episode21Scenarios.Rejoin();
        var cluster = run.Cluster;
        var timeline = ClusterTimeline.FromTrace(cluster.Trace, cluster.Options.NodeIds.Count, cluster.Now);
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

        var leaders = timeline.Segments.Where(s => s.Role == RaftRole.Leader).ToList();
        var replaced = ReplacementTicks(timeline, run);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"5 nodes, seed {Episode21Scenarios.RejoinSeed}: new leader {replaced.AfterCrash} ticks after the crash at {run.CrashTick}, {replaced.AfterIsolate} ticks after the cut at {run.IsolateTick}; {leaders.Select(s => s.Term).Distinct().Count()} terms had a leader");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(TimelineTitle, subtitle), "time (ticks)", "node (id)");
        return WithLayout(styled, new Dictionary<string, object>
        {
            ["shapes"] = shapes.ToArray(),
            ["annotations"] = notes.ToArray(),
        }, yaxis: NodeAxis(timeline.NodeCount), xaxis: new { range = new[] { 0, timeline.EndTick } });
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
        var (from, to) = (firstVote, firstVote + 24);
        var arrows = MessageSequence.Arrows(cluster.Trace, from, to);
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
                sizes.AddRange([0, a.IsDropped ? 0 : 13, 0]);
            }

            traces.Add(Arrows(x, y, sizes, name, colour, dash));
        }

        var dropped = arrows.Where(a => a.IsDropped).ToList();
        if (dropped.Count > 0)
        {
            var ends = dropped.Select(End).ToList();
            traces.Add(Marks(ends.Select(e => e.X), ends.Select(e => e.Y), "dropped by the network", Palette.Black, "x-thin-open", 14));
        }

        var leaderAt = cluster.Trace.OfType<RoleChanged>().First(r => r.Change.To == RaftRole.Leader);
        var commit = cluster.Trace.OfType<EntryCommitted>().First(c => c.NodeId == leaderAt.NodeId && !c.Entry.IsNoOp);
        var proposed = cluster.Trace.OfType<CommandProposed>().First(p => p.Result.IsAccepted);
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"3 nodes, seed {Episode21Scenarios.SequenceSeed}: RequestVote at tick {from}, node {leaderAt.NodeId} leads at {leaderAt.Tick}; \"{commit.Entry.Command}\" proposed at {proposed.Tick}, committed at {commit.Tick}; {dropped.Count} dropped");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(SequenceTitle, subtitle), "node (id)", "time (ticks, running down)");
        var lanes = Enumerable.Range(1, cluster.Options.NodeIds.Count)
            .Select(id => (object)new { type = "line", x0 = id, x1 = id, y0 = from - 0.5, y1 = to + 2, layer = "below", line = new { color = "#444444", width = 1.5 } })
            .ToArray();
        return WithLayout(styled, new Dictionary<string, object> { ["shapes"] = lanes },
            xaxis: new { tickmode = "array", tickvals = new[] { 1, 2, 3 }, ticktext = new[] { "node 1", "node 2", "node 3" }, range = new[] { 0.6, 3.4 }, showgrid = false },
            yaxis: new { autorange = "reversed" });
    }

    /// <summary>Where an arrow ends: the receiver's lane at the end tick, or, for a message dropped as it was sent, a short stub towards the receiver.</summary>
    private static (double X, double Y) End(MessageArrow a) =>
        a.IsDroppedAtSend ? (a.From + (0.3 * (a.To - a.From)), a.SentTick + 0.5) : (a.To, a.EndTick);

    private static GenericChart LogMatrixChart()
    {
        var run = Episode21Scenarios.Rejoin();
        var matrix = run.AtHeal;

        // Implementation note: marker sizes are in pixels, so a cell is sized to the plot's width per index (about 780 px
        // with the legend below the plot), leaving a gap between neighbours.
        var cellSize = Math.Min(34, Math.Floor(780.0 / (matrix.Length + 1) * 0.8));
        var traces = new List<GenericChart>();
        foreach (var (term, i) in matrix.Terms.Select((t, i) => (t, i)))
        {
            var cells = matrix.Cells.Where(c => c.Term == term).ToList();
            var colour = TermColours[i % TermColours.Length];
            var textColour = colour is Palette.Blue or Palette.Vermillion or Palette.BluishGreen ? "white" : "black";
            traces.Add(Squares(cells.Select(c => (double)c.Index), cells.Select(c => (double)c.NodeId), cells.Select(c => c.Term.ToString(CultureInfo.InvariantCulture)),
                "term " + term.ToString(CultureInfo.InvariantCulture), colour, textColour, cellSize));
        }

        var committed = matrix.Cells.Where(c => c.IsCommitted).ToList();
        traces.Add(Marks(committed.Select(c => (double)c.Index), committed.Select(c => (double)c.NodeId), "committed (framed)", Palette.Black, "square-open", cellSize + 4));
        var conflicts = matrix.Cells.Where(c => c.ConflictsWithCommitted).ToList();
        traces.Add(Marks(conflicts.Select(c => (double)c.Index), conflicts.Select(c => (double)c.NodeId), "conflicts with a committed entry (crossed)", Palette.Black, "x-thin-open", cellSize));

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"5 nodes at tick {run.HealTick}, just before the heal: node {run.IsolatedLeader} (cut off at {run.IsolateTick}) holds {conflicts.Count} conflicting entries; {committed.Select(c => c.Index).DefaultIfEmpty(0).Max()} indexes committed");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(LogMatrixTitle, subtitle), "log index (entry number)", "node (id)");
        return WithLayout(styled, new Dictionary<string, object> { ["legend"] = new { orientation = "h", x = 0, y = -0.28, yanchor = "top" } },
            xaxis: new { tickmode = "linear", dtick = 1, range = new[] { 0.4, matrix.Length + 0.6 }, showgrid = false },
            yaxis: NodeAxis(matrix.NodeIds.Count));
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
        return WithLayout(styled, new Dictionary<string, object> { ["legend"] = new { x = 0.02, y = 0.98, xanchor = "left", yanchor = "top", bgcolor = "rgba(255,255,255,0.85)" } },
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

    private static GenericChart WithLayout(GenericChart styled, Dictionary<string, object> extra, object? xaxis = null, object? yaxis = null)
    {
        var layout = GenericChart.getLayout(styled);
        foreach (var (axis, settings) in new[] { ("xaxis", xaxis), ("yaxis", yaxis) })
        {
            if (settings is null || layout.TryGetPropertyValue(axis) is not { } value || value.Value is not DynamicObj.DynamicObj axisObject)
            {
                continue;
            }

            foreach (var property in settings.GetType().GetProperties())
            {
                axisObject.SetProperty(property.Name, property.GetValue(settings)!);
            }
        }

        foreach (var (key, value) in extra)
        {
            layout.SetProperty(key, value);
        }

        return styled;
    }
}
