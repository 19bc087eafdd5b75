using System.Globalization;

namespace Workbook.Core.Consensus;

/// <summary>A follower's answer to an <see cref="AppendEntries"/>, with the hints a leader needs to back up quickly.</summary>
/// <remarks>
/// On a rejection, <see cref="ConflictTerm"/> and <see cref="ConflictIndex"/> let the leader skip a whole
/// term of mismatching entries per round trip instead of one entry (the paper's remark at the end of
/// section 5.3; MIT 6.5840's "accelerated log backtracking"). When the follower's log is too short to
/// have an entry at PrevLogIndex, ConflictTerm is 0 (no term) and ConflictIndex is its last index + 1.
/// Otherwise ConflictTerm is the term of its entry at PrevLogIndex and ConflictIndex the first index it
/// holds of that term. On success both are 0.
/// </remarks>
/// <param name="From">The follower.</param>
/// <param name="To">The leader.</param>
/// <param name="Term">The follower's current term, for the leader to update itself.</param>
/// <param name="Success">Whether the follower's log matched at PrevLogIndex and now holds the entries.</param>
/// <param name="MatchIndex">On success, PrevLogIndex + the number of entries: the follower's log is known to match the leader's up to here. 0 on a rejection.</param>
/// <param name="ConflictTerm">On a rejection, the term of the follower's entry at PrevLogIndex, or 0 if it has none.</param>
/// <param name="ConflictIndex">On a rejection, the first index of <paramref name="ConflictTerm"/> in the follower's log, or its last index + 1 if ConflictTerm is 0.</param>
public sealed record AppendEntriesResponse(
    int From, int To, long Term, bool Success, long MatchIndex, long ConflictTerm, long ConflictIndex)
    : RaftMessage(From, To, Term)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Success
            ? string.Create(CultureInfo.InvariantCulture, $"AppendEntriesResponse {From}->{To} t{Term} success match={MatchIndex}")
            : string.Create(CultureInfo.InvariantCulture, $"AppendEntriesResponse {From}->{To} t{Term} reject conflict=(t{ConflictTerm},{ConflictIndex})");
}
