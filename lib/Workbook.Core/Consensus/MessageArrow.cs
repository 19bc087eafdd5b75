namespace Workbook.Core.Consensus;

/// <summary>One message as an arrow of a message sequence chart: from its sender at the sending tick to its receiver at the tick it arrived, was dropped or was due.</summary>
/// <param name="Message">The message.</param>
/// <param name="SentTick">The tick it was sent.</param>
/// <param name="EndTick">The tick it was delivered, dropped or due; equal to <paramref name="SentTick"/> for a message lost or partitioned when sent.</param>
/// <param name="Fate">What became of it.</param>
/// <param name="IsDuplicate">Whether it is the network's second copy.</param>
public sealed record MessageArrow(RaftMessage Message, long SentTick, long EndTick, MessageFate Fate, bool IsDuplicate)
{
    /// <summary>The sender.</summary>
    public int From => Message.From;

    /// <summary>The receiver.</summary>
    public int To => Message.To;

    /// <summary>The kind of message.</summary>
    public MessageKind Kind => MessageSequence.KindOf(Message);

    /// <summary>Whether the network dropped it (lost, partitioned or receiver crashed).</summary>
    public bool IsDropped => Fate is MessageFate.Lost or MessageFate.Partitioned or MessageFate.ReceiverCrashed;

    /// <summary>Whether it never left its sender: lost or partitioned at the sending tick.</summary>
    public bool IsDroppedAtSend => IsDropped && EndTick == SentTick;
}
