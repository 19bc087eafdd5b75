namespace Workbook.Core.Consensus;

/// <summary>What became of a message in a simulated run.</summary>
public enum MessageFate
{
    /// <summary>It reached its receiver.</summary>
    Delivered,

    /// <summary>The network lost it when it was sent.</summary>
    Lost,

    /// <summary>A partition stopped it, when it was sent or when it was due.</summary>
    Partitioned,

    /// <summary>Its receiver was crashed when it was due.</summary>
    ReceiverCrashed,

    /// <summary>It was still on its way when the trace ends.</summary>
    InFlight,
}
