using CsCheck;
using Workbook.Core.Hashing;

namespace Workbook.Core.Tests.Hashing.Properties;

// Lamping & Veach (2014), section 2: going from n to n + 1 buckets, a key stays or moves to the new bucket n.
public sealed class JumpConsistentHashProperties
{
    [Fact]
    public void Bucket_IsInRange_AndGrowingByOne_MovesKeysOnlyToTheNewBucket()
    {
        Gen.Select(Gen.ULong, Gen.Int[1, 1 << 20]).Sample((key, n) =>
        {
            int before = JumpConsistentHash.Bucket(key, n), after = JumpConsistentHash.Bucket(key, n + 1);
            return before >= 0 && before < n && (after == before || after == n);
        }, iter: 20_000, seed: HashingGen.Seed);
    }

    [Fact]
    public void GrowingByMany_MovesKeysOnlyToNewBuckets()
    {
        Gen.Select(Gen.ULong, Gen.Int[1, 10_000], Gen.Int[1, 10_000]).Sample((key, n, added) =>
        {
            int before = JumpConsistentHash.Bucket(key, n), after = JumpConsistentHash.Bucket(key, n + added);
            return after == before || (after >= n && after < n + added);
        }, iter: 20_000, seed: HashingGen.Seed);
    }
}
