using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A leader sends its snapshot to a follower that needs entries it has discarded (extended Raft paper, Figure 13, InstallSnapshot RPC).</summary>
/// <remarks>
/// The whole snapshot travels in one message: there is no chunking, so Figure 13's offset and done
/// fields are always 0 and true and are left out. The follower answers with an <see cref="InstallSnapshotResponse"/>.
/// </remarks>
/// <param name="From">The leader.</param>
/// <param name="To">The follower.</param>
/// <param name="Term">The leader's term.</param>
/// <param name="LastIncludedIndex">The snapshot replaces all entries up to and including this index.</param>
/// <param name="LastIncludedTerm">The term of the entry at <paramref name="LastIncludedIndex"/>.</param>
/// <param name="Data">The application's state in the snapshot (opaque to Raft).</param>
public sealed record InstallSnapshot(int From, int To, long Term, long LastIncludedIndex, long LastIncludedTerm, string Data)
    : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"InstallSnapshot {From}->{To} t{Term} last=({LastIncludedIndex},t{LastIncludedTerm}) data={Data.Length} chars");
}
