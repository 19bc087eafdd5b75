namespace Workbook.Core.Hashing;

/// <summary>
/// Jump consistent hash (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm", 2014):
/// maps a 64-bit key to a bucket in [0, buckets) with no table, moving only about 1/n of the keys
/// when the n-th bucket is added.
/// </summary>
/// <remarks>
/// Bit-compatible with the paper's C++ reference and Guava's <c>Hashing.consistentHash(long, int)</c>
/// (a Java <c>long</c> key is the same 64 bits as this <see cref="ulong"/>). Buckets can only be added
/// or removed at the end; a server that fails in the middle needs another scheme (a ring, rendezvous).
/// </remarks>
public static class JumpConsistentHash
{
    private const ulong LcgMultiplier = 2862933555777941757UL;

    /// <summary>The bucket in [0, <paramref name="buckets"/>) of a 64-bit key.</summary>
    /// <param name="key">The key's 64-bit hash (the algorithm does not hash it further).</param>
    /// <param name="buckets">The number of buckets; an integer &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="buckets"/> is zero or negative.</exception>
    public static int Bucket(ulong key, int buckets)
    {
        Guard.Positive(buckets, nameof(buckets));
        long bucket = -1;
        double jump = 0;
        // Implementation note: the jump target stays a double until it is compared with the bucket
        // count, so a target beyond int.MaxValue ends the loop instead of overflowing a cast.
        while (jump < buckets)
        {
            bucket = (long)jump;
            key = unchecked((key * LcgMultiplier) + 1);
            // (key >> 33) + 1 fits in 31 bits, so a signed conversion is exact (and cheaper than an unsigned one).
            jump = (bucket + 1) * (2147483648.0 / (long)((key >> 33) + 1));
        }

        return (int)bucket;
    }
}
