using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.HeapTests.Reliability.Leaks;

public class CacheMemoryGrowthTests
{
    private readonly ITestOutputHelper output;

    public CacheMemoryGrowthTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void UnboundedCache_RetainedMemoryGrowsLinearly_ByAKeyAndAnEntryPerDistinctRequest()
    {
        UnboundedRequestCache? cache = null;
        var growth = MemoryGrowthProbe.MeasureCache(() => cache = new UnboundedRequestCache(), requests: 200_000, sampleEvery: 25_000);

        Assert.Equal(200_000, cache!.Count);
        // A string of n chars on 64-bit .NET: 8 (header) + 8 (type) + 4 (length) + 2(n + 1) bytes, rounded up to 8.
        double meanKeyBytes = Enumerable.Range(1, 200_000).Average(i => RoundUp8(22 + (2 * MemoryGrowthProbe.RequestKey(i).Length)));
        var (slope, rSquared) = LeastSquaresLine.Fit(growth.Samples);
        output.WriteLine($"mean key bytes {meanKeyBytes:F1}, slope {slope:F1} B/request, R² {rSquared:F5}");

        // Band from the layout: the key string, plus the dictionary's node (16 header + 2 × 8 references +
        // 8 next + 4 hash, padded: at least 40 B), plus 8 to 16 B of bucket array per entry (the table doubles);
        // 120 B of slack for the per-bucket lock table, padding and heap noise.
        Assert.InRange(slope, meanKeyBytes + 40, meanKeyBytes + 160);
        Assert.True(rSquared >= 0.98, $"retained bytes should grow linearly with distinct requests; R² = {rSquared:F5}");
    }

    [Fact]
    public void LruCache_StaysBounded_Over10MillionDistinctRequests()
    {
        const int capacity = 10_000;
        var maxCounts = new List<int>();
        long HeldAfter(int requests) => HeldBytes.After(
            () =>
            {
                var watched = new CountWatchingCache(new LruRequestCache(capacity));
                maxCounts.Add(0);
                return watched;
            },
            (cache, i) =>
            {
                cache.GetOrAdd(MemoryGrowthProbe.RequestKey(i), static _ => "value");
                maxCounts[^1] = cache.MaxCount;
            },
            requests);

        // The test runner's own threads (reporting results) can move the process-wide heap between two readings: a
        // measurement outside the bounds is repeated, up to three times (noise rarely strikes three times running; a
        // cache that really grows fails every time).
        long at2M = 0, at10M = 0;
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            maxCounts.Clear();
            at2M = HeldAfter(2_000_000);
            at10M = HeldAfter(10_000_000);
            output.WriteLine($"attempt {attempt}: held after 2 M distinct requests: {at2M} B; after 10 M: {at10M} B");
            if (at2M is >= 400_000 and <= (4 << 20) && at10M is >= 400_000 and <= (4 << 20) && at10M <= (1.25 * at2M) + 65_536)
            {
                break;
            }
        }

        Assert.Equal([capacity, capacity], maxCounts);
        // Hand bound: 10,000 entries × (key ≈ 56 B + list node 48 B + dictionary entry 24 B + bucket 4 B) ≈ 1.3 MB; at
        // least the 10,000 keys (10,000 × 40 B); at most 4 MiB; and 10 M requests hold at most 1.25 × what 2 M held
        // (the cache was full from request 10,000 on) plus 64 KiB. The unbounded cache would hold over a gigabyte here.
        Assert.InRange(at2M, 400_000, 4 << 20);
        Assert.InRange(at10M, 400_000, 4 << 20);
        Assert.True(at10M <= (1.25 * at2M) + 65_536, $"held bytes grew from {at2M} after 2 M requests to {at10M} after 10 M");
    }

    private static double RoundUp8(int bytes) => (bytes + 7) / 8 * 8;

    /// <summary>Passes requests through and remembers the most entries the cache ever held after a request.</summary>
    private sealed class CountWatchingCache(IRequestCache inner) : IRequestCache
    {
        public int MaxCount { get; private set; }

        public int Count => inner.Count;

        public string GetOrAdd(string key, Func<string, string> compute)
        {
            string value = inner.GetOrAdd(key, compute);
            MaxCount = Math.Max(MaxCount, inner.Count);
            return value;
        }
    }
}
