namespace Workbook.Core.Consensus;

/// <summary>The three roles of a Raft node (extended Raft paper, Figure 4).</summary>
public enum RaftRole
{
    /// <summary>Answers leaders and candidates; starts an election when its timer runs out.</summary>
    Follower,

    /// <summary>Has started an election in its current term and is collecting votes.</summary>
    Candidate,

    /// <summary>Won its term's election: takes proposals and replicates its log.</summary>
    Leader,
}
