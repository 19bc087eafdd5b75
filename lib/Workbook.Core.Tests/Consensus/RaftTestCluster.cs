using System.Globalization;
using Workbook.Core.Consensus;

namespace Workbook.Core.Tests.Consensus;

/// <summary>
/// A deterministic in-test harness for <see cref="RaftNode"/>s: messages wait in one in-flight list
/// and are delivered, dropped or duplicated only when a test says so; no threads, no clock. Every
/// output is checked at once against Election Safety (one leader per term) and State Machine Safety
/// (no two nodes apply different entries at one index), and written to a transcript.
/// </summary>
internal sealed class RaftTestCluster
{
    private readonly Dictionary<int, RaftOptions> options = [];
    private readonly Dictionary<int, RaftNode> live = [];
    private readonly Dictionary<int, RaftPersistentState> persisted = [];
    private readonly Dictionary<int, List<LogEntry>> applied = [];
    private readonly Dictionary<long, LogEntry> committedAt = [];
    private readonly Dictionary<long, int> leaderOfTerm = [];
    private readonly List<RaftMessage> inFlight = [];
    private readonly RaftRules? rules;

    public RaftTestCluster(IReadOnlyList<RaftOptions> nodeOptions, long seed = 1, IReadOnlyDictionary<int, RaftPersistentState>? initialStates = null, RaftRules? rules = null)
    {
        this.rules = rules;
        foreach (var o in nodeOptions)
        {
            options[o.NodeId] = o;
            persisted[o.NodeId] = initialStates is not null && initialStates.TryGetValue(o.NodeId, out var state) ? state : RaftPersistentState.Initial;
            live[o.NodeId] = new RaftNode(o, seed * 1000 + o.NodeId, persisted[o.NodeId], rules);
            applied[o.NodeId] = [];
        }
    }

    /// <summary>A cluster of nodes 1..n with the same timing.</summary>
    public static RaftTestCluster Create(int size, long seed = 1, int electionMin = 10, int electionMax = 19, bool noOp = true, RaftRules? rules = null)
    {
        var ids = Enumerable.Range(1, size).ToArray();
        return new RaftTestCluster([.. ids.Select(id => new RaftOptions(id, ids, electionMin, electionMax, 1, noOp))], seed, rules: rules);
    }

    public List<string> Transcript { get; } = [];

    public IReadOnlyList<RaftMessage> InFlight => inFlight;

    public int Sent { get; private set; }

    public RaftNode Node(int id) => live[id];

    public bool IsLive(int id) => live.ContainsKey(id);

    public IEnumerable<RaftNode> LiveNodes => live.Values.OrderBy(n => n.Id);

    public IReadOnlyList<LogEntry> Applied(int id) => applied[id];

    public RaftPersistentState Persisted(int id) => persisted[id];

    public IReadOnlyList<RaftNode> Leaders => [.. LiveNodes.Where(n => n.Role == RaftRole.Leader)];

    public RaftOutput Tick(int id)
    {
        Transcript.Add($"tick n{id}");
        return Record(id, live[id].Tick());
    }

    /// <summary>Ticks every live node once, in id order.</summary>
    public void TickAll()
    {
        foreach (var id in live.Keys.Order().ToArray())
        {
            Tick(id);
        }
    }

    public ProposalResult Propose(int id, string command)
    {
        var result = live[id].Propose(command);
        Transcript.Add(result.IsAccepted ? $"propose n{id} \"{command}\": accepted as {result.Entry}" : $"propose n{id} \"{command}\": refused: {result.Reason}");
        Record(id, result.Output);
        return result;
    }

    /// <summary>Delivers one in-flight message (removing it); a message to a crashed node is lost.</summary>
    public void Deliver(RaftMessage message)
    {
        Assert.True(inFlight.Remove(message), $"not in flight: {message}");
        DeliverCopy(message);
    }

    /// <summary>Delivers a message without removing it: a duplicate, or a replay of an old one.</summary>
    public void DeliverCopy(RaftMessage message)
    {
        if (!live.TryGetValue(message.To, out var node))
        {
            Transcript.Add($"lost {message}");
            return;
        }

        Transcript.Add($"deliver {message}");
        Record(message.To, node.Step(message));
    }

    /// <summary>Delivers in-flight messages oldest first, new ones included, until none matches; returns how many were delivered.</summary>
    public int DeliverAll(Func<RaftMessage, bool>? filter = null, int limit = 100_000)
    {
        int delivered = 0;
        while (inFlight.FirstOrDefault(m => filter is null || filter(m)) is { } next)
        {
            Assert.True(++delivered <= limit, $"more than {limit} deliveries: the cluster does not go quiet");
            Deliver(next);
        }

        return delivered;
    }

    public void Drop(Func<RaftMessage, bool> filter)
    {
        foreach (var m in inFlight.Where(filter).ToArray())
        {
            inFlight.Remove(m);
            Transcript.Add($"drop {m}");
        }
    }

    /// <summary>Stops a node: its volatile state is gone, messages to it are lost, what it persisted stays.</summary>
    public void Crash(int id)
    {
        live.Remove(id);
        Transcript.Add($"crash n{id}");
    }

    /// <summary>Starts a crashed node again from what it persisted; its state machine starts empty.</summary>
    public void Restart(int id, long seed, RaftOptions? newOptions = null)
    {
        Assert.False(live.ContainsKey(id), $"n{id} is running");
        if (newOptions is not null)
        {
            options[id] = newOptions;
        }

        live[id] = new RaftNode(options[id], seed, persisted[id], rules);
        applied[id] = [];
        Transcript.Add($"restart n{id} from {persisted[id]}");
    }

    /// <summary>Ticks every node, then delivers everything, round after round, until <paramref name="done"/> holds; returns the rounds taken.</summary>
    public int RunSynchronousRounds(Func<RaftTestCluster, bool> done, int maxRounds = 1000)
    {
        for (int round = 1; round <= maxRounds; round++)
        {
            TickAll();
            DeliverAll();
            if (done(this))
            {
                return round;
            }
        }

        Assert.Fail($"not done after {maxRounds} rounds");
        return maxRounds;
    }

    private RaftOutput Record(int id, RaftOutput output)
    {
        var node = live[id];
        Assert.Same(node.PersistentState, output.PersistentState);
        foreach (var change in output.RoleChanges)
        {
            Transcript.Add($"  n{id} role {change}");
            if (change.To == RaftRole.Leader)
            {
                // Election Safety (Figure 3): at most one leader can be elected in a given term.
                Assert.False(
                    leaderOfTerm.TryGetValue(change.Term, out var other) && other != id,
                    $"Election Safety: n{id} and n{other} both lead term {change.Term}");
                leaderOfTerm[change.Term] = id;
            }
        }

        if (output.PersistentStateChanged)
        {
            persisted[id] = output.PersistentState;
            Transcript.Add($"  n{id} persist {output.PersistentState}");
        }
        else
        {
            Assert.Equal(persisted[id], output.PersistentState);
        }

        foreach (var entry in output.CommittedEntries)
        {
            // State Machine Safety (Figure 3): no two nodes apply different entries at one index.
            Assert.Equal(applied[id].Count + 1, entry.Index);
            if (committedAt.TryGetValue(entry.Index, out var first))
            {
                Assert.True(first == entry, $"State Machine Safety: n{id} applies {entry} where {first} was applied");
            }

            committedAt[entry.Index] = entry;
            applied[id].Add(entry);
            Transcript.Add($"  n{id} apply {entry}");
        }

        foreach (var message in output.Messages)
        {
            Assert.Equal(id, message.From);
            inFlight.Add(message);
            Sent++;
            Transcript.Add($"  n{id} send {message}");
        }

        return output;
    }

    public static string Terms(IEnumerable<LogEntry> log) => string.Join(" ", log.Select(e => e.Term.ToString(CultureInfo.InvariantCulture)));
}
