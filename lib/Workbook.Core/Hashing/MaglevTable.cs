using System.Globalization;
using System.Text;

namespace Workbook.Core.Hashing;

/// <summary>
/// A Maglev lookup table (Eisenbud et al., NSDI 2016, section 3.4): each backend walks its own
/// permutation of the M slots, <c>(offset + j·skip) mod M</c>, and the backends take turns claiming
/// their next free slot until the table is full. A key's hash picks slot <c>hash mod M</c>.
/// </summary>
/// <remarks>
/// Built as Envoy's Maglev load balancer builds it: offset = H(name, seed 0) mod M, skip =
/// H(name, seed 1) mod (M − 1) + 1, weights normalised to sum 1, and a backend takes a turn in round
/// r only while r·weight ≥ its running target (which grows by the largest weight per pick). With
/// <c>XxHash64.HashToUInt64</c> as the hash the table equals Envoy's. M must be prime so that every
/// skip generates a full permutation. Unlike a ring, removing a backend can move a few entries of
/// surviving backends too; <see cref="DisruptionOfRemoving"/> measures it.
/// </remarks>
public sealed class MaglevTable
{
    /// <summary>Envoy's default table size, 65537 (a prime; the paper's section 5.3 size).</summary>
    public const int DefaultTableSize = 65537;

    private readonly int[] slots;
    private readonly int[] entriesPerBackend;
    private readonly SeededHash64 hash;

    /// <summary>Builds the table for <paramref name="backends"/> (in the given order, which matters for ties).</summary>
    /// <exception cref="ArgumentException">No backends, or two share a name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The table size is not a prime ≥ the backend count.</exception>
    public MaglevTable(IReadOnlyList<MaglevBackend> backends, SeededHash64 hash, int tableSize = DefaultTableSize)
    {
        ArgumentNullException.ThrowIfNull(backends);
        ArgumentNullException.ThrowIfNull(hash);
        if (backends.Count == 0)
        {
            throw new ArgumentException("backends must list at least one backend; got none.", nameof(backends));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var backend in backends)
        {
            ArgumentNullException.ThrowIfNull(backend, nameof(backends));
            if (!names.Add(backend.Name))
            {
                throw new ArgumentException($"backends must have distinct names; '{backend.Name}' appears twice.", nameof(backends));
            }
        }

        if (tableSize < backends.Count || !IsPrime(tableSize))
        {
            throw Guard.OutOfRange(
                nameof(tableSize),
                $"a prime >= the number of backends ({backends.Count.ToString(CultureInfo.InvariantCulture)})",
                tableSize.ToString(CultureInfo.InvariantCulture));
        }

        Backends = [.. backends];
        TableSize = tableSize;
        this.hash = hash;
        slots = new int[tableSize];
        entriesPerBackend = new int[backends.Count];
        Populate();
    }

    /// <summary>The backends, in the order given.</summary>
    public IReadOnlyList<MaglevBackend> Backends { get; }

    /// <summary>The number of slots M (a prime).</summary>
    public int TableSize { get; }

    /// <summary>How many slots each backend owns (Envoy reports the min and max as statistics).</summary>
    public IReadOnlyList<int> EntriesPerBackend => entriesPerBackend;

    /// <summary>The index (into <see cref="Backends"/>) of the backend in slot <paramref name="slot"/>.</summary>
    public int BackendIndexAtSlot(int slot)
    {
        if ((uint)slot >= (uint)TableSize)
        {
            throw Guard.OutOfRange(nameof(slot), $"an integer in [0, {(TableSize - 1).ToString(CultureInfo.InvariantCulture)}]", slot.ToString(CultureInfo.InvariantCulture));
        }

        return slots[slot];
    }

    /// <summary>The backend index for a key whose hash is <paramref name="keyHash"/>: slot <c>keyHash mod M</c>.</summary>
    /// <param name="keyHash">The key's 64-bit hash.</param>
    /// <param name="attempt">A retry attempt; Envoy mixes it in as <c>keyHash XOR (2^64 − attempt)</c>.</param>
    public int BackendIndexFor(ulong keyHash, uint attempt = 0)
    {
        if (attempt > 0)
        {
            keyHash ^= unchecked(0UL - attempt);
        }

        return slots[(int)(keyHash % (ulong)TableSize)];
    }

    /// <summary>The table without backend <paramref name="backendIndex"/>, and how many slots changed owner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the list, or it names the only backend.</exception>
    public MaglevDisruption DisruptionOfRemoving(int backendIndex)
    {
        if (Backends.Count < 2)
        {
            throw Guard.OutOfRange(nameof(backendIndex), "the index of one of at least two backends", backendIndex.ToString(CultureInfo.InvariantCulture));
        }

        if ((uint)backendIndex >= (uint)Backends.Count)
        {
            throw Guard.OutOfRange(nameof(backendIndex), $"an integer in [0, {(Backends.Count - 1).ToString(CultureInfo.InvariantCulture)}]", backendIndex.ToString(CultureInfo.InvariantCulture));
        }

        var remaining = Backends.Where((_, i) => i != backendIndex).ToList();
        var after = new MaglevTable(remaining, hash, TableSize);
        return new MaglevDisruption(Backends[backendIndex].Name, TableSize, entriesPerBackend[backendIndex], CountChangedEntries(after), Backends.Count);
    }

    /// <summary>How many slots hold a different backend (compared by name) in <paramref name="other"/>, a table of the same size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tables differ in size.</exception>
    public int CountChangedEntries(MaglevTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.TableSize != TableSize)
        {
            throw Guard.OutOfRange(nameof(other), $"a table of the same size ({TableSize.ToString(CultureInfo.InvariantCulture)})", other.TableSize.ToString(CultureInfo.InvariantCulture));
        }

        int changed = 0;
        for (int slot = 0; slot < TableSize; slot++)
        {
            if (!string.Equals(Backends[slots[slot]].Name, other.Backends[other.slots[slot]].Name, StringComparison.Ordinal))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>True when <paramref name="n"/> is prime (trial division; M fits in an int).</summary>
    internal static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (int d = 3; (long)d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }

    private void Populate()
    {
        int n = Backends.Count;
        ulong m = (ulong)TableSize;
        var offset = new ulong[n];
        var skip = new ulong[n];
        var next = new ulong[n];
        var weight = new double[n];
        var target = new double[n];
        double sum = Backends.Sum(b => b.Weight);
        double maxWeight = 0;
        for (int i = 0; i < n; i++)
        {
            byte[] name = Encoding.UTF8.GetBytes(Backends[i].Name);
            offset[i] = hash(name, 0) % m;
            skip[i] = hash(name, 1) % (m - 1) + 1;
            weight[i] = Backends[i].Weight / sum;
            maxWeight = Math.Max(maxWeight, weight[i]);
        }

        Array.Fill(slots, -1);
        int filled = 0;
        for (uint round = 1; filled < TableSize; round++)
        {
            for (int i = 0; i < n && filled < TableSize; i++)
            {
                // Implementation note: a backend of weight w takes about w/maxWeight of the turns; the
                // comparison and the running sum follow Envoy's double arithmetic so ties break alike.
                if (round * weight[i] < target[i])
                {
                    continue;
                }

                target[i] += maxWeight;
                int slot = (int)((offset[i] + skip[i] * next[i]) % m);
                while (slots[slot] >= 0)
                {
                    next[i]++;
                    slot = (int)((offset[i] + skip[i] * next[i]) % m);
                }

                slots[slot] = i;
                next[i]++;
                entriesPerBackend[i]++;
                filled++;
            }
        }
    }
}
