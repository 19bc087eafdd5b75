namespace Workbook.Core.Consensus;

/// <summary>A candidate's count of votes: the input of <see cref="RaftRules.WinsElection"/>.</summary>
/// <param name="VotesGranted">Votes granted to the candidate in its current term, its own included.</param>
/// <param name="ClusterSize">The number of nodes in the cluster, the candidate included.</param>
public sealed record ElectionTallyContext(int VotesGranted, int ClusterSize);
