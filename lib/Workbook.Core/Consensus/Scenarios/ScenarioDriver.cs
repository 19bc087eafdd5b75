using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus.Scenarios;

/// <summary>A scenario check failed; the message says which.</summary>
internal sealed class ScenarioFailedException(string message) : Exception(message);

/// <summary>The helpers 6.5840's tester offers (checkOneLeader, one, nCommitted, disconnect, crash), on a simulated cluster.</summary>
internal sealed class ScenarioDriver
{
    private readonly HashSet<int> disconnected = [];
    private Xoshiro256StarStar random;
    private int commandNumber;

    public ScenarioDriver(RaftClusterOptions options, long seed)
    {
        Cluster = new RaftCluster(options, seed);
        random = new Xoshiro256StarStar(unchecked(seed ^ 0x5eed_5ce7a210));
    }

    public RaftCluster Cluster { get; }

    public int N => Cluster.Options.NodeIds.Count;

    public int Quorum => Cluster.Options.Node.Quorum;

    /// <summary>The longest election timeout, in ticks: the unit of the waits (6.5840's RaftElectionTimeout).</summary>
    public int T => Cluster.Options.Node.ElectionTimeoutMaxTicks;

    public IReadOnlyList<int> Ids => Cluster.Options.NodeIds;

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [DoesNotReturn]
    public static void Fail(FormattableString text) => throw new ScenarioFailedException(Format(text));

    public int Next(int n) => (int)Math.BigMul(random.NextUInt64(), (ulong)n, out _);

    public double NextDouble() => random.NextDouble();

    public string NewCommand(int bytes = 0) =>
        bytes > 0 ? new string((char)('a' + (commandNumber++ % 26)), bytes) : Format($"cmd-{++commandNumber}");

    public void Ticks(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (Cluster.HasViolation)
            {
                throw new ScenarioFailedException(Cluster.ViolationReason);
            }

            Cluster.Step();
        }

        if (Cluster.HasViolation)
        {
            throw new ScenarioFailedException(Cluster.ViolationReason);
        }
    }

    public bool IsUp(int id) => Cluster.IsRunning(id) && !disconnected.Contains(id);

    public void Disconnect(int id)
    {
        disconnected.Add(id);
        Repartition();
    }

    public void Connect(int id)
    {
        disconnected.Remove(id);
        Repartition();
    }

    public void Crash(int id)
    {
        if (Cluster.IsRunning(id))
        {
            Cluster.Crash(id);
        }
    }

    public void Restart(int id)
    {
        if (!Cluster.IsRunning(id))
        {
            Cluster.Restart(id);
        }
    }

    /// <summary>Waits for one leader among the up nodes; no two up leaders may share a term. Returns the leader of the highest term.</summary>
    public int CheckOneLeader()
    {
        for (int round = 0; round < 10; round++)
        {
            Ticks(T);
            var leaders = Ids.Where(IsUp).Select(Cluster.Node).Where(n => n.Role == RaftRole.Leader).ToList();
            foreach (var term in leaders.GroupBy(l => l.CurrentTerm).Where(g => g.Count() > 1))
            {
                Fail($"term {term.Key} has {term.Count()} leaders at tick {Cluster.Now}.");
            }

            if (leaders.Count > 0)
            {
                return leaders.MaxBy(l => l.CurrentTerm)!.Id;
            }
        }

        Fail($"expected one leader, got none by tick {Cluster.Now}.");
        return 0;
    }

    /// <summary>Every up node is in the same term; returns it.</summary>
    public long CheckTerms()
    {
        var terms = Ids.Where(IsUp).Select(id => Cluster.Node(id).CurrentTerm).Distinct().ToList();
        if (terms.Count > 1)
        {
            Fail($"up nodes disagree on the term at tick {Cluster.Now}: {string.Join(", ", terms)}.");
        }

        return terms.Count == 0 ? 0 : terms[0];
    }

    public void CheckNoLeader()
    {
        foreach (var id in Ids.Where(IsUp).Where(id => Cluster.Node(id).Role == RaftRole.Leader))
        {
            Fail($"node {id} is up and leader at tick {Cluster.Now}, but no leader was expected.");
        }
    }

    /// <summary>How many running nodes have applied an entry at <paramref name="index"/>; they must agree on it.</summary>
    public (int Count, LogEntry? Entry) NCommitted(long index)
    {
        int count = 0;
        LogEntry? entry = null;
        foreach (var id in Ids.Where(Cluster.IsRunning))
        {
            var applied = Cluster.Applied(id);
            if (applied.Count >= index)
            {
                var e = applied[(int)index - 1];
                if (entry is not null && !entry.Equals(e))
                {
                    Fail($"committed values do not match at index {index}: {entry} and {e}.");
                }

                entry = e;
                count++;
            }
        }

        return (count, entry);
    }

    /// <summary>6.5840's one(): submit a command to a leader and wait until <paramref name="expected"/> nodes applied it; retries for 10 s (1,000 ticks).</summary>
    public long One(string command, int expected, bool retry)
    {
        long start = Cluster.Now;
        int candidate = 0;
        while (Cluster.Now - start < 1000)
        {
            long index = -1;
            for (int k = 0; k < N; k++)
            {
                candidate = (candidate % N) + 1;
                if (IsUp(candidate) && Cluster.Node(candidate).Role == RaftRole.Leader)
                {
                    var result = Cluster.Propose(candidate, command);
                    if (result.IsAccepted)
                    {
                        index = result.Entry.Index;
                        break;
                    }
                }
            }

            if (index > 0)
            {
                // Wait up to 2 s (200 ticks) for agreement.
                for (int t = 0; t < 200; t++)
                {
                    var (count, entry) = NCommitted(index);
                    if (count >= expected && entry?.Command == command)
                    {
                        return index;
                    }

                    Ticks(1);
                }

                if (!retry)
                {
                    Fail($"one({Short(command)}) failed to reach agreement on {expected} nodes by tick {Cluster.Now}.");
                }
            }
            else
            {
                Ticks(5);
            }
        }

        Fail($"one({Short(command)}) failed to reach agreement on {expected} nodes within 1,000 ticks (tick {Cluster.Now}).");
        return 0;
    }

    public ProposalResult? Start(int id, string command) => IsUp(id) ? Cluster.Propose(id, command) : null;

    public (long Rpcs, long Bytes) Traffic()
    {
        long rpcs = 0, bytes = 0;
        foreach (var sent in Cluster.Trace.OfType<MessageSent>().Where(s => !s.IsDuplicate))
        {
            bytes += RaftMessageSize.Bytes(sent.Message);
            if (sent.Message is RequestVote or AppendEntries or InstallSnapshot)
            {
                rpcs++;
            }
        }

        return (rpcs, bytes);
    }

    private static string Short(string command) => command.Length > 12 ? command[..8] + "…" : command;

    private void Repartition()
    {
        var connected = Ids.Where(id => !disconnected.Contains(id)).ToList();
        List<IReadOnlyList<int>> groups = [.. disconnected.Order().Select(id => (IReadOnlyList<int>)[id])];
        if (connected.Count > 0)
        {
            groups.Insert(0, connected);
        }

        Cluster.Split(groups);
    }
}
