using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>
/// A cluster run read back from its <see cref="RaftCluster.Trace"/> as intervals: each node's role and term,
/// its crashes, and the network's partitions; the data of a per-node timeline.
/// </summary>
/// <remarks>
/// Every node starts at tick 0 as a follower in term 0; a restarted node is a follower in the last term it
/// had (a term change is always persisted before it shows). Intervals are half-open, [from, to), and stop at
/// the end tick; adjacent stretches of one role and term are merged, and empty ones dropped.
/// </remarks>
public sealed class ClusterTimeline
{
    private ClusterTimeline(int nodeCount, long endTick, IReadOnlyList<RoleSegment> segments, IReadOnlyList<DownSpan> crashes, IReadOnlyList<PartitionSpan> partitions)
    {
        NodeCount = nodeCount;
        EndTick = endTick;
        Segments = segments;
        Crashes = crashes;
        Partitions = partitions;
    }

    /// <summary>The number of nodes, with ids 1..n.</summary>
    public int NodeCount { get; }

    /// <summary>The tick after the last one shown.</summary>
    public long EndTick { get; }

    /// <summary>Every node's roles and terms, by node, then by time.</summary>
    public IReadOnlyList<RoleSegment> Segments { get; }

    /// <summary>The stretches in which a node was crashed, by node, then by time.</summary>
    public IReadOnlyList<DownSpan> Crashes { get; }

    /// <summary>The stretches in which the network was split (more than one group), by time.</summary>
    public IReadOnlyList<PartitionSpan> Partitions { get; }

    /// <summary>Reads a trace.</summary>
    /// <param name="trace">The events of a run, in order.</param>
    /// <param name="nodeCount">The cluster size; an integer &gt;= 1.</param>
    /// <param name="endTick">The tick after the last one to show; greater than the tick of every event.</param>
    /// <returns>The timeline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or tick is outside its range, or an event names an unknown node.</exception>
    public static ClusterTimeline FromTrace(IReadOnlyList<ClusterEvent> trace, int nodeCount, long endTick)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Guard.Positive(nodeCount, nameof(nodeCount));
        var lastTick = trace.Count == 0 ? -1 : trace.Max(e => e.Tick);
        if (endTick <= lastTick || endTick < 0)
        {
            throw Guard.OutOfRange(nameof(endTick), $"a tick > {lastTick.ToString(CultureInfo.InvariantCulture)} (after the trace's last event) and >= 0", endTick.ToString(CultureInfo.InvariantCulture));
        }

        var nodes = Enumerable.Range(1, nodeCount).Select(id => new NodeState(id)).ToArray();
        var crashes = new List<DownSpan>();
        var partitions = new List<PartitionSpan>();
        (long From, IReadOnlyList<IReadOnlyList<int>> Groups)? split = null;
        foreach (var e in trace)
        {
            switch (e)
            {
                case RoleChanged r:
                    var node = Node(nodes, r.NodeId);
                    if (node.IsUp)
                    {
                        node.Close(e.Tick);
                        node.Open(e.Tick, r.Change.To, r.Change.Term);
                    }

                    break;
                case NodeLifecycle { IsUp: false } down when Node(nodes, down.NodeId).IsUp:
                    Node(nodes, down.NodeId).Close(e.Tick);
                    Node(nodes, down.NodeId).IsUp = false;
                    Node(nodes, down.NodeId).DownFrom = e.Tick;
                    break;
                case NodeLifecycle { IsUp: true } up when !Node(nodes, up.NodeId).IsUp:
                    var restarted = Node(nodes, up.NodeId);
                    crashes.Add(new DownSpan(restarted.Id, restarted.DownFrom, e.Tick));
                    restarted.IsUp = true;
                    restarted.Open(e.Tick, RaftRole.Follower, restarted.Term);
                    break;
                case PartitionChanged p:
                    foreach (var id in p.Groups.SelectMany(g => g))
                    {
                        Node(nodes, id);
                    }

                    if (split is { } s && e.Tick > s.From)
                    {
                        partitions.Add(new PartitionSpan(s.From, e.Tick, s.Groups));
                    }

                    split = p.Groups.Count > 1 ? (e.Tick, p.Groups) : null;
                    break;
            }
        }

        if (split is { } open && endTick > open.From)
        {
            partitions.Add(new PartitionSpan(open.From, endTick, open.Groups));
        }

        foreach (var node in nodes)
        {
            if (node.IsUp)
            {
                node.Close(endTick);
            }
            else
            {
                crashes.Add(new DownSpan(node.Id, node.DownFrom, endTick));
            }
        }

        return new ClusterTimeline(
            nodeCount,
            endTick,
            [.. nodes.SelectMany(n => n.Segments)],
            [.. crashes.OrderBy(c => c.NodeId).ThenBy(c => c.FromTick)],
            partitions);
    }

    private static NodeState Node(NodeState[] nodes, int id) =>
        id >= 1 && id <= nodes.Length
            ? nodes[id - 1]
            : throw Guard.OutOfRange("trace", $"events naming nodes 1 to {nodes.Length.ToString(CultureInfo.InvariantCulture)}", $"node {id.ToString(CultureInfo.InvariantCulture)}");

    private sealed class NodeState(int id)
    {
        public int Id { get; } = id;

        public List<RoleSegment> Segments { get; } = [];

        public bool IsUp { get; set; } = true;

        public long DownFrom { get; set; }

        public long Term { get; private set; }

        private long from;
        private RaftRole role = RaftRole.Follower;

        public void Open(long tick, RaftRole newRole, long term)
        {
            from = tick;
            role = newRole;
            Term = term;
        }

        public void Close(long tick)
        {
            if (tick <= from)
            {
                return;
            }

            if (Segments.Count > 0 && Segments[^1] is { } last && last.ToTick == from && last.Role == role && last.Term == Term)
            {
                Segments[^1] = last with { ToTick = tick };
            }
            else
            {
                Segments.Add(new RoleSegment(Id, from, tick, role, Term));
            }

            from = tick;
        }
    }
}
