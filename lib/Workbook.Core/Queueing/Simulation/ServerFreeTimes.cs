using System.Runtime.CompilerServices;

namespace Workbook.Core.Queueing.Simulation;

/// <summary>
/// The times at which each of c identical servers next becomes free, kept as a binary min-heap so
/// that the earliest is at hand in O(1) and can be replaced in O(log c).
/// </summary>
/// <remarks>
/// <para>
/// A FIFO queue with c identical servers needs only this from the past (J. Kiefer and
/// J. Wolfowitz, "On the theory of queues with many servers", Trans. AMS 78(1), 1955): the next
/// customer in line takes whichever server frees up first, starts at
/// max(arrival, earliest free time), and that server is then busy until start + service. So each
/// customer reads the minimum and replaces it with a later time.
/// </para>
/// <para>
/// The heap lives in one array of c doubles, allocated once per run: the children of slot i are
/// slots 2i + 1 and 2i + 2. All servers start free at time 0.
/// </para>
/// </remarks>
internal struct ServerFreeTimes
{
    private readonly double[] heap;

    public ServerFreeTimes(int servers)
    {
        heap = new double[servers];
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
        // Implementation note: "sift down" without swaps. The hole starts at the root; while a child
        // is earlier than the new value, move that child up into the hole and follow it. The new
        // value is written once, where the hole stops. A local copy of the array reference lets the
        // JIT keep it in a register.
        var times = heap;
        var count = times.Length;
        var hole = 0;
        var child = 1;
        while (child < count)
        {
            var right = child + 1;
            if (right < count && times[right] < times[child])
            {
                child = right;
            }

            var childTime = times[child];
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
