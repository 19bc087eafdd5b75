using System.Globalization;

namespace Workbook.Core.Reliability.Races;

/// <summary>
/// A plain multi-threaded stress test of a pool: in each run, <c>threads</c> real threads are released together on a
/// <see cref="Barrier"/> and each checks out once; repeated until two of them get the same connection.
/// </summary>
/// <remarks>
/// Non-deterministic by nature (the OS schedules the threads): how many runs it takes varies from attempt to attempt
/// and machine to machine, which is the point of showing it beside the explorer and Coyote. The only bound is the
/// number of runs; the caller chooses it small enough for the time it can spend.
/// </remarks>
public static class PoolStress
{
    /// <summary>Runs up to <paramref name="maxRuns"/> barrier-released rounds of checkouts; stops at the first double checkout.</summary>
    /// <param name="newPool">Makes a fresh pool for each run.</param>
    /// <param name="threads">Threads per run; at least 2.</param>
    /// <param name="maxRuns">Runs at most; at least 1.</param>
    /// <returns>The first failing run, or that none failed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 2 or <paramref name="maxRuns"/> below 1.</exception>
    public static PoolStressRun RunsUntilDoubleCheckout(Func<IConnectionPool> newPool, int threads, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(newPool);
        Guard.AtLeast(threads, 2, nameof(threads));
        Guard.Positive(maxRuns, nameof(maxRuns));
        for (int run = 1; run <= maxRuns; run++)
        {
            var got = CheckoutTogether(newPool(), threads);
            var twice = got.Where(g => g.Id >= 0).GroupBy(g => g.Id).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                return new PoolStressRun(true, run, threads,
                    $"run {run.ToString(CultureInfo.InvariantCulture)}: connection {twice.Key.ToString(CultureInfo.InvariantCulture)} went to {twice.Count()} threads");
            }

            if (got.FirstOrDefault(g => g.Error is not null) is { Error: { } error })
            {
                return new PoolStressRun(true, run, threads,
                    $"run {run.ToString(CultureInfo.InvariantCulture)}: a thread passed the check and then found the list changed ({error})");
            }
        }

        return new PoolStressRun(false, maxRuns, threads,
            $"no double checkout in {maxRuns.ToString("N0", CultureInfo.InvariantCulture)} runs of {threads.ToString(CultureInfo.InvariantCulture)} threads");
    }

    private static (int Id, string? Error)[] CheckoutTogether(IConnectionPool pool, int threads)
    {
        var got = new (int Id, string? Error)[threads];
        using var barrier = new Barrier(threads);
        var workers = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            int slot = i;
            workers[i] = new Thread(() =>
            {
                barrier.SignalAndWait();
                try
                {
                    var checkout = pool.TryCheckout();
                    got[slot] = (checkout.IsGranted ? checkout.ConnectionId : -1, null);
                }
                catch (ArgumentOutOfRangeException e)
                {
                    got[slot] = (-1, e.GetType().Name);       // the unsafe pool's List, emptied between the check and the act
                }
            });
            workers[i].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        return got;
    }
}
