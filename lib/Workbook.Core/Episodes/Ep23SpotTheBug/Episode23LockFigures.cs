using System.Globalization;
using Plotly.NET;
using Plotly.NET.CSharp;
using Workbook.Core.Charts;
using Workbook.Core.Reliability.Locks;
using static Workbook.Core.Charts.ChartParts;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbook.Core.Episodes.Ep23SpotTheBug;

/// <summary>
/// Episode 23's figures for the lock: one timeline per hand-timed scenario (<see cref="LockScenarios"/>) and the outcome
/// of 10,000 seeded runs per strategy (<see cref="LockOutcomes.FaultySetting"/>). Simulated, deterministic.
/// </summary>
public static class Episode23LockFigures
{
    /// <summary>Seeds per strategy in the outcome figure.</summary>
    public const int OutcomeSeeds = 10_000;

    private const string NaiveTitle = "GET then SET lets both clients in: they hold the lock together for 12 ms";
    private const string UncheckedTitle = "A plain DEL frees the next owner's lock 3 times: 13 ms with two holders";
    private const string OwnerTitle = "Owner-checked release: the paused client's token-1 write lands at 113.5 ms, accepted";
    private const string FencingTitle = "Fencing: the storage rejects token 1 at 113.5 ms, after token 2 at 75 ms";
    private const string OutcomeTitle = "Only fencing stops stale writes: 0 of 10,000 runs, against 133 with owner checks";

    private static readonly Lazy<IReadOnlyList<StrategyOutcome>> Outcomes = new(() => [.. Enum.GetValues<LockStrategy>().Select(s => LockOutcomes.Count(LockOutcomes.FaultySetting(s), OutcomeSeeds))]);

    /// <summary>The figures, in notebook order.</summary>
    public static IReadOnlyList<WorkbookFigure> All { get; } =
    [
        Timeline("ep23.lock-naive", "naive-get-then-set", NaiveTitle,
            "Both clients GET the key within 1 ms of each other, both see it absent, both SET it: c0 holds token 1 from 4 to 17 ms, c1 token 2 from 5 to 18 ms. c0's DEL then removes c1's lock."),
        Timeline("ep23.lock-unchecked-delete", "unchecked-delete", UncheckedTitle,
            "c0 is paused from 5 to 65 ms; its lease lapses at 51, c1 takes the lock at 62. c0's plain DEL at 66 removes c1's lock, c0 takes it again, and each later DEL removes the other's."),
        Timeline("ep23.lock-owner-checked", "owner-checked-stale-write", OwnerTitle,
            "c0 passes its lease check at 12 ms and is paused from 12.5 to 112.5 ms before its write goes out. Its lease lapses at 51; c1 takes the lock at 62 and writes token 2 at 75. c0's late write (token 1) reaches the storage at 113.5 ms and is accepted."),
        Timeline("ep23.lock-fencing", "fencing-rejects-stale-write", FencingTitle,
            "The same schedule with fencing tokens: the storage has seen token 2 at 75 ms, so c0's late write with token 1 at 113.5 ms is rejected. The sections still overlap: fencing stops the damage, not the overlap."),
        new("ep23.lock-outcomes", 23, OutcomeTitle,
            $"Share of {OutcomeSeeds:N0} seeded runs per strategy (3 clients × 5 rounds, lease 50 ms, work 10 ms, message delays uniform 0.5–5 ms, 5 pauses per client per second of mean 40 ms, client clocks within ±1 %) in which two clients' critical sections overlapped, and in which the storage accepted a write with a token lower than one it had accepted. Seeds 1 to {OutcomeSeeds:N0}; simulated.",
            "Grouped bar chart: four lock strategies on the x axis (GET then SET, SET NX with plain DEL, owner-checked release, fencing tokens); the y axis is the percentage of 10,000 seeded runs. Solid bars: runs in which two critical sections overlapped; hatched bars: runs in which a stale write was accepted. Each bar is labelled with its count. Overlaps fall from nearly every run with GET then SET to about a third with the owner-checked release, and fencing leaves them as they are; stale writes accepted fall to 133 runs with the owner check and to 0 with fencing.",
            OutcomeChart),
    ];

    /// <summary>The outcome table of the figure <c>ep23.lock-outcomes</c>, one row per strategy.</summary>
    public static IReadOnlyList<StrategyOutcome> OutcomeTable => Outcomes.Value;

    /// <summary>Milliseconds during which at least two clients were in their critical sections.</summary>
    /// <param name="run">A run.</param>
    /// <returns>The total length of the time with two or more holders.</returns>
    public static double SharedMs(LockRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var edges = run.Sections.SelectMany(s => new[] { (T: s.AcquiredAtMs, D: 1), (T: s.ReleasedAtMs, D: -1) }).OrderBy(e => e.T).ThenBy(e => e.D).ToList();
        double shared = 0, last = 0;
        int holders = 0;
        foreach (var (t, d) in edges)
        {
            if (holders >= 2)
            {
                shared += t - last;
            }

            holders += d;
            last = t;
        }

        return shared;
    }

    private static WorkbookFigure Timeline(string id, string scenario, string title, string caption)
    {
        var run = LockScenarios.Get(scenario).Run();
        var leases = "Leases on the lock service: " + string.Join("; ", run.Sections.OrderBy(s => s.Token).Select(s => $"token {s.Token}'s {LeaseEndOf(run, s).How}")) + ".";
        return new(id, 23, title, caption + " " + leases + " Hand-timed: 1 ms messages, lease 50 ms, work 10 ms, retry 12 ms; simulated.",
            "Timeline chart of lines and scatter markers: true time in milliseconds on the x axis; three lanes on the y axis, client c0 at the top, client c1 below it, the storage at the bottom. " +
            "Each critical section is a thick bar in its client's lane, labelled with its token; a thin dotted line just above it runs from the grant on the lock service while the key holds that client's lease and ends at the first of " +
            "lapse, overwrite by another client's SET, delete by another client's DEL, or the client's own release, labelled with how it ended; " +
            "a dashed line just below marks a pause. Writes are marked in the storage lane, a filled circle when accepted and a cross when rejected. " + caption + " " + leases,
            () => TimelineChart(LockScenarios.Get(scenario), title));
    }

    /// <summary>When and how a section's lease stopped holding the key.</summary>
    private sealed record LeaseEnd(double GrantedAtMs, double AtMs, string How, string Short);

    // The first, in the event log after the grant, of: a DEL by another client, the owner's own release, another client's
    // SET (the naive strategy overwrites), or the lapse at the lease's expiry.
    private static LeaseEnd LeaseEndOf(LockRun run, CriticalSection s)
    {
        var owner = string.Create(CultureInfo.InvariantCulture, $"c{s.ClientIndex}-r{s.Round}");
        var events = run.Events;
        var granted = events.ToList().FindIndex(e => e.Kind == LockEventKind.Granted && e.Detail.StartsWith($"{owner}, token {s.Token},", StringComparison.Ordinal));
        string Client(string ownerValue) => ownerValue.Split('-')[0];
        string Ms(double t) => string.Create(CultureInfo.InvariantCulture, $"{t:0.#} ms");
        for (var i = granted + 1; i < events.Count && events[i].TimeMs < s.LeaseExpiresAtMs; i++)
        {
            var e = events[i];
            if (e.Kind == LockEventKind.ForeignDelete && e.Detail.EndsWith($" deleted {owner}'s lock", StringComparison.Ordinal))
            {
                var by = Client(e.Detail.Split(' ')[0]);
                return new(events[granted].TimeMs, e.TimeMs, $"lease deleted by {by}'s DEL at {Ms(e.TimeMs)}", $"deleted by {by}");
            }

            if (e.Kind == LockEventKind.Released && e.Detail == owner)
            {
                return new(events[granted].TimeMs, e.TimeMs, $"lease released at {Ms(e.TimeMs)}", "released");
            }

            if (e.Kind == LockEventKind.Granted)
            {
                var by = Client(e.Detail.Split(',')[0]);
                return new(events[granted].TimeMs, e.TimeMs, $"lease overwritten by {by}'s SET at {Ms(e.TimeMs)}", $"overwritten by {by}");
            }
        }

        return new(events[granted].TimeMs, s.LeaseExpiresAtMs, $"lease lapsed at {Ms(s.LeaseExpiresAtMs)}", "lapsed");
    }

    private static GenericChart TimelineChart(LockScenario scenario, string title)
    {
        var run = scenario.Run();
        var clients = run.Options.ClientCount;
        double Lane(int client) => clients - client;
        string[] colours = [Palette.Blue, Palette.Orange, Palette.BluishGreen];
        var traces = new List<GenericChart>();
        foreach (var s in run.Sections)
        {
            var y = Lane(s.ClientIndex);
            traces.Add(LabelledLine([s.AcquiredAtMs, s.ReleasedAtMs], [y, y], [$"token {s.Token}", ""], "bottom right", string.Create(CultureInfo.InvariantCulture,
                $"c{s.ClientIndex} holds token {s.Token}: {s.AcquiredAtMs:0.#}–{s.ReleasedAtMs:0.#} ms"), colours[s.ClientIndex % colours.Length], 14, null));
            var leaseY = y + 0.2 + (0.15 * (s.Round % 2)); // alternate rounds a label height apart, so neighbouring labels do not overlap
            var leaseEnd = LeaseEndOf(run, s);
            traces.Add(LabelledLine([leaseEnd.GrantedAtMs, leaseEnd.AtMs], [leaseY, leaseY], ["", $"lease {s.Token} {leaseEnd.Short}"],
                leaseEnd.AtMs < 15 ? "top right" : "top left", // a label ending this early would run off the left edge
                $"token {s.Token}'s {leaseEnd.How}", colours[s.ClientIndex % colours.Length], 2, "dot"));
        }

        foreach (var p in run.Options.Pauses)
        {
            traces.Add(Line([p.StartMs, p.EndMs], [Lane(p.ClientIndex) - 0.22, Lane(p.ClientIndex) - 0.22], string.Create(CultureInfo.InvariantCulture,
                $"c{p.ClientIndex} paused {p.StartMs:0.#}–{p.EndMs:0.#} ms"), Palette.Black, 2.5, StyleParam.DrawingStyle.Dash));
        }

        foreach (var (accepted, name, symbol, colour) in new[] { (true, "write accepted", "circle", Palette.BluishGreen), (false, "write rejected", "x", Palette.Vermillion) })
        {
            var writes = run.Writes.Where(w => w.Accepted == accepted).ToList();
            if (writes.Count > 0)
            {
                traces.Add(Points(writes.Select(w => w.AppliedAtMs), writes.Select(_ => 0.0),
                    $"{name} (token{(writes.Count == 1 ? "" : "s")} {string.Join(", ", writes.Select(w => w.Token))})", colour, symbol));
            }
        }

        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"foreign deletes: {run.ForeignDeletes} · time with two holders: {SharedMs(run):0.#} ms · writes without a lease: {run.AcceptedWritesWithoutLease} · stale write accepted: {(run.StaleWriteAccepted ? "yes" : "no")}");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(title, subtitle), "true time (ms)", "lane (who)");
        // The axis runs past the last event and the last lease end, so every lease line ends in view.
        var end = Math.Ceiling((Math.Max(run.Events.Max(e => e.TimeMs), run.Sections.Max(s => LeaseEndOf(run, s).AtMs)) + 5) / 10) * 10;
        var lanes = Enumerable.Range(0, clients).Select(c => (double)Lane(c)).Append(0).ToArray();
        var names = Enumerable.Range(0, clients).Select(c => $"c{c}").Append("storage").ToArray();
        WithLayout(styled, new Dictionary<string, object>
            {
                ["legend"] = new { orientation = "h", x = 0, y = -0.2, yanchor = "top" },
                ["margin"] = new { l = 110, r = 30, t = 90, b = 230 },
            },
            xaxis: new { range = new[] { 0.0, end } },
            yaxis: new { tickmode = "array", tickvals = lanes, ticktext = names, range = new[] { -0.6, clients + 0.6 }, zeroline = false });
        return styled.WithSize(ChartStyle.Width, ChartStyle.Height + 160);
    }

    private static GenericChart LabelledLine(double[] x, double[] y, string[] text, string position, string name, string colour, double width, string? dash)
    {
        var trace = new Trace("scatter");
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        trace.SetProperty("name", name);
        trace.SetProperty("mode", "lines+text");
        trace.SetProperty("text", text);
        trace.SetProperty("textposition", position);
        trace.SetProperty("line", dash is null ? new { color = colour, width, dash = "solid" } : new { color = colour, width, dash });
        return GenericChart.ofTraceObject(true, trace);
    }

    private static GenericChart OutcomeChart()
    {
        var rows = OutcomeTable;
        var labels = rows.Select(r => LockOutcomes.Label(r.Strategy)).ToArray();
        GenericChart Bars(string name, IEnumerable<int> counts, string colour, string pattern)
        {
            var values = counts.ToArray();
            var trace = new Trace("bar");
            trace.SetProperty("x", labels);
            trace.SetProperty("y", values.Select(v => 100.0 * v / OutcomeSeeds).ToArray());
            trace.SetProperty("name", name);
            trace.SetProperty("text", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)).ToArray());
            trace.SetProperty("textposition", "outside");
            trace.SetProperty("marker", new { color = colour, pattern = new { shape = pattern, fgcolor = Palette.Black } });
            return GenericChart.ofTraceObject(true, trace);
        }

        var traces = new List<GenericChart>
        {
            Bars("runs with overlapping critical sections", rows.Select(r => r.OverlapRuns), Palette.SkyBlue, ""),
            Bars("runs with a stale write accepted (hatched)", rows.Select(r => r.StaleWriteRuns), Palette.Vermillion, "/"),
        };
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{OutcomeSeeds:N0} seeded runs each: 3 clients × 5 rounds, delays 0.5–5 ms, 5 pauses/s of mean 40 ms, ±1 % clock drift");
        var styled = ChartStyle.Apply(CSharpChart.Combine(traces), Headline(OutcomeTitle, subtitle), "lock strategy (release and storage rule)", "runs (% of 10,000 seeds)");
        return WithLayout(styled, new Dictionary<string, object> { ["barmode"] = "group", ["legend"] = new { orientation = "h", x = 0, y = -0.2, yanchor = "top" } },
            yaxis: new { range = new[] { 0.0, 110.0 } });
    }
}
