namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>What one scenario did against the server: each command with its reply, and whether the lock failed to protect.</summary>
/// <param name="Name">The scenario, e.g. "unchecked DEL".</param>
/// <param name="Steps">The commands in the order they ran, one line each ("A: SET NX PX 200 → granted, token 1").</param>
/// <param name="SafetyViolated">Whether the run broke mutual exclusion or let a stale write through.</param>
/// <param name="Finding">The outcome in one sentence.</param>
public sealed record RedisScenarioOutcome(string Name, IReadOnlyList<string> Steps, bool SafetyViolated, string Finding)
{
    /// <summary>The name, the steps and the finding, one per line.</summary>
    /// <returns>The transcript.</returns>
    public override string ToString() =>
        $"{Name}{Environment.NewLine}{string.Concat(Steps.Select(s => $"  {s}{Environment.NewLine}"))}  => {Finding}";
}
