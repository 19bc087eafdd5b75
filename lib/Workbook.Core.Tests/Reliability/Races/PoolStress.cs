using Workbook.Core.Reliability.Races;

namespace Workbook.Core.Tests.Reliability.Races;

/// <summary>N real threads released together on a barrier, each checking out once (the same harness as the benchmark's).</summary>
internal static class PoolStress
{
    public static int[] CheckoutTogether(IConnectionPool pool, int threads)
    {
        var got = new int[threads];
        using var barrier = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            try
            {
                var checkout = pool.TryCheckout();
                got[i] = checkout.IsGranted ? checkout.ConnectionId : -1;
            }
            catch (ArgumentOutOfRangeException)
            {
                got[i] = -2;                        // the unsafe pool's List found empty after the check
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        return got;
    }
}
