namespace Workbook.Core.Reliability.Locks;

/// <summary>How often a strategy fails over many seeded runs of one setting.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Runs">Seeded runs (seeds 1 to <paramref name="Runs"/>).</param>
/// <param name="OverlapRuns">Runs in which two clients' critical sections overlapped.</param>
/// <param name="StaleWriteRuns">Runs in which the storage accepted a stale write.</param>
/// <param name="ForeignDeleteRuns">Runs with at least one foreign delete.</param>
public sealed record StrategyOutcome(LockStrategy Strategy, int Runs, int OverlapRuns, int StaleWriteRuns, int ForeignDeleteRuns);

/// <summary>Seeded sweeps of the lock simulation: the faulty setting of episode 23 and the outcome counts per strategy.</summary>
public static class LockOutcomes
{
    /// <summary>The faulty setting: 3 clients × 5 rounds, lease 50 ms, work 10 ms, delays uniform 0.5–5 ms, 5 pauses/s of mean 40 ms, ±1 % client drift.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The options.</returns>
    public static LockSimulationOptions FaultySetting(LockStrategy strategy) => new(strategy, clientCount: 3, roundsPerClient: 5,
        messageDelayMinMs: 0.5, messageDelayMaxMs: 5, pauseRatePerSecond: 5, maxClientClockDrift: 0.01);

    /// <summary>Runs seeds 1 to <paramref name="seeds"/> of <paramref name="options"/> and counts the failures.</summary>
    /// <param name="options">The setting.</param>
    /// <param name="seeds">How many seeds; an integer &gt;= 1.</param>
    /// <returns>The counts.</returns>
    public static StrategyOutcome Count(LockSimulationOptions options, int seeds)
    {
        ArgumentNullException.ThrowIfNull(options);
        Guard.Positive(seeds, nameof(seeds));
        int overlap = 0, stale = 0, foreign = 0;
        for (long seed = 1; seed <= seeds; seed++)
        {
            var run = LockSimulation.Run(options, seed);
            overlap += run.SectionsOverlap ? 1 : 0;
            stale += run.StaleWriteAccepted ? 1 : 0;
            foreign += run.ForeignDeletes > 0 ? 1 : 0;
        }

        return new StrategyOutcome(options.Strategy, seeds, overlap, stale, foreign);
    }

    /// <summary>A strategy's name as the figures and tables show it.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>A short label ("owner-checked release").</returns>
    public static string Label(LockStrategy strategy) => strategy switch
    {
        LockStrategy.NaiveGetThenSet => "GET then SET",
        LockStrategy.SetNxUncheckedDelete => "SET NX, plain DEL",
        LockStrategy.OwnerCheckedRelease => "owner-checked release",
        _ => "fencing tokens",
    };
}
