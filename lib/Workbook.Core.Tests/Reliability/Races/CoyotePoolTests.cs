using Workbook.Core.Tests.Resilience.Breakers;

namespace Workbook.Core.Tests.Reliability.Races;

/// <summary>
/// The pools under Coyote's systematic testing (docs/coyote.md, "The connection pool"). Each test prints its numbers
/// (run with <c>--logger "console;verbosity=detailed"</c>); the failing schedule's trace is printed too, to replay.
/// </summary>
public sealed class CoyotePoolTests(ITestOutputHelper output)
{
    private const uint Seed = 23;
    private const int FindBudget = 100;             // schedules within which the double checkout must be found for seed 23
    private const int FixedSchedules = 5_000;       // per fixed pool

    [Fact]
    public void UnsafePool_DoubleCheckout_FoundWithinBudget_AndReplays()
    {
        var found = CoyoteHarness.Explore(typeof(CoyotePoolScenarios), nameof(CoyotePoolScenarios.UnsafePool), FindBudget, Seed, memoryAccesses: true);
        output.WriteLine($"seed {Seed}: bug found after {found.Iterations} schedule(s) in {found.Elapsed.TotalSeconds:F2} s: {found.BugReport}");
        output.WriteLine(found.ReproducibleTrace);
        Assert.Equal(1, found.BugsFound);
        Assert.Contains("double checkout", found.BugReport, StringComparison.Ordinal);

        var replayed = CoyoteHarness.Replay(typeof(CoyotePoolScenarios), nameof(CoyotePoolScenarios.UnsafePool), found.ReproducibleTrace, memoryAccesses: true);
        output.WriteLine($"replay: {replayed.BugReport} ({replayed.Elapsed.TotalSeconds:F2} s)");
        Assert.Equal(1, replayed.BugsFound);
        Assert.Equal(found.BugReport, replayed.BugReport);
    }

    [Theory]
    [InlineData(nameof(CoyotePoolScenarios.LockedPool))]
    [InlineData(nameof(CoyotePoolScenarios.BlockingPool))]
    public void FixedPools_ManySchedules_NoViolation(string scenario)
    {
        var outcome = CoyoteHarness.Explore(typeof(CoyotePoolScenarios), scenario, FixedSchedules, Seed, memoryAccesses: true);
        output.WriteLine($"{scenario}: {outcome.Iterations} schedules, {outcome.BugsFound} bugs, {outcome.Elapsed.TotalSeconds:F1} s");
        Assert.True(outcome.BugsFound == 0, outcome.BugReport);
        Assert.Equal(FixedSchedules, outcome.Iterations);
    }

    /// <summary>
    /// The bug report and reproducible trace of seed 23 against the committed <c>data/reliability/coyote-unsafe-pool.txt</c>
    /// (shown in the notebook); <c>WORKBOOK_UPDATE_GOLDEN=1</c> rewrites it (the test then reports skipped).
    /// </summary>
    [Fact]
    public void UnsafePool_BugReportAndTrace_MatchTheCommittedFile()
    {
        var found = CoyoteHarness.Explore(typeof(CoyotePoolScenarios), nameof(CoyotePoolScenarios.UnsafePool), FindBudget, Seed, memoryAccesses: true);
        Assert.Equal(1, found.BugsFound);
        var lines = new List<string>
        {
            $"# Coyote 1.7.11, CoyotePoolScenarios.UnsafePool (the seed's pool: 2 callers, 2 connections), random strategy, seed {Seed},",
            "# memory-access scheduling points on. Written by CoyotePoolTests.UnsafePool_BugReportAndTrace_MatchTheCommittedFile,",
            "# which fails when a fresh run differs; WORKBOOK_UPDATE_GOLDEN=1 rewrites it. Replay the trace with",
            "# CoyoteHarness.Replay(typeof(CoyotePoolScenarios), \"UnsafePool\", trace, memoryAccesses: true).",
            $"schedules run until the bug: {found.Iterations}",
            $"bug report: {found.BugReport}",
            "reproducible trace:",
        };
        lines.AddRange(found.ReproducibleTrace.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'));

        GoldenFile.AssertMatches(Path.Combine(Repository.Root, "data", "reliability", "coyote-unsafe-pool.txt"), lines);
    }

    /// <summary>Schedules to find the double checkout over seeds 1–30 (printed; found for every seed, and never without memory accesses).</summary>
    [Fact]
    public void UnsafePool_SchedulesToFind_OverSeeds1To30()
    {
        var counts = new List<int>();
        for (uint seed = 1; seed <= 30; seed++)
        {
            var found = CoyoteHarness.Explore(typeof(CoyotePoolScenarios), nameof(CoyotePoolScenarios.UnsafePool), 1_000, seed, memoryAccesses: true);
            Assert.True(found.BugsFound == 1, $"seed {seed}: not found in 1,000 schedules");
            counts.Add(found.Iterations);
        }

        var plain = CoyoteHarness.Explore(typeof(CoyotePoolScenarios), nameof(CoyotePoolScenarios.UnsafePool), 1_000, Seed, memoryAccesses: false);
        output.WriteLine($"without memory-access scheduling points (seed {Seed}, 1,000-schedule budget): {plain.BugsFound} bug(s) in {plain.Iterations} schedule(s)");
        Assert.Equal(0, plain.BugsFound);
        Assert.Equal(1_000, plain.Iterations);
        counts.Sort();
        output.WriteLine($"schedules to find, seeds 1-30: min {counts[0]}, median {(counts[14] + counts[15]) / 2.0}, max {counts[^1]}; all: {string.Join(", ", counts)}");
    }
}
