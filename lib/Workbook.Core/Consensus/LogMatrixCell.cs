namespace Workbook.Core.Consensus;

/// <summary>One entry of one node's log in a <see cref="LogMatrix"/>.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Index">The log index.</param>
/// <param name="Term">The entry's term.</param>
/// <param name="IsNoOp">Whether it is a leader's no-op.</param>
/// <param name="IsCommitted">Whether this very entry (index and term) is committed in the cluster.</param>
/// <param name="ConflictsWithCommitted">Whether an entry of another term is committed at this index: this one will be overwritten.</param>
public sealed record LogMatrixCell(int NodeId, long Index, long Term, bool IsNoOp, bool IsCommitted, bool ConflictsWithCommitted);
