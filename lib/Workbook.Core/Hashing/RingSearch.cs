using System.Numerics;

namespace Workbook.Core.Hashing;

/// <summary>The one search every ring does: the first point at or after a hash, wrapping past the top to point 0.</summary>
internal static class RingSearch
{
    /// <summary>The index of the first position ≥ <paramref name="hash"/> in ascending <paramref name="positions"/>, or 0 when none is.</summary>
    /// <typeparam name="T">The position type: <see cref="uint"/> (ketama's circle) or <see cref="ulong"/>.</typeparam>
    public static int FirstAtOrAfter<T>(ReadOnlySpan<T> positions, T hash)
        where T : IComparisonOperators<T, T, bool>
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
}
