namespace Workbook.Core.Consensus;

/// <summary>The five safety properties of Raft (extended Raft paper, Figure 3) that <see cref="RaftInvariants"/> checks.</summary>
public enum RaftInvariant
{
    /// <summary>At most one leader is elected in a term.</summary>
    ElectionSafety,

    /// <summary>A leader never overwrites or deletes entries of its own log while it leads; it only appends.</summary>
    LeaderAppendOnly,

    /// <summary>If two logs hold an entry with the same index and term, they are identical up to that index.</summary>
    LogMatching,

    /// <summary>A committed entry is in the log of every leader of a later term.</summary>
    LeaderCompleteness,

    /// <summary>No two nodes apply different entries at the same index.</summary>
    StateMachineSafety,
}
