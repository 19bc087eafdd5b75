using System.Numerics;
using System.Runtime.CompilerServices;

namespace Workbook.Core.Simulation;

/// <summary>
/// A small, fast, seeded pseudo-random number generator: xoshiro256** with its state filled by
/// SplitMix64. The same seed always gives the same sequence, on every machine and .NET version.
/// </summary>
/// <remarks>
/// Use it instead of <c>new Random(seed)</c>, which keeps .NET's original subtractive generator (a
/// mistyped lag, dotnet/runtime #23198) whose correlated outputs bias tail checks (episode 13,
/// section 3, measures it). It is a <c>struct</c> of four words: pass it by <c>ref</c> (a copy replays
/// the same numbers) and never use <c>default</c> (the all-zero state returns zero forever).
/// SplitMix64 fills the state from the seed. Statistical, not cryptographic: four outputs predict
/// the rest. Reference: Blackman and Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4), 2021.
/// </remarks>
public struct Xoshiro256StarStar
{
    // 2⁻⁵², the spacing of the 52-bit grid NextDouble draws from.
    private const double TwoToMinus52 = 1.0 / (1L << 52);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates a generator whose whole sequence is determined by <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value; nearby seeds (1, 2, 3, …) give unrelated sequences.</param>
    public Xoshiro256StarStar(long seed)
    {
        var splitMix = unchecked((ulong)seed);
        s0 = SplitMix64(ref splitMix);
        s1 = SplitMix64(ref splitMix);
        s2 = SplitMix64(ref splitMix);
        s3 = SplitMix64(ref splitMix);
    }

    private Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /// <summary>Returns the next 64 uniformly distributed random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        // Implementation note: every multiplication and shift here is meant to wrap modulo 2⁶⁴;
        // the project builds with overflow checks on, so the block says so explicitly.
        unchecked
        {
            var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>
    /// Returns a uniformly distributed number strictly between 0 and 1, never 0 and never 1, so
    /// both <c>Math.Log(u)</c> and <c>Math.Log(1 − u)</c> are finite.
    /// </summary>
    /// <remarks>
    /// The result is <c>(k + ½) × 2⁻⁵²</c> for a random 52-bit integer <c>k</c>: the midpoints of
    /// 2⁵² equal cells of [0, 1). The smallest value is 2⁻⁵³ and the largest 1 − 2⁻⁵³, both
    /// exactly representable, and the set is symmetric about ½. (The tempting
    /// <c>(k + ½) × 2⁻⁵³</c> with 53 bits rounds its largest value up to exactly 1.0.)
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ToOpenUnitInterval(NextUInt64());

    /// <summary>
    /// Returns an exponentially distributed number with the given mean, by inverse transform
    /// sampling: if U is uniform on (0, 1) then −ln U is exponential with mean 1.
    /// </summary>
    /// <remarks>
    /// Because <see cref="NextDouble"/> never returns 0, the result is always finite; the largest
    /// possible value is 53 ln 2 ≈ 36.7 means, a truncation with probability about 10⁻¹⁶.
    /// The mean is not checked here (this sits in the innermost loop): the samplers that call it
    /// validate their parameters once, at construction.
    /// </remarks>
    /// <param name="mean">The mean, a finite number &gt; 0.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential(double mean) => -mean * Math.Log(NextDouble());

    /// <summary>Creates a generator with the given raw state, for checking against the published reference outputs.</summary>
    internal static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>Maps 64 random bits to (0, 1) as <see cref="NextDouble"/> does; separate so its end points can be tested.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ToOpenUnitInterval(ulong bits) => ((bits >> 12) + 0.5) * TwoToMinus52;

    /// <summary>One step of SplitMix64: advances <paramref name="state"/> by a fixed odd constant and mixes it.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
