using Workbook.Core.Reliability.Leaks;

namespace Workbook.Core.Tests.Reliability.Leaks;

[Collection(HeapMeasurementCollection.Name)]
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
        var (slope, rSquared) = LeastSquares(growth.Samples);
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
        CountWatchingCache? watched = null;
        var growth = MemoryGrowthProbe.MeasureCache(() => watched = new CountWatchingCache(new LruRequestCache(capacity)), requests: 10_000_000, sampleEvery: 2_000_000);
        foreach (var s in growth.Samples)
        {
            output.WriteLine($"{s.Events,10} {s.RetainedBytes,12}");
        }

        Assert.Equal(capacity, watched!.MaxCount);
        Assert.Equal([0L, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000], growth.Samples.Select(s => s.Events));
        // Hand bound: 10,000 entries × (key ≈ 56 B + list node 48 B + dictionary entry 24 B + bucket 4 B) ≈ 1.3 MB;
        // every sample under 4 MiB, and the last within 1.25 × the sample at 2 M (the cache was full from 10,000 on)
        // plus 64 KiB. The unbounded cache would hold over a gigabyte here (≈ 120 B per request).
        long reference = growth.Samples[1].RetainedBytes;
        long last = growth.Samples[^1].RetainedBytes;
        Assert.True(last <= (1.25 * reference) + 65_536, $"retained bytes grew from {reference} at 2 M requests to {last} at 10 M");
        Assert.All(growth.Samples, s => Assert.True(s.RetainedBytes <= 4 << 20, $"{s.RetainedBytes} bytes retained at {s.Events} requests"));
    }

    private static double RoundUp8(int bytes) => (bytes + 7) / 8 * 8;

    private static (double Slope, double RSquared) LeastSquares(IReadOnlyList<MemorySample> samples)
    {
        double meanX = samples.Average(s => (double)s.Events);
        double meanY = samples.Average(s => (double)s.RetainedBytes);
        double sxx = samples.Sum(s => (s.Events - meanX) * (s.Events - meanX));
        double sxy = samples.Sum(s => (s.Events - meanX) * (s.RetainedBytes - meanY));
        double syy = samples.Sum(s => (s.RetainedBytes - meanY) * (s.RetainedBytes - meanY));
        return (sxy / sxx, sxy * sxy / (sxx * syy));
    }

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
