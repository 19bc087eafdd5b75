namespace Workbook.Core.Hashing;

/// <summary>
/// A seeded 64-bit hash of bytes, the one hash shape Maglev and rendezvous hashing take.
/// </summary>
/// <remarks>
/// <see cref="SeededHashes.XxHash64"/> (the platform's xxHash64) is the default and what Envoy's Maglev
/// uses (seed 0 for the offset, seed 1 for the skip); pass another to see how the choice of hash matters.
/// </remarks>
public delegate ulong SeededHash64(ReadOnlySpan<byte> data, long seed);
