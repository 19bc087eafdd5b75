using System.Globalization;
using Workbook.Core.Consensus;

namespace Workbook.Core.Episodes.Ep21Raft;

/// <summary>
/// The extended Raft paper's Figure 8 replayed with five real <see cref="RaftNode"/>s (S1..S5 are nodes 1..5),
/// messages delivered, dropped and nodes crashed by hand, under a given <see cref="RaftRules"/>.
/// </summary>
/// <remarks>
/// No no-op entries (so the logs are the paper's) and a fixed 50-tick election timeout: a node campaigns only
/// when the replay ticks it. Before (a), S2 leads term 1 and commits entry 1 on every node, then S1 wins term 2.
/// Stages (a)–(d) follow the paper; (e) is the paper's alternative to (d), replayed from (c). Every step is
/// checked by <see cref="RaftInvariants"/>; a node that refuses to overwrite a committed entry is reported as
/// State Machine Safety.
/// </remarks>
public static class Figure8Replay
{
    /// <summary>The stage labels, in order: a, b, c, d, e.</summary>
    public static IReadOnlyList<string> StageLabels { get; } = ["a", "b", "c", "d", "e"];

    /// <summary>Replays stages (a)–(e) under the given rules.</summary>
    /// <param name="rules">The rules every node runs, e.g. <see cref="RaftRules.Standard"/> or a planted bug's.</param>
    /// <returns>The five stages, in order.</returns>
    public static IReadOnlyList<Figure8Stage> Play(RaftRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var toD = Replay(rules, alternativeE: false);
        var toE = Replay(rules, alternativeE: true);
        return [.. toD, toE[^1]];
    }

    private static List<Figure8Stage> Replay(RaftRules rules, bool alternativeE)
    {
        var c = new HandDrivenCluster(rules);
        var stages = new List<Figure8Stage>();

        // Before (a): S2 leads term 1 and commits entry 1 everywhere; S1 then wins term 2 with every vote.
        c.Campaign(2);
        c.DeliverAll();
        c.Propose(2, "c1");
        c.DeliverAll();
        c.Tick(2);
        c.DeliverAll();
        c.Campaign(1);
        c.DeliverAll();

        // (a) S1 leads term 2 and copies entry 2 to S2 only.
        c.Propose(1, "c2");
        c.DeliverAll(m => m is AppendEntries { To: 2 } or AppendEntriesResponse { From: 2 });
        c.DropAll();
        stages.Add(c.Stage("a", "S1 leads term 2; entry 2 reaches S2 only"));

        // (b) S1 crashes; S5 wins term 3 with S3 and S4 (S2's log is more up to date) and takes entry 2 of term 3.
        c.Crash(1);
        c.Campaign(5);
        c.DeliverAll();
        c.Propose(5, "b");
        c.DropAll();
        stages.Add(c.Stage("b", "S1 crashed; S5 wins term 3 with S3, S4 and takes its own entry 2"));

        // (c) S5 crashes; S1 restarts, loses term 3 (S3 and S4 voted), wins term 4 and copies entry 2 to S3.
        c.Crash(5);
        c.Restart(1);
        c.Campaign(1);
        c.DeliverAll();
        c.Campaign(1);
        c.DeliverAll(m => m is not AppendEntries { To: 4 });
        c.DropAll();
        c.Propose(1, "c");
        var onMajority = c.Stage("c", "S5 crashed; S1 wins term 4 and copies entry 2 (term 2) to S3: it is on 3 of 5");
        if (!alternativeE)
        {
            stages.Add(onMajority);
            c.DropAll();

            // (d) S1 crashes; S5 restarts and wins term 5 with S2, S3, S4 (its last term 3 beats their 2), and overwrites entry 2.
            c.Crash(1);
            c.Restart(5);
            c.Campaign(5);
            c.DeliverAll();
            c.Campaign(5);
            c.DeliverAll();
            stages.Add(c.Stage("d", "S1 crashed; S5 wins term 5 and overwrites entry 2 on S2, S3, S4"));
        }
        else
        {
            // (e) Instead, S1 copies its term-4 entry 3 to S2 and S3 first: on a majority, it commits, entry 2 with it.
            c.DeliverAll(m => m is not AppendEntries { To: 4 });
            c.Tick(1);
            c.DeliverAll(m => m is not AppendEntries { To: 4 });
            c.DropAll();
            stages.Add(c.Stage("e", "Instead, S1 copies entry 3 (term 4) to S2, S3 first: S5 can no longer win"));
        }

        return stages;
    }

    /// <summary>Five nodes, a bag of messages in flight, crashes and restarts, all by hand; outputs checked after every step.</summary>
    private sealed class HandDrivenCluster
    {
        private static readonly int[] Ids = [1, 2, 3, 4, 5];
        private readonly RaftRules rules;
        private readonly Dictionary<int, RaftNode> running = [];
        private readonly Dictionary<int, RaftPersistentState> persisted = [];
        private readonly List<RaftMessage> inFlight = [];
        private readonly List<LogEntry> committed = [];
        private readonly RaftInvariants invariants = new();
        private int restarts;

        public HandDrivenCluster(RaftRules rules)
        {
            this.rules = rules;
            foreach (var id in Ids)
            {
                running[id] = new RaftNode(Options(id), seed: id, rules: rules);
                persisted[id] = running[id].PersistentState;
            }
        }

        private static RaftOptions Options(int id) => new(id, Ids, 50, 50, 1, appendNoOpOnElection: false);

        public void Tick(int id) => Handle(id, running[id].Tick());

        /// <summary>Ticks a node until its term changes: it times out and starts an election.</summary>
        public void Campaign(int id)
        {
            var node = running[id];
            var term = node.CurrentTerm;
            while (node.CurrentTerm == term)
            {
                Tick(id);
            }
        }

        public void Propose(int id, string command)
        {
            var result = running[id].Propose(command);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"Figure 8 replay: S{id} refused \"{command}\": {result.Reason}");
            }

            Handle(id, result.Output);
        }

        /// <summary>
        /// Delivers every message in flight (and those they cause) that the filter lets through, in order; messages to a
        /// crashed node are lost. A violation is recorded (the first one is kept) and the replay goes on, to show its effect.
        /// </summary>
        public void DeliverAll(Func<RaftMessage, bool>? filter = null)
        {
            while (inFlight.FirstOrDefault(m => filter?.Invoke(m) ?? true) is { } message)
            {
                inFlight.Remove(message);
                if (running.TryGetValue(message.To, out var node))
                {
                    RaftOutput output;
                    try
                    {
                        output = node.Step(message);
                    }
                    catch (InvalidOperationException e)
                    {
                        // The node refuses to overwrite an entry it knows is committed; the message is lost.
                        invariants.Report(RaftInvariant.StateMachineSafety, e.Message, [message.From, message.To]);
                        continue;
                    }

                    Handle(message.To, output);
                }
            }
        }

        public void DropAll() => inFlight.Clear();

        public void Crash(int id)
        {
            running.Remove(id);
            inFlight.RemoveAll(m => m.From == id);
            Observe([]);
        }

        public void Restart(int id)
        {
            running[id] = new RaftNode(Options(id), seed: 100 + (++restarts), persisted[id], rules);
            Observe([]);
        }

        public Figure8Stage Stage(string label, string whatHappened)
        {
            var logs = Ids.ToDictionary(id => id, id => (IReadOnlyList<LogEntry>)persisted[id].Log);
            var status = Ids.Select(id => running.TryGetValue(id, out var node)
                ? new Figure8NodeStatus(id, true, node.Role, node.CurrentTerm)
                : new Figure8NodeStatus(id, false, RaftRole.Follower, persisted[id].CurrentTerm)).ToList();
            return new Figure8Stage(label, whatHappened, rules.Name, LogMatrix.Of(logs, committed), status, invariants.Result);
        }

        private void Handle(int id, RaftOutput output)
        {
            persisted[id] = output.PersistentState;
            inFlight.AddRange(output.Messages);
            committed.AddRange(output.CommittedEntries);
            Observe([.. output.CommittedEntries.Select(e => new AppliedEntry(id, e))]);
        }

        private void Observe(IReadOnlyList<AppliedEntry> applied)
        {
            var nodes = Ids.Select(id => running.TryGetValue(id, out var node) ? RaftNodeSnapshot.Of(node) : RaftNodeSnapshot.Crashed(id, persisted[id])).ToList();
            invariants.Check(nodes, applied);
        }
    }

    /// <summary>The label of a stage as the paper writes it, "(a)".</summary>
    internal static string Paren(string label) => string.Create(CultureInfo.InvariantCulture, $"({label})");
}

/// <summary>One stage of <see cref="Figure8Replay"/>: every log, who leads and who is down, and whether safety still holds.</summary>
/// <param name="Label">The paper's label: a, b, c, d or e.</param>
/// <param name="WhatHappened">What happened since the previous stage, in words.</param>
/// <param name="RulesName">The rules the nodes ran (<see cref="RaftRules.Name"/>).</param>
/// <param name="Logs">Every node's log; committed as the nodes learned it.</param>
/// <param name="Nodes">Each node's role and term, or that it is crashed (with its persisted term).</param>
/// <param name="Safety">Whether every Figure 3 property has held so far, or the first violation (kept for the later stages).</param>
public sealed record Figure8Stage(string Label, string WhatHappened, string RulesName, LogMatrix Logs, IReadOnlyList<Figure8NodeStatus> Nodes, InvariantCheck Safety);

/// <summary>A node at a stage of <see cref="Figure8Replay"/>.</summary>
/// <param name="NodeId">1..5 (S1..S5).</param>
/// <param name="IsRunning">False when crashed.</param>
/// <param name="Role">Its role (a crashed node: follower).</param>
/// <param name="Term">Its current term (a crashed node: the persisted one).</param>
public sealed record Figure8NodeStatus(int NodeId, bool IsRunning, RaftRole Role, long Term);
