using Workbook.Core.Reliability.Races;

namespace Workbook.Core.Tests.Reliability.Races;

public sealed class ConnectionPoolTests
{
    [Fact]
    public void UnsafePool_OneThread_HandsOutTheLastIdFirstThenSaysEmpty()
    {
        var pool = new UnsafeConnectionPool(3);
        Assert.Equal([2, 1, 0], Enumerable.Range(0, 3).Select(_ => pool.TryCheckout().ConnectionId));
        var none = pool.TryCheckout();
        Assert.False(none.IsGranted);
        Assert.Equal("the free list was empty", none.Reason);
    }

    [Fact]
    public void LockedPool_ReleaseValidatesTheId()
    {
        var pool = new LockedConnectionPool(2);
        int id = pool.TryCheckout().ConnectionId;
        pool.Release(id);
        var twice = Assert.Throws<InvalidOperationException>(() => pool.Release(id));
        Assert.Contains($"connection {id} is not checked out", twice.Message);
        BadInput.Rejects(() => pool.Release(2), "connectionId", "a connection id in [0, 1]");
        BadInput.Rejects(() => pool.Release(-1), "connectionId", "a connection id in [0, 1]");
    }

    [Fact]
    public void LockedPool_Empty_SaysWhy()
    {
        var pool = new LockedConnectionPool(1);
        Assert.True(pool.TryCheckout().IsGranted);
        Assert.Equal("all 1 connections are checked out", pool.TryCheckout().Reason);
    }

    [Fact]
    public async Task BlockingPool_TimesOutWithAReason_AndAReleaseWakesAWaiter()
    {
        using var pool = new BlockingConnectionPool(1);
        var first = pool.Checkout(TimeSpan.Zero);
        Assert.True(first.IsGranted);
        var timedOut = pool.Checkout(TimeSpan.FromMilliseconds(20));
        Assert.False(timedOut.IsGranted);
        Assert.Equal("all 1 connections stayed checked out for 20 ms", timedOut.Reason);

        var waiter = Task.Run(() => pool.Checkout(TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);
        pool.Release(first.ConnectionId);
        Assert.Equal(PoolCheckout.Granted(0), await waiter);
        pool.Release(0);
        Assert.Throws<InvalidOperationException>(() => pool.Release(0));
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        BadInput.Rejects(() => _ = new UnsafeConnectionPool(0), "size", "an integer > 0");
        BadInput.Rejects(() => _ = new LockedConnectionPool(-3), "size", "an integer > 0");
        BadInput.Rejects(() => _ = new BlockingConnectionPool(0), "size", "an integer > 0");
        using var pool = new BlockingConnectionPool(1);
        BadInput.Rejects(() => pool.Checkout(TimeSpan.FromMilliseconds(-1)), "timeout", "a duration >= 0");
        BadInput.RejectsArgument(() => PoolCheckout.NoConnection(" "), "reason", "must contain text");
    }

    /// <summary>A property on real threads: over K barrier-released runs, the fixed pools never hand one id to two threads.</summary>
    [Theory]
    [InlineData("locked")]
    [InlineData("blocking")]
    public void FixedPools_ManyBarrierRuns_NeverDoubleCheckOut(string kind)
    {
        const int threads = 4, runs = 300;
        var result = PoolStress.RunsUntilDoubleCheckout(
            () => kind == "locked" ? new LockedConnectionPool(threads) : new BlockingConnectionPool(threads), threads, runs);
        Assert.False(result.Found, result.Reason);
        Assert.Equal(runs, result.Runs);
        Assert.Equal("no double checkout in 300 runs of 4 threads", result.Reason);
    }

    [Fact]
    public void Stress_BadInput_IsRejected()
    {
        BadInput.Rejects(() => PoolStress.RunsUntilDoubleCheckout(() => new LockedConnectionPool(2), 1, 10), "threads", "an integer >= 2");
        BadInput.Rejects(() => PoolStress.RunsUntilDoubleCheckout(() => new LockedConnectionPool(2), 2, 0), "maxRuns", "an integer > 0");
    }
}
