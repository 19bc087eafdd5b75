using System.Globalization;
using System.Text;
using Workbook.Core.Simulation;

namespace Workbook.Core.Hashing.Chord;

/// <summary>
/// Chord's m-bit identifier circle (Stoica et al. 2001, §4.2): identifiers 0 … 2^m − 1, arithmetic
/// modulo 2^m, and the half-open and open intervals the protocol tests membership in.
/// </summary>
/// <remarks>
/// The paper uses SHA-1 (m = 160); here m is in [3, 62] so identifiers fit a <see cref="ulong"/>
/// and small circles can be drawn. (a, a] is the whole circle and (a, a) all of it except a, the
/// paper's convention for a node that is its own successor.
/// </remarks>
public sealed record ChordSpace
{
    /// <summary>The smallest number of identifier bits accepted.</summary>
    public const int MinimumBits = 3;

    /// <summary>The largest number of identifier bits accepted (identifiers fit a ulong with room for sums).</summary>
    public const int MaximumBits = 62;

    /// <summary>Creates the circle of 2^<paramref name="identifierBits"/> identifiers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="identifierBits"/> is outside [3, 62].</exception>
    public ChordSpace(int identifierBits = 32)
    {
        if (identifierBits is < MinimumBits or > MaximumBits)
        {
            throw Guard.OutOfRange(nameof(identifierBits), $"an integer in [{MinimumBits}, {MaximumBits}]", identifierBits.ToString(CultureInfo.InvariantCulture));
        }

        IdentifierBits = identifierBits;
    }

    /// <summary>m, the number of bits of an identifier (and of fingers per node).</summary>
    /// <value>The default is 32.</value>
    public int IdentifierBits { get; }

    /// <summary>2^m, the number of identifiers on the circle.</summary>
    public ulong Size => 1UL << IdentifierBits;

    /// <summary>The identifier of a name: the top m bits of xxHash64(name, <paramref name="seed"/>).</summary>
    public ulong IdFor(string name, long seed = 0)
    {
        Guard.NotBlank(name, nameof(name));
        return SeededHashes.XxHash64(Encoding.UTF8.GetBytes(name), seed) >> (64 - IdentifierBits);
    }

    /// <summary><paramref name="count"/> distinct identifiers drawn uniformly from a seeded Xoshiro256**.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1 or above 2^m.</exception>
    public IReadOnlyList<ulong> RandomIds(int count, long seed)
    {
        CheckNodeCount(count, nameof(count));
        var rng = new Xoshiro256StarStar(seed);
        var ids = new HashSet<ulong>();
        var ordered = new List<ulong>(count);
        while (ordered.Count < count)
        {
            ulong id = rng.NextUInt64() >> (64 - IdentifierBits);
            if (ids.Add(id))
            {
                ordered.Add(id);
            }
        }

        return ordered;
    }

    /// <summary>The clockwise distance from <paramref name="from"/> to <paramref name="to"/>, in [0, 2^m).</summary>
    public ulong Distance(ulong from, ulong to) => unchecked(to - from) & (Size - 1);

    /// <summary>(id + 2^(i−1)) mod 2^m, the start of finger i (i in [1, m]).</summary>
    public ulong FingerStart(ulong id, int i) => unchecked(id + (1UL << (i - 1))) & (Size - 1);

    /// <summary>True when <paramref name="x"/> is in (a, b] clockwise; (a, a] is the whole circle.</summary>
    public bool InOpenClosed(ulong x, ulong a, ulong b)
    {
        ulong dx = Distance(a, x), db = Distance(a, b);
        return db == 0 || (dx > 0 && dx <= db);
    }

    /// <summary>True when <paramref name="x"/> is in (a, b) clockwise; (a, a) is the circle without a.</summary>
    public bool InOpen(ulong x, ulong a, ulong b)
    {
        ulong dx = Distance(a, x), db = Distance(a, b);
        return dx > 0 && (db == 0 || dx < db);
    }

    /// <summary>Checks an identifier is on the circle.</summary>
    internal ulong CheckId(ulong id, string paramName)
    {
        if (id >= Size)
        {
            throw Guard.OutOfRange(paramName, $"an identifier in [0, 2^{IdentifierBits} - 1]", id.ToString(CultureInfo.InvariantCulture));
        }

        return id;
    }

    /// <summary>Checks a node count is in [1, 2^m].</summary>
    internal int CheckNodeCount(int count, string paramName)
    {
        if (count < 1 || (ulong)count > Size)
        {
            throw Guard.OutOfRange(paramName, $"an integer in [1, 2^{IdentifierBits}]", count.ToString(CultureInfo.InvariantCulture));
        }

        return count;
    }
}
