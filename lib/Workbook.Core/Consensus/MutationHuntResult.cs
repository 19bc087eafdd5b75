namespace Workbook.Core.Consensus;

/// <summary>What a <see cref="MutationHunt"/> found for one set of rules: the random fault runs' finding and the scenario suite's.</summary>
/// <param name="RulesName">The rules hunted (a planted bug's id, or "standard").</param>
/// <param name="FaultRuns">The first failing random fault run, or that all passed.</param>
/// <param name="Scenarios">The first failing scenario run, or that all passed.</param>
public sealed record MutationHuntResult(string RulesName, MutationFinding FaultRuns, MutationFinding Scenarios)
{
    /// <summary>Whether either search caught the rules failing.</summary>
    public bool IsCaught => FaultRuns.IsCaught || Scenarios.IsCaught;
}
