namespace Workbook.Core.Tests.Resilience.Breakers;

/// <summary>
/// Systematic concurrency tests: Coyote explores schedules of the half-open race (thread interleavings at
/// every lock, volatile and interlocked access of the rewritten code) with a seeded random strategy. The
/// mutant tests show the set-up can fail: the probe grant without its lock is caught, and its schedule replays.
/// </summary>
public class CoyoteBreakerTests
{
    private const int Iterations = 1_000;
    private const uint Seed = 13;

    [Fact]
    public void ProductionBreaker_HalfOpenRace_HoldsOnEveryExploredSchedule() =>
        AssertNoBug(CoyoteHarness.Explore(nameof(CoyoteBreakerScenarios.ProductionHalfOpen), Iterations, Seed));

    [Fact]
    public void ProductionBreaker_HalfOpenRaceWithManualReset_HoldsOnEveryExploredSchedule() =>
        AssertNoBug(CoyoteHarness.Explore(nameof(CoyoteBreakerScenarios.ProductionHalfOpenWithReset), Iterations, Seed));

    [Fact]
    public void IntermediateBreaker_HalfOpenRaceForTwoProbes_HoldsOnEveryExploredSchedule() =>
        AssertNoBug(CoyoteHarness.Explore(nameof(CoyoteBreakerScenarios.IntermediateHalfOpen), Iterations, Seed));

    [Fact]
    public void MutantCopyWithItsLock_Passes() =>
        AssertNoBug(CoyoteHarness.Explore(nameof(CoyoteBreakerScenarios.MutantWithLock), Iterations, Seed));

    [Fact]
    public void MutantGrantingTheProbeWithoutTheLock_IsCaughtAndItsScheduleReplays()
    {
        var found = CoyoteHarness.Explore(nameof(CoyoteBreakerScenarios.MutantWithoutLock), Iterations, Seed);

        Assert.Equal(1, found.BugsFound);
        Assert.Contains("half-open probes in flight at once", found.BugReport);
        Assert.NotEmpty(found.ReproducibleTrace);

        var replayed = CoyoteHarness.Replay(nameof(CoyoteBreakerScenarios.MutantWithoutLock), found.ReproducibleTrace);
        Assert.Equal(1, replayed.BugsFound);
        Assert.Equal(found.BugReport, replayed.BugReport);
    }

    private static void AssertNoBug(CoyoteOutcome outcome)
    {
        Assert.True(outcome.BugsFound == 0, $"Coyote found a bug: {outcome.BugReport}{Environment.NewLine}replay with this trace:{Environment.NewLine}{outcome.ReproducibleTrace}");
        Assert.Equal(Iterations, outcome.Iterations);
    }
}
