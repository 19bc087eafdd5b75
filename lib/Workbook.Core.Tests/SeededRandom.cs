using Workbook.Core.Simulation;

namespace Workbook.Core.Tests;

/// <summary>
/// Integer draws for tests that walk a seeded grid with the library's <see cref="Xoshiro256StarStar"/>
/// (never a seeded <see cref="System.Random"/>, whose sequence is not specified across .NET versions).
/// The generator is a mutable struct: pass it by <c>ref</c>.
/// </summary>
internal static class SeededRandom
{
    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) by Lemire's multiply-shift (bias below 2⁻³²).</summary>
    public static int Next(this ref Xoshiro256StarStar random, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(random.NextUInt64(), (ulong)maxExclusive, out _);
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public static int Next(this ref Xoshiro256StarStar random, int minInclusive, int maxExclusive) =>
        minInclusive + random.Next(maxExclusive - minInclusive);
}
