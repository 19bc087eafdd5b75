using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

public class LruRequestCacheTests
{
    private static string Upper(string key) => key.ToUpperInvariant();

    [Fact]
    public void EvictsTheLeastRecentlyUsed_InTheOrderWorkedByHand()
    {
        // Capacity 3. Add a, b, c (order of use: a, b, c); use a (b, c, a); add d: b is the least
        // recently used, so it goes (c, a, d); add e: c goes (a, d, e).
        var cache = new LruRequestCache(3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            cache.GetOrAdd(key, Upper);
        }

        Assert.Equal(["a", "b", "c"], cache.KeysLeastRecentFirst());
        Assert.Equal("A", cache.GetOrAdd("a", _ => throw new InvalidOperationException("a is cached: no compute")));
        Assert.Equal(["b", "c", "a"], cache.KeysLeastRecentFirst());
        cache.GetOrAdd("d", Upper);
        Assert.Equal(["c", "a", "d"], cache.KeysLeastRecentFirst());
        cache.GetOrAdd("e", Upper);
        Assert.Equal(["a", "d", "e"], cache.KeysLeastRecentFirst());
        Assert.Equal((3, 2L), (cache.Count, cache.Evictions));
        Assert.False(cache.Peek("b").HasValue);
        Assert.Equal("E", cache.Peek("e").Value);
    }

    [Fact]
    public void Peek_DoesNotCountAsAUse_AndSaysWhyThereIsNoValue()
    {
        var cache = new LruRequestCache(2);
        cache.GetOrAdd("x", Upper);
        cache.GetOrAdd("y", Upper);
        Assert.True(cache.Peek("x").HasValue); // x stays the least recently used
        cache.GetOrAdd("z", Upper);

        var missing = cache.Peek("x");
        Assert.False(missing.HasValue);
        Assert.Equal("", missing.Value);
        Assert.Contains("'x' is not cached", missing.Reason, StringComparison.Ordinal);
        Assert.Contains("least recently used of 2 entries", missing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputesOnlyOnAMiss_AndReturnsTheComputedValue()
    {
        var cache = new LruRequestCache(10);
        int computed = 0;
        string Compute(string k)
        {
            computed++;
            return "value of " + k;
        }

        Assert.Equal("value of q=1", cache.GetOrAdd("q=1", Compute));
        Assert.Equal("value of q=1", cache.GetOrAdd("q=1", Compute));
        Assert.Equal("value of q=2", cache.GetOrAdd("q=2", Compute));
        Assert.Equal(2, computed);
    }

    [Fact]
    public void CapacityOne_KeepsOnlyTheLastKey()
    {
        var cache = new LruRequestCache(1);
        cache.GetOrAdd("a", Upper);
        cache.GetOrAdd("b", Upper);
        Assert.Equal(["b"], cache.KeysLeastRecentFirst());
    }

    [Fact]
    public void AHotKey_StaysCached_UnderAStreamOfOneOffKeys()
    {
        // LRU's promise: a key used at least once every (capacity − 1) other keys is never evicted.
        // Capacity 100, the hot key every 99th request, 100,000 one-off keys: computed exactly once.
        var cache = new LruRequestCache(100);
        int hotComputed = 0;
        for (int i = 0; i < 100_000; i++)
        {
            if (i % 99 == 0)
            {
                cache.GetOrAdd("hot", k => { hotComputed++; return k; });
            }

            cache.GetOrAdd(MemoryGrowthProbe.RequestKey(i), Upper);
            Assert.True(cache.Count <= 100);
        }

        Assert.Equal(1, hotComputed);
    }

    [Fact]
    public void AKeyUnusedForCapacityOtherKeys_IsEvicted()
    {
        // The other side of the promise: after `capacity` distinct other keys, an unused key is gone.
        var cache = new LruRequestCache(100);
        cache.GetOrAdd("cold", Upper);
        for (int i = 0; i < 99; i++)
        {
            cache.GetOrAdd(MemoryGrowthProbe.RequestKey(i), Upper);
        }

        Assert.True(cache.Peek("cold").HasValue);
        cache.GetOrAdd(MemoryGrowthProbe.RequestKey(99), Upper);
        Assert.False(cache.Peek("cold").HasValue);
    }

    [Fact]
    public void UnderConcurrentUse_NeverHoldsMoreThanItsCapacity_AndEveryValueMatchesItsKey()
    {
        var cache = new LruRequestCache(64);
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (int i = 0; i < 50_000; i++)
            {
                string key = MemoryGrowthProbe.RequestKey(i % 500);
                Assert.Equal(key.ToUpperInvariant(), cache.GetOrAdd(key, Upper));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(64, cache.Count);
        Assert.Equal(64, cache.KeysLeastRecentFirst().Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void RejectsACapacityBelowOne(int capacity) =>
        BadInput.Rejects(() => new LruRequestCache(capacity), "capacity", "an integer > 0");

    [Fact]
    public void RejectsNullKeyAndCompute()
    {
        var cache = new LruRequestCache(1);
        Assert.Throws<ArgumentNullException>("key", () => cache.GetOrAdd(null!, Upper));
        Assert.Throws<ArgumentNullException>("compute", () => cache.GetOrAdd("a", null!));
        Assert.Throws<ArgumentNullException>("key", () => cache.Peek(null!));
        Assert.Throws<ArgumentNullException>("key", () => new UnboundedRequestCache().GetOrAdd(null!, Upper));
    }

    [Fact]
    public void UnboundedCache_KeepsEveryDistinctKey()
    {
        var cache = new UnboundedRequestCache();
        for (int i = 0; i < 1_000; i++)
        {
            cache.GetOrAdd(MemoryGrowthProbe.RequestKey(i), Upper);
        }

        cache.GetOrAdd(MemoryGrowthProbe.RequestKey(0), Upper);
        Assert.Equal(1_000, cache.Count);
    }
}
