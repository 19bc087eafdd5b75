using Microsoft.Coyote.Specifications;
using Workbook.Core.Reliability.Races;

namespace Workbook.Core.Tests.Reliability.Races;

/// <summary>
/// The pools under Coyote (run through <c>CoyoteHarness</c> with memory-access scheduling points: the unsafe pool's
/// window between its check and its act contains only plain field and <see cref="List{T}"/> accesses). Each scenario:
/// callers started with <c>Task.Run</c>, awaited, then the invariant stated with <c>Specification.Assert</c>.
/// </summary>
public static class CoyotePoolScenarios
{
    /// <summary>The seed's pool: two callers, two connections; they must not get the same one.</summary>
    public static async Task UnsafePool()
    {
        var pool = new UnsafeConnectionPool(2);
        var got = await Task.WhenAll(Task.Run(pool.TryCheckout), Task.Run(pool.TryCheckout));
        AssertDistinct(got);
    }

    /// <summary>The locked pool: three callers, two connections, each gives its connection back; then all are free again.</summary>
    public static async Task LockedPool()
    {
        var pool = new LockedConnectionPool(2);
        var holders = new int[2];
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => CheckoutAndRelease(pool, pool.TryCheckout(), holders))));
        AssertAllFree(pool);
    }

    /// <summary>The blocking pool: three callers, one connection, each waits (up to a timeout) and gives it back.</summary>
    public static async Task BlockingPool()
    {
        using var pool = new BlockingConnectionPool(1);
        var holders = new int[1];
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            CheckoutAndRelease(pool, await pool.CheckoutAsync(TimeSpan.FromSeconds(5)), holders))));
        AssertAllFree(pool);
    }

    private static void CheckoutAndRelease(IConnectionPool pool, PoolCheckout checkout, int[] holders)
    {
        if (!checkout.IsGranted)
        {
            return;
        }

        int holding = Interlocked.Increment(ref holders[checkout.ConnectionId]);
        Specification.Assert(holding == 1, $"double checkout: connection {checkout.ConnectionId} held by {holding} callers at once");
        Interlocked.Decrement(ref holders[checkout.ConnectionId]);
        pool.Release(checkout.ConnectionId);
    }

    private static void AssertDistinct(PoolCheckout[] got)
    {
        var ids = got.Where(c => c.IsGranted).Select(c => c.ConnectionId).ToList();
        Specification.Assert(ids.Distinct().Count() == ids.Count, $"double checkout: the callers got connections {string.Join(" and ", ids)}");
    }

    private static void AssertAllFree(IConnectionPool pool)
    {
        var ids = Enumerable.Range(0, pool.Size).Select(_ => pool.TryCheckout()).Where(c => c.IsGranted).Select(c => c.ConnectionId).Order().ToList();
        Specification.Assert(ids.SequenceEqual(Enumerable.Range(0, pool.Size)), $"after every release the free ids are [{string.Join(", ", ids)}]");
    }
}
