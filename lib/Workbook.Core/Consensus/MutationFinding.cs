namespace Workbook.Core.Consensus;

/// <summary>What one search of a <see cref="MutationHunt"/> found: the first failing run, what caught it and how many runs it took, or that every run passed.</summary>
/// <param name="Search">"random faults" or "scenario suite".</param>
/// <param name="IsCaught">Whether a run failed.</param>
/// <param name="Seed">The failing run's seed (0 when nothing was caught).</param>
/// <param name="Runs">Runs made, the failing one included (all of them when nothing was caught).</param>
/// <param name="CaughtBy">What failed: "invariant: Election Safety", "liveness", "rule check", or "scenario raft.backup"; empty when nothing was caught.</param>
/// <param name="Reason">In words: the failure, or what passed.</param>
/// <param name="Report">The violation's report with the last events of the nodes involved (the reason alone for scenario and liveness failures).</param>
public sealed record MutationFinding(string Search, bool IsCaught, long Seed, int Runs, string CaughtBy, string Reason, string Report);
