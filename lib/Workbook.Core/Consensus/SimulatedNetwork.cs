using Workbook.Core.Simulation;

namespace Workbook.Core.Consensus;

/// <summary>
/// The network of a <see cref="RaftCluster"/>: messages in flight ordered by due tick, with seeded delay,
/// loss, duplication and reordering, and partitions as groups of nodes that can talk to each other.
/// </summary>
internal sealed class SimulatedNetwork
{
    private readonly PriorityQueue<InFlight, (long Due, long Sequence)> inFlight = new();
    private readonly Dictionary<(int From, int To), long> lastFifoDue = [];
    private readonly Dictionary<int, int> groupOf;
    private Xoshiro256StarStar random;
    private long sequence;

    public SimulatedNetwork(NetworkOptions options, IReadOnlyList<int> nodeIds, long seed)
    {
        Options = options;
        random = new Xoshiro256StarStar(seed);
        groupOf = nodeIds.ToDictionary(id => id, _ => 0);
    }

    public NetworkOptions Options { get; set; }

    public int InFlightCount => inFlight.Count;

    public bool Connected(int a, int b) => groupOf[a] == groupOf[b];

    /// <summary>Assigns every node to a group; nodes with equal group numbers can talk.</summary>
    public void SetGroups(IReadOnlyDictionary<int, int> groups)
    {
        foreach (var (id, group) in groups)
        {
            groupOf[id] = group;
        }
    }

    /// <summary>The current groups, each in ascending id order, ordered by their smallest id.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups() =>
        [.. groupOf.GroupBy(p => p.Value).Select(g => (IReadOnlyList<int>)[.. g.Select(p => p.Key).Order()]).OrderBy(g => g[0])];

    public int NewGroupNumber() => groupOf.Values.Max() + 1;

    /// <summary>Sends a message at tick <paramref name="now"/>, recording what the network did with it.</summary>
    public void Send(long now, RaftMessage message, List<ClusterEvent> trace)
    {
        if (!Connected(message.From, message.To))
        {
            trace.Add(new MessageSent(now, message, now, IsDuplicate: false));
            trace.Add(new MessageDropped(now, message, DropReason.Partitioned));
            return;
        }

        // Implementation note: every send draws the same numbers in the same order, whatever happens, so one
        // changed probability does not shift the random stream of every later message.
        bool lost = random.NextDouble() < Options.LossProbability;
        bool duplicated = random.NextDouble() < Options.DuplicationProbability;
        var first = Schedule(now, message, isDuplicate: false);
        var second = Schedule(now, message, isDuplicate: true);
        if (lost)
        {
            trace.Add(new MessageSent(now, message, first.DueTick, IsDuplicate: false));
            trace.Add(new MessageDropped(now, message, DropReason.Lost));
            return;
        }

        Enqueue(first, trace);
        if (duplicated)
        {
            Enqueue(second, trace);
        }
    }

    /// <summary>Removes and returns the next message due at or before <paramref name="now"/>, in due order (ties: sending order).</summary>
    public bool TryTakeDue(long now, out InFlight next)
    {
        if (inFlight.TryPeek(out next, out var key) && key.Due <= now)
        {
            inFlight.Dequeue();
            return true;
        }

        next = default;
        return false;
    }

    private InFlight Schedule(long now, RaftMessage message, bool isDuplicate)
    {
        var span = (ulong)(Options.MaxDelayTicks - Options.MinDelayTicks + 1);
        long due = now + Options.MinDelayTicks + (long)Math.BigMul(random.NextUInt64(), span, out _);
        bool reordered = random.NextDouble() < Options.ReorderProbability;
        return new InFlight(message, now, due, isDuplicate, reordered);
    }

    private void Enqueue(InFlight item, List<ClusterEvent> trace)
    {
        var link = (item.Message.From, item.Message.To);
        long due = item.DueTick;
        if (!item.IsReordered)
        {
            // First in, first out on each link unless this message is reordered.
            due = Math.Max(due, lastFifoDue.GetValueOrDefault(link));
            lastFifoDue[link] = due;
        }

        var scheduled = item with { DueTick = due };
        inFlight.Enqueue(scheduled, (due, sequence++));
        trace.Add(new MessageSent(item.SentTick, item.Message, due, item.IsDuplicate));
    }

    internal readonly record struct InFlight(RaftMessage Message, long SentTick, long DueTick, bool IsDuplicate, bool IsReordered);
}
