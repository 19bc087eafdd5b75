namespace Workbook.Core.Reliability.Locks;

/// <summary>A named, hand-timed lock simulation: two clients, 1 ms messages, a 50 ms lease, work 10 ms, retry 12 ms.</summary>
/// <param name="Name">A kebab-case name ("naive-get-then-set").</param>
/// <param name="Title">What the scenario shows, in a few words.</param>
/// <param name="Options">The setting.</param>
public sealed record LockScenario(string Name, string Title, LockSimulationOptions Options)
{
    /// <summary>The seed of every scenario (their delays are fixed, so it does not matter).</summary>
    public const long Seed = 1;

    /// <summary>Runs the scenario.</summary>
    /// <returns>The run.</returns>
    public LockRun Run() => LockSimulation.Run(Options, Seed);

    /// <summary>Runs the scenario with learner code in place of some rules.</summary>
    /// <param name="hooks">The replaced rules.</param>
    /// <returns>The run.</returns>
    public LockRun Run(LockHooks hooks) => LockSimulation.Run(Options, Seed, hooks);
}

/// <summary>The four hand-timed scenarios of episode 23's lock: one per strategy, each showing its failure or its fix.</summary>
/// <remarks>Their timelines are worked out by hand in the tests (LockSimulationTests) and kept as golden transcripts.</remarks>
public static class LockScenarios
{
    /// <summary>Client 0 paused from 5 to 65 ms, during its work (its lease lapses at 51).</summary>
    public static ProcessPause PauseDuringWork { get; } = new(clientIndex: 0, startMs: 5, durationMs: 60);

    /// <summary>Client 0 paused from 12.5 to 112.5 ms, after its lease check passed and before its write goes out.</summary>
    public static ProcessPause PauseBetweenCheckAndWrite { get; } = new(clientIndex: 0, startMs: 12.5, durationMs: 100);

    /// <summary>The four scenarios, in the order of the lesson.</summary>
    public static IReadOnlyList<LockScenario> All { get; } =
    [
        new("naive-get-then-set", "GET then SET: both clients see the key absent",
            new LockSimulationOptions(LockStrategy.NaiveGetThenSet, startSpacingMs: 1)),
        new("unchecked-delete", "SET NX, plain DEL: a paused client deletes the next owner's lock",
            new LockSimulationOptions(LockStrategy.SetNxUncheckedDelete, roundsPerClient: 2, pauses: [PauseDuringWork])),
        new("owner-checked-stale-write", "Owner-checked release: a client paused after its check writes late",
            new LockSimulationOptions(LockStrategy.OwnerCheckedRelease, pauses: [PauseBetweenCheckAndWrite])),
        new("fencing-rejects-stale-write", "Fencing tokens: the storage rejects the late write",
            new LockSimulationOptions(LockStrategy.FencingTokens, pauses: [PauseBetweenCheckAndWrite])),
    ];

    /// <summary>One scenario by name.</summary>
    /// <param name="name">One of the names in <see cref="All"/>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="name"/> is not a scenario's name.</exception>
    public static LockScenario Get(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw Guard.OutOfRange(nameof(name), string.Join(", ", All.Select(s => s.Name)), name);
}
