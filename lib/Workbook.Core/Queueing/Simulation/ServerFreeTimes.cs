using System.Runtime.CompilerServices;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The times at which each of c identical servers next becomes free, kept as a binary min-heap so
/// that the earliest is at hand in O(1) and can be replaced in O(log c).
/// </summary>
/// <remarks>
/// A FIFO queue with identical servers needs only this from the past: the next customer takes the
/// server that frees up first, so each customer reads the minimum and replaces it with a later time.
/// The heap lives in one array allocated once per run (children of slot i at 2i + 1 and 2i + 2); one
/// extra slot after the c servers holds +∞, so every left child has a right sibling to compare with.
/// </remarks>
internal struct ServerFreeTimes
{
    private readonly double[] heap;

    private readonly int count;

    public ServerFreeTimes(int servers)
    {
        count = servers;
        heap = new double[servers + 1];
        heap[servers] = double.PositiveInfinity;
    }

    /// <summary>The earliest time at which some server is free.</summary>
    public readonly double Earliest
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => heap[0];
    }

    /// <summary>
    /// Marks the server that is free earliest as busy until <paramref name="freeAt"/>, which must not
    /// be earlier than <see cref="Earliest"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void ReplaceEarliest(double freeAt)
    {
        // Implementation note: "sift down" without swaps. The hole starts at the root; while the
        // earlier child is earlier than the new value, move that child up into the hole and follow
        // it. The new value is written once, where the hole stops. The +∞ sentinel after the last
        // server spares a "has a right child?" test on every level (about 25 % faster for M/M/10 in
        // lib/Workbook.Benchmarks), and a local copy of the array reference stays in a register.
        var times = heap;
        var hole = 0;
        var child = 1;
        while (child < count)
        {
            var childTime = times[child];
            var rightTime = times[child + 1];
            if (rightTime < childTime)
            {
                child++;
                childTime = rightTime;
            }

            if (freeAt <= childTime)
            {
                break;
            }

            times[hole] = childTime;
            hole = child;
            child = 2 * hole + 1;
        }

        times[hole] = freeAt;
    }
}
