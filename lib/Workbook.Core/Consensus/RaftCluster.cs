using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>
/// A simulated Raft cluster: <see cref="RaftNode"/>s joined by a seeded <see cref="SimulatedNetwork"/>,
/// driven tick by tick by a scenario (crashes, restarts, partitions, network changes, client commands).
/// </summary>
/// <remarks>
/// A discrete-event simulation with no threads or clocks. Each tick runs the scenario's actions for that
/// tick, delivers the messages due, then ticks every running node in id order. Node seeds and the
/// network's seed are drawn from one generator seeded by the run's seed, so a run is a pure function of
/// (options, scenario, seed) and its <see cref="Trace"/> is replayable bit for bit. A node's output is
/// persisted before its messages are sent; a crash keeps exactly what was persisted. With
/// <see cref="RaftClusterOptions.SnapshotInterval"/> set, each node's state machine (the entries it applied)
/// goes into a snapshot every so many entries, after the invariants have seen the step.
/// </remarks>
public sealed class RaftCluster
{
    private readonly Dictionary<int, RaftNode> running = [];
    private readonly Dictionary<int, RaftPersistentState> persisted = [];
    private readonly Dictionary<int, List<LogEntry>> applied = [];
    private readonly List<ClusterEvent> trace = [];
    private readonly List<ScenarioStep> scenario;
    private readonly SimulatedNetwork network;
    private readonly RaftInvariants invariants = new();
    private readonly List<AppliedEntry> newlyApplied = [];
    private readonly RaftNodeSnapshot[] snapshots;
    private readonly RaftPersistentState?[] snapshotSources;
    private Xoshiro256StarStar seeds;
    private int nextScenarioStep;

    /// <summary>Creates a cluster of new nodes, all followers in term 0, and a scenario to play as ticks pass.</summary>
    /// <param name="options">The nodes and the network.</param>
    /// <param name="seed">The seed of every random choice in the run.</param>
    /// <param name="scenario">Actions and their ticks (any order; equal ticks keep their order); null or empty for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A scenario step has a negative tick.</exception>
    public RaftCluster(RaftClusterOptions options, long seed, IEnumerable<ScenarioStep>? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        this.scenario = [.. (scenario ?? []).OrderBy(s => s.AtTick)];
        foreach (var step in this.scenario)
        {
            ArgumentNullException.ThrowIfNull(step, nameof(scenario));
            ArgumentNullException.ThrowIfNull(step.Action, nameof(scenario));
            if (step.AtTick < 0)
            {
                throw Guard.OutOfRange(nameof(scenario), "steps at ticks >= 0", step.AtTick.ToString(CultureInfo.InvariantCulture));
            }

            // A step naming a node outside the cluster is refused now, naming the step, rather than mid-run.
            var named = step.Action switch
            {
                ClusterAction.Crash a => [a.NodeId],
                ClusterAction.Restart a => [a.NodeId],
                ClusterAction.Isolate a => [a.NodeId],
                ClusterAction.Propose a => [a.NodeId],
                ClusterAction.Split a => a.Groups?.SelectMany(g => g ?? []) ?? [],
                _ => Enumerable.Empty<int>(),
            };
            foreach (var id in named.Where(id => !options.NodeIds.Contains(id)))
            {
                throw Guard.OutOfRange(
                    nameof(scenario),
                    $"steps naming nodes of the cluster [{string.Join(", ", options.NodeIds)}]",
                    string.Create(CultureInfo.InvariantCulture, $"node {id} in the step at tick {step.AtTick}: {step.Action}"));
            }
        }

        Seed = seed;
        seeds = new Xoshiro256StarStar(seed);
        network = new SimulatedNetwork(options.Network, options.NodeIds, NextSeed());
        snapshots = new RaftNodeSnapshot[options.NodeIds.Count];
        snapshotSources = new RaftPersistentState?[options.NodeIds.Count];
        foreach (var id in options.NodeIds)
        {
            persisted[id] = RaftPersistentState.Initial;
            running[id] = new RaftNode(options.Node.ForNode(id), NextSeed(), rules: options.Rules);
            applied[id] = [];
        }

        Check();
    }

    /// <summary>The run's seed.</summary>
    public long Seed { get; }

    /// <summary>The scenario, in tick order.</summary>
    public IReadOnlyList<ScenarioStep> Scenario => scenario;

    /// <summary>Steps taken so far: every delivery, node tick and action is one step, and the invariants are checked after each.</summary>
    public long StepCount { get; private set; }

    /// <summary>Whether a safety invariant broke; the run then stopped, and further steps are refused.</summary>
    [MemberNotNullWhen(true, nameof(Violation))]
    public bool HasViolation => Violation is not null;

    /// <summary>The invariant violation that stopped the run; null exactly when <see cref="HasViolation"/> is false.</summary>
    public InvariantViolation? Violation { get; private set; }

    /// <summary>In words: the violation, or that all five invariants held over every step so far.</summary>
    public string ViolationReason =>
        HasViolation
            ? Violation.ToString()
            : string.Create(CultureInfo.InvariantCulture, $"All five safety invariants held after each of {StepCount} steps (ticks 0 to {Now}).");

    /// <summary>The cluster's options.</summary>
    public RaftClusterOptions Options { get; }

    /// <summary>The network's options now (a scenario may change them).</summary>
    public NetworkOptions Network => network.Options;

    /// <summary>The next tick to run; the number of ticks run so far.</summary>
    public long Now { get; private set; }

    /// <summary>Everything that happened, in order.</summary>
    public IReadOnlyList<ClusterEvent> Trace => trace;

    /// <summary>Messages sent but not yet delivered or dropped.</summary>
    public int MessagesInFlight => network.InFlightCount;

    /// <summary>The groups of nodes that can talk to each other, one group when there is no partition.</summary>
    public IReadOnlyList<IReadOnlyList<int>> PartitionGroups => network.Groups();

    /// <summary>The ids of the running nodes, ascending.</summary>
    public IReadOnlyList<int> RunningNodeIds => [.. running.Keys.Order()];

    /// <summary>The running leaders, highest term first (more than one only while an old leader has not heard of a newer term).</summary>
    public IReadOnlyList<RaftNode> RunningLeaders =>
        [.. running.Values.Where(n => n.Role == RaftRole.Leader).OrderByDescending(n => n.CurrentTerm).ThenBy(n => n.Id)];

    /// <summary>Whether two nodes can talk to each other now (no partition between them); crashes aside.</summary>
    internal bool AreConnected(int a, int b) => network.Connected(a, b);

    /// <summary>Whether a node is running (not crashed).</summary>
    /// <param name="nodeId">One of the cluster's ids.</param>
    public bool IsRunning(int nodeId) => running.ContainsKey(CheckKnown(nodeId, nameof(nodeId)));

    /// <summary>A running node, to inspect.</summary>
    /// <param name="nodeId">A running node's id.</param>
    /// <exception cref="ArgumentException">The id is unknown or the node is crashed.</exception>
    public RaftNode Node(int nodeId) => running[CheckRunning(nodeId, nameof(nodeId))];

    /// <summary>What a node last persisted (kept across crashes).</summary>
    /// <param name="nodeId">One of the cluster's ids.</param>
    public RaftPersistentState Persisted(int nodeId) => persisted[CheckKnown(nodeId, nameof(nodeId))];

    /// <summary>The entries in a node's state machine, in order: those applied since it last started, after those in the snapshot it started from or installed (if any).</summary>
    /// <param name="nodeId">One of the cluster's ids.</param>
    public IReadOnlyList<LogEntry> Applied(int nodeId) => applied[CheckKnown(nodeId, nameof(nodeId))];

    /// <summary>Creates a cluster, runs it for a number of ticks and returns it: the run is a pure function of the arguments.</summary>
    /// <param name="options">The nodes and the network.</param>
    /// <param name="scenario">The actions and their ticks.</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="ticks">How many ticks to run; an integer &gt;= 0.</param>
    public static RaftCluster Run(RaftClusterOptions options, IEnumerable<ScenarioStep> scenario, long seed, int ticks)
    {
        var cluster = new RaftCluster(options, seed, scenario);
        cluster.RunTicks(ticks);
        return cluster;
    }

    /// <summary>Runs a number of ticks.</summary>
    /// <param name="ticks">An integer &gt;= 0.</param>
    public void RunTicks(int ticks)
    {
        Guard.NonNegative(ticks, nameof(ticks));
        for (int i = 0; i < ticks; i++)
        {
            Step();
        }
    }

    /// <summary>Runs tick after tick until <paramref name="condition"/> holds after a tick, at most <paramref name="maxTicks"/> ticks.</summary>
    /// <param name="condition">Checked after each tick.</param>
    /// <param name="maxTicks">An integer &gt;= 0.</param>
    /// <returns>Whether the condition came to hold.</returns>
    public bool RunUntil(Func<RaftCluster, bool> condition, int maxTicks)
    {
        ArgumentNullException.ThrowIfNull(condition);
        Guard.NonNegative(maxTicks, nameof(maxTicks));
        for (int i = 0; i < maxTicks; i++)
        {
            Step();
            if (condition(this))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs one tick: the scenario's actions due now, then the messages due now, then a tick of every running node.</summary>
    /// <exception cref="InvalidOperationException">The run stopped at an invariant violation.</exception>
    public void Step()
    {
        ThrowIfStopped();
        while (nextScenarioStep < scenario.Count && scenario[nextScenarioStep].AtTick <= Now)
        {
            Apply(scenario[nextScenarioStep++].Action);
            if (HasViolation)
            {
                return;
            }
        }

        // Implementation note: a delivery sends only messages due at Now + 1 or later (every delay is at least
        // 1 tick), so taking due messages one at a time delivers exactly those due when the tick began.
        while (network.TryTakeDue(Now, out var item))
        {
            var message = item.Message;
            if (!running.ContainsKey(message.To))
            {
                trace.Add(new MessageDropped(Now, message, DropReason.ReceiverCrashed));
            }
            else if (!network.Connected(message.From, message.To))
            {
                trace.Add(new MessageDropped(Now, message, DropReason.Partitioned));
            }
            else
            {
                trace.Add(new MessageDelivered(Now, message, item.SentTick));
                Deliver(message);
                if (HasViolation)
                {
                    return;
                }
            }
        }

        foreach (var id in Options.NodeIds)
        {
            if (!running.TryGetValue(id, out var node))
            {
                continue;
            }

            Record(id, node.Tick());
            Check();
            if (HasViolation)
            {
                return;
            }
        }

        Now++;
    }

    /// <summary>
    /// Finds the fewest scenario steps with which this run's seed still breaks the same invariant (delta
    /// debugging, Zeller's ddmin), and returns that run's violation with <see cref="InvariantViolation.MinimalScenario"/> set.
    /// </summary>
    /// <returns>The violation of the shrunk run.</returns>
    /// <exception cref="InvalidOperationException">The run has no violation.</exception>
    public InvariantViolation ShrinkViolation()
    {
        if (!HasViolation)
        {
            throw new InvalidOperationException($"{nameof(ShrinkViolation)} needs a run with a violation; {ViolationReason}");
        }

        var invariant = Violation.Invariant;
        var ticks = checked((int)Violation.Tick + 1);
        InvariantViolation? Reproduce(IReadOnlyList<ScenarioStep> steps)
        {
            try
            {
                var cluster = new RaftCluster(Options, Seed, steps);
                cluster.RunUntil(c => c.HasViolation, ticks);
                return cluster.Violation?.Invariant == invariant ? cluster.Violation : null;
            }
            catch (ArgumentException)
            {
                return null; // a step that no longer makes sense without the removed ones (a proposal to a crashed node)
            }
        }

        List<ScenarioStep> current = [.. scenario];
        var best = Violation;
        if (Reproduce([]) is { } withoutScenario)
        {
            (current, best) = ([], withoutScenario);
        }

        int parts = 2;
        while (current.Count >= 2)
        {
            var chunks = Enumerable.Range(0, parts).Select(p => current.Where((_, i) => i * parts / current.Count == p).ToList()).ToList();
            bool reduced = false;
            foreach (var candidate in chunks.Concat(parts > 2 ? chunks.Select(c => current.Except(c).ToList()) : []))
            {
                if (Reproduce(candidate) is { } found)
                {
                    (current, best, reduced) = (candidate, found, true);
                    parts = Math.Max(parts - 1, 2);
                    break;
                }
            }

            if (!reduced)
            {
                if (parts >= current.Count)
                {
                    break;
                }

                parts = Math.Min(parts * 2, current.Count);
            }
        }

        return best with { MinimalScenario = current };
    }

    /// <summary>Runs one scenario action now.</summary>
    /// <param name="action">The action.</param>
    /// <exception cref="InvalidOperationException">The run stopped at an invariant violation.</exception>
    public void Apply(ClusterAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        switch (action)
        {
            case ClusterAction.Crash a: Crash(a.NodeId); break;
            case ClusterAction.Restart a: Restart(a.NodeId); break;
            case ClusterAction.Isolate a: Isolate(a.NodeId); break;
            case ClusterAction.Split a: Split(a.Groups); break;
            case ClusterAction.Heal: Heal(); break;
            case ClusterAction.SetNetwork a: SetNetwork(a.Network); break;
            case ClusterAction.Propose a: Propose(a.NodeId, a.Command); break;
            case ClusterAction.ProposeToLeader a: ProposeToLeader(a.Command); break;
            case ForgedMessage a: Forge(a.Message); break;
            default: throw new ArgumentException($"{nameof(action)} must be one of the {nameof(ClusterAction)} kinds; got {action.GetType().Name}.", nameof(action));
        }
    }

    /// <summary>A client proposes a command to the running leader of the highest term; with no leader, the trace records that it went nowhere.</summary>
    /// <param name="command">The command.</param>
    /// <returns>Whether a leader took it (see <see cref="ProposalResult.IsAccepted"/>), or a refusal saying there was no leader.</returns>
    public ProposalOutcome ProposeToLeader(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThrowIfStopped();
        if (RunningLeaders.Count > 0)
        {
            return new ProposalOutcome(Propose(RunningLeaders[0].Id, command), "");
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"no running node is leader at tick {Now}");
        trace.Add(new CommandNotRouted(Now, command, reason));
        Check();
        return new ProposalOutcome(null, reason);
    }

    /// <summary>Test hook: delivers a forged message now, as if the network had carried it (to build violating histories).</summary>
    internal void Forge(RaftMessage message)
    {
        ThrowIfStopped();
        CheckRunning(message.To, nameof(message));
        trace.Add(new MessageDelivered(Now, message, Now));
        Deliver(message);
    }

    /// <summary>Test hook: replaces what a crashed node persisted, so that its restart builds a hand-made state.</summary>
    internal void ReplacePersisted(int nodeId, RaftPersistentState state)
    {
        CheckKnown(nodeId, nameof(nodeId));
        if (running.ContainsKey(nodeId))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{nameof(nodeId)} must be a crashed node; node {nodeId} is running."), nameof(nodeId));
        }

        persisted[nodeId] = state;
        Check();
    }

    /// <summary>Crashes a running node: its volatile state is lost, what it persisted stays, messages to it are dropped.</summary>
    /// <param name="nodeId">A running node's id.</param>
    public void Crash(int nodeId)
    {
        ThrowIfStopped();
        running.Remove(CheckRunning(nodeId, nameof(nodeId)));
        trace.Add(new NodeLifecycle(Now, nodeId, IsUp: false));
        Check();
    }

    /// <summary>Restarts a crashed node from what it persisted, with a fresh seed and an empty state machine.</summary>
    /// <param name="nodeId">A crashed node's id.</param>
    public void Restart(int nodeId)
    {
        ThrowIfStopped();
        CheckKnown(nodeId, nameof(nodeId));
        if (running.ContainsKey(nodeId))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{nameof(nodeId)} must be a crashed node; node {nodeId} is running."), nameof(nodeId));
        }

        running[nodeId] = new RaftNode(Options.Node.ForNode(nodeId), NextSeed(), persisted[nodeId], Options.Rules);
        applied[nodeId] = [];
        if (persisted[nodeId].Snapshot.Exists)
        {
            LoadSnapshot(nodeId, persisted[nodeId].Snapshot);
        }

        trace.Add(new NodeLifecycle(Now, nodeId, IsUp: true));
        Check();
    }

    /// <summary>Cuts one node off from every other node (the others keep their groups).</summary>
    /// <param name="nodeId">One of the cluster's ids.</param>
    public void Isolate(int nodeId)
    {
        ThrowIfStopped();
        CheckKnown(nodeId, nameof(nodeId));
        network.SetGroups(new Dictionary<int, int> { [nodeId] = network.NewGroupNumber() });
        trace.Add(new PartitionChanged(Now, network.Groups()));
        Check();
    }

    /// <summary>Splits the nodes into groups that cannot talk to each other.</summary>
    /// <param name="groups">Every node id exactly once, in any number of non-empty groups.</param>
    /// <exception cref="ArgumentException">An id is unknown, repeated or missing, or a group is empty.</exception>
    public void Split(IReadOnlyList<IReadOnlyList<int>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ThrowIfStopped();
        var assignment = new Dictionary<int, int>();
        for (int g = 0; g < groups.Count; g++)
        {
            if (groups[g] is null || groups[g].Count == 0)
            {
                throw new ArgumentException($"{nameof(groups)} must hold non-empty groups; group {g.ToString(CultureInfo.InvariantCulture)} is empty.", nameof(groups));
            }

            foreach (var id in groups[g])
            {
                CheckKnown(id, nameof(groups));
                if (!assignment.TryAdd(id, g))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"{nameof(groups)} must name every node exactly once; node {id} appears twice."), nameof(groups));
                }
            }
        }

        var missing = Options.NodeIds.Where(id => !assignment.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"{nameof(groups)} must name every node exactly once; missing {string.Join(", ", missing)}.", nameof(groups));
        }

        network.SetGroups(assignment);
        trace.Add(new PartitionChanged(Now, network.Groups()));
        Check();
    }

    /// <summary>Heals every partition: all nodes can talk again.</summary>
    public void Heal()
    {
        ThrowIfStopped();
        network.SetGroups(Options.NodeIds.ToDictionary(id => id, _ => 0));
        trace.Add(new PartitionChanged(Now, network.Groups()));
        Check();
    }

    /// <summary>Changes the network's delay, loss, duplication and reordering for messages sent from now on.</summary>
    /// <param name="options">The new options.</param>
    public void SetNetwork(NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfStopped();
        network.Options = options;
        trace.Add(new NetworkChanged(Now, options));
        Check();
    }

    /// <summary>A client proposes a command to a running node; only a leader accepts it.</summary>
    /// <param name="nodeId">A running node's id.</param>
    /// <param name="command">The command.</param>
    /// <returns>The node's answer.</returns>
    /// <exception cref="ArgumentException">The id is unknown or the node is crashed.</exception>
    public ProposalResult Propose(int nodeId, string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThrowIfStopped();
        var node = running[CheckRunning(nodeId, nameof(nodeId))];
        var result = node.Propose(command);
        trace.Add(new CommandProposed(Now, nodeId, command, result));
        Record(nodeId, result.Output);
        Check();
        return result;
    }

    private void Deliver(RaftMessage message)
    {
        RaftOutput output;
        try
        {
            output = running[message.To].Step(message);
        }
        catch (InvalidOperationException e)
        {
            // The node refuses to overwrite a committed entry: the cluster has already lost State Machine Safety.
            var from = message.From;
            Stop(invariants.Report(RaftInvariant.StateMachineSafety, e.Message + string.Create(CultureInfo.InvariantCulture, $" (on {message.GetType().Name} from node {from})"), [message.To, from]));
            return;
        }

        Record(message.To, output);
        Check();
    }

    private void Check()
    {
        StepCount++;
        var nodes = snapshots;
        bool changed = false;
        for (int i = 0; i < nodes.Length; i++)
        {
            // Implementation note: a snapshot is rebuilt only when what the invariants see of the node changed,
            // and the invariants are checked only when a snapshot changed or an entry was applied.
            var id = Options.NodeIds[i];
            var last = nodes[i];
            if (running.TryGetValue(id, out var node))
            {
                if (last is null || !last.IsRunning || last.Role != node.Role || last.Term != node.CurrentTerm
                    || !ReferenceEquals(last.Log, node.Log) || last.CommitIndex != node.CommitIndex)
                {
                    nodes[i] = RaftNodeSnapshot.Of(node);
                    changed = true;
                }
            }
            else
            {
                var state = persisted[id];
                if (last is null || last.IsRunning || !ReferenceEquals(snapshotSources[i], state))
                {
                    nodes[i] = RaftNodeSnapshot.Crashed(id, state);
                    snapshotSources[i] = state;
                    changed = true;
                }
            }
        }

        // An observation equal to the last one, with nothing newly applied, cannot break an invariant that held.
        if (!changed && newlyApplied.Count == 0)
        {
            return;
        }

        var result = invariants.Check(nodes, newlyApplied);
        newlyApplied.Clear();
        if (!result.Holds)
        {
            Stop(result);
        }
        else if (Options.SnapshotInterval > 0 && TakeSnapshots())
        {
            // The compacted logs are observed too (the step count stays: snapshots belong to the step).
            StepCount--;
            Check();
        }
    }

    /// <summary>Every running node that has applied <see cref="RaftClusterOptions.SnapshotInterval"/> entries since its snapshot takes one.</summary>
    private bool TakeSnapshots()
    {
        bool any = false;
        foreach (var id in Options.NodeIds)
        {
            if (!running.TryGetValue(id, out var node) || node.LastApplied - node.CurrentSnapshot.LastIncludedIndex < Options.SnapshotInterval)
            {
                continue;
            }

            var state = applied[id];
            if (state.Count != node.LastApplied)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture, $"node {id}'s state machine holds {state.Count} entries but the node applied {node.LastApplied}."));
            }

            var output = node.Snapshot(node.LastApplied, AppliedEntriesCodec.Encode(state));
            persisted[id] = output.PersistentState;
            trace.Add(new SnapshotStored(Now, id, node.CurrentSnapshot.LastIncludedIndex, node.CurrentSnapshot.LastIncludedTerm, Installed: false));
            any = true;
        }

        return any;
    }

    /// <summary>Replaces a node's state machine by a snapshot's; the invariants compare its entries with what other nodes applied.</summary>
    private void LoadSnapshot(int id, RaftSnapshot snapshot)
    {
        var entries = AppliedEntriesCodec.Decode(snapshot.Data);
        if (entries.Count != snapshot.LastIncludedIndex || entries[^1].Term != snapshot.LastIncludedTerm)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"node {id}'s snapshot through ({snapshot.LastIncludedIndex},t{snapshot.LastIncludedTerm}) holds {entries.Count} entries, the last {(entries.Count > 0 ? entries[^1].ToString() : "none")}."));
        }

        applied[id] = entries;
        newlyApplied.AddRange(entries.Select(e => new AppliedEntry(id, e)));
    }

    private void Stop(InvariantCheck result)
    {
        if (result.Holds || HasViolation)
        {
            return;
        }

        trace.Add(new InvariantBroken(Now, result.Invariant.Value, result.Reason));
        var involved = result.NodeIds.ToHashSet();
        var history = trace.Where(e => Involves(e, involved)).ToList();
        Violation = new InvariantViolation(result.Invariant.Value, Seed, Now, StepCount, result.Reason, result.NodeIds, history, scenario);
    }

    private static bool Involves(ClusterEvent e, HashSet<int> nodes) => e switch
    {
        MessageSent m => nodes.Contains(m.Message.From) || nodes.Contains(m.Message.To),
        MessageDelivered m => nodes.Contains(m.Message.From) || nodes.Contains(m.Message.To),
        MessageDropped m => nodes.Contains(m.Message.From) || nodes.Contains(m.Message.To),
        RoleChanged r => nodes.Contains(r.NodeId),
        EntryCommitted c => nodes.Contains(c.NodeId),
        CommandProposed c => nodes.Contains(c.NodeId),
        NodeLifecycle l => nodes.Contains(l.NodeId),
        SnapshotStored s => nodes.Contains(s.NodeId),
        _ => true,
    };

    private void ThrowIfStopped()
    {
        if (HasViolation)
        {
            throw new InvalidOperationException($"The run stopped at an invariant violation and takes no further steps: {Violation}");
        }
    }

    private void Record(int id, RaftOutput output)
    {
        foreach (var change in output.RoleChanges)
        {
            trace.Add(new RoleChanged(Now, id, change));
        }

        if (output.PersistentStateChanged)
        {
            persisted[id] = output.PersistentState;
        }

        if (output.HasInstalledSnapshot)
        {
            LoadSnapshot(id, output.InstalledSnapshot);
            trace.Add(new SnapshotStored(Now, id, output.InstalledSnapshot.LastIncludedIndex, output.InstalledSnapshot.LastIncludedTerm, Installed: true));
        }

        foreach (var entry in output.CommittedEntries)
        {
            applied[id].Add(entry);
            newlyApplied.Add(new AppliedEntry(id, entry));
            trace.Add(new EntryCommitted(Now, id, entry));
        }

        foreach (var message in output.Messages)
        {
            network.Send(Now, message, trace);
        }
    }

    private long NextSeed() => unchecked((long)seeds.NextUInt64());

    private int CheckKnown(int nodeId, string paramName)
    {
        if (nodeId < 1 || nodeId > Options.NodeIds.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be a node id of the cluster, 1 to {Options.NodeIds.Count}; got {nodeId}."), paramName);
        }

        return nodeId;
    }

    private int CheckRunning(int nodeId, string paramName)
    {
        CheckKnown(nodeId, paramName);
        if (!running.ContainsKey(nodeId))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be a running node; node {nodeId} is crashed."), paramName);
        }

        return nodeId;
    }
}

/// <summary>Test hook: a scenario step that delivers a forged message (to build violating histories).</summary>
/// <param name="Message">The message.</param>
internal sealed record ForgedMessage(RaftMessage Message) : ClusterAction;
