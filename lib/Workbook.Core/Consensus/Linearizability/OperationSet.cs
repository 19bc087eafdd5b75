namespace Workbook.Core.Consensus.Linearizability;

/// <summary>A set of operation indices as a bitset, with a hash kept up to date on every change.</summary>
/// <remarks>
/// Implementation note: the hash is the XOR of a mixed value per member (Zobrist hashing), so adding
/// or removing a member costs one XOR instead of rehashing every word.
/// </remarks>
internal sealed class OperationSet(int capacity)
{
    private readonly ulong[] words = new ulong[(capacity + 63) / 64];

    public ulong Hash { get; private set; }

    public void Add(int index)
    {
        words[index >> 6] |= 1UL << (index & 63);
        Hash ^= Mix(index);
    }

    public void Remove(int index)
    {
        words[index >> 6] &= ~(1UL << (index & 63));
        Hash ^= Mix(index);
    }

    public ulong[] Snapshot() => (ulong[])words.Clone();

    private static ulong Mix(int index)
    {
        // SplitMix64's finaliser: nearby indices get unrelated 64-bit values.
        unchecked
        {
            var z = (ulong)index * 0x9E3779B97F4A7C15UL + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
