using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing;

public class JumpConsistentHashTests
{
    // Golden values from Guava's HashingTest.testConsistentHash_linearCongruentialGeneratorCompatibility
    // ("a few golden values to see that implementations across languages are equivalent"):
    // github.com/google/guava, guava-tests/test/com/google/common/hash/HashingTest.java,
    // commit 3dc3312423209098720e638ac3cb6884fbe77b75.
    private static readonly int[] Golden100 = [0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83];

    [Fact]
    public void Guava_Golden100_KeysZeroToNineteen()
    {
        for (int key = 0; key < Golden100.Length; key++)
        {
            Assert.Equal(Golden100[key], JumpConsistentHash.Bucket((ulong)key, 100));
        }
    }

    [Theory]
    [InlineData(10863919174838991UL, 11, 6)]
    [InlineData(2016238256797177309UL, 11, 3)]
    [InlineData(1673758223894951030UL, 11, 5)]
    [InlineData(2UL, 100001, 80343)]
    [InlineData(2201UL, 100001, 22152)]
    [InlineData(2202UL, 100001, 15018)]
    public void Guava_GoldenLargeKeysAndBucketCounts(ulong key, int buckets, int expected) =>
        Assert.Equal(expected, JumpConsistentHash.Bucket(key, buckets));

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(ulong.MaxValue)] // Java's -1L
    [InlineData(0x8000000000000000UL)] // Java's Long.MIN_VALUE
    [InlineData(0x7FFFFFFFFFFFFFFFUL)]
    [InlineData(0x9999999999999999UL)]
    public void Monotone_AGrowingBucketCountMovesAKeyOnlyToTheNewBucket(ulong key)
    {
        // Property (paper section 2; Guava's testConsistentHash_correctness): going from n - 1 to n buckets,
        // a key either stays or moves to bucket n - 1.
        int last = 0;
        for (int buckets = 1; buckets <= 20_000; buckets++)
        {
            int bucket = JumpConsistentHash.Bucket(key, buckets);
            Assert.InRange(bucket, 0, buckets - 1);
            Assert.True(bucket == last || bucket == buckets - 1, $"key {key}: {last} -> {bucket} at n = {buckets}");
            last = bucket;
        }
    }

    [Fact]
    public void AgreesWithGuavasFormulation_OnRandomKeysAndBucketCounts()
    {
        // Guava divides by a double in (0, 1] ((b + 1) / ((x + 1) / 2^31)); the paper multiplies by a
        // rounded ratio ((b + 1) * (2^31 / (x + 1))). The two can differ only where (b + 1) * 2^31 / (x + 1)
        // lies within a rounding error of an integer; this checks they agree on 200,000 seeded cases.
        var rng = new Workbook.Core.Simulation.Xoshiro256StarStar(2014);
        for (int i = 0; i < 200_000; i++)
        {
            ulong key = rng.NextUInt64();
            int buckets = 1 + (int)(rng.NextUInt64() % (i % 2 == 0 ? 1_000UL : 10_000_000UL));
            Assert.Equal(GuavaStyle(key, buckets), JumpConsistentHash.Bucket(key, buckets));
        }
    }

    private static int GuavaStyle(ulong state, int buckets)
    {
        int candidate = 0;
        while (true)
        {
            state = unchecked((2862933555777941757UL * state) + 1);
            double next = (candidate + 1) / ((double)((state >> 33) + 1) / 2147483648.0);
            if (next >= buckets)
            {
                return candidate;
            }

            candidate = (int)next;
        }
    }

    [Fact]
    public void OneBucket_TakesEveryKey()
    {
        Assert.Equal(0, JumpConsistentHash.Bucket(0, 1));
        Assert.Equal(0, JumpConsistentHash.Bucket(ulong.MaxValue, 1));
    }

    [Fact]
    public void LargestBucketCount_StaysInRange()
    {
        // A jump target can exceed int.MaxValue; it must end the loop, not wrap to a negative bucket.
        for (ulong key = 0; key < 200; key++)
        {
            Assert.InRange(JumpConsistentHash.Bucket(key, int.MaxValue), 0, int.MaxValue - 1);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void BadBucketCount_IsRejected(int buckets) =>
        BadInput.Rejects(() => JumpConsistentHash.Bucket(5, buckets), "buckets", "an integer > 0");
}
