using System.Globalization;
using Workbook.Core.Consensus.Linearizability;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus.Kv;

/// <summary>
/// A replicated key-value store: a <see cref="RaftCluster"/> whose nodes each apply committed entries to
/// their own <see cref="KvStateMachine"/>, and clients that call get, put and append over a seeded network.
/// </summary>
/// <remarks>
/// Each tick: client messages due are delivered (a node proposes a request; a client takes a reply), the
/// Raft cluster runs one tick, committed entries are applied and the leader that proposed one answers,
/// then clients retry or call. A client calls one operation at a time, sends it to the last leader it
/// heard from (at first its home node), follows "not leader" hints and retries at the next node after
/// <see cref="KvClusterOptions.RequestTimeoutTicks"/>, reusing its sequence number. Every call is
/// recorded with its invoke and response ticks in <see cref="History"/>; one never answered stays pending.
/// A run is a pure function of (options, scenario, workload, seed).
/// </remarks>
public sealed class KvCluster
{
    private readonly Clerk[] clerks;
    private readonly Dictionary<int, KvStateMachine?> machines = [];
    private readonly Dictionary<int, List<Proposal>> proposals = [];
    private readonly PriorityQueue<ClientMessage, (long Due, long Sequence)> inFlight = new();
    private readonly List<Operation<KvInput, KvOutput>> completed = [];
    private Xoshiro256StarStar network;
    private Xoshiro256StarStar workload;
    private long sendSequence;
    private int traceCursor;

    /// <summary>Creates the cluster, its state machines and its idle clients.</summary>
    /// <param name="options">The Raft cluster, the clients and their network.</param>
    /// <param name="seed">The seed of every random choice in the run.</param>
    /// <param name="scenario">Faults and their ticks, as for <see cref="RaftCluster"/>; null for none.</param>
    public KvCluster(KvClusterOptions options, long seed, IEnumerable<ScenarioStep>? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var seeds = new Xoshiro256StarStar(seed);
        Raft = new RaftCluster(options.Cluster, unchecked((long)seeds.NextUInt64()), scenario);
        network = new Xoshiro256StarStar(unchecked((long)seeds.NextUInt64()));
        workload = new Xoshiro256StarStar(unchecked((long)seeds.NextUInt64()));
        foreach (var id in options.Cluster.NodeIds)
        {
            machines[id] = new KvStateMachine(options.UseSessions);
            proposals[id] = [];
        }

        clerks = [.. Enumerable.Range(1, options.ClientCount).Select(c => new Clerk(c, options.HomeNode(c)))];
    }

    /// <summary>The options.</summary>
    public KvClusterOptions Options { get; }

    /// <summary>The Raft cluster underneath (to inspect, or to crash, partition and heal between ticks).</summary>
    public RaftCluster Raft { get; }

    /// <summary>The next tick to run.</summary>
    public long Now => Raft.Now;

    /// <summary>How many requests clients sent, retries included.</summary>
    public int RequestsSent { get; private set; }

    /// <summary>Every call so far: the answered ones in the order answered, then the pending ones by client.</summary>
    public IReadOnlyList<Operation<KvInput, KvOutput>> History =>
        [.. completed, .. clerks.Where(c => c.Current is not null).Select(c => new Operation<KvInput, KvOutput>(c.Id, c.Current!, c.InvokedAt))];

    /// <summary>Whether every client is idle and has nothing left to call.</summary>
    public bool IsQuiescent => clerks.All(c => c.Current is null && c.Planned.Count == 0);

    /// <summary>Whether a client is waiting for an answer.</summary>
    /// <param name="clientId">A client id, 1..<see cref="KvClusterOptions.ClientCount"/>.</param>
    public bool IsBusy(int clientId) => ClerkOf(clientId).Current is not null;

    /// <summary>The state machine of a running node.</summary>
    /// <param name="nodeId">A running node's id.</param>
    public KvStateMachine StateMachine(int nodeId)
    {
        Raft.Node(nodeId);
        Drain();
        return machines[nodeId]!;
    }

    /// <summary>A client calls an operation now; it is sent at the start of the next tick.</summary>
    /// <param name="clientId">An idle client's id.</param>
    /// <param name="input">The operation.</param>
    /// <exception cref="ArgumentException">The client is unknown or still waiting for an answer.</exception>
    public void Invoke(int clientId, KvInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsBusy(clientId))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{nameof(clientId)} must be an idle client; client {clientId} is still waiting for an answer."),
                nameof(clientId));
        }

        Call(clerks[clientId - 1], input, Now);
    }

    /// <summary>Gives every client a random plan of calls (see <see cref="KvWorkload"/>), drawn from the run's seed; clients call as ticks pass.</summary>
    /// <param name="plan">The workload.</param>
    public void StartWorkload(KvWorkload plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var clerk in clerks)
        {
            for (int n = 1; n <= plan.OperationsPerClient; n++)
            {
                var draw = workload.NextDouble();
                var key = "k" + Uniform(plan.KeyCount).ToString(CultureInfo.InvariantCulture);
                var value = string.Create(CultureInfo.InvariantCulture, $"{clerk.Id}.{n}");
                KvInput input = draw < plan.GetFraction ? KvInput.Get(key)
                    : draw < (1 + plan.GetFraction) / 2 ? KvInput.Put(key, value)
                    : KvInput.Append(key, "[" + value + "]");
                clerk.Planned.Enqueue((input, 1 + Uniform(plan.MaxPauseTicks)));
            }

            clerk.NextCallAt = Now + clerk.Planned.Peek().Pause - 1;
        }
    }

    /// <summary>Starts a workload and runs until every client is done or <paramref name="maxTicks"/> ticks have passed.</summary>
    /// <param name="plan">The workload.</param>
    /// <param name="maxTicks">An integer &gt;= 0.</param>
    /// <returns>Whether every call was answered.</returns>
    public bool RunWorkload(KvWorkload plan, int maxTicks)
    {
        StartWorkload(plan);
        return RunUntil(k => k.IsQuiescent, maxTicks);
    }

    /// <summary>Checks <see cref="History"/> with <see cref="LinearizabilityChecker.CheckKeyValue"/>.</summary>
    public LinearizabilityResult<KvInput, KvOutput> CheckLinearizability() => LinearizabilityChecker.CheckKeyValue(History);

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
    public bool RunUntil(Func<KvCluster, bool> condition, int maxTicks)
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

    /// <summary>Runs one tick: client messages due, one Raft tick, applying what committed, then client timeouts and calls.</summary>
    public void Step()
    {
        long now = Now;
        Drain();
        while (inFlight.TryPeek(out var message, out var key) && key.Due <= now)
        {
            inFlight.Dequeue();
            Deliver(now, message);
        }

        Raft.Step();
        Drain();
        foreach (var clerk in clerks)
        {
            if (clerk.Current is not null && now - clerk.LastSentAt >= Options.RequestTimeoutTicks)
            {
                clerk.Target = NextNode(clerk.Target);
                SendRequest(clerk, now);
            }
            else if (clerk.Current is null && clerk.Planned.Count > 0 && now >= clerk.NextCallAt)
            {
                Call(clerk, clerk.Planned.Dequeue().Input, now);
            }
        }
    }

    private void Call(Clerk clerk, KvInput input, long now)
    {
        clerk.Sequence++;
        clerk.Current = input;
        clerk.InvokedAt = now;
        SendRequest(clerk, now);
    }

    private void SendRequest(Clerk clerk, long now)
    {
        clerk.Attempt++;
        clerk.LastSentAt = now;
        RequestsSent++;
        Send(now, new ClientMessage(ToNode: true, clerk.Id, clerk.Target, new KvCommand(clerk.Id, clerk.Sequence, clerk.Current!), clerk.Attempt, null, null));
    }

    private void Deliver(long now, ClientMessage message)
    {
        if (!Reachable(message.ClientId, message.NodeId) || (message.ToNode && !Raft.IsRunning(message.NodeId)))
        {
            return;
        }

        if (!message.ToNode)
        {
            Receive(clerks[message.ClientId - 1], message, now);
            return;
        }

        var node = Raft.Node(message.NodeId);
        var command = message.Command;
        if (Options.ReadMode == KvReadMode.LeaderLocalUnsafe && command.Input.Kind == KvOperationKind.Get && node.Role == RaftRole.Leader)
        {
            // The planted bug: a node that believes it leads answers from its own state, with no read index or lease.
            Reply(now, message, machines[node.Id]!.Read(command.Input.Key), null);
            return;
        }

        var result = Raft.Propose(node.Id, command.Encode());
        if (result.IsAccepted)
        {
            proposals[node.Id].Add(new Proposal(result.Entry.Index, result.Entry.Command, message));
        }
        else
        {
            Reply(now, message, null, result.KnownLeaderId);
        }
    }

    private void Receive(Clerk clerk, ClientMessage reply, long now)
    {
        if (clerk.Current is null || reply.Command.Sequence != clerk.Sequence)
        {
            return;
        }

        if (reply.Output is not null)
        {
            completed.Add(new Operation<KvInput, KvOutput>(clerk.Id, clerk.Current, clerk.InvokedAt, reply.Output, now));
            clerk.Current = null;
            clerk.Target = reply.NodeId;
            if (clerk.Planned.Count > 0)
            {
                clerk.NextCallAt = now + clerk.Planned.Peek().Pause;
            }
        }
        else if (reply.Attempt == clerk.Attempt)
        {
            clerk.Target = reply.LeaderHint is int hint && hint != reply.NodeId ? hint : NextNode(reply.NodeId);
            SendRequest(clerk, now);
        }
    }

    // Applies what the Raft trace shows committed since the last look, and answers the proposals it settles.
    private void Drain()
    {
        var trace = Raft.Trace;
        for (; traceCursor < trace.Count; traceCursor++)
        {
            switch (trace[traceCursor])
            {
                case NodeLifecycle { IsUp: false } down:
                    machines[down.NodeId] = null;
                    proposals[down.NodeId].Clear();
                    break;
                case NodeLifecycle up:
                    machines[up.NodeId] = new KvStateMachine(Options.UseSessions);
                    break;
                case EntryCommitted committed:
                    var applied = machines[committed.NodeId]!.Apply(committed.Entry);
                    Settle(committed.NodeId, committed.Entry, applied);
                    break;
            }
        }
    }

    private void Settle(int nodeId, LogEntry entry, KvApplyResult applied)
    {
        var waiting = proposals[nodeId];
        for (int i = waiting.Count - 1; i >= 0; i--)
        {
            var proposal = waiting[i];
            if (proposal.Index != entry.Index)
            {
                continue;
            }

            waiting.RemoveAt(i);
            if (entry.IsNoOp || entry.Command != proposal.Command)
            {
                Reply(Now, proposal.Request, null, null); // another leader's entry took the slot: try again
            }
            else if (applied.HasOutput)
            {
                Reply(Now, proposal.Request, applied.Output, null);
            }
        }
    }

    private void Reply(long now, ClientMessage request, KvOutput? output, int? leaderHint) =>
        Send(now, request with { ToNode = false, Output = output, LeaderHint = leaderHint });

    private void Send(long now, ClientMessage message)
    {
        // Implementation note: every send draws the same four numbers, whatever happens to the message.
        var options = Options.ClientNetwork;
        bool lost = network.NextDouble() < options.LossProbability;
        bool duplicated = network.NextDouble() < options.DuplicationProbability;
        long first = now + Delay(options);
        long second = now + Delay(options);
        if (lost || !Reachable(message.ClientId, message.NodeId))
        {
            return;
        }

        inFlight.Enqueue(message, (first, sendSequence++));
        if (duplicated)
        {
            inFlight.Enqueue(message, (second, sendSequence++));
        }
    }

    private long Delay(NetworkOptions options) =>
        options.MinDelayTicks + (long)Math.BigMul(network.NextUInt64(), (ulong)(options.MaxDelayTicks - options.MinDelayTicks + 1), out _);

    private int Uniform(int n) => (int)Math.BigMul(workload.NextUInt64(), (ulong)n, out _);

    private bool Reachable(int clientId, int nodeId)
    {
        int home = clerks[clientId - 1].Home;
        return Raft.PartitionGroups.Any(g => g.Contains(home) && g.Contains(nodeId));
    }

    private Clerk ClerkOf(int clientId)
    {
        Options.HomeNode(clientId); // checks the id
        return clerks[clientId - 1];
    }

    private int NextNode(int nodeId) => (nodeId % Options.Cluster.NodeIds.Count) + 1;

    private sealed class Clerk(int id, int home)
    {
        public int Id { get; } = id;

        public int Home { get; } = home;

        public int Target { get; set; } = home;

        public long Sequence { get; set; }

        public int Attempt { get; set; }

        public KvInput? Current { get; set; }

        public long InvokedAt { get; set; }

        public long LastSentAt { get; set; }

        public long NextCallAt { get; set; }

        public Queue<(KvInput Input, int Pause)> Planned { get; } = new();
    }

    private sealed record Proposal(long Index, string Command, ClientMessage Request);

    private sealed record ClientMessage(bool ToNode, int ClientId, int NodeId, KvCommand Command, int Attempt, KvOutput? Output, int? LeaderHint);
}
