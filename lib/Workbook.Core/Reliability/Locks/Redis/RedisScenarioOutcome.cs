namespace Workbook.Core.Reliability.Locks.Redis;

/// <summary>What one scenario did against the server: each command with its reply, and whether the lock failed to protect.</summary>
/// <param name="Name">The scenario, e.g. "unchecked DEL".</param>
/// <param name="Steps">The commands in the order they ran, one line each ("A: SET NX PX 200 → granted, token 1").</param>
/// <param name="SafetyViolated">Whether the run broke mutual exclusion or let a stale write through.</param>
/// <param name="Finding">The outcome in one sentence.</param>
/// <remarks>
/// A scenario the server stopped answering in the middle of is not complete: <see cref="IsComplete"/> is false,
/// <see cref="Reason"/> says in one line what happened and how to start a server, and the text is that one line.
/// </remarks>
public sealed record RedisScenarioOutcome(string Name, IReadOnlyList<string> Steps, bool SafetyViolated, string Finding)
{
    /// <summary>Whether the scenario ran to its end (false when the server went away or the connection was closed).</summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>Why the scenario did not run to its end, in one line (empty when it did).</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>A scenario cut short: no steps, no finding, and the one-line reason.</summary>
    /// <param name="name">The scenario.</param>
    /// <param name="reason">Why it stopped, one line.</param>
    /// <returns>An outcome with <see cref="IsComplete"/> false.</returns>
    public static RedisScenarioOutcome Interrupted(string name, string reason) =>
        new(name, [], false, string.Empty) { IsComplete = false, Reason = reason };

    /// <summary>The name, the steps and the finding, one per line; or, when not complete, the name and the reason on one line.</summary>
    /// <returns>The transcript.</returns>
    public override string ToString() => IsComplete
        ? $"{Name}{Environment.NewLine}{string.Concat(Steps.Select(s => $"  {s}{Environment.NewLine}"))}  => {Finding}"
        : $"{Name}: {Reason}";
}
