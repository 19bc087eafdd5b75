namespace Workbook.Core.Consensus;

/// <summary>Turns a <see cref="RaftCluster.Trace"/> into the arrows of a message sequence chart.</summary>
/// <remarks>
/// The trace records a send (<see cref="MessageSent"/>, with its due tick) and later a delivery or a drop;
/// a message lost or cut off by a partition when sent has only its <see cref="MessageDropped"/>. Each
/// delivery or drop at its due tick is paired with the earliest unpaired send of an equal message due then.
/// </remarks>
public static class MessageSequence
{
    /// <summary>The kind of a message.</summary>
    /// <param name="message">A Raft message.</param>
    /// <returns>Its kind; an AppendEntries with no entries is a <see cref="MessageKind.Heartbeat"/>.</returns>
    /// <exception cref="ArgumentException">The message is none of the six Raft messages.</exception>
    public static MessageKind KindOf(RaftMessage message) => message switch
    {
        RequestVote => MessageKind.RequestVote,
        RequestVoteResponse => MessageKind.VoteReply,
        AppendEntries { Entries.Count: 0 } => MessageKind.Heartbeat,
        AppendEntries => MessageKind.AppendEntries,
        AppendEntriesResponse => MessageKind.AppendReply,
        InstallSnapshot => MessageKind.InstallSnapshot,
        InstallSnapshotResponse => MessageKind.SnapshotReply,
        null => throw new ArgumentNullException(nameof(message)),
        _ => throw new ArgumentException($"{nameof(message)} must be one of the six Raft messages; got {message.GetType().Name}.", nameof(message)),
    };

    /// <summary>The arrows of every message sent in ticks [<paramref name="fromTick"/>, <paramref name="toTick"/>).</summary>
    /// <param name="trace">The events of a run, in order.</param>
    /// <param name="fromTick">The first sending tick to include; &gt;= 0.</param>
    /// <param name="toTick">The tick after the last sending tick to include; &gt;= <paramref name="fromTick"/>.</param>
    /// <returns>The arrows in the order the messages were sent.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A tick is outside its range.</exception>
    public static IReadOnlyList<MessageArrow> Arrows(IReadOnlyList<ClusterEvent> trace, long fromTick, long toTick)
    {
        ArgumentNullException.ThrowIfNull(trace);
        if (fromTick < 0)
        {
            throw Guard.OutOfRange(nameof(fromTick), "a tick >= 0", fromTick.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (toTick < fromTick)
        {
            throw Guard.OutOfRange(nameof(toTick), $"a tick >= {nameof(fromTick)} ({fromTick.ToString(System.Globalization.CultureInfo.InvariantCulture)})", toTick.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Each send gets a slot, in trace order; a later delivery or drop fills the slot of the earliest open send
        // of an equal message due at that tick.
        var slots = new List<MessageArrow>();
        var open = new Dictionary<(RaftMessage Message, long Due), Queue<int>>();
        foreach (var e in trace)
        {
            switch (e)
            {
                case MessageSent sent:
                    var key = (sent.Message, sent.DeliverAtTick);
                    if (!open.TryGetValue(key, out var queue))
                    {
                        open[key] = queue = new Queue<int>();
                    }

                    queue.Enqueue(slots.Count);
                    slots.Add(new MessageArrow(sent.Message, sent.Tick, sent.DeliverAtTick, MessageFate.InFlight, sent.IsDuplicate));
                    break;
                case MessageDelivered delivered:
                    if (!Close(slots, open, delivered.Message, delivered.Tick, MessageFate.Delivered))
                    {
                        slots.Add(new MessageArrow(delivered.Message, delivered.SentAtTick, delivered.Tick, MessageFate.Delivered, IsDuplicate: false));
                    }

                    break;
                case MessageDropped dropped:
                    var fate = dropped.Reason switch
                    {
                        DropReason.Lost => MessageFate.Lost,
                        DropReason.Partitioned => MessageFate.Partitioned,
                        _ => MessageFate.ReceiverCrashed,
                    };
                    if (!Close(slots, open, dropped.Message, dropped.Tick, fate))
                    {
                        slots.Add(new MessageArrow(dropped.Message, dropped.Tick, dropped.Tick, fate, IsDuplicate: false));
                    }

                    break;
            }
        }

        return [.. slots.Where(a => a.SentTick >= fromTick && a.SentTick < toTick)];
    }

    private static bool Close(List<MessageArrow> slots, Dictionary<(RaftMessage, long), Queue<int>> open, RaftMessage message, long tick, MessageFate fate)
    {
        if (!open.TryGetValue((message, tick), out var queue) || queue.Count == 0)
        {
            return false;
        }

        var index = queue.Dequeue();
        slots[index] = slots[index] with { EndTick = tick, Fate = fate };
        return true;
    }
}
