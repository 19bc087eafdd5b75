using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>One entry of a Raft log: its position, the term of the leader that created it, and a client command or a leader's no-op.</summary>
/// <param name="Index">The 1-based position in the log.</param>
/// <param name="Term">The term in which a leader created the entry.</param>
/// <param name="Command">The client's command; empty for a no-op.</param>
/// <param name="IsNoOp">Whether this is the no-op a new leader appends (see <see cref="RaftOptions.AppendNoOpOnElection"/>).</param>
public sealed record LogEntry(long Index, long Term, string Command, bool IsNoOp = false)
{
    /// <summary>A compact form for transcripts: <c>3:2 "x=1"</c> or <c>4:3 no-op</c> (index:term).</summary>
    public override string ToString() =>
        IsNoOp
            ? string.Create(CultureInfo.InvariantCulture, $"{Index}:{Term} no-op")
            : string.Create(CultureInfo.InvariantCulture, $"{Index}:{Term} \"{Command}\"");
}
