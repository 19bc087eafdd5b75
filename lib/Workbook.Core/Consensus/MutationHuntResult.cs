namespace Workbook.Core.Consensus;

/// <summary>What a <see cref="MutationHunt"/> found for one set of rules: the random fault runs', the liveness runs' and the scenario suite's findings.</summary>
/// <param name="RulesName">The rules hunted (a planted bug's id, or "standard").</param>
/// <param name="FaultRuns">The first failing random fault run, or that all passed.</param>
/// <param name="LivenessRuns">The first quiet run from a cold start that missed the liveness bound (or broke an invariant), or that all passed.</param>
/// <param name="Scenarios">The first failing scenario run, or that all passed.</param>
public sealed record MutationHuntResult(string RulesName, MutationFinding FaultRuns, MutationFinding LivenessRuns, MutationFinding Scenarios)
{
    /// <summary>Whether either search caught the rules failing.</summary>
    public bool IsCaught => FaultRuns.IsCaught || LivenessRuns.IsCaught || Scenarios.IsCaught;

    /// <summary>The first search that caught the rules (random faults, then liveness runs, then scenarios); when none did, the random faults' finding.</summary>
    public MutationFinding First => FaultRuns.IsCaught ? FaultRuns : LivenessRuns.IsCaught ? LivenessRuns : Scenarios.IsCaught ? Scenarios : FaultRuns;
}
