using System.Runtime.CompilerServices;

namespace Workbook.Core.HeapTests.Reliability.Leaks;

/// <summary>
/// How many bytes a structure keeps alive, measured by letting go of it: the heap with it minus the heap a moment later
/// without it, each after a full collection.
/// </summary>
/// <remarks>
/// <see cref="GC.GetTotalMemory(bool)"/> counts the whole process. Comparing readings taken before and after a feed of
/// millions of items also counts whatever other threads allocated and still held meanwhile (a full-suite run
/// failed that way); these two readings are taken back to back, so only the structure's own bytes differ between them.
/// </remarks>
internal static class HeldBytes
{
    /// <summary>Creates a structure, feeds it <paramref name="count"/> items, and returns the bytes it holds.</summary>
    public static long After<T>(Func<T> create, Action<T, int> feed, int count)
        where T : class
    {
        var box = new object?[1];
        Fill(box, create, feed, count);
        long with = GC.GetTotalMemory(forceFullCollection: true);
        box[0] = null;
        long without = GC.GetTotalMemory(forceFullCollection: true);
        return with - without;
    }

    // Implementation note: a separate, non-inlined frame, so that no local of the caller keeps the structure alive
    // after the box lets go of it (Debug builds keep locals alive to the end of their method).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fill<T>(object?[] box, Func<T> create, Action<T, int> feed, int count)
        where T : class
    {
        var structure = create();
        for (int i = 0; i < count; i++)
        {
            feed(structure, i);
        }

        box[0] = structure;
    }
}
