namespace Workbook.Core.Hashing;

/// <summary>
/// A seeded 64-bit hash of bytes, the one hash shape Maglev and rendezvous hashing take.
/// </summary>
/// <remarks>
/// <c>System.IO.Hashing.XxHash64.HashToUInt64</c> has this shape and is what Envoy's Maglev uses
/// (seed 0 for the offset, seed 1 for the skip); the library does not reference that package yet, so
/// callers pass it in. <see cref="Md5SeededHash.Hash"/> is a platform stand-in that is not Envoy-compatible.
/// </remarks>
public delegate ulong SeededHash64(ReadOnlySpan<byte> data, long seed);
