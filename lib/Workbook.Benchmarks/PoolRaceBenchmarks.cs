using System.Diagnostics;
using System.Globalization;
using Workbook.Core.Reliability.Races;
using Workbook.Core.Reliability.Races.Interleavings;

namespace Workbook.Benchmarks;

/// <summary>
/// The seed's pool race found three ways (issue 14): plain real-thread stress runs (non-deterministic: runs to the
/// first double checkout, over several attempts, capped), the in-library interleaving explorer (random schedules to
/// the first failure over seeds 1–30) and, for comparison, the Coyote numbers printed by CoyotePoolTests.
/// </summary>
/// <remarks>Not a timing benchmark: it reports counts; the wall time is printed for the record only.</remarks>
internal static class PoolRaceBenchmarks
{
    public static void RunsToFailure(TextWriter output, int attempts = 10, int cap = 20_000, int threads = 4)
    {
        output.WriteLine($"pool-race: {Environment.ProcessorCount} logical cores; each run releases {threads} threads on a barrier, each checks out once from a fresh pool of {threads}");
        var counts = new List<int>();
        var watch = Stopwatch.StartNew();
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            var result = PoolStress.RunsUntilDoubleCheckout(() => new UnsafeConnectionPool(threads), threads, cap);
            output.WriteLine($"  attempt {attempt,2}: {(result.Found ? $"found after {result.Runs:N0} runs" : $"not found in {cap:N0} runs")} — {result.Reason}");
            counts.Add(result.Found ? result.Runs : int.MaxValue);
        }

        watch.Stop();
        int found = counts.Count(c => c != int.MaxValue);
        var sorted = counts.Order().ToList();
        output.WriteLine($"  real threads: found in {found} of {attempts} attempts (cap {cap:N0} runs); runs to failure min {Show(sorted[0])}, upper median {Show(sorted[sorted.Count / 2])}, max {Show(sorted[^1])}; {watch.Elapsed.TotalSeconds:F1} s");

        var explorer = Enumerable.Range(1, 30).Select(seed => InterleavingExplorer.ExploreRandom(
            PoolRaces.Checkouts((free, _) => new SeedSimPool(free), poolSize: threads, threads: threads), 10_000, seed).FailingScheduleNumber).Order().ToList();
        output.WriteLine($"  interleaving explorer, random schedules, seeds 1-30: schedules to find min {explorer[0]}, median {explorer[14]}-{explorer[15]}, max {explorer[^1]}");
        output.WriteLine("  Coyote (CoyotePoolTests, 2 callers): see the test's printed output, docs/coyote.md \"The connection pool\"");

        static string Show(int runs) => runs == int.MaxValue ? "> cap" : runs.ToString("N0", CultureInfo.InvariantCulture);
    }
}
