using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Workbook.Core.Hashing;

/// <summary>
/// A <see cref="SeededHash64"/> built from the platform's MD5: the first eight digest bytes
/// (little-endian) of MD5(seed as eight little-endian bytes ‖ data).
/// </summary>
/// <remarks>
/// For teaching and tests when xxHash64 is not available. It is well mixed but slow and matches no
/// deployed system's Maglev or rendezvous choices; use xxHash64 for Envoy compatibility.
/// </remarks>
public static class Md5SeededHash
{
    /// <summary>Hashes <paramref name="data"/> with <paramref name="seed"/>.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, long seed)
    {
        byte[]? rented = null;
        int length = checked(data.Length + sizeof(long));
        Span<byte> buffer = length <= 256 ? stackalloc byte[length] : (rented = new byte[length]);
        BinaryPrimitives.WriteInt64LittleEndian(buffer, seed);
        data.CopyTo(buffer[sizeof(long)..]);
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(buffer[..length], digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }
}
