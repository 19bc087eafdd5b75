using System.Diagnostics.CodeAnalysis;

namespace Workbook.Core.Consensus;

/// <summary>The messages a stable leader's cluster spends on client commands, heartbeats excluded; see <see cref="MessageCost.MeasureSteadyState"/>.</summary>
/// <remarks>When <see cref="IsMeasured"/> is false, <see cref="Reason"/> says why (no stable leader, a command not committed) and the counts are not a steady-state cost.</remarks>
public sealed record SteadyStateMessageCost
{
    internal SteadyStateMessageCost(int nodeCount, int commands, int committedCommands, long windowTicks, long messagesWithCommands, long messagesWithoutCommands, string? problem)
    {
        NodeCount = nodeCount;
        Commands = commands;
        CommittedCommands = committedCommands;
        WindowTicks = windowTicks;
        MessagesWithCommands = messagesWithCommands;
        MessagesWithoutCommands = messagesWithoutCommands;
        Reason = problem ?? "one leader throughout and every command committed in the window";
        IsMeasured = problem is null;
    }

    /// <summary>Whether the window had one leader throughout and every command committed in it.</summary>
    public bool IsMeasured { get; }

    /// <summary>Why the cost was or was not measured.</summary>
    public string Reason { get; }

    /// <summary>The cluster size.</summary>
    public int NodeCount { get; }

    /// <summary>The commands proposed.</summary>
    public int Commands { get; }

    /// <summary>The commands committed within the window.</summary>
    public int CommittedCommands { get; }

    /// <summary>The length of the measured window, in ticks.</summary>
    public long WindowTicks { get; }

    /// <summary>Messages sent in the window of the run with commands (heartbeats and their replies included).</summary>
    public long MessagesWithCommands { get; }

    /// <summary>Messages sent in the same window of the same run without commands: heartbeats and their replies only.</summary>
    public long MessagesWithoutCommands { get; }

    /// <summary>Heartbeat traffic: messages per tick in the run without commands.</summary>
    public double HeartbeatMessagesPerTick => (double)MessagesWithoutCommands / WindowTicks;

    /// <summary>The extra messages per committed command: (with − without) / committed; 0 when nothing committed.</summary>
    public double MessagesPerCommand => CommittedCommands == 0 ? 0 : (double)(MessagesWithCommands - MessagesWithoutCommands) / CommittedCommands;
}
