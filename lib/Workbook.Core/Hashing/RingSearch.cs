namespace Workbook.Core.Hashing;

/// <summary>The one search every ring does: the first point at or after a hash, wrapping past the top to point 0.</summary>
internal static class RingSearch
{
    /// <summary>The index of the first position ≥ <paramref name="hash"/> in ascending <paramref name="positions"/>, or 0 when none is.</summary>
    public static int FirstAtOrAfter(ReadOnlySpan<ulong> positions, ulong hash)
    {
        // Implementation note: a branch-free lower bound. Each step halves the range by choosing one of two
        // starts with a conditional move, so the CPU never mispredicts which half the key is in; the last
        // comparison decides between the remaining point and the one after it.
        int start = 0;
        int length = positions.Length;
        while (length > 1)
        {
            int half = length >> 1;
            start = positions[start + half - 1] < hash ? start + half : start;
            length -= half;
        }

        int index = positions[start] < hash ? start + 1 : start;
        return index == positions.Length ? 0 : index;
    }

    /// <summary>The same search over 32-bit positions (ketama's circle).</summary>
    public static int FirstAtOrAfter(ReadOnlySpan<uint> positions, uint hash)
    {
        int start = 0;
        int length = positions.Length;
        while (length > 1)
        {
            int half = length >> 1;
            start = positions[start + half - 1] < hash ? start + half : start;
            length -= half;
        }

        int index = positions[start] < hash ? start + 1 : start;
        return index == positions.Length ? 0 : index;
    }
}
