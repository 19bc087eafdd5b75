namespace Workbook.Core.Consensus;

/// <summary>The hint a follower sends with a rejection so its leader can back up a whole term at a time (see <see cref="AppendEntriesResponse"/>).</summary>
/// <param name="Term">The term of the follower's entry at PrevLogIndex, or 0 if its log is shorter.</param>
/// <param name="Index">The first index the follower holds of <paramref name="Term"/>, or its last index + 1 if Term is 0.</param>
public sealed record ConflictHint(long Term, long Index);
