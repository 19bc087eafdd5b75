namespace Workbook.Core.Consensus;

/// <summary>The kinds of Raft message a picture tells apart; an AppendEntries with no entries is a heartbeat.</summary>
public enum MessageKind
{
    /// <summary>A candidate asks for a vote.</summary>
    RequestVote,

    /// <summary>A voter answers a <see cref="RequestVote"/>.</summary>
    VoteReply,

    /// <summary>An AppendEntries that carries entries.</summary>
    AppendEntries,

    /// <summary>An AppendEntries with no entries.</summary>
    Heartbeat,

    /// <summary>A follower answers an AppendEntries.</summary>
    AppendReply,

    /// <summary>A leader sends its snapshot (<see cref="Consensus.InstallSnapshot"/>).</summary>
    InstallSnapshot,

    /// <summary>A follower answers an InstallSnapshot.</summary>
    SnapshotReply,
}
