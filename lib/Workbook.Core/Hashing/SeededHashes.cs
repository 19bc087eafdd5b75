using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Workbook.Core.Hashing;

/// <summary>The seeded 64-bit hashes the hashing schemes use, all taken from the platform, none hand-rolled.</summary>
public static class SeededHashes
{
    /// <summary>xxHash64 from System.IO.Hashing: fast, well mixed, and the hash Envoy's Maglev uses.</summary>
    /// <param name="data">The bytes to hash.</param>
    /// <param name="seed">The seed.</param>
    public static ulong XxHash64(ReadOnlySpan<byte> data, long seed) => System.IO.Hashing.XxHash64.HashToUInt64(data, seed);

    /// <summary>
    /// MD5 as a seeded 64-bit hash: the first eight digest bytes (little-endian) of MD5(seed as eight
    /// little-endian bytes ‖ data). Slow; it is here to show that the schemes do not depend on xxHash.
    /// </summary>
    /// <param name="data">The bytes to hash.</param>
    /// <param name="seed">The seed.</param>
    public static ulong Md5(ReadOnlySpan<byte> data, long seed)
    {
        byte[] buffer = new byte[checked(data.Length + sizeof(long))];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, seed);
        data.CopyTo(buffer.AsSpan(sizeof(long)));
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(buffer, digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
